using BenchmarkDotNet.Attributes;
using Flights;

namespace Skewless.Benchmarks;

/// <summary>
/// The serving path's proposed emitter and runtime changes (<see cref="EmitterVariants"/>), each measured on the same rows
/// as <see cref="ServingBenchmarks"/> against the hand-written code and the generated code. Best run paired:
/// <c>--paired ServingVariants 400</c>.
/// </summary>
[MemoryDiagnoser]
public class ServingVariants : ServedRowsBenchmarks
{
    private FlightFeatures.Fitted _fitted = null!;
    private HandWrittenFlightFeatures _handWritten = null!;
    private EmitterVariants _variants = null!;
    private readonly float[] _buffer = new float[FlightFeatures.Vector.Width];

    [GlobalSetup]
    public void Setup()
    {
        var all = LoadRows();
        _fitted = ServingRows.FitSaveLoad(all);
        _handWritten = new HandWrittenFlightFeatures(_fitted);
        _variants = new EmitterVariants(_fitted);
        var variants = _variants;
        ServingRows.RequireBitIdentical("Copy: as emitted", all, _handWritten, (row, destination) => variants.AsEmitted(row, destination));
        ServingRows.RequireBitIdentical("Copy: clear the row once", all, _handWritten, (row, destination) => variants.ClearOnce(row, destination));
        ServingRows.RequireBitIdentical("Copy: FrozenDictionary vocabulary", all, _handWritten, (row, destination) => variants.FrozenVocabulary(row, destination));
        ServingRows.RequireBitIdentical("Copy: branch-free decile count", all, _handWritten, (row, destination) => variants.LinearDeciles(row, destination));
        ServingRows.RequireBitIdentical("Copy: all three", all, _handWritten, (row, destination) => variants.All(row, destination));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ServingRows.PerInvoke, Description = "Hand-written: write floats")]
    public void HandWritten()
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
    public void Generated()
    {
        var rows = Rows;
        var fitted = _fitted;
        var buffer = _buffer.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            fitted.Transform(in rows[i], buffer);
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Copy: as emitted")]
    public void AsEmitted()
    {
        var rows = Rows;
        var variants = _variants;
        var buffer = _buffer.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            variants.AsEmitted(in rows[i], buffer);
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Copy: clear the row once")]
    public void ClearOnce()
    {
        var rows = Rows;
        var variants = _variants;
        var buffer = _buffer.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            variants.ClearOnce(in rows[i], buffer);
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Copy: FrozenDictionary vocabulary")]
    public void FrozenVocabulary()
    {
        var rows = Rows;
        var variants = _variants;
        var buffer = _buffer.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            variants.FrozenVocabulary(in rows[i], buffer);
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Copy: branch-free decile count")]
    public void LinearDeciles()
    {
        var rows = Rows;
        var variants = _variants;
        var buffer = _buffer.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            variants.LinearDeciles(in rows[i], buffer);
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Copy: all three")]
    public void All()
    {
        var rows = Rows;
        var variants = _variants;
        var buffer = _buffer.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            variants.All(in rows[i], buffer);
        }
    }
}
