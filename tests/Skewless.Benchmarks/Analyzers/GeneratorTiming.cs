using System.Globalization;
using Microsoft.CodeAnalysis;
using Skewless.Analyzers.Generation;

namespace Skewless.Benchmarks.Analyzers;

/// <summary>
/// The Skewless generator's time on <see cref="SyntheticProject"/>, by the generator driver's own timing, in process:
/// <c>--generator-timing [sets...]</c>. Every round runs on a fresh copy of the compilation, so nothing bound in one
/// round is reused by the next. The first round, in a fresh process, also JIT-compiles the generator and the parts of
/// Roslyn it uses, as a build without the compiler server does; the median is of the later rounds.
/// </summary>
internal static class GeneratorTiming
{
    private const int Rounds = 5;

    public static int Run(string[] args)
    {
        var sizes = args.Length > 0 ? args.Select(arg => int.Parse(arg, CultureInfo.InvariantCulture)).ToArray() : [100, 250, 500];
        Console.WriteLine($"Load average {PairedRunner.LoadAverage()}");
        Console.WriteLine("| sets | FeatureSetGenerator, first round (cold JIT) | later rounds, median | per feature set |");
        Console.WriteLine("|---:|---:|---:|---:|");
        foreach (var sets in sizes)
        {
            var compilation = SyntheticProject.BeforeGenerators(sets, withSkewless: true);
            var times = new List<double>();
            var first = 0.0;
            for (var round = 0; round < Rounds; round++)
            {
                var timing = SyntheticProject.Generate(compilation, new FeatureSetGenerator()).RunGenerators(compilation.Clone()).GetTimingInfo();
                if (round == 0)
                {
                    first = timing.ElapsedTime.TotalMilliseconds;
                }
                else
                {
                    times.Add(timing.ElapsedTime.TotalMilliseconds);
                }
            }

            var median = times.Order().ElementAt(times.Count / 2);
            Console.WriteLine(FormattableString.Invariant($"| {sets} | {first:0} ms | {median:0} ms | {median / sets:0.00} ms |"));
        }

        Console.WriteLine($"Load average at end {PairedRunner.LoadAverage()}. Milliseconds, median of {Rounds - 1} rounds after one warm-up.");
        return 0;
    }
}
