using Microsoft.ML;
using Microsoft.ML.Data;

namespace Skewless.ML;

/// <summary>
/// Serves an ML.NET model from raw rows: each row goes through the fitted feature set's generated
/// single-row transform, the same kernel that produced the training data, and then the model. Like
/// ML.NET's <see cref="PredictionEngine{TSrc, TDst}"/>, one engine serves one thread at a time.
/// </summary>
/// <typeparam name="TRow">The feature set's input type.</typeparam>
/// <typeparam name="TPrediction">The model's output, such as a class with a <c>Score</c> field.</typeparam>
public sealed class FeaturePredictionEngine<TRow, TPrediction> : IDisposable
    where TPrediction : class, new()
{
    private readonly IFittedFeatureSet<TRow> _features;
    private readonly PredictionEngine<FeatureVector, TPrediction> _engine;
    private readonly FeatureVector _input;

    internal FeaturePredictionEngine(MLContext ml, ITransformer model, IFittedFeatureSet<TRow> features)
    {
        _features = features;
        var width = features.Schema.Width;
        var definition = SchemaDefinition.Create(typeof(FeatureVector));
        definition[FeatureColumns.Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        _engine = ml.Model.CreatePredictionEngine<FeatureVector, TPrediction>(model, inputSchemaDefinition: definition);
        _input = new FeatureVector { Features = new float[width] };
    }

    /// <summary>Predicts for one row.</summary>
    public TPrediction Predict(in TRow row)
    {
        _features.Transform(in row, _input.Features);
        return _engine.Predict(_input);
    }

    /// <summary>Predicts for one row into an existing output object, to avoid allocating one per row.</summary>
    public void Predict(in TRow row, ref TPrediction prediction)
    {
        _features.Transform(in row, _input.Features);
        _engine.Predict(_input, ref prediction);
    }

    /// <inheritdoc />
    public void Dispose() => _engine.Dispose();
}
