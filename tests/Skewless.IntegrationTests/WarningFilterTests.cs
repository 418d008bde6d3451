using Skewless.IntegrationTests.Infrastructure;
using Xunit;

namespace Skewless.IntegrationTests;

/// <summary>The consumer tests pass on "no warnings about Skewless"; this makes sure that filter does see them.</summary>
public sealed class WarningFilterTests
{
    [Fact]
    public void Warnings_about_Skewless_are_found_in_console_logger_output_and_others_are_not()
    {
        string[] aboutSkewless =
        [
            "/tmp/c/Features.cs(8,15): warning SKW105: Input type 'Order' of feature set 'OrderFeatures' has no [DataSource] [/tmp/c/Shop.csproj]",
            "/tmp/p/skewless/0.1.0/buildTransitive/Skewless.targets(26,5): warning SKW001: The Skewless source generator ... [/tmp/c/Shop.csproj]",
            "CSC : warning CS8032: An instance of analyzer Skewless.Analyzers.Definitions.FeatureSetDefinitionAnalyzer cannot be created [/tmp/c/Shop.csproj]",
            "/tmp/c/Shop.csproj : warning NU1603: Skewless 0.1.0 depends on System.Memory (>= 4.6.3) but System.Memory 4.6.3 was not found. [/tmp/c/Shop.csproj]",
            "CSC : warning CS8785: Generator 'FeatureSetGenerator' failed to generate source. [/tmp/c/Shop.csproj]",
        ];
        string[] others =
        [
            "/tmp/c/Program.cs(3,5): warning CS0168: The variable 'unused' is declared but never used [/tmp/c/Shop.csproj]",
            "  Shop -> /tmp/c/bin/Debug/net10.0/Shop.dll",
            "    0 Warning(s)",
        ];

        var found = ConsumerProject.SkewlessWarnings(string.Join(Environment.NewLine, [.. aboutSkewless, .. others]));

        Assert.Equal(aboutSkewless, found);
    }
}
