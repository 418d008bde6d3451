using Skewless.Tests.Infrastructure;
using System.Text;
using System.Text.Json.Nodes;
using Flights;
using Xunit;

namespace Skewless.Tests.Transforms;

/// <summary>An artifact whose fitted constants were edited never loads: each impossible constant throws a typed exception naming the feature and what differs.</summary>
public sealed class FittedArtifactTests
{
    private const int LogDistance = 4;
    private const int DistanceDecile = 5;
    private const int Origin = 6;
    private const int Destination = 7;

    private static readonly Lazy<string> FlightsJson = new(() => Encoding.UTF8.GetString(Save(FlightFeatures.Fit(RealData.Flights))));

    private static byte[] Save<T>(IFittedFeatureSet<T> fitted)
    {
        using var stream = new MemoryStream();
        fitted.Save(stream);
        return stream.ToArray();
    }

    private static FlightFeatures.Fitted Load(string json) => FlightFeatures.Fitted.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    private static string Edit(int feature, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(FlightsJson.Value)!.AsObject();
        edit(root["features"]![feature]!["state"]!.AsObject());
        return Resealed.Json(root);
    }

    private static TamperedArtifactException Tampered(string json, string feature, params string[] says)
    {
        var error = Assert.Throws<TamperedArtifactException>(() => Load(json));
        Assert.Equal(feature, error.Feature);
        Assert.Equal("Flights.FlightFeatures", error.FeatureSet);
        Assert.Contains($"'{feature}'", error.Message, StringComparison.Ordinal);
        foreach (var text in says)
        {
            Assert.Contains(text, error.Message, StringComparison.Ordinal);
        }

        return error;
    }

    private static void Swap(JsonArray array, int i, int j)
    {
        var first = array[i]!.DeepClone();
        array[i] = array[j]!.DeepClone();
        array[j] = first;
    }

    [Fact]
    public void A_vocabulary_shorter_than_its_recorded_size_is_tampered() =>
        Tampered(Edit(Origin, state => state["size"] = 51), "Origin", "its size is 51", "holds 50 terms");

    [Fact]
    public void A_vocabulary_with_a_term_removed_is_tampered() =>
        Tampered(Edit(Origin, state => state["terms"]!.AsArray().RemoveAt(7)), "Origin", "its size is 50", "holds 49 terms and 50 term counts");

    [Fact]
    public void Terms_out_of_order_are_tampered() =>
        Tampered(
            Edit(Origin, state =>
            {
                Swap(state["terms"]!.AsArray(), 0, 1);
                Swap(state["termCounts"]!.AsArray(), 0, 1);
            }),
            "Origin",
            "out of order");

    [Fact]
    public void Terms_with_equal_counts_out_of_ordinal_order_are_tampered() =>
        Tampered(
            Edit(Origin, state =>
            {
                state["terms"] = new JsonArray(Enumerable.Range(0, 50).Select(i => (JsonNode)$"T{49 - i:00}").ToArray());
                state["termCounts"] = new JsonArray(Enumerable.Range(0, 50).Select(_ => (JsonNode)10).ToArray());
            }),
            "Origin",
            "'T49', 'T48'");

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 10)]
    [InlineData(0, 49)]
    public void A_repeated_term_is_tampered(int original, int copy) =>
        Tampered(
            Edit(Origin, state => state["terms"]![copy] = state["terms"]![original]!.DeepClone()),
            "Origin",
            $"'{JsonNode.Parse(FlightsJson.Value)!["features"]![Origin]!["state"]!["terms"]![original]}'");

    [Fact]
    public void An_empty_term_is_tampered() =>
        Tampered(Edit(Origin, state => state["terms"]![49] = ""), "Origin", "term 49");

    [Fact]
    public void Term_counts_beyond_the_row_count_are_tampered() =>
        Tampered(Edit(Origin, state => state["rows"] = 5), "Origin", "counts 5 rows");

    [Fact]
    public void A_negative_standard_deviation_is_tampered() =>
        Tampered(Edit(LogDistance, state => state["standardDeviation"] = -1.5), "LogDistance", "standard deviation -1.5");

    [Fact]
    public void An_infinite_mean_is_tampered() =>
        Tampered(Edit(LogDistance, state => state["mean"] = JsonNode.Parse("1e400")), "LogDistance", "mean");

    [Fact]
    public void Unsorted_quantile_boundaries_are_tampered()
    {
        var error = Tampered(
            Edit(DistanceDecile, state =>
            {
                var boundaries = state["boundaries"]!.AsArray();
                var i = Enumerable.Range(0, boundaries.Count - 1).First(i => (double)boundaries[i]! < (double)boundaries[i + 1]!);
                Swap(boundaries, i, i + 1);
            }),
            "DistanceDecile",
            "is below the one before it");
        Assert.Contains("boundary ", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(10)]
    public void A_wrong_number_of_boundaries_is_tampered(int count) =>
        Tampered(
            Edit(DistanceDecile, state => state["boundaries"] = new JsonArray(Enumerable.Range(0, count).Select(i => (JsonNode)(i * 100.0)).ToArray())),
            "DistanceDecile",
            $"holds {count} boundaries; 10 buckets need 9");

    [Theory]
    [InlineData(Origin, "Origin", "maxSize", 40, 50)]
    [InlineData(Origin, "Origin", "oovBuckets", 3, 2)]
    [InlineData(Origin, "Origin", "minCount", 2, 1)]
    [InlineData(DistanceDecile, "DistanceDecile", "buckets", 5, 10)]
    [InlineData(Destination, "Destination", "buckets", 32, 64)]
    public void A_changed_setting_names_both_values(int feature, string name, string setting, int changed, int compiled) =>
        Tampered(Edit(feature, state => state[setting] = changed), name, $"\"{setting}\" is {changed}, but the definition says {compiled}");

    [Fact]
    public void A_changed_encoding_names_both_encodings() =>
        Tampered(Edit(Destination, state => state["encoding"] = "Index"), "Destination", "\"encoding\" is Index, but the definition says OneHot");

    [Fact]
    public void A_term_that_is_not_a_string_is_corrupt()
    {
        var error = Assert.Throws<CorruptArtifactException>(() => Load(Edit(Origin, state => state["terms"]![3] = null)));

        Assert.Contains("'Origin'", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"terms\" in the state of feature 'Origin' is not an array of strings", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_library_version_names_the_library_and_both_versions()
    {
        var current = typeof(DateTime).Assembly.GetName().Version!.ToString();
        var root = JsonNode.Parse(FlightsJson.Value)!;
        Assert.Equal("System.Private.CoreLib", (string?)root["libraries"]![0]!["name"]);
        root["libraries"]![0]!["version"] = "4.0.0.0";

        var error = Assert.Throws<LibraryVersionMismatchException>(() => Load(Resealed.Json(root)));

        Assert.Equal(("System.Private.CoreLib", "4.0.0.0", current), (error.Library, error.ArtifactVersion, error.CurrentVersion));
        Assert.Contains("System.Private.CoreLib 4.0.0.0", error.Message, StringComparison.Ordinal);
        Assert.Contains($"System.Private.CoreLib {current}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Flights.FlightFeatures", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_library_the_code_does_not_call_is_named()
    {
        var root = JsonNode.Parse(FlightsJson.Value)!;
        root["libraries"]!.AsArray().Add(new JsonObject { ["name"] = "Newtonsoft.Json", ["version"] = "13.0.0.0", ["informationalVersion"] = "" });

        var error = Assert.Throws<LibraryVersionMismatchException>(() => Load(Resealed.Json(root)));

        Assert.Equal(("Newtonsoft.Json", "13.0.0.0", "(not loaded)"), (error.Library, error.ArtifactVersion, error.CurrentVersion));
    }

    [Fact]
    public void An_artifact_over_the_size_limit_is_refused_before_it_is_parsed()
    {
        var error = Assert.Throws<ArtifactTooLargeException>(() => FlightFeatures.Fitted.Load(new MemoryStream(Encoding.UTF8.GetBytes(FlightsJson.Value)), new ArtifactLoadOptions { MaxBytes = 100 }));

        Assert.Equal(100, error.LimitBytes);
        Assert.Equal("Flights.FlightFeatures", error.FeatureSet);
        Assert.Contains("limit of 100 bytes", error.Message, StringComparison.Ordinal);

        var exact = Encoding.UTF8.GetByteCount(FlightsJson.Value);
        Assert.Throws<ArtifactTooLargeException>(() => FlightFeatures.Fitted.Load(new MemoryStream(Encoding.UTF8.GetBytes(FlightsJson.Value)), new ArtifactLoadOptions { MaxBytes = exact - 1 }));
        FlightFeatures.Fitted.Load(new MemoryStream(Encoding.UTF8.GetBytes(FlightsJson.Value)), new ArtifactLoadOptions { MaxBytes = exact });
    }

    [Fact]
    public void The_flights_artifact_round_trips_to_identical_bytes()
    {
        var loaded = Load(FlightsJson.Value);

        Assert.Equal(FlightsJson.Value, Encoding.UTF8.GetString(Save(loaded)));
        Assert.Equal(FlightsJson.Value, Encoding.UTF8.GetString(Save(Load(Encoding.UTF8.GetString(Save(loaded))))));
    }

    [Fact]
    public void The_zip_artifact_round_trips_to_identical_bytes_and_identical_vectors()
    {
        var zips = RealData.Zips;
        var fitted = ZipFeatures.Fit(zips);
        var saved = Save(fitted);

        var loaded = ZipFeatures.Fitted.Load(new MemoryStream(saved));

        Same.Artifact(saved, Save(loaded));
        var before = new float[zips.Length * ZipFeatures.Vector.Width];
        var after = new float[before.Length];
        fitted.Transform(zips, before);
        loaded.Transform(zips, after);
        Same.Bits(before, after, ZipFeatures.Vector.Width);
    }
}
