using BenchmarkDotNet.Attributes;
using Microsoft.ML;
using Microsoft.ML.Data;
using Skewless.Transforms;

namespace Skewless.Benchmarks;

/// <summary>
/// Issue 3's serving benchmark on the chain the issue names: NormalizeMeanVariance of the distance, OneHotEncoding of each
/// airport and Concatenate, as <see cref="TrainingFeatures"/> defines them, fitted on the sample's 5,000 flights. One raw row
/// through the generated single-row <c>Transform</c>, against <see cref="PredictionEngine{TSrc,TDst}"/> running that chain.
/// ML.NET's one-hot output is a sparse <see cref="VBuffer{T}"/>, so the like-for-like Skewless output is the sparse
/// <c>CopyTo(indices, values)</c>; the dense 461-float form is measured too.
/// </summary>
public class MlNetChainServingBenchmarks : PredictionEngineBenchmarks<TrainingFlight>
{
    private TrainingFeatures.Fitted _fitted = null!;
    private HandWrittenTraining _handWritten = null!;
    private readonly int[] _indices = new int[TrainingFeatures.Vector.SparseWidth];
    private readonly float[] _values = new float[TrainingFeatures.Vector.SparseWidth];
    private readonly float[] _dense = new float[TrainingFeatures.Vector.Width];

    [GlobalSetup]
    public void Setup()
    {
        var all = ServingRows.All().Select(f => new TrainingFlight { Distance = f.DistanceMiles, Origin = f.Origin, Destination = f.Destination }).ToArray();
        Rows = ServingRows.Select(all, Order);
        using (var artifact = new MemoryStream())
        {
            TrainingFeatures.Fit(all).Save(artifact);
            artifact.Position = 0;
            _fitted = TrainingFeatures.Fitted.Load(artifact);
        }

        _handWritten = HandWrittenTraining.Fit(all);
        RequireSameSparseRows(all);

        var ml = new MLContext(seed: 1);
        var model = ml.Transforms.NormalizeMeanVariance("DistanceZ", nameof(TrainingFlight.Distance), fixZero: false)
            .Append(ml.Transforms.Categorical.OneHotEncoding("OriginOneHot", nameof(TrainingFlight.Origin)))
            .Append(ml.Transforms.Categorical.OneHotEncoding("DestinationOneHot", nameof(TrainingFlight.Destination)))
            .Append(ml.Transforms.Concatenate("Features", "DistanceZ", "OriginOneHot", "DestinationOneHot"))
            .Fit(ml.Data.LoadFromEnumerable(all));
        Engine = ml.Model.CreatePredictionEngine<TrainingFlight, MlFeatures>(model);

        var zScore = (ZScore)_fitted.Transforms[0]!;
        var features = default(VBuffer<float>);
        foreach (var row in all)
        {
            features = Predict(row);
            var ml0 = features.GetItemOrDefault(0);
            if (Math.Abs(ml0 - zScore.Apply(row.Distance)) > 1e-5)
            {
                throw new InvalidOperationException($"ML.NET's z-score differs from Skewless's for {row.Distance}.");
            }
        }

        Console.WriteLine($"// ML.NET Features: {features.Length} slots, {(features.IsDense ? "dense" : "sparse")}; Skewless {TrainingFeatures.Vector.Width}.");
    }

    /// <summary>Throws unless the generated sparse row equals the hand-written one for every flight: both sides must do the same work.</summary>
    private void RequireSameSparseRows(TrainingFlight[] rows)
    {
        Span<int> expectedIndices = stackalloc int[TrainingFeatures.Vector.SparseWidth];
        Span<float> expectedValues = stackalloc float[TrainingFeatures.Vector.SparseWidth];
        foreach (var row in rows)
        {
            _handWritten.Transform(new ReadOnlySpan<TrainingFlight>(in row), expectedIndices, expectedValues);
            _fitted.Transform(in row).CopyTo(_indices, _values);
            if (!expectedIndices.SequenceEqual(_indices) || !expectedValues.SequenceEqual(_values))
            {
                throw new InvalidOperationException($"The generated sparse row differs from the hand-written one for {row.Origin}-{row.Destination}.");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ServingRows.PerInvoke, Description = "Skewless: Transform(in row).CopyTo(indices, values)")]
    public void SkewlessSparse()
    {
        var rows = Rows;
        var fitted = _fitted;
        var indices = _indices.AsSpan();
        var values = _values.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            fitted.Transform(in rows[i]).CopyTo(indices, values);
        }
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Skewless: Transform(in row, span)")]
    public void SkewlessDense()
    {
        var rows = Rows;
        var fitted = _fitted;
        var dense = _dense.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            fitted.Transform(in rows[i], dense);
        }
    }

    /// <summary>The same row by hand: <see cref="HandWrittenTraining"/>'s sparse loop over a span of one row, with its <c>Dictionary</c> vocabularies.</summary>
    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Hand-written: Dictionary lookups, sparse")]
    public void HandWritten()
    {
        var rows = Rows;
        var handWritten = _handWritten;
        var indices = _indices.AsSpan();
        var values = _values.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            handWritten.Transform(new ReadOnlySpan<TrainingFlight>(in rows[i]), indices, values);
        }
    }
}
