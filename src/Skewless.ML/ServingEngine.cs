using Microsoft.ML;
using Microsoft.ML.Data;

namespace Skewless.ML;

/// <summary>An ML.NET prediction engine over one row's feature vector, whatever label column its input carries.</summary>
internal abstract class ServingEngine<TPrediction> : IDisposable
    where TPrediction : class, new()
{
    /// <summary>The input row's features, which the generated single-row transform fills before each prediction.</summary>
#pragma warning disable CA1819 // The engine's input binds the vector column to an array.
    public abstract float[] Features { get; }
#pragma warning restore CA1819

    public abstract TPrediction Predict();

    public abstract void Predict(ref TPrediction prediction);

    public abstract void Dispose();
}

/// <summary>A prediction engine whose input has a label column of type <typeparamref name="TLabel"/>, or none.</summary>
internal sealed class ServingEngine<TLabel, TPrediction> : ServingEngine<TPrediction>
    where TPrediction : class, new()
{
    private readonly PredictionEngine<ServingInput<TLabel>, TPrediction> _engine;
    private readonly ServingInput<TLabel> _input;

    public ServingEngine(MLContext ml, ITransformer model, VectorDataViewType features, bool withLabel)
    {
        var definition = SchemaDefinition.Create(typeof(ServingInput<TLabel>));
        definition[FeatureColumns.Features].ColumnType = features;
        if (!withLabel)
        {
            definition.Remove(definition[FeatureColumns.Label]);
        }

        _engine = ml.Model.CreatePredictionEngine<ServingInput<TLabel>, TPrediction>(model, inputSchemaDefinition: definition);
        _input = new ServingInput<TLabel> { Features = new float[features.Size] };
    }

    public override float[] Features => _input.Features;

    public override TPrediction Predict() => _engine.Predict(_input);

    public override void Predict(ref TPrediction prediction) => _engine.Predict(_input, ref prediction);

    public override void Dispose() => _engine.Dispose();
}

/// <summary>
/// The input an ML.NET prediction engine receives: one row's feature vector and, for a model whose transforms read the
/// label, a label left at its default, as ML.NET's own prediction engine ignores the label's value.
/// </summary>
internal sealed class ServingInput<TLabel>
{
    [ColumnName(FeatureColumns.Features)]
    public float[] Features { get; set; } = Array.Empty<float>();

    [ColumnName(FeatureColumns.Label)]
    public TLabel Label { get; set; } = default!;
}
