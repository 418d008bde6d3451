using BenchmarkDotNet.Attributes;
using Flights;
using Skewless.Transforms;

namespace Skewless.Benchmarks;

/// <summary>
/// Why <see cref="ZScore"/> and <see cref="MinMax"/> take a <see cref="float"/>: a float field widened by the caller
/// becomes one <c>vcvtss2sd</c> that reads memory and merges into its destination register, which the JIT gives the
/// previous row's result, so every row waits on the last one's division. The same z-score of the rows' distances, widened
/// by the caller and by the transform.
/// </summary>
public class FloatWideningBenchmarks : ServedRowsBenchmarks
{
    private ZScore _zScore = null!;
    private readonly float[] _destination = new float[1];

    [GlobalSetup]
    public void Setup()
    {
        var all = LoadRows();
        var accumulator = new ZScoreAccumulator();
        foreach (var row in all)
        {
            accumulator.Add(row.DistanceMiles);
        }

        _zScore = accumulator.Complete();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ServingRows.PerInvoke, Description = "Apply((double)row.DistanceMiles)")]
    public void WidenedByCaller()
    {
        var rows = Rows;
        var zScore = _zScore;
        var destination = _destination;
        for (var i = 0; i < rows.Length; i++)
        {
            destination[0] = zScore.Apply((double)rows[i].DistanceMiles);
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Apply(row.DistanceMiles)")]
    public void WidenedByTransform()
    {
        var rows = Rows;
        var zScore = _zScore;
        var destination = _destination;
        for (var i = 0; i < rows.Length; i++)
        {
            destination[0] = zScore.Apply(rows[i].DistanceMiles);
        }
    }
}
