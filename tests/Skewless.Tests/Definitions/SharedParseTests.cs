using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Skewless.Analyzers.Contracts;
using Skewless.Analyzers.DataSources;
using Skewless.Analyzers.Definitions;
using Skewless.Analyzers.Parsing;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Definitions;

/// <summary>The analyzers that need a feature set's model share one parse per compilation; sharing must change nothing they report.</summary>
public sealed class SharedParseTests
{
    private const string Source = TestSources.Flight + """
        [FeatureSet(typeof(Flight), Version = 2)]
        public static partial class FlightFeatures
        {
            [Feature] public static float Hour(Flight f) => f.Departure.Hour;
            [Feature] public static string Unsupported(Flight f) => f.Origin;
            [Feature] public static DateTime When(Flight f) => f.Departure;
        }
        """;

    [Fact]
    public async Task Analyzers_sharing_a_parse_report_what_each_reports_alone()
    {
        DiagnosticAnalyzer[] analyzers = [new FeatureSetDefinitionAnalyzer(), new FeatureContractAnalyzer(), new UnderutilisedDataMemberAnalyzer()];
        var alone = new List<string>();
        foreach (var analyzer in analyzers)
        {
            alone.AddRange(Describe(await Analyze(TestCompilation.Create(Source), analyzer)));
        }

        var together = Describe(await Analyze(TestCompilation.Create(Source), analyzers));

        Assert.True(alone.Select(diagnostic => diagnostic[..6]).Distinct().Count() >= 2, string.Join("\n", alone));
        Assert.Equal(alone.Order(), together.Order());
    }

    [Fact]
    public void A_cancelled_computation_is_not_kept()
    {
        var once = new Once<string>();

        Assert.Throws<OperationCanceledException>(() => once.Get(() => throw new OperationCanceledException()));

        Assert.Equal("computed", once.Get(() => "computed"));
        Assert.Equal("computed", once.Get(() => "computed again"));
    }

    private static Task<ImmutableArray<Diagnostic>> Analyze(Compilation compilation, params DiagnosticAnalyzer[] analyzers) =>
        compilation.WithAnalyzers([.. analyzers]).GetAnalyzerDiagnosticsAsync();

    private static IEnumerable<string> Describe(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.Select(diagnostic => $"{diagnostic.Id} {diagnostic.Location.SourceSpan} {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
}
