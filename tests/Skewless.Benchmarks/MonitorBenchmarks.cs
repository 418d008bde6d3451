using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Flights;
using Skewless.Monitoring;
using Skewless.Transforms;

namespace Skewless.Benchmarks;

/// <summary>
/// What a <see cref="FeatureMonitor{TRow}"/> adds to serving: one row through the generated <c>Transform</c>, with and
/// without a monitor observing every feature's value, on the same real rows; and, as a floor, what counting the same
/// statistics by hand adds to the hand-written features (<see cref="HandWrittenFlightMonitor"/>). Run with
/// <c>--filter '*MonitorBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class MonitorBenchmarks : ServedRowsBenchmarks
{
    private const string Generated = "Generated", HandWritten = "Hand-written";

    private FlightFeatures.Fitted _fitted = null!;
    private FeatureMonitor<Flight> _monitor = null!;
    private HandWrittenFlightFeatures _handWritten = null!;
    private HandWrittenFlightMonitor _handWrittenMonitor = null!;
    private readonly float[] _buffer = new float[FlightFeatures.Vector.Width];

    // Results go to a field, so the JIT cannot drop the work as dead.
    private FlightFeatures.Vector _vector;
    private HandWrittenFlightFeatures.Features _features;

    [GlobalSetup]
    public void Setup()
    {
        var all = LoadRows();
        _fitted = ServingRows.FitSaveLoad(all);
        _monitor = _fitted.Monitor();
        _handWritten = new HandWrittenFlightFeatures(_fitted);
        _handWrittenMonitor = new HandWrittenFlightMonitor(_fitted.Statistics, ((Vocabulary)_fitted.Transforms[6]!).Terms.Count);

        // The floor must count what the generated monitor counts.
        using (var check = _fitted.Monitor())
        {
            var reference = new HandWrittenFlightMonitor(_fitted.Statistics, ((Vocabulary)_fitted.Transforms[6]!).Terms.Count);
            foreach (var row in all)
            {
                _fitted.Transform(row, check);
                _handWritten.Compute(row, reference);
            }

            reference.RequireSameCounts(check.Snapshot());
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _monitor.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = ServingRows.PerInvoke, Description = "Transform(row)")]
    [BenchmarkCategory(Generated)]
    public void Plain()
    {
        var rows = Rows;
        var fitted = _fitted;
        for (var i = 0; i < rows.Length; i++)
        {
            _vector = fitted.Transform(rows[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Transform(row, monitor)")]
    [BenchmarkCategory(Generated)]
    public void Monitored()
    {
        var rows = Rows;
        var fitted = _fitted;
        var monitor = _monitor;
        for (var i = 0; i < rows.Length; i++)
        {
            _vector = fitted.Transform(rows[i], monitor);
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Transform(row, span)")]
    [BenchmarkCategory(Generated)]
    public void PlainIntoSpan()
    {
        var rows = Rows;
        var fitted = _fitted;
        var buffer = _buffer.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            fitted.Transform(rows[i], buffer);
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Transform(row, span, monitor)")]
    [BenchmarkCategory(Generated)]
    public void MonitoredIntoSpan()
    {
        var rows = Rows;
        var fitted = _fitted;
        var monitor = _monitor;
        var buffer = _buffer.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            fitted.Transform(rows[i], buffer, monitor);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ServingRows.PerInvoke, Description = "Hand-written Compute(row)")]
    [BenchmarkCategory(HandWritten)]
    public void HandWrittenPlain()
    {
        var rows = Rows;
        var handWritten = _handWritten;
        for (var i = 0; i < rows.Length; i++)
        {
            _features = handWritten.Compute(rows[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Hand-written Compute(row, monitor)")]
    [BenchmarkCategory(HandWritten)]
    public void HandWrittenMonitored()
    {
        var rows = Rows;
        var handWritten = _handWritten;
        var monitor = _handWrittenMonitor;
        for (var i = 0; i < rows.Length; i++)
        {
            _features = handWritten.Compute(rows[i], monitor);
        }
    }
}
