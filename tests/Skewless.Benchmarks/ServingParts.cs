using BenchmarkDotNet.Attributes;
using Flights;
using Skewless.Transforms;

namespace Skewless.Benchmarks;

/// <summary>
/// Where a served row's time goes: each part of the flight features alone, over the same rows as
/// <see cref="ServingBenchmarks"/>, through the same public runtime calls the generated kernel makes. The parts overlap
/// (the CPU runs them in parallel in the full row), so they add up to more than the whole. Run paired:
/// <c>--paired ServingParts 1000</c>.
/// </summary>
public class ServingParts : ServedRowsBenchmarks
{
    private ZScore _zScore = null!;
    private QuantileBuckets _deciles = null!;
    private Vocabulary _origins = null!;
    private HashBuckets _destinations = null!;
    private FlightFeatures.Fitted _fitted = null!;
    private readonly float[] _buffer = new float[FlightFeatures.Vector.Width];
    private float _single;
    private int _integer;

    [GlobalSetup]
    public void Setup()
    {
        var all = LoadRows();
        _fitted = ServingRows.FitSaveLoad(all);
        _zScore = (ZScore)_fitted.Transforms[4]!;
        _deciles = (QuantileBuckets)_fitted.Transforms[5]!;
        _origins = (Vocabulary)_fitted.Transforms[6]!;
        _destinations = (HashBuckets)_fitted.Transforms[7]!;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ServingRows.PerInvoke, Description = "Whole row: Transform(row, span)")]
    public void Whole()
    {
        var rows = Rows;
        var fitted = _fitted;
        var buffer = _buffer.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            fitted.Transform(in rows[i], buffer);
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Clear 128 floats")]
    public void Clear()
    {
        var rows = Rows;
        var buffer = _buffer.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            buffer.Clear();
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Hour, Day, Weekend, RedEye")]
    public void Calendar()
    {
        var rows = Rows;
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            _single = FlightFeatures.Hour(row) + (int)FlightFeatures.Day(row) + (FlightFeatures.Weekend(row) ? 1 : 0) + (FlightFeatures.RedEye(row) ? 1 : 0);
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "LogDistance: MathF.Log + ZScore.Apply")]
    public void LogDistance()
    {
        var rows = Rows;
        var zScore = _zScore;
        for (var i = 0; i < rows.Length; i++)
        {
            _single = zScore.Apply(FlightFeatures.LogDistance(rows[i]));
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "DistanceDecile: QuantileBuckets.BucketOf")]
    public void Decile()
    {
        var rows = Rows;
        var deciles = _deciles;
        for (var i = 0; i < rows.Length; i++)
        {
            _integer = deciles.BucketOf(FlightFeatures.DistanceDecile(rows[i]));
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Origin: Vocabulary.IndexOf")]
    public void Origin()
    {
        var rows = Rows;
        var origins = _origins;
        for (var i = 0; i < rows.Length; i++)
        {
            _integer = origins.IndexOf(FlightFeatures.Origin(rows[i]));
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Destination: HashBuckets.BucketOf")]
    public void Destination()
    {
        var rows = Rows;
        var destinations = _destinations;
        for (var i = 0; i < rows.Length; i++)
        {
            _integer = destinations.BucketOf(FlightFeatures.Destination(rows[i]));
        }
    }
}
