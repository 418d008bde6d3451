using Microsoft.ML;
using Skewless.Monitoring;

namespace Skewless.ML;

/// <summary>
/// Serves an ML.NET model from raw rows: each row goes through the fitted feature set's generated
/// single-row transform, the same kernel that produced the training data, and then the model. Like
/// ML.NET's <see cref="PredictionEngine{TSrc, TDst}"/>, one engine serves one thread at a time, and
/// a model whose transforms read the label (such as <c>MapValueToKey("Label")</c> before a multiclass
/// trainer) is given a label column whose value is ignored.
/// </summary>
/// <typeparam name="TRow">The feature set's input type.</typeparam>
/// <typeparam name="TPrediction">The model's output, such as a class with a <c>Score</c> field.</typeparam>
public sealed class FeaturePredictionEngine<TRow, TPrediction> : IDisposable
    where TPrediction : class, new()
{
    private readonly IFittedFeatureSet<TRow> _features;
    private readonly ServingEngine<TPrediction> _engine;

    internal FeaturePredictionEngine(MLContext ml, ITransformer model, IFittedFeatureSet<TRow> features)
    {
        _features = features;
        try
        {
            _engine = LabelType.Serve<TPrediction>(ml, model, features.Schema.Width);
        }
        catch (Exception mismatch) when (LabelType.IsSchemaMismatch(mismatch))
        {
            // ML.NET's own words, "Incompatible features column type: 'Vector<Single, 61>' vs 'Vector<Single, 126>'",
            // say what differs but not which feature set, nor what to do.
            throw new IncompatibleModelException(features.Schema, mismatch);
        }
    }

    /// <summary>Predicts for one row.</summary>
    public TPrediction Predict(in TRow row)
    {
        _features.Transform(in row, _engine.Features);
        return _engine.Predict();
    }

    /// <summary>Predicts for one row into an existing output object, to avoid allocating one per row.</summary>
    public void Predict(in TRow row, ref TPrediction prediction)
    {
        _features.Transform(in row, _engine.Features);
        _engine.Predict(ref prediction);
    }

    /// <summary>Predicts for one row and shows its features to a monitor, computing them once for both.</summary>
    /// <param name="row">The row.</param>
    /// <param name="monitor">A monitor of the served feature set, from its <c>Monitor()</c>.</param>
    public TPrediction Predict(in TRow row, FeatureMonitor<TRow> monitor)
    {
        _features.Transform(in row, _engine.Features, monitor);
        return _engine.Predict();
    }

    /// <summary>Predicts for one row into an existing output object and shows its features to a monitor, computing them once for both.</summary>
    /// <param name="row">The row.</param>
    /// <param name="prediction">The output object to fill.</param>
    /// <param name="monitor">A monitor of the served feature set, from its <c>Monitor()</c>.</param>
    public void Predict(in TRow row, ref TPrediction prediction, FeatureMonitor<TRow> monitor)
    {
        _features.Transform(in row, _engine.Features, monitor);
        _engine.Predict(ref prediction);
    }

    /// <inheritdoc />
    public void Dispose() => _engine.Dispose();
}
