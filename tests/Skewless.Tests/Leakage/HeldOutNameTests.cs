using Skewless.Analyzers.Leakage.Lineage;
using Xunit;

namespace Skewless.Tests.Leakage;

/// <summary>Which variable names say they hold the held-out side of a split written by hand.</summary>
public sealed class HeldOutNameTests
{
    [Theory]
    [InlineData("test")]
    [InlineData("Test")]
    [InlineData("testFlights")]
    [InlineData("marchTest")]
    [InlineData("xTest")]
    [InlineData("holdout")]
    [InlineData("holdout_rows")]
    [InlineData("rows_holdout")]
    [InlineData("validationRows")]
    [InlineData("evalData")]
    [InlineData("testingSet")]
    public void Names_of_held_out_rows(string name) => Assert.True(LocalLineage.NamesHeldOutRows(name));

    [Theory]
    [InlineData("")]
    [InlineData("t")]
    [InlineData("train")]
    [InlineData("latest")]
    [InlineData("contest")]
    [InlineData("validRows")]
    [InlineData("testimonials")]
    [InlineData("attestation")]
    [InlineData("flights")]
    [InlineData("_")]
    public void Other_names(string name) => Assert.False(LocalLineage.NamesHeldOutRows(name));
}
