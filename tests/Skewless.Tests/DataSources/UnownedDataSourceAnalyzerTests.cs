using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.DataSources;
using Skewless.Analyzers.Diagnostics;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.DataSources;

public sealed class UnownedDataSourceAnalyzerTests
{
    private static Task VerifyAsync(string attribute, params DiagnosticResult[] expected) => Verify.AnalyzerAsync<UnownedDataSourceAnalyzer>($$"""
        using Skewless;

        {{attribute}}
        public sealed record Route(string Origin, string Destination, int Count);
        """, expected);

    private static DiagnosticResult Missing(string source, string what) =>
        new DiagnosticResult(Descriptors.UnownedDataSource).WithLocation(0).WithArguments(source, what);

    [Fact]
    public Task A_data_source_with_an_owner_and_a_version_is_silent() =>
        VerifyAsync("""[DataSource("bts.routes", Owner = "bts", Version = "2008")]""");

    [Fact]
    public Task A_type_without_DataSource_is_not_a_data_source() => VerifyAsync("");

    [Theory]
    [InlineData("""[{|#0:DataSource("bts.routes")|}]""", "Owner or Version")]
    [InlineData("""[{|#0:DataSource("bts.routes", Version = "2008")|}]""", "Owner")]
    [InlineData("""[{|#0:DataSource("bts.routes", Owner = "bts")|}]""", "Version")]
    [InlineData("""[{|#0:DataSource("bts.routes", Owner = " ", Version = "")|}]""", "Owner or Version")]
    public Task SKW501_fires_when_the_owner_or_the_version_is_missing(string attribute, string missing) =>
        VerifyAsync(attribute, Missing("bts.routes", missing));
}
