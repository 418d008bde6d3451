using System.Diagnostics;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace Skewless.Benchmarks;

/// <summary>
/// A cross-check for noisy machines: runs the [Benchmark] methods of one class in one process, interleaved round by round in
/// a random order, and reports each one's per-round ratio to the baseline of its category. A neighbour that steals the CPU
/// for a while slows every candidate of the rounds it overlaps alike, so the median per-round ratio survives load that makes
/// BenchmarkDotNet's separate, sequential runs disagree by more than the effect being measured. It honours [Params] (every
/// combination), [GlobalSetup], [GlobalCleanup], [BenchmarkCategory], Baseline and OperationsPerInvoke; it has no overhead
/// subtraction and no memory diagnoser. Usage: <c>--paired ClassName [rounds]</c>.
/// </summary>
public static class PairedRunner
{
    private static readonly TimeSpan SampleTarget = TimeSpan.FromMilliseconds(1);

    public static int Run(string[] args)
    {
        var type = args.Length > 0
            ? typeof(PairedRunner).Assembly.GetTypes().SingleOrDefault(t => t.Name == args[0] && Methods(t).Any())
            : null;
        if (type is null)
        {
            var known = typeof(PairedRunner).Assembly.GetTypes().Where(t => Methods(t).Any()).Select(t => t.Name).Order();
            Console.Error.WriteLine($"Usage: --paired <class> [rounds]; classes: {string.Join(", ", known)}.");
            return 2;
        }

        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 400;
        Console.WriteLine($"Paired run of {type.Name}: {rounds} rounds, candidates in a fresh random order each round; ratio = median over rounds of (candidate / baseline of its category) in that round.");
        Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} logical cores, load average at start {LoadAverage()}.");
        foreach (var parameters in Combinations(type))
        {
            var instance = Activator.CreateInstance(type)!;
            foreach (var (property, value) in parameters)
            {
                property.SetValue(instance, value);
            }

            Invoke<GlobalSetupAttribute>(type, instance);
            Measure(instance, parameters, rounds);
            Invoke<GlobalCleanupAttribute>(type, instance);
        }

        Console.WriteLine($"Load average at end {LoadAverage()}.");
        return 0;
    }

    private sealed record Candidate(string Name, string Category, bool Baseline, int OperationsPerInvoke, Action Run)
    {
        public int Passes { get; set; } = 1;
    }

    private static IEnumerable<MethodInfo> Methods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null);

    private static IEnumerable<List<(PropertyInfo Property, object? Value)>> Combinations(Type type)
    {
        IEnumerable<List<(PropertyInfo, object?)>> combinations = [[]];
        foreach (var property in type.GetProperties().Where(p => p.GetCustomAttribute<ParamsAttribute>() is not null))
        {
            var values = property.GetCustomAttribute<ParamsAttribute>()!.Values;
            combinations = combinations.SelectMany(c => values.Select(v => new List<(PropertyInfo, object?)>(c) { (property, v) })).ToList();
        }

        return combinations;
    }

    private static void Invoke<TAttribute>(Type type, object instance)
        where TAttribute : Attribute
    {
        foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<TAttribute>() is not null))
        {
            method.Invoke(instance, null);
        }
    }

    private static List<Candidate> Candidates(object instance) =>
        Methods(instance.GetType()).Select(method =>
        {
            var benchmark = method.GetCustomAttribute<BenchmarkAttribute>()!;
            var category = method.GetCustomAttribute<BenchmarkCategoryAttribute>()?.Categories.FirstOrDefault() ?? "";
            var run = method.ReturnType == typeof(void)
                ? method.CreateDelegate<Action>(instance)
                : Expression.Lambda<Action>(Expression.Call(Expression.Constant(instance), method)).Compile();
            return new Candidate(benchmark.Description ?? method.Name, category, benchmark.Baseline, benchmark.OperationsPerInvoke, run);
        }).ToList();

    private static void Measure(object instance, List<(PropertyInfo Property, object? Value)> parameters, int rounds)
    {
        var candidates = Candidates(instance);

        // Calibrate: enough invocations a sample to last about SampleTarget, one for anything slower.
        foreach (var candidate in candidates)
        {
            candidate.Run();
            var start = Stopwatch.GetTimestamp();
            candidate.Run();
            var once = Stopwatch.GetElapsedTime(start);
            candidate.Passes = (int)Math.Clamp(SampleTarget.TotalNanoseconds / Math.Max(once.TotalNanoseconds, 1), 1, 1_000_000);
        }

        // Let tiered compilation and dynamic PGO settle: about 20 samples of every candidate, pausing for the background JIT.
        var warmups = candidates.Max(c => c.Passes) > 1 ? 20 : 1;
        for (var warm = 0; warm < warmups; warm++)
        {
            foreach (var candidate in candidates)
            {
                Sample(candidate);
            }

            Thread.Sleep(warmups > 1 ? 50 : 0);
        }

        var samples = candidates.Select(_ => new double[rounds]).ToArray();
        var indices = Enumerable.Range(0, candidates.Count).ToArray();
        var random = new Random(7);
        for (var round = 0; round < rounds; round++)
        {
            random.Shuffle(indices);
            foreach (var index in indices)
            {
                samples[index][round] = Sample(candidates[index]);
            }
        }

        var scale = samples.SelectMany(s => s).Median() > 1e6 ? (Unit: "ms", Divisor: 1e6) : (Unit: "ns", Divisor: 1.0);
        Console.WriteLine();
        Console.WriteLine(parameters.Count == 0 ? "(no parameters)" : string.Join(", ", parameters.Select(p => $"{p.Property.Name}={p.Value}")));
        Console.WriteLine($"| {"Candidate",-48} | {"Category",-20} | {"Median " + scale.Unit + "/op",14} | {"Min " + scale.Unit + "/op",11} | {"Ratio",6} | {"Ratio IQR",13} |");
        Console.WriteLine($"|{new string('-', 50)}|{new string('-', 22)}|{new string('-', 15)}:|{new string('-', 12)}:|{new string('-', 7)}:|{new string('-', 15)}|");
        foreach (var group in candidates.Select((c, i) => (c, i)).GroupBy(x => x.c.Category))
        {
            var baseline = group.FirstOrDefault(x => x.c.Baseline) is { c: not null } b ? b.i : group.First().i;
            foreach (var (candidate, i) in group)
            {
                var ratios = Enumerable.Range(0, rounds).Select(r => samples[i][r] / samples[baseline][r]).ToArray();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {candidate.Name,-48} | {candidate.Category,-20} | {samples[i].Median() / scale.Divisor,14:F3} | {samples[i].Min() / scale.Divisor,11:F3} | {ratios.Median(),6:F3} | {ratios.Quantile(0.25),6:F3}..{ratios.Quantile(0.75),5:F3} |"));
            }
        }
    }

    /// <summary>One sample: the candidate's time per operation, in nanoseconds.</summary>
    private static double Sample(Candidate candidate)
    {
        var start = Stopwatch.GetTimestamp();
        for (var pass = 0; pass < candidate.Passes; pass++)
        {
            candidate.Run();
        }

        return Stopwatch.GetElapsedTime(start).TotalNanoseconds / (candidate.Passes * (double)candidate.OperationsPerInvoke);
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static double Median(this IEnumerable<double> values) => values.ToArray().Quantile(0.5);

    private static double Quantile(this double[] values, double q)
    {
        var sorted = values.Order().ToArray();
        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }
}
