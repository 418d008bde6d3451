using BenchmarkDotNet.Attributes;
using Flights;

namespace Skewless.Benchmarks;

/// <summary>
/// What would make the generated serving path faster? Each benchmark runs a hand-made copy of the generated code with
/// one proposed emitter change (see <see cref="EmitterVariants"/>), on the same rows as <see cref="ServingBenchmarks"/>.
/// "As emitted" checks the copy is faithful: it should match the real generated code. Not part of <c>--filter '*Serving*'</c>;
/// run with <c>--filter '*EmitterExperiments*'</c>.
/// </summary>
[MemoryDiagnoser]
public class EmitterExperiments
{
    private Flight[] _rows = [];
    private FlightFeatures.Fitted _fitted = null!;
    private readonly float[] _buffer = new float[FlightFeatures.Vector.Width];

    [Params(RowOrder.Shuffled, RowOrder.Chronological)]
    public RowOrder Order { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var all = ServingRows.All();
        _rows = ServingRows.Select(all, Order);
        _fitted = ServingRows.FitSaveLoad(all);

        var fitted = _fitted;
        ServingRows.RequireBitIdentical("Generated", all, (row, destination) => fitted.Transform(row).CopyTo(destination));
        ServingRows.RequireBitIdentical("As emitted", all, (row, destination) => EmitterVariants.Kernel(row).CopyToAsEmitted(destination));
        ServingRows.RequireBitIdentical("Indexed one-hot", all, (row, destination) => EmitterVariants.Kernel(row).CopyToIndexedOneHot(destination));
        ServingRows.RequireBitIdentical("Branchless bools", all, (row, destination) => EmitterVariants.Kernel(row).CopyToBranchlessBools(destination));
        ServingRows.RequireBitIdentical("Both", all, (row, destination) => EmitterVariants.Kernel(row).CopyToBoth(destination));
        ServingRows.RequireBitIdentical("Fused into span", all, (row, destination) => EmitterVariants.KernelInto(row, destination));
        ServingRows.RequireBitIdentical("Compute then write", all, (row, destination) => EmitterVariants.HandWrittenComputeThenWrite(row, destination));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ServingRows.PerInvoke, Description = "Hand-written")]
    public void HandWritten()
    {
        var rows = _rows;
        var buffer = _buffer.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            HandWrittenFlightFeatures.Write(rows[i], buffer);
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Generated")]
    public void Generated()
    {
        var rows = _rows;
        var fitted = _fitted;
        var buffer = _buffer.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            fitted.Transform(rows[i]).CopyTo(buffer);
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Copy: as emitted")]
    public void AsEmitted()
    {
        var rows = _rows;
        var buffer = _buffer.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            EmitterVariants.Kernel(rows[i]).CopyToAsEmitted(buffer);
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Copy: indexed one-hot")]
    public void IndexedOneHot()
    {
        var rows = _rows;
        var buffer = _buffer.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            EmitterVariants.Kernel(rows[i]).CopyToIndexedOneHot(buffer);
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Copy: branchless bools")]
    public void BranchlessBools()
    {
        var rows = _rows;
        var buffer = _buffer.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            EmitterVariants.Kernel(rows[i]).CopyToBranchlessBools(buffer);
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Copy: one-hot + bools")]
    public void Both()
    {
        var rows = _rows;
        var buffer = _buffer.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            EmitterVariants.Kernel(rows[i]).CopyToBoth(buffer);
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Copy: fused Transform(row, span)")]
    public void FusedIntoSpan()
    {
        var rows = _rows;
        var buffer = _buffer.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            EmitterVariants.KernelInto(rows[i], buffer);
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Control: hand-written, compute then write")]
    public void HandWrittenComputeThenWrite()
    {
        var rows = _rows;
        var buffer = _buffer.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            EmitterVariants.HandWrittenComputeThenWrite(rows[i], buffer);
        }
    }
}
