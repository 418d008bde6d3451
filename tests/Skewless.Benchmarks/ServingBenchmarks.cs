using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Flights;

namespace Skewless.Benchmarks;

/// <summary>
/// The single-row serving path (issue 2): one <see cref="Flight"/> in, its 128 features out, generated code against
/// hand-written C# given the same fitted constants. Each invocation runs <see cref="ServingRows.PerInvoke"/> real rows, so
/// the reported time is per row and no single branch pattern (one day of the week, one airport) decides the result.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ServingBenchmarks : ServedRowsBenchmarks
{
    private FlightFeatures.Fitted _fitted = null!;
    private HandWrittenFlightFeatures _handWritten = null!;
    private readonly float[] _buffer = new float[FlightFeatures.Vector.Width];

    // Results go to fields, so the JIT cannot drop the work as dead.
    private FlightFeatures.Vector _generatedVector;
    private HandWrittenFlightFeatures.Features _handWrittenFeatures;

    [GlobalSetup]
    public void Setup()
    {
        var all = LoadRows();
        _fitted = ServingRows.FitSaveLoad(all);
        _handWritten = new HandWrittenFlightFeatures(_fitted);

        var fitted = _fitted;
        ServingRows.RequireBitIdentical("Generated Transform(row, span)", all, _handWritten, (row, destination) => fitted.Transform(row, destination));
        ServingRows.RequireBitIdentical("Generated Transform(row).CopyTo", all, _handWritten, (row, destination) => fitted.Transform(row).CopyTo(destination));
        foreach (var row in all)
        {
            var typed = fitted.Transform(row);
            var hand = _handWritten.Compute(row);
            if (BitConverter.SingleToInt32Bits(typed.Hour) != BitConverter.SingleToInt32Bits(hand.Hour)
                || typed.Day != hand.Day
                || typed.Weekend != hand.Weekend
                || typed.RedEye != hand.RedEye
                || BitConverter.SingleToInt32Bits(typed.LogDistance) != BitConverter.SingleToInt32Bits(hand.LogDistance)
                || typed.DistanceDecile != hand.Decile
                || typed.Origin != hand.Origin
                || typed.Destination != hand.Destination)
            {
                throw new InvalidOperationException($"Generated Transform(row) differs from the hand-written typed features for {row}.");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ServingRows.PerInvoke, Description = "Hand-written: write floats")]
    [BenchmarkCategory("Transform+CopyTo")]
    public void HandWrittenWrite()
    {
        var rows = Rows;
        var handWritten = _handWritten;
        var buffer = _buffer.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            handWritten.Write(rows[i], buffer);
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Generated: Transform(row, span)")]
    [BenchmarkCategory("Transform+CopyTo")]
    public void GeneratedTransformIntoSpan()
    {
        var rows = Rows;
        var fitted = _fitted;
        var buffer = _buffer.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            fitted.Transform(rows[i], buffer);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ServingRows.PerInvoke, Description = "Hand-written: typed features")]
    [BenchmarkCategory("Transform only")]
    public void HandWrittenCompute()
    {
        var rows = Rows;
        var handWritten = _handWritten;
        for (var i = 0; i < rows.Length; i++)
        {
            _handWrittenFeatures = handWritten.Compute(rows[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Generated: Transform(row)")]
    [BenchmarkCategory("Transform only")]
    public void GeneratedTransform()
    {
        var rows = Rows;
        var fitted = _fitted;
        for (var i = 0; i < rows.Length; i++)
        {
            _generatedVector = fitted.Transform(rows[i]);
        }
    }
}
