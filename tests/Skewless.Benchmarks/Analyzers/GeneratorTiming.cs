using System.Globalization;
using Microsoft.CodeAnalysis;
using Skewless.Analyzers.Generation;

namespace Skewless.Benchmarks.Analyzers;

/// <summary>
/// The Skewless generator's time on <see cref="SyntheticProject"/>, by the generator driver's own timing, in process:
/// <c>--generator-timing [sets...]</c>. Every round runs on a fresh copy of the compilation, so nothing bound in one
/// round is reused by the next; the first round only warms up the JIT.
/// </summary>
internal static class GeneratorTiming
{
    private const int Rounds = 5;

    public static int Run(string[] args)
    {
        var sizes = args.Length > 0 ? args.Select(arg => int.Parse(arg, CultureInfo.InvariantCulture)).ToArray() : [100, 250, 500];
        Console.WriteLine($"Load average {PairedRunner.LoadAverage()}");
        Console.WriteLine("| sets | FeatureSetGenerator | per feature set |");
        Console.WriteLine("|---:|---:|---:|");
        foreach (var sets in sizes)
        {
            var compilation = SyntheticProject.BeforeGenerators(sets, withSkewless: true);
            var times = new List<double>();
            for (var round = 0; round < Rounds; round++)
            {
                var timing = SyntheticProject.Generate(compilation, new FeatureSetGenerator()).RunGenerators(compilation.Clone()).GetTimingInfo();
                if (round > 0)
                {
                    times.Add(timing.ElapsedTime.TotalMilliseconds);
                }
            }

            var median = times.Order().ElementAt(times.Count / 2);
            Console.WriteLine(FormattableString.Invariant($"| {sets} | {median:0} ms | {median / sets:0.00} ms |"));
        }

        Console.WriteLine($"Load average at end {PairedRunner.LoadAverage()}. Milliseconds, median of {Rounds - 1} rounds after one warm-up.");
        return 0;
    }
}
