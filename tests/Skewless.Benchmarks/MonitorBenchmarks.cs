using BenchmarkDotNet.Attributes;
using Flights;
using Skewless.Monitoring;

namespace Skewless.Benchmarks;

/// <summary>
/// What a <see cref="FeatureMonitor{TRow}"/> adds to serving: one row through the generated <c>Transform</c>, with and
/// without a monitor observing every feature's value, on the same real rows. Run with <c>--filter '*MonitorBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class MonitorBenchmarks
{
    private Flight[] _rows = [];
    private FlightFeatures.Fitted _fitted = null!;
    private FeatureMonitor<Flight> _monitor = null!;
    private readonly float[] _buffer = new float[FlightFeatures.Vector.Width];

    // Results go to a field, so the JIT cannot drop the work as dead.
    private FlightFeatures.Vector _vector;

    [Params(RowOrder.Shuffled, RowOrder.Chronological)]
    public RowOrder Order { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var all = ServingRows.All();
        _rows = ServingRows.Select(all, Order);
        _fitted = ServingRows.FitSaveLoad(all);
        _monitor = _fitted.Monitor();
    }

    [GlobalCleanup]
    public void Cleanup() => _monitor.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = ServingRows.PerInvoke, Description = "Transform(row)")]
    public void Plain()
    {
        var rows = _rows;
        var fitted = _fitted;
        for (var i = 0; i < rows.Length; i++)
        {
            _vector = fitted.Transform(rows[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Transform(row, monitor)")]
    public void Monitored()
    {
        var rows = _rows;
        var fitted = _fitted;
        var monitor = _monitor;
        for (var i = 0; i < rows.Length; i++)
        {
            _vector = fitted.Transform(rows[i], monitor);
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Transform(row, span)")]
    public void PlainIntoSpan()
    {
        var rows = _rows;
        var fitted = _fitted;
        var buffer = _buffer.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            fitted.Transform(rows[i], buffer);
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Transform(row, span, monitor)")]
    public void MonitoredIntoSpan()
    {
        var rows = _rows;
        var fitted = _fitted;
        var monitor = _monitor;
        var buffer = _buffer.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            fitted.Transform(rows[i], buffer, monitor);
        }
    }
}
