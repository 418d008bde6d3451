using System.Text.Json;
using Skewless.Monitoring;
using Skewless.Transforms;

namespace Skewless.Artifacts;

/// <summary>Writes a fitted feature set as versioned, indented JSON. Called by generated <c>Save</c> methods.</summary>
public static class ArtifactWriter
{
    /// <summary>Writes the artifact of a fitted feature set.</summary>
    /// <param name="destination">The stream to write to. It is flushed, not closed.</param>
    /// <param name="schema">The feature set's schema.</param>
    /// <param name="trainingRows">The number of rows the feature set was fitted on.</param>
    /// <param name="transforms">For each feature in schema order, its fitted transform, or <see langword="null"/> when nothing was fitted.</param>
    /// <param name="statistics">The statistics of the training rows.</param>
    public static void Write(Stream destination, FeatureSchema schema, long trainingRows, IReadOnlyList<IFittedTransform?> transforms, TrainingStatistics statistics)
    {
        Guard.NotNull(statistics, nameof(statistics));
        Guard.NotNull(destination, nameof(destination));
        Guard.NotNull(schema, nameof(schema));
        Guard.NotNull(transforms, nameof(transforms));
        if (transforms.Count != schema.Features.Count)
        {
            throw new ArgumentException($"{schema.FeatureSet} has {schema.Features.Count} features but {transforms.Count} transforms were given.", nameof(transforms));
        }

        // Written once to hash it, then again with the hash as the last property.
        using var content = new MemoryStream();
        WriteContent(content, schema, trainingRows, transforms, statistics);
        using var document = JsonDocument.Parse(content.GetBuffer().AsMemory(0, (int)content.Length));
        using var json = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            property.WriteTo(json);
        }

        json.WriteString(ArtifactFormat.ContentHashProperty, ArtifactContentHash.Of(document.RootElement));
        json.WriteEndObject();
        json.Flush();
    }

    private static void WriteContent(Stream destination, FeatureSchema schema, long trainingRows, IReadOnlyList<IFittedTransform?> transforms, TrainingStatistics statistics)
    {
        using var json = new Utf8JsonWriter(destination);
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

        json.WriteStartArray(ArtifactFormat.LibrariesProperty);
        foreach (var library in schema.Libraries)
        {
            json.WriteStartObject();
            json.WriteString(ArtifactFormat.NameProperty, library.Name);
            json.WriteString(ArtifactFormat.VersionProperty, library.Version);
            json.WriteString(ArtifactFormat.InformationalVersionProperty, library.InformationalVersion);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray(ArtifactFormat.FeaturesProperty);
        for (var i = 0; i < schema.Features.Count; i++)
        {
            var feature = schema.Features[i];
            var transform = transforms[i];
            if ((transform?.Kind ?? FeatureTransform.None) != feature.Transform)
            {
                throw new ArgumentException($"Feature '{feature.Name}' of {schema.FeatureSet} is {feature.Transform}, but its fitted transform is {transform?.Kind.ToString() ?? "missing"}.", nameof(transforms));
            }

            json.WriteStartObject();
            json.WriteString(ArtifactFormat.NameProperty, feature.Name);
            json.WriteString(ArtifactFormat.KindProperty, feature.Kind.ToString());
            json.WriteString(ArtifactFormat.TransformProperty, feature.Transform.ToString());
            json.WriteNumber(ArtifactFormat.WidthProperty, feature.Width);
            if (feature.Settings is not null)
            {
                json.WriteString(ArtifactFormat.SettingsProperty, feature.Settings);
            }

            if (feature.Code is not null)
            {
                json.WriteString(ArtifactFormat.CodeProperty, feature.Code);
            }

            if (transform is not null)
            {
                json.WritePropertyName(ArtifactFormat.StateProperty);
                transform.WriteTo(json);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        StatisticsJson.Write(json, statistics);
        json.WriteEndObject();
        json.Flush();
    }
}
