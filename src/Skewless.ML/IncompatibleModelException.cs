namespace Skewless.ML;

/// <summary>
/// The model does not take the feature vector of the fitted feature set it was to be served with: it was trained with
/// another feature set, or another version of this one. Serving it would fail, or with vectors of equal width, compute
/// nonsense; a model must be served with the feature set version it was trained with.
/// </summary>
public sealed class IncompatibleModelException : Exception
{
    internal IncompatibleModelException(FeatureSchema schema, Exception inner)
        : base(
            $"The model cannot be served with {schema.Name} v{schema.Version} (definition {schema.Fingerprint}, {schema.Width} feature slots): {inner.Message} " +
            "Serve a model with the artifact of the feature set version it was trained with; FeatureSets.Load serves each artifact with its own version.",
            inner)
    {
        FeatureSet = schema.Name;
        Version = schema.Version;
    }

    /// <summary>The logical name of the feature set the model was to be served with.</summary>
    public string FeatureSet { get; }

    /// <summary>Its version.</summary>
    public int Version { get; }
}
