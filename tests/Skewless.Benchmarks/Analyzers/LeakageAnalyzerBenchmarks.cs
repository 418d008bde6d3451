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
/// emitting) alone; with an analyzer that does nothing, which is the analyzer driver's own cost; with an
/// analyzer that only asks for every body's operation tree, as the .NET analyzers an SDK build enables by
/// default (CA1416 and others) and Skewless's own skew analyzers do, which makes the compiler bind every
/// body a second time for its semantic model; and with the three leakage analyzers.
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

    [GlobalSetup(Targets = [nameof(CompileWithIdleAnalyzer), nameof(CompileWithOperationTrees), nameof(CompileWithLeakageAnalyzers)])]
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
        var found = Analyze(_compilation, Leakage).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var expected = Skewless ? (Sets + 9) / 10 * SyntheticProject.FeaturesPerSet : 0;
        if (found.Length != expected || found.Any(diagnostic => diagnostic.Id != "SKW200"))
        {
            throw new InvalidOperationException($"Expected {expected} SKW200, found: {string.Join(", ", found.Select(diagnostic => diagnostic.Id))}");
        }

    }

    [Benchmark(Baseline = true, Description = "Compiler diagnostics")]
    public int Compile() => _compilation.Clone().GetDiagnostics().Length;

    [Benchmark(Description = "Compiler + idle analyzer")]
    public int CompileWithIdleAnalyzer() => Run([new EmptyAnalyzer(operationTrees: false)]);

    [Benchmark(Description = "Compiler + operation trees")]
    public int CompileWithOperationTrees() => Run([new EmptyAnalyzer(operationTrees: true)]);

    [Benchmark(Description = "Compiler + leakage analyzers")]
    public int CompileWithLeakageAnalyzers() => Run(Leakage);

    /// <summary>
    /// The share measured in one process, the variants alternating round by round, so that load from other
    /// processes hits them alike. Times are the process's CPU time, which other processes on a loaded machine
    /// disturb less than wall time. Reports what the leakage analyzers add over the idle analyzer (all their
    /// cost, binding included) and over the operation-tree analyzer (their cost in a build that binds the
    /// bodies anyway), each as a share of the whole compilation with them.
    /// </summary>
    private void MeasureShare()
    {
        const int Rounds = 4;
        var overIdle = new List<double>();
        var overTrees = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            var alone = CpuTime(Compile);
            var idle = CpuTime(() => Run([new EmptyAnalyzer(operationTrees: false)]));
            var trees = CpuTime(() => Run([new EmptyAnalyzer(operationTrees: true)]));
            var total = CpuTime(() => Run(Leakage));
            var both = CpuTime(() => Run([new EmptyAnalyzer(operationTrees: true), .. Leakage]));

            // The first round only warms up the JIT.
            if (round >= 1)
            {
                overIdle.Add((total - idle) / total);
                overTrees.Add((both - trees) / both);
            }

            Console.WriteLine(FormattableString.Invariant(
                $"// Share round {round + 1}, {Sets} sets, Skewless {Skewless}: compiler {alone:0} ms, + idle analyzer {idle:0} ms, + leakage analyzers {total:0} ms, + operation trees {trees:0} ms, + both {both:0} ms (CPU)"));
        }

        Console.WriteLine(FormattableString.Invariant(
            $"// Share median, {Sets} sets, Skewless {Skewless}: leakage analyzers over the idle analyzer {Median(overIdle):P1}, over the operation trees {Median(overTrees):P1}"));
    }

    private static double CpuTime(Func<int> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        action();
        process.Refresh();
        return (process.TotalProcessorTime - before).TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>Every diagnostic of a fresh copy of the compilation, the compiler's and the analyzers'.</summary>
    private int Run(ImmutableArray<DiagnosticAnalyzer> analyzers) => Analyze(_compilation.Clone(), analyzers).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;

    private static CompilationWithAnalyzers Analyze(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));

    /// <summary>
    /// Does no work: with <c>operationTrees</c> false it registers nothing, which is what any analyzer costs
    /// before it does any work; with true it only asks for the operation tree of every body.
    /// </summary>
#pragma warning disable RS1036, RS1041, RS2008 // A benchmark-only analyzer that is never shipped or loaded by a compiler.
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class EmptyAnalyzer(bool operationTrees) : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("EMPTY001", "Empty", "Empty", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            if (operationTrees)
            {
                context.RegisterOperationBlockAction(_ => { });
            }
        }
    }
}
#pragma warning restore RS1036, RS1041, RS2008
