using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
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
        "samples/Pitfalls/Skew/SKW302_Nondeterministic.cs",
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
        var cuts = Cuts(text);
        Assert.True(cuts.Count > 50, $"{file} has only {cuts.Count} tokens.");

        var failures = await CrashesOnEveryPrefix(text, cuts, prefix => TestCompilation.Create(others.Append(prefix).ToArray()), analyzers: null);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
    }

    /// <summary>Where to cut <paramref name="text"/>: after each of its tokens.</summary>
    internal static List<int> Cuts(string text) =>
        CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Select(token => token.Span.End).Distinct().ToList();

    /// <summary>
    /// Compiles each prefix of <paramref name="text"/>, runs the generator and the analyzers (all of them when
    /// <paramref name="analyzers"/> is null) over it, and returns every crash, each with where the text was cut.
    /// </summary>
    internal static async Task<List<string>> CrashesOnEveryPrefix(string text, IEnumerable<int> cuts, Func<string, Compilation> compile, ImmutableArray<DiagnosticAnalyzer>? analyzers)
    {
        // One driver across all cuts, as in an editor, so the generator's caches see every edit in turn.
        var driver = TestCompilation.Driver();
        var failures = new List<string>();
        foreach (var cut in cuts)
        {
            driver = driver.RunGeneratorsAndUpdateCompilation(compile(text[..cut]), out var output, out var generatorDiagnostics);
            var result = driver.GetRunResult().Results.Single();
            var analyzerDiagnostics = await TestCompilation.AnalyzeAsync(output, analyzers);
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

        return failures;
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
