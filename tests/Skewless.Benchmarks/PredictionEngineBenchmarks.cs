using BenchmarkDotNet.Attributes;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Skewless.Benchmarks;

/// <summary>
/// The ML.NET side of issue 3's serving benchmarks: a <see cref="PredictionEngine{TSrc,TDst}"/> over the rows the
/// derived class serves to its Skewless and hand-written candidates, in either order. The derived class's setup selects
/// the rows and builds the engine from its own chain.
/// </summary>
[MemoryDiagnoser]
public abstract class PredictionEngineBenchmarks<TRow>
    where TRow : class
{
    private MlFeatures _prediction = new();

    [Params(RowOrder.Shuffled, RowOrder.Chronological)]
    public RowOrder Order { get; set; }

    protected TRow[] Rows { get; set; } = [];

    protected PredictionEngine<TRow, MlFeatures> Engine { get; set; } = null!;

    /// <summary>ML.NET's features for <paramref name="row"/>, in the buffer the benchmark reuses.</summary>
    protected VBuffer<float> Predict(TRow row)
    {
        Engine.Predict(row, ref _prediction);
        return _prediction.Features;
    }

    [GlobalCleanup]
    public void Cleanup() => Engine.Dispose();

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "ML.NET: PredictionEngine.Predict(in, ref out)")]
    public void MlNet()
    {
        var rows = Rows;
        var engine = Engine;
        for (var i = 0; i < rows.Length; i++)
        {
            engine.Predict(rows[i], ref _prediction);
        }
    }
}

/// <summary>The prediction engine's output: the concatenated features, in a buffer ML.NET can reuse.</summary>
public sealed class MlFeatures
{
    public VBuffer<float> Features { get; set; }
}
