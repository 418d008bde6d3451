using BenchmarkDotNet.Attributes;
using Flights;
using Skewless.Transforms;

namespace Skewless.Benchmarks;

/// <summary>
/// One served value through a fitted <see cref="QuantileBuckets"/>, against the bisection a hand-written serving path
/// would use (as <see cref="HandWrittenFlightFeatures"/> does), on the sample's distance deciles of the real rows, in
/// both orders (see <see cref="RowOrder"/>). Setup checks that the two agree on every value.
/// </summary>
public class QuantileBucketLookupBenchmarks
{
    private double[] _values = [];
    private double[] _boundaries = [];
    private QuantileBuckets _buckets = null!;
    public int Sink { get; private set; }

    [Params(RowOrder.Shuffled, RowOrder.Chronological)]
    public RowOrder Order { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var all = ServingRows.All();
        _buckets = (QuantileBuckets)ServingRows.FitSaveLoad(all).Transforms[5]!;
        _boundaries = _buckets.Boundaries.ToArray();
        _values = ServingRows.Select(all, Order).Select(row => (double)FlightFeatures.DistanceDecile(row)).ToArray();
        if (_values.Any(value => _buckets.BucketOf(value) != Bisect(value)))
        {
            throw new InvalidOperationException("The buckets and the bisection disagree.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ServingRows.PerInvoke, Description = "Bisection")]
    public void Bisection()
    {
        var sum = 0;
        for (var i = 0; i < ServingRows.PerInvoke; i++)
        {
            sum += Bisect(_values[i]);
        }

        Sink = sum;
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "QuantileBuckets.BucketOf")]
    public void BucketOf()
    {
        var buckets = _buckets;
        var sum = 0;
        for (var i = 0; i < ServingRows.PerInvoke; i++)
        {
            sum += buckets.BucketOf(_values[i]);
        }

        Sink = sum;
    }

    private int Bisect(double value) => double.IsNaN(value) ? -1 : HandWrittenFlightFeatures.EdgesAtOrBelow(_boundaries, value);
}
