using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Flights;

namespace Skewless.Benchmarks;

/// <summary>
/// The single-row serving path: one <see cref="Flight"/> in, its features out, generated code against hand-written C#.
/// Each invocation runs <see cref="ServingRows.PerInvoke"/> real rows, so the reported time is per row and no single
/// branch pattern (one day of the week, one hour) decides the result.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ServingBenchmarks
{
    private Flight[] _rows = [];
    private FlightFeatures.Fitted _fitted = null!;
    private readonly float[] _buffer = new float[FlightFeatures.Vector.Width];

    // Results go to fields, so the JIT cannot drop the work as dead.
    private FlightFeatures.Vector _generated;
    private HandWrittenFlightFeatures.Features _handWritten;

    [Params(RowOrder.Shuffled, RowOrder.Chronological)]
    public RowOrder Order { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var all = ServingRows.All();
        _rows = ServingRows.Select(all, Order);
        _fitted = ServingRows.FitSaveLoad(all);

        var fitted = _fitted;
        ServingRows.RequireBitIdentical("Generated Transform(row).CopyTo", all, (row, destination) => fitted.Transform(row).CopyTo(destination));
        foreach (var row in all)
        {
            var typed = fitted.Transform(row);
            var hand = HandWrittenFlightFeatures.Compute(row);
            if (BitConverter.SingleToInt32Bits(typed.Hour) != BitConverter.SingleToInt32Bits(hand.Hour)
                || typed.Day != hand.Day
                || typed.Weekend != hand.Weekend
                || typed.RedEye != hand.RedEye
                || BitConverter.SingleToInt32Bits(typed.LogDistance) != BitConverter.SingleToInt32Bits(hand.LogDistance))
            {
                throw new InvalidOperationException($"Generated Transform(row) differs from the hand-written typed features for {row}.");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ServingRows.PerInvoke, Description = "Hand-written: write floats")]
    [BenchmarkCategory("Transform+CopyTo")]
    public void HandWrittenWrite()
    {
        var rows = _rows;
        var buffer = _buffer.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            HandWrittenFlightFeatures.Write(rows[i], buffer);
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Generated: Transform(row).CopyTo(span)")]
    [BenchmarkCategory("Transform+CopyTo")]
    public void GeneratedTransformCopyTo()
    {
        var rows = _rows;
        var fitted = _fitted;
        var buffer = _buffer.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            fitted.Transform(rows[i]).CopyTo(buffer);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ServingRows.PerInvoke, Description = "Hand-written: typed features")]
    [BenchmarkCategory("Transform only")]
    public void HandWrittenCompute()
    {
        var rows = _rows;
        for (var i = 0; i < rows.Length; i++)
        {
            _handWritten = HandWrittenFlightFeatures.Compute(rows[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Generated: Transform(row)")]
    [BenchmarkCategory("Transform only")]
    public void GeneratedTransform()
    {
        var rows = _rows;
        var fitted = _fitted;
        for (var i = 0; i < rows.Length; i++)
        {
            _generated = fitted.Transform(rows[i]);
        }
    }
}
