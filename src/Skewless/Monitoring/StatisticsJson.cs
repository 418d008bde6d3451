using System.Globalization;
using System.Text.Json;
using Skewless.Artifacts;

namespace Skewless.Monitoring;

/// <summary>
/// The JSON of a statistics block, the same in an artifact and in a snapshot file. Reading checks
/// every field as <c>Load</c> checks fitted constants: a missing or mistyped field is corrupt, an
/// impossible value (counts that do not add up, unsorted edges) is tampering.
/// </summary>
internal static class StatisticsJson
{
    public const string Property = "statistics";

    public static void Write(Utf8JsonWriter json, FeatureSetStatistics statistics)
    {
        json.WriteStartObject(Property);
        json.WriteNumber("histogramBins", TrainingStatistics.HistogramBins);
        json.WriteNumber("topCategories", TrainingStatistics.TopCategories);
        json.WriteStartArray("features");
        foreach (var feature in statistics.Features)
        {
            WriteFeature(json, feature);
        }

        json.WriteEndArray();
        if (statistics.Label is not null)
        {
            json.WritePropertyName("label");
            WriteFeature(json, statistics.Label);
        }

        json.WriteEndObject();
    }

    /// <summary>Reads the statistics block of <paramref name="root"/>, whose features must be <paramref name="expected"/> in order when given.</summary>
    public static (FeatureStatistics[] Features, FeatureStatistics? Label) Read(JsonFields root, string featureSet, long rows, IReadOnlyList<(string Name, FeatureKind Kind, FeatureTransform Transform)>? expected)
    {
        var block = new JsonFields(root.Object(Property), featureSet, "the statistics");
        var items = block.Array("features");
        if (expected is not null && items.Count != expected.Count)
        {
            throw new CorruptArtifactException(featureSet, $"its statistics describe {items.Count} features, but it has {expected.Count}.");
        }

        var features = new FeatureStatistics[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            features[i] = ReadFeature(items[i], featureSet, rows);
            if (expected is not null && (features[i].Name != expected[i].Name || features[i].Kind != expected[i].Kind || features[i].Transform != expected[i].Transform))
            {
                throw new CorruptArtifactException(featureSet, $"its statistics of feature {i} describe '{features[i].Name}' ({features[i].Kind}, {features[i].Transform}), but the feature is '{expected[i].Name}' ({expected[i].Kind}, {expected[i].Transform}).");
            }
        }

        var label = block.Has("label") ? ReadFeature(new JsonFields(block.Object("label"), featureSet, "the label's statistics"), featureSet, rows) : null;
        return (features, label);
    }

    public static T ParseEnum<T>(string value, string featureSet, string what)
        where T : struct
    {
        // Enum.TryParse also takes numbers and comma lists; an artifact only ever holds a member's name.
        return value.Length > 0 && char.IsLetter(value[0]) && value.IndexOf(',') < 0 && Enum.TryParse<T>(value, ignoreCase: false, out var parsed)
            ? parsed
            : throw new CorruptArtifactException(featureSet, $"{what} '{value}' is not one of {string.Join(", ", Enum.GetNames(typeof(T)))}.");
    }

    public static void WriteFeature(Utf8JsonWriter json, FeatureStatistics feature)
    {
        json.WriteStartObject();
        json.WriteString("name", feature.Name);
        json.WriteString("kind", feature.Kind.ToString());
        json.WriteString("transform", feature.Transform.ToString());
        if (feature.DriftThreshold is { } threshold)
        {
            json.WriteNumber("driftThreshold", threshold);
        }

        json.WriteNumber("count", feature.Count);
        json.WriteNumber("missing", feature.Missing);
        switch (feature)
        {
            case NumericStatistics numeric:
                json.WriteNumber("mean", numeric.Mean);
                json.WriteNumber("standardDeviation", numeric.StandardDeviation);
                json.WriteNumber("minimum", numeric.Minimum);
                json.WriteNumber("maximum", numeric.Maximum);
                WriteArray(json, "edges", numeric.Edges, json.WriteNumberValue);
                WriteArray(json, "binCounts", numeric.BinCounts, json.WriteNumberValue);
                break;
            case CategoricalStatistics categorical:
                WriteArray(json, "categories", categorical.Categories, json.WriteStringValue);
                WriteArray(json, "categoryCounts", categorical.CategoryCounts, json.WriteNumberValue);
                json.WriteNumber("other", categorical.Other);
                if (categorical.OutOfVocabulary is { } outOfVocabulary)
                {
                    json.WriteNumber("outOfVocabulary", outOfVocabulary);
                }
                break;
        }

        json.WriteEndObject();
    }

    private static void WriteArray<T>(Utf8JsonWriter json, string name, IEnumerable<T> items, Action<T> write)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            write(item);
        }

        json.WriteEndArray();
    }

    private static FeatureStatistics ReadFeature(JsonFields fields, string featureSet, long rows)
    {
        var name = fields.String("name");
        fields = fields.At($"the statistics of '{name}'");
        var kind = ParseEnum<FeatureKind>(fields.String("kind"), featureSet, $"the statistics' kind of '{name}'");
        var transform = ParseEnum<FeatureTransform>(fields.String("transform"), featureSet, $"the statistics' transform of '{name}'");
        double? threshold = fields.Has("driftThreshold") ? fields.Double("driftThreshold") : null;
        var count = fields.Int64("count");
        var missing = fields.Int64("missing");
        void Check(bool condition, FormattableString problem)
        {
            if (!condition)
            {
                throw new TamperedArtifactException(featureSet, name, "its statistics are impossible: " + problem.ToString(CultureInfo.InvariantCulture));
            }
        }

        Check(threshold is null || threshold >= 0, $"its drift threshold {threshold} is negative.");
        Check(count >= 0 && missing >= 0 && count + missing == rows, $"it counts {count} values and {missing} missing in {rows} rows.");
        if (FeatureStatistics.IsNumeric(kind))
        {
            var mean = fields.Double("mean");
            var deviation = fields.Double("standardDeviation");
            var minimum = fields.Double("minimum");
            var maximum = fields.Double("maximum");
            var edges = fields.Doubles("edges");
            var bins = fields.Int64s("binCounts");
            Check(new[] { mean, deviation, minimum, maximum }.All(value => !double.IsNaN(value) && !double.IsInfinity(value)) && deviation >= 0, $"its mean {mean}, deviation {deviation}, minimum {minimum} and maximum {maximum} are not finite, or the deviation is negative.");
            Check(count == 0 || (minimum <= mean && mean <= maximum), $"its mean {mean} is outside its range from {minimum} to {maximum}.");
            Check(edges.Length >= 1 && edges.Zip(edges.Skip(1), (low, high) => low <= high).All(ordered => ordered) && edges.All(edge => !double.IsNaN(edge) && !double.IsInfinity(edge)), $"its {edges.Length} histogram edges are not finite and ascending.");
            Check(bins.Length == edges.Length + 1 && bins.All(bin => bin >= 0) && bins.Sum() == count, $"its {bins.Length} bin counts do not suit {edges.Length} edges, or do not add up to its {count} values.");
            return new NumericStatistics(name, kind, transform, threshold, count, missing, mean, deviation, minimum, maximum, edges, bins);
        }

        var categories = fields.Strings("categories");
        var counts = fields.Int64s("categoryCounts");
        var other = fields.Int64("other");
        long? outOfVocabulary = fields.Has("outOfVocabulary") ? fields.Int64("outOfVocabulary") : null;
        Check(outOfVocabulary is null || (transform == FeatureTransform.Vocabulary && outOfVocabulary >= 0 && outOfVocabulary <= other), $"it counts {outOfVocabulary} values out of vocabulary, with transform {transform} and {other} others.");
        Check(categories.Length == counts.Length && counts.All(value => value >= 0) && other >= 0 && counts.Sum() + other == count, $"its {categories.Length} categories, {counts.Length} counts and {other} others do not add up to its {count} values.");
        Check(categories.All(category => category.Length > 0) && categories.Distinct(StringComparer.Ordinal).Count() == categories.Length, $"its categories are not distinct and non-empty.");
        return new CategoricalStatistics(name, kind, transform, threshold, count, missing, categories, counts, other, outOfVocabulary);
    }
}
