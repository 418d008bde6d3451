using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit;

namespace Skewless.Tests.ML;

/// <summary>
/// Skewless.ML is its own package: it must call only Skewless's public API, or a Skewless.ML from one build running
/// against a Skewless from another fails with MissingMethodException instead of a compile or restore error.
/// </summary>
public sealed class PackageBoundaryTests
{
    [Fact]
    public void Skewless_shows_its_internals_to_its_tests_only()
    {
        var friends = typeof(FeatureSchema).Assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(friend => friend.AssemblyName);

        Assert.Equal(["Skewless.Tests"], friends);
    }
}
