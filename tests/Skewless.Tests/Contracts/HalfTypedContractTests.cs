using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Skewless.Analyzers.Contracts;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Contracts;

/// <summary>
/// The contract analyzer with the sample's real FeatureSets.Shipped.txt, over the sample's v1 feature
/// set cut after every token, as it is being typed: no exception at any cut, and nothing to report
/// once the class is whole again.
/// </summary>
public sealed class HalfTypedContractTests
{
    [Fact]
    public async Task Every_prefix_of_a_recorded_feature_set_runs_without_exceptions()
    {
        var sample = Path.Combine(RepositoryPaths.Root, "samples", "Flights");
        var text = File.ReadAllText(Path.Combine(sample, "FlightFeaturesV1.cs"));
        var options = new AnalyzerOptions([new Contract(File.ReadAllText(Path.Combine(sample, FeatureContract.FileName)))]);
        var others = new[] { TestCompilation.ImplicitUsings, File.ReadAllText(Path.Combine(sample, "Flight.cs")), File.ReadAllText(Path.Combine(sample, "FlightFeatures.cs")) };
        var cuts = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Select(token => token.Span.End).Distinct().ToList();

        var failures = new List<string>();
        foreach (var cut in cuts)
        {
            var compilation = TestCompilation.Create(others.Append(text[..cut]).ToArray());
            var diagnostics = await compilation.WithAnalyzers([new FeatureContractAnalyzer()], options).GetAnalyzerDiagnosticsAsync();
            failures.AddRange(diagnostics.Where(diagnostic => diagnostic.Id == "AD0001" || cut == cuts[^1]).Select(diagnostic => $"cut at {cut}: {diagnostic}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
    }

    private sealed class Contract(string text) : AdditionalText
    {
        public override string Path => "/sample/" + FeatureContract.FileName;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
