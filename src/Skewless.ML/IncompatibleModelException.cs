using Microsoft.ML;

namespace Skewless.ML;

/// <summary>
/// The model does not take the feature vector of the fitted feature set it was to be served with: it was trained with
/// another feature set, another version of this one, or this version fitted on other rows, or its input schema does not
/// say which. Serving it would fail, or with vectors of equal width, compute nonsense; a model must be served with the
/// artifact it was trained with.
/// </summary>
public sealed class IncompatibleModelException : Exception
{
    private const string SaveWithSchema = "Save the model with the schema of the data view it was trained on, " +
        "ml.Model.Save(model, view.Schema, path), and pass the schema that ml.Model.Load(path, out var schema) gives.";

    private const string ServeWithItsVersion = "Serve a model with the artifact of the feature set version it was trained with; FeatureSets.Load serves each artifact with its own version.";

    internal IncompatibleModelException(FeatureSchema schema, Exception inner)
        : base($"{CannotServe(schema)}: {inner.Message} {ServeWithItsVersion}", inner)
    {
        FeatureSet = schema.Name;
        Version = schema.Version;
    }

    internal IncompatibleModelException(FeatureSchema schema, string difference)
        : base($"{CannotServe(schema)}: {difference}")
    {
        FeatureSet = schema.Name;
        Version = schema.Version;
    }

    /// <summary>The logical name of the feature set the model was to be served with.</summary>
    public string FeatureSet { get; }

    /// <summary>Its version.</summary>
    public int Version { get; }

    /// <summary>What a model's input schema says it was trained with, against what it is served with, in words.</summary>
    internal static string Difference(DataViewSchema? inputSchema, TrainedWith? trained, TrainedWith served)
    {
        if (inputSchema is null)
        {
            // ML.NET's Load gives a null schema for a model saved with null for it.
            return $"it was saved without its input schema, which records the feature set it was trained with. {SaveWithSchema}";
        }

        if (trained is null)
        {
            return $"its input schema does not record which feature set it was trained with. {SaveWithSchema}";
        }

        if (!trained.SameDefinitionAs(served))
        {
            return $"it was trained with {trained.Name} v{trained.Version} (definition {trained.Fingerprint}). {ServeWithItsVersion}";
        }

        return $"it was trained with features fitted with other constants ({trained.Constants}, not {served.Constants}): the feature set was fitted again, " +
            "on other rows, after the model was trained. Serve it with the artifact saved when it was trained, or train it again on this artifact's features.";
    }

    private static string CannotServe(FeatureSchema schema) =>
        $"The model cannot be served with {schema.Name} v{schema.Version} (definition {schema.Fingerprint}, {schema.Width} feature slots)";
}
