using System.Diagnostics;
using System.Globalization;

namespace Skewless.Benchmarks;

/// <summary>
/// A cross-check for noisy machines: runs the benchmark methods of a class in one process, interleaved round by round
/// in a random order, and reports each one's per-round ratio to the baseline. A neighbour that steals the CPU for a while
/// slows every candidate of the rounds it overlaps alike, so the median per-round ratio survives load that makes
/// BenchmarkDotNet's separate, sequential runs disagree by more than the effect being measured.
/// Usage: <c>--paired [ServingBenchmarks|EmitterExperiments] [rounds]</c>.
/// </summary>
public static class PairedRunner
{
    private const int PassesPerSample = 128; // 128 x 1,024 rows: about 1 ms a sample.

    public static int Run(string[] args)
    {
        var which = args.Length > 0 ? args[0] : nameof(EmitterExperiments);
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 400;
        Console.WriteLine($"Paired run of {which}: {rounds} rounds, {PassesPerSample} x {ServingRows.PerInvoke:N0} rows a sample, candidates in random order each round.");
        Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} logical cores.");
        foreach (var order in Enum.GetValues<RowOrder>())
        {
            var candidates = Candidates(which, order);
            Measure(order, candidates, rounds);
        }

        return 0;
    }

    private static List<(string Name, Action Run)> Candidates(string which, RowOrder order)
    {
        switch (which)
        {
            case nameof(EmitterExperiments):
            {
                var b = new EmitterExperiments { Order = order };
                b.Setup();
                return
                [
                    ("Hand-written", b.HandWritten),
                    ("Generated", b.Generated),
                    ("Copy: as emitted", b.AsEmitted),
                    ("Copy: indexed one-hot", b.IndexedOneHot),
                    ("Copy: branchless bools", b.BranchlessBools),
                    ("Copy: one-hot + bools", b.Both),
                    ("Copy: fused Transform(row, span)", b.FusedIntoSpan),
                    ("Control: hand-written, compute then write", b.HandWrittenComputeThenWrite),
                ];
            }
            case nameof(ServingBenchmarks):
            {
                var b = new ServingBenchmarks { Order = order };
                b.Setup();
                return
                [
                    ("Hand-written: write floats", b.HandWrittenWrite),
                    ("Generated: Transform(row).CopyTo(span)", b.GeneratedTransformCopyTo),
                    ("Hand-written: typed features", b.HandWrittenCompute),
                    ("Generated: Transform(row)", b.GeneratedTransform),
                ];
            }
            default:
                throw new ArgumentException($"Unknown benchmark class '{which}'.", nameof(which));
        }
    }

    private static void Measure(RowOrder order, List<(string Name, Action Run)> candidates, int rounds)
    {
        // Let tiered compilation and dynamic PGO settle: a few seconds of every candidate, with pauses for the background JIT.
        for (var warm = 0; warm < 20; warm++)
        {
            foreach (var candidate in candidates)
            {
                for (var pass = 0; pass < PassesPerSample; pass++)
                {
                    candidate.Run();
                }
            }

            Thread.Sleep(50);
        }

        var samples = candidates.Select(_ => new double[rounds]).ToArray();
        var indices = Enumerable.Range(0, candidates.Count).ToArray();
        var random = new Random(7);
        for (var round = 0; round < rounds; round++)
        {
            random.Shuffle(indices);
            foreach (var index in indices)
            {
                var run = candidates[index].Run;
                var start = Stopwatch.GetTimestamp();
                for (var pass = 0; pass < PassesPerSample; pass++)
                {
                    run();
                }

                var elapsed = Stopwatch.GetElapsedTime(start);
                samples[index][round] = elapsed.TotalNanoseconds / (PassesPerSample * (double)ServingRows.PerInvoke);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Order={order} (baseline: first of each pair)");
        Console.WriteLine($"| {"Candidate",-42} | {"Median ns/row",13} | {"Min ns/row",10} | {"Ratio (median of rounds)",24} | {"Ratio IQR",13} |");
        Console.WriteLine($"|{new string('-', 44)}|{new string('-', 14)}:|{new string('-', 11)}:|{new string('-', 25)}:|{new string('-', 14)}:|");
        for (var i = 0; i < candidates.Count; i++)
        {
            // ServingBenchmarks pairs its candidates two by two; EmitterExperiments compares everything to the first.
            var baseline = candidates.Count == 4 ? i - (i % 2) : 0;
            var ratios = Enumerable.Range(0, rounds).Select(r => samples[i][r] / samples[baseline][r]).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {candidates[i].Name,-42} | {Median(samples[i]),13:F3} | {samples[i].Min(),10:F3} | {Median(ratios),24:F3} | {Quantile(ratios, 0.25),5:F3}..{Quantile(ratios, 0.75),5:F3} |"));
        }
    }

    private static double Median(double[] values) => Quantile(values, 0.5);

    private static double Quantile(double[] values, double q)
    {
        var sorted = values.Order().ToArray();
        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }
}
