using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Skewless.Analyzers.Generation;

namespace Skewless.Benchmarks.Analyzers;

/// <summary>
/// Each Skewless analyzer's time on <see cref="SyntheticProject"/>, in process, by Roslyn's own per-analyzer timing:
/// <c>--analyzer-timing [sets]</c>. Each runs once alone and once with all the others. Work the analyzers share (the
/// walk of what every feature reaches, which binds the bodies it reaches) is billed to whichever analyzer asks for it
/// first, so only the alone column says what one analyzer costs by itself, and csc's <c>/reportanalyzer</c> (see
/// <c>--analyzer-share</c>) can bill one analyzer for the others.
/// </summary>
internal static class AnalyzerTiming
{
    public static int Run(string[] args)
    {
        var sets = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        var compilation = SyntheticProject.Create(sets, withSkewless: true);
        var analyzers = typeof(FeatureSetGenerator).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .ToList();

        Console.WriteLine($"{sets} feature sets, load average {PairedRunner.LoadAverage()}. Milliseconds of analyzer time, one thread.");
        var together = Time(compilation, analyzers.Select(Create).ToArray());
        Console.WriteLine("| analyzer | alone | with the others |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var type in analyzers)
        {
            var alone = Time(compilation, [Create(type)]);
            Console.WriteLine(FormattableString.Invariant($"| {type.Name} | {alone.Values.Single():0} | {together[type]:0} |"));
        }

        Console.WriteLine(FormattableString.Invariant($"| all together | | {together.Values.Sum():0} |"));
        Console.WriteLine($"Load average at end {PairedRunner.LoadAverage()}.");
        return 0;
    }

    private static DiagnosticAnalyzer Create(Type type) => (DiagnosticAnalyzer)Activator.CreateInstance(type)!;

    // A fresh copy of the compilation, so that nothing one run bound is reused by the next.
    private static Dictionary<Type, double> Time(Compilation compilation, DiagnosticAnalyzer[] analyzers)
    {
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        var withAnalyzers = compilation.Clone().WithAnalyzers(ImmutableArray.Create(analyzers), options);
        _ = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return analyzers.ToDictionary(analyzer => analyzer.GetType(), analyzer => withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds);
    }
}
