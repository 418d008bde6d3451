using BenchmarkDotNet.Attributes;
using Skewless.Transforms;

namespace Skewless.Benchmarks;

/// <summary>
/// What <see cref="QuantileSketch.Add"/> costs a value once the sketch has more than
/// <see cref="QuantileSketch.ExactLimit"/> distinct values, as when fitting <c>[QuantileBuckets]</c> or the training
/// statistics' histograms on a high-cardinality numeric column: <see cref="Values"/> seeded values of each
/// <see cref="SketchData"/>, added to a sketch that has already left its exact phase (on a prefix of other values of the
/// same distribution, in the iteration's setup). "Two halves + Merge" adds each half to its own such sketch and merges
/// them, as a partitioned fit does. Run with <c>--filter '*QuantileSketchBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class QuantileSketchBenchmarks
{
    /// <summary>The values each invocation adds.</summary>
    public const int Values = 1_000_000;

    // Twice the exact limit of distinct values, as long as few repeat: enough to leave the exact phase.
    private const int Prefix = 2 * QuantileSketch.ExactLimit;

    private double[] _values = [];
    private double[] _prefix = [];
    private QuantileSketch _sketch = null!;
    private QuantileSketch _right = null!;

    [Params(SketchData.Uniform, SketchData.EpochSeconds, SketchData.LogNormal)]
    public SketchData Data { get; set; }

    public double Sink { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261128);
        _prefix = Draw(random, Prefix);
        _values = Draw(random, Values);
        if (Started().IsExact)
        {
            throw new InvalidOperationException($"{Prefix} values of {Data} leave the sketch exact: the benchmark would time the exact phase.");
        }
    }

    [IterationSetup(Target = nameof(OnePass))]
    public void StartOne() => _sketch = Started();

    [IterationSetup(Target = nameof(TwoHalvesMerged))]
    public void StartTwo() => (_sketch, _right) = (Started(), Started());

    [Benchmark(Baseline = true, OperationsPerInvoke = Values, Description = "Add, one pass")]
    public void OnePass()
    {
        var sketch = _sketch;
        foreach (var value in _values)
        {
            sketch.Add(value);
        }

        Sink = sketch.Count;
    }

    [Benchmark(OperationsPerInvoke = Values, Description = "Add two halves + Merge")]
    public void TwoHalvesMerged()
    {
        var (left, right) = (_sketch, _right);
        var half = _values.Length / 2;
        for (var i = 0; i < half; i++)
        {
            left.Add(_values[i]);
        }

        for (var i = half; i < _values.Length; i++)
        {
            right.Add(_values[i]);
        }

        left.Merge(right);
        Sink = left.Count;
    }

    private QuantileSketch Started()
    {
        var sketch = new QuantileSketch();
        foreach (var value in _prefix)
        {
            sketch.Add(value);
        }

        return sketch;
    }

    private double[] Draw(Random random, int count)
    {
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = Data switch
            {
                SketchData.Uniform => random.NextDouble(),
                SketchData.EpochSeconds => 1.7e9 + random.Next(365 * 24 * 3600),
                _ => Math.Exp(Normal(random)),
            };
        }

        return values;
    }

    // Box-Muller: a standard normal from two uniforms.
    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

/// <summary>The distributions <see cref="QuantileSketchBenchmarks"/> adds.</summary>
public enum SketchData
{
    /// <summary>Uniform on [0, 1): the grid's cells are 2^-12 wide, the logarithmic buckets crowd near 0.</summary>
    Uniform,

    /// <summary>Whole seconds over a year from about 1.7e9: a narrow range far from zero, where the grid is the narrower summary.</summary>
    EpochSeconds,

    /// <summary>e^N(0, 1): spread over orders of magnitude, where the logarithmic buckets are the narrower summary.</summary>
    LogNormal,
}
