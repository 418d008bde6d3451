using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Robustness;

/// <summary>
/// Code as it is being typed: every prefix of a real feature file, cut after each token. The
/// generator and every analyzer must run over each without throwing (no AD0001, no CS8785).
/// </summary>
public sealed class HalfTypedCodeTests
{
    public static TheoryData<string> Files() => new()
    {
        "samples/Flights/FlightFeatures.cs",
        "samples/Flights/Flight.cs",
        "tests/Skewless.Tests/Generator/Cases/EveryKind.cs",
        "samples/Pitfalls/Skew/Ride.cs",
        "samples/Pitfalls/Skew/SKW303_CultureDependent.cs",
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_prefix_runs_without_exceptions(string file)
    {
        var path = Path.Combine(RepositoryPaths.Root, file);
        var text = File.ReadAllText(path);
        var others = Directory.EnumerateFiles(Path.GetDirectoryName(path)!, "*.cs")
            .Where(other => other != path && !other.EndsWith("Program.cs", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .Append(TestCompilation.ImplicitUsings)
            .ToArray();
        var cuts = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Select(token => token.Span.End).Distinct().ToList();
        Assert.True(cuts.Count > 50, $"{file} has only {cuts.Count} tokens.");

        // One driver across all cuts, as in an editor, so the generator's caches see every edit in turn.
        var driver = TestCompilation.Driver();
        var failures = new List<string>();
        foreach (var cut in cuts)
        {
            var compilation = TestCompilation.Create(others.Append(text[..cut]).ToArray());
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
            var result = driver.GetRunResult().Results.Single();
            var analyzerDiagnostics = await TestCompilation.AnalyzeAsync(output);
            var crashes = generatorDiagnostics.Concat(analyzerDiagnostics)
                .Where(diagnostic => diagnostic.Id is "AD0001" or "CS8784" or "CS8785")
                .Select(diagnostic => diagnostic.ToString())
                .ToList();
            if (result.Exception is not null)
            {
                crashes.Add(result.Exception.ToString());
            }

            failures.AddRange(crashes.Select(crash => $"cut at {cut} (...{text[Math.Max(0, cut - 40)..cut]}): {crash}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
    }
}

/// <summary>The harness itself must see a crash, or the test above could never fail.</summary>
public sealed class CrashDetectionTests
{
    [Fact]
    public async Task A_throwing_analyzer_surfaces_as_AD0001()
    {
        var diagnostics = await TestCompilation.AnalyzeAsync(TestCompilation.Create("class C { }"), [new ThrowingAnalyzer()]);
        Assert.Contains(diagnostics, diagnostic => diagnostic.Id == "AD0001");
    }

#pragma warning disable RS1001, RS1036, RS2008 // A test-only analyzer whose one job is to crash; it is never shipped.
    private sealed class ThrowingAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("TEST001", "t", "t", "t", DiagnosticSeverity.Warning, true);

        public override System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

        public override void Initialize(Microsoft.CodeAnalysis.Diagnostics.AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(Microsoft.CodeAnalysis.Diagnostics.GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxTreeAction(_ => throw new InvalidOperationException("boom"));
        }
    }
}
#pragma warning restore RS1001, RS1036, RS2008
