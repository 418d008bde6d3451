using System.Text.Json;

namespace Skewless.Artifacts;

/// <summary>Writes a fitted feature set as versioned, indented JSON. Called by generated <c>Save</c> methods.</summary>
public static class ArtifactWriter
{
    /// <summary>Writes the artifact of a fitted feature set.</summary>
    /// <param name="destination">The stream to write to. It is flushed, not closed.</param>
    /// <param name="schema">The feature set's schema.</param>
    /// <param name="trainingRows">The number of rows the feature set was fitted on.</param>
    public static void Write(Stream destination, FeatureSchema schema, long trainingRows)
    {
        Guard.NotNull(destination, nameof(destination));

        using var json = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString(ArtifactFormat.FormatProperty, ArtifactFormat.Name);
        json.WriteNumber(ArtifactFormat.FormatVersionProperty, ArtifactFormat.Version);
        json.WriteString(ArtifactFormat.FeatureSetProperty, schema.FeatureSet);
        json.WriteString(ArtifactFormat.NameProperty, schema.Name);
        json.WriteNumber(ArtifactFormat.VersionProperty, schema.Version);
        json.WriteString(ArtifactFormat.FingerprintProperty, schema.Fingerprint);
        json.WriteString(ArtifactFormat.InputTypeProperty, schema.InputType);
        json.WriteNumber(ArtifactFormat.WidthProperty, schema.Width);
        json.WriteNumber(ArtifactFormat.TrainingRowsProperty, trainingRows);
        json.WriteStartArray(ArtifactFormat.FeaturesProperty);
        foreach (var feature in schema.Features)
        {
            json.WriteStartObject();
            json.WriteString(ArtifactFormat.NameProperty, feature.Name);
            json.WriteString(ArtifactFormat.KindProperty, feature.Kind.ToString());
            json.WriteNumber(ArtifactFormat.WidthProperty, feature.Width);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
    }
}
