using BenchmarkDotNet.Attributes;
using Flights;
using Skewless.Monitoring;

namespace Skewless.Benchmarks;

/// <summary>
/// Each part of what a monitor adds to one served row, alone, on values computed beforehand: starting and ending the
/// row on the thread's buffer (which includes counting the whole buffer every 64 rows), storing the three numeric
/// features, the four categorical ones, the hashed string. Shows what dominates <see cref="MonitorBenchmarks"/>. Run
/// with <c>--paired MonitorParts</c>.
/// </summary>
public class MonitorParts
{
    private FlightFeatures.Fitted _fitted = null!;
    private FeatureMonitor<Flight> _monitor = null!;
    private double[] _hour = [], _log = [], _distance = [];
    private int[] _day = [], _weekend = [], _redEye = [], _origin = [];
    private ulong[] _hash = [];

    [GlobalSetup]
    public void Setup()
    {
        var all = ServingRows.All();
        var rows = ServingRows.Select(all, RowOrder.Shuffled);
        var fitted = _fitted = ServingRows.FitSaveLoad(all);
        _monitor = fitted.Monitor();
        _hour = rows.Select(row => (double)FlightFeatures.Hour(row)).ToArray();
        _log = rows.Select(row => (double)FlightFeatures.LogDistance(row)).ToArray();
        _distance = rows.Select(row => (double)FlightFeatures.DistanceDecile(row)).ToArray();
        var vectors = rows.Select(row => fitted.Transform(row)).ToArray();
        _day = rows.Select(row => (int)FlightFeatures.Day(row)).ToArray();
        _weekend = rows.Select(row => FlightFeatures.Weekend(row) ? 1 : 0).ToArray();
        _redEye = rows.Select(row => FlightFeatures.RedEye(row) ? 1 : 0).ToArray();
        _origin = vectors.Select(vector => vector.Origin).ToArray();
        _hash = rows.Select(FlightFeatures.Destination).Select(StableHash.Of).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _monitor.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = ServingRows.PerInvoke, Description = "BeginRow + EndRow")]
    public void Begin()
    {
        var monitor = _monitor;
        for (var i = 0; i < ServingRows.PerInvoke; i++)
        {
            FeatureObserver.BeginRow(monitor, _fitted).EndRow();
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "BeginRow + 3 numbers")]
    public void Numbers()
    {
        var monitor = _monitor;
        for (var i = 0; i < ServingRows.PerInvoke; i++)
        {
            var observer = FeatureObserver.BeginRow(monitor, _fitted);
            observer.Number(0, _hour[i]);
            observer.Number(4, _log[i]);
            observer.Number(5, _distance[i]);
            observer.EndRow();
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "BeginRow + 4 categories")]
    public void Categories()
    {
        var monitor = _monitor;
        for (var i = 0; i < ServingRows.PerInvoke; i++)
        {
            var observer = FeatureObserver.BeginRow(monitor, _fitted);
            observer.Category(1, _day[i]);
            observer.Category(2, _weekend[i]);
            observer.Category(3, _redEye[i]);
            observer.Category(6, _origin[i]);
            observer.EndRow();
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "BeginRow + hashed string")]
    public void Hashed()
    {
        var monitor = _monitor;
        for (var i = 0; i < ServingRows.PerInvoke; i++)
        {
            var observer = FeatureObserver.BeginRow(monitor, _fitted);
            observer.Hashed(7, _hash[i]);
            observer.EndRow();
        }
    }
}
