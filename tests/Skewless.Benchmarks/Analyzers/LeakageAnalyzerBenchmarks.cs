using System.Collections.Immutable;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Skewless.Analyzers.Leakage.Dependencies;
using Skewless.Analyzers.Leakage.Preprocessing;
using Skewless.Analyzers.Leakage.Splits;

namespace Skewless.Benchmarks.Analyzers;

/// <summary>
/// What the leakage analyzers add to a build, on <see cref="SyntheticProject"/> with and without
/// Skewless: the compiler's own diagnostics pass (binding every method body, as a build does before
/// emitting) alone; with an analyzer that does nothing, which is the analyzer driver's own cost that
/// every SDK build pays already for the built-in .NET analyzers; and with the three leakage analyzers.
/// Each operation analyses a fresh copy of the compilation, so nothing is cached from the previous one.
/// Run with <c>--filter '*LeakageAnalyzer*'</c>.
/// </summary>
[MemoryDiagnoser]
public class LeakageAnalyzerBenchmarks
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Leakage =
        [new FeatureDependencyAnalyzer(), new RandomSplitAnalyzer(), new PreprocessingLeakageAnalyzer()];

    private Compilation _compilation = null!;

    [Params(100, 250, 500)]
    public int Sets { get; set; }

    [Params(true, false)]
    public bool Skewless { get; set; }

    /// <summary>Also measures the analyzers' share in-process, once per parameter set.</summary>
    [GlobalSetup(Target = nameof(Compile))]
    public void SetupAndMeasureShare()
    {
        Setup();
        MeasureShare();
    }

    [GlobalSetup(Targets = [nameof(CompileWithIdleAnalyzer), nameof(CompileWithLeakageAnalyzers)])]
    public void Setup()
    {
        _compilation = SyntheticProject.Create(Sets, Skewless);
        var errors = _compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"The synthetic project does not compile: {errors[0]}");
        }

        // The analyzers must find exactly the planted leaks, or the timing would be of the wrong work: one leaking
        // set in ten, where the leak reaches all its features, since each feature calls the one before.
        var found = WithAnalyzers(_compilation, logTime: false).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var expected = Skewless ? (Sets + 9) / 10 * SyntheticProject.FeaturesPerSet : 0;
        if (found.Length != expected || found.Any(diagnostic => diagnostic.Id != "SKW200"))
        {
            throw new InvalidOperationException($"Expected {expected} SKW200, found: {string.Join(", ", found.Select(diagnostic => diagnostic.Id))}");
        }

    }

    [Benchmark(Baseline = true, Description = "Compiler diagnostics")]
    public int Compile() => _compilation.Clone().GetDiagnostics().Length;

    [Benchmark(Description = "Compiler + idle analyzer")]
    public int CompileWithIdleAnalyzer() => Analyze(_compilation.Clone(), [new IdleAnalyzer()], logTime: false).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;

    [Benchmark(Description = "Compiler + leakage analyzers")]
    public int CompileWithLeakageAnalyzers() => WithAnalyzers(_compilation.Clone(), logTime: false).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;

    /// <summary>
    /// The share measured in one process, the three variants alternating round by round, so that load from other
    /// processes hits them alike: the wall time the leakage analyzers add over the idle analyzer, and their own
    /// execution time by the compiler's telemetry (what csc's <c>/reportanalyzer</c> prints), each as a share of the
    /// build with them.
    /// </summary>
    private void MeasureShare()
    {
        const int Rounds = 5;
        var added = new List<double>();
        var executed = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            var alone = Time(() => _compilation.Clone().GetDiagnostics());
            var idle = Time(() => Analyze(_compilation.Clone(), [new IdleAnalyzer()], logTime: false).GetAllDiagnosticsAsync().GetAwaiter().GetResult());
            var analysis = Analyze(_compilation.Clone(), Leakage, logTime: true);
            var total = Time(() => analysis.GetAllDiagnosticsAsync().GetAwaiter().GetResult());
            var analyzerTime = Leakage.Sum(analyzer => analysis.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds);

            added.Add((total - idle) / total);
            executed.Add(analyzerTime / total);
            Console.WriteLine(FormattableString.Invariant(
                $"// Share round {round + 1}, {Sets} sets, Skewless {Skewless}: compiler {alone:0} ms, + idle analyzer {idle:0} ms, + leakage analyzers {total:0} ms, their execution {analyzerTime:0.0} ms"));
        }

        Console.WriteLine(FormattableString.Invariant(
            $"// Share median, {Sets} sets, Skewless {Skewless}: wall time added over the idle analyzer {Median(added):P1}, leakage analyzer execution {Median(executed):P2}"));
    }

    private static double Time(Action action)
    {
        var stopwatch = Stopwatch.StartNew();
        action();
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static CompilationWithAnalyzers WithAnalyzers(Compilation compilation, bool logTime) => Analyze(compilation, Leakage, logTime);

    private static CompilationWithAnalyzers Analyze(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, bool logTime) =>
        compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: logTime, reportSuppressedDiagnostics: false));

    /// <summary>Registers nothing: what any analyzer costs before it does any work.</summary>
#pragma warning disable RS1036, RS1041, RS2008 // A benchmark-only analyzer that is never shipped or loaded by a compiler.
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class IdleAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("IDLE001", "Idle", "Idle", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
        }
    }
}
#pragma warning restore RS1036, RS1041, RS2008
