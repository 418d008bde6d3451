using System.Globalization;
using System.Text.Json;
using Skewless.Artifacts;

namespace Skewless.Monitoring;

/// <summary>
/// Reads statistics from an artifact (its training statistics) or from a snapshot that
/// <see cref="ServingStatistics.Save"/> wrote, without the feature set's assembly: the file is data,
/// checked field by field, so tools such as <c>skewless</c> work from the file alone.
/// </summary>
public static class StatisticsFile
{
    /// <summary>The <c>format</c> of a snapshot file.</summary>
    public const string SnapshotFormat = "skewless.statistics";

    private const int SnapshotFormatVersion = 1;
    private const string Unknown = "Skewless";

    /// <summary>Reads an artifact's training statistics or a snapshot's serving statistics.</summary>
    /// <param name="source">The stream to read, to its end.</param>
    /// <param name="maxBytes">The largest file to accept.</param>
    /// <exception cref="ArtifactException">The file is not an artifact or snapshot, is corrupt or tampered with, or is too large; the type and message say which.</exception>
    public static FeatureSetStatistics Load(Stream source, long maxBytes = ArtifactLoadOptions.DefaultMaxBytes)
    {
        Guard.NotNull(source, nameof(source));
        using var document = ArtifactReader.Parse(ArtifactReader.ReadBounded(source, Unknown, maxBytes), Unknown);
        var root = new JsonFields(document.RootElement, Unknown, "the file");
        var format = root.String(ArtifactFormat.FormatProperty);
        if (format != ArtifactFormat.Name && format != SnapshotFormat)
        {
            throw new CorruptArtifactException(Unknown, $"it is JSON, but neither a Skewless artifact nor a statistics snapshot (its \"{ArtifactFormat.FormatProperty}\" is \"{format}\").");
        }

        var version = root.Int32(ArtifactFormat.FormatVersionProperty);
        var supported = format == SnapshotFormat ? SnapshotFormatVersion : ArtifactFormat.Version;
        if (version < 1 || version > supported || (format == SnapshotFormat && version != supported))
        {
            throw new UnsupportedArtifactFormatException(Unknown, version, supported);
        }

        var featureSet = root.String(ArtifactFormat.FeatureSetProperty);
        root = new JsonFields(document.RootElement, featureSet, "the file");
        if (format == ArtifactFormat.Name && version >= ArtifactFormat.FirstHashedVersion)
        {
            ArtifactContentHash.Verify(root, document.RootElement, featureSet);
        }
        var name = root.String(ArtifactFormat.NameProperty);
        var definitionVersion = root.Int32(ArtifactFormat.VersionProperty);
        var fingerprint = root.String(ArtifactFormat.FingerprintProperty);
        if (format == ArtifactFormat.Name)
        {
            var trainingRows = root.Int64(ArtifactFormat.TrainingRowsProperty);
            var expected = root.Array(ArtifactFormat.FeaturesProperty).Select(feature => (
                feature.String(ArtifactFormat.NameProperty),
                StatisticsJson.ParseEnum<FeatureKind>(feature.String(ArtifactFormat.KindProperty), featureSet, "a feature's kind"),
                StatisticsJson.ParseEnum<FeatureTransform>(feature.String(ArtifactFormat.TransformProperty), featureSet, "a feature's transform"))).ToList();
            var (features, label) = StatisticsJson.Read(root, featureSet, trainingRows, expected);
            return new TrainingStatistics(featureSet, name, definitionVersion, fingerprint, trainingRows, features, label);
        }

        var rows = root.Int64("rows");
        var start = Time(root, "windowStart", featureSet);
        var end = Time(root, "windowEnd", featureSet);
        var (servedFeatures, _) = StatisticsJson.Read(root, featureSet, rows, expected: null);
        return new ServingStatistics(featureSet, name, definitionVersion, fingerprint, rows, servedFeatures, start, end, ReadResiduals(root, featureSet));
    }

    internal static void Write(Stream destination, ServingStatistics statistics)
    {
        using var json = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString(ArtifactFormat.FormatProperty, SnapshotFormat);
        json.WriteNumber(ArtifactFormat.FormatVersionProperty, SnapshotFormatVersion);
        json.WriteString(ArtifactFormat.FeatureSetProperty, statistics.FeatureSet);
        json.WriteString(ArtifactFormat.NameProperty, statistics.Name);
        json.WriteNumber(ArtifactFormat.VersionProperty, statistics.Version);
        json.WriteString(ArtifactFormat.FingerprintProperty, statistics.Fingerprint);
        json.WriteString("windowStart", statistics.WindowStart.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        json.WriteString("windowEnd", statistics.WindowEnd.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        json.WriteNumber("rows", statistics.Rows);
        StatisticsJson.Write(json, statistics);

        var residuals = statistics.Residuals;
        json.WriteStartObject("residuals");
        json.WriteNumber("count", residuals.Count);
        json.WriteNumber("meanPrediction", residuals.MeanPrediction);
        json.WriteNumber("meanOutcome", residuals.MeanOutcome);
        json.WriteNumber("meanResidual", residuals.MeanResidual);
        json.WriteNumber("meanAbsoluteResidual", residuals.MeanAbsoluteResidual);
        json.WriteStartArray("slices");
        foreach (var slice in residuals.Slices)
        {
            json.WriteStartObject();
            json.WriteString("feature", slice.Feature);
            json.WriteString("slice", slice.Slice);
            json.WriteNumber("count", slice.Count);
            json.WriteNumber("meanResidual", slice.MeanResidual);
            json.WriteNumber("meanAbsoluteResidual", slice.MeanAbsoluteResidual);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
    }

    private static DateTimeOffset Time(JsonFields root, string name, string featureSet)
    {
        var text = root.String(name);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new CorruptArtifactException(featureSet, $"its \"{name}\" ('{text}') is not a date and time.");
    }

    private static ResidualStatistics ReadResiduals(JsonFields root, string featureSet)
    {
        var residuals = new JsonFields(root.Object("residuals"), featureSet, "the residuals");
        var count = residuals.Int64("count");
        var slices = residuals.Array("slices").Select(slice => new ResidualSlice(
            slice.String("feature"), slice.String("slice"), slice.Int64("count"), slice.Double("meanResidual"), slice.Double("meanAbsoluteResidual"))).ToArray();
        if (count < 0 || slices.Any(slice => slice.Count <= 0 || slice.Count > count || slice.MeanAbsoluteResidual < Math.Abs(slice.MeanResidual) - 1e-9))
        {
            throw new TamperedArtifactException(featureSet, "(residuals)", "its residual counts or means are impossible.");
        }

        return new ResidualStatistics(count, residuals.Double("meanPrediction"), residuals.Double("meanOutcome"), residuals.Double("meanResidual"), residuals.Double("meanAbsoluteResidual"), slices);
    }
}
