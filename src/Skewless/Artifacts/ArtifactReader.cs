using System.Text.Json;

namespace Skewless.Artifacts;

/// <summary>
/// Reads and validates an artifact against the feature set compiled into this program. Called by
/// generated <c>Load</c> methods. It never loads a type by name: the artifact is data, checked
/// field by field against the schema.
/// </summary>
public static class ArtifactReader
{
    /// <summary>Reads an artifact and checks that it belongs to <paramref name="schema"/>.</summary>
    /// <param name="source">The stream to read from, to its end.</param>
    /// <param name="schema">The schema of the feature set compiled into this program.</param>
    /// <returns>The validated contents.</returns>
    /// <exception cref="CorruptArtifactException">The file is truncated, not JSON, or lacks a field.</exception>
    /// <exception cref="UnsupportedArtifactFormatException">The file has a format version this runtime does not read.</exception>
    /// <exception cref="FeatureSetMismatchException">The file belongs to another feature set.</exception>
    /// <exception cref="FingerprintMismatchException">The file was fitted with a different definition.</exception>
    public static ArtifactContents Read(Stream source, FeatureSchema schema)
    {
        Guard.NotNull(source, nameof(source));

        using var document = Parse(source, schema.FeatureSet);
        var root = new JsonFields(document.RootElement, schema.FeatureSet, "the artifact");

        if (root.String(ArtifactFormat.FormatProperty) != ArtifactFormat.Name)
        {
            throw new CorruptArtifactException(schema.FeatureSet, $"it is JSON, but not a Skewless artifact (its \"{ArtifactFormat.FormatProperty}\" is not \"{ArtifactFormat.Name}\").");
        }

        var formatVersion = root.Int32(ArtifactFormat.FormatVersionProperty);
        if (formatVersion != ArtifactFormat.Version)
        {
            throw new UnsupportedArtifactFormatException(schema.FeatureSet, formatVersion, ArtifactFormat.Version);
        }

        var featureSet = root.String(ArtifactFormat.FeatureSetProperty);
        if (featureSet != schema.FeatureSet)
        {
            throw new FeatureSetMismatchException(schema.FeatureSet, featureSet);
        }

        var fingerprint = root.String(ArtifactFormat.FingerprintProperty);
        if (fingerprint != schema.Fingerprint)
        {
            throw new FingerprintMismatchException(schema.FeatureSet, schema.Fingerprint, fingerprint);
        }

        CheckFeatures(root, schema);

        var trainingRows = root.Int64(ArtifactFormat.TrainingRowsProperty);
        if (trainingRows < 0)
        {
            throw new CorruptArtifactException(schema.FeatureSet, $"its \"{ArtifactFormat.TrainingRowsProperty}\" is negative ({trainingRows}).");
        }

        return new ArtifactContents(trainingRows);
    }

    private static JsonDocument Parse(Stream source, string featureSet)
    {
        try
        {
            return JsonDocument.Parse(source, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException exception)
        {
            var where = exception.BytePositionInLine is { } position ? $" at line {exception.LineNumber + 1}, byte {position + 1}" : "";
            throw new CorruptArtifactException(featureSet, $"it is truncated or is not JSON{where}.", exception);
        }
    }

    private static void CheckFeatures(JsonFields root, FeatureSchema schema)
    {
        var width = root.Int32(ArtifactFormat.WidthProperty);
        var features = root.Array(ArtifactFormat.FeaturesProperty);
        if (features.Count != schema.Features.Count || width != schema.Width)
        {
            throw new CorruptArtifactException(schema.FeatureSet, $"it lists {features.Count} features of width {width}, but the definition it was fitted with has {schema.Features.Count} of width {schema.Width}.");
        }

        for (var i = 0; i < features.Count; i++)
        {
            var feature = features[i];
            var expected = schema.Features[i];
            var name = feature.String(ArtifactFormat.NameProperty);
            var kind = feature.String(ArtifactFormat.KindProperty);
            var featureWidth = feature.Int32(ArtifactFormat.WidthProperty);
            if (name != expected.Name || kind != expected.Kind.ToString() || featureWidth != expected.Width)
            {
                throw new CorruptArtifactException(schema.FeatureSet, $"its feature {i} is '{name}' ({kind}, width {featureWidth}), but the definition it was fitted with has '{expected.Name}' ({expected.Kind}, width {expected.Width}).");
            }
        }
    }
}
