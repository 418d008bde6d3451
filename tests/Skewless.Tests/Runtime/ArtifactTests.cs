using Skewless.Tests.Infrastructure;
using System.Text;
using System.Text.Json.Nodes;
using Flights;
using Xunit;

namespace Skewless.Tests.Runtime;

/// <summary>A bad artifact never loads: each way it can be wrong throws a typed exception that says what differs.</summary>
public sealed class ArtifactTests
{
    private static readonly Flight[] Flights =
    {
        new() { Departure = new DateTime(2001, 1, 1, 6, 2, 0), DistanceMiles = 377, Origin = "MHT", Destination = "BWI" },
        new() { Departure = new DateTime(2001, 1, 6, 23, 40, 0), DistanceMiles = 1750, Origin = "DTW", Destination = "LAS" },
    };

    private static string SavedJson()
    {
        using var stream = new MemoryStream();
        FlightFeatures.Fit(Flights).Save(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static FlightFeatures.Fitted Load(string json) => FlightFeatures.Fitted.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    private static string Edit(Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(SavedJson())!.AsObject();
        edit(root);
        return Resealed.Json(root);
    }

    [Fact]
    public void The_artifact_is_readable_versioned_json()
    {
        var root = JsonNode.Parse(SavedJson())!;
        Assert.Equal("skewless.artifact", (string?)root["format"]);
        Assert.Equal(2, (int?)root["formatVersion"]);
        Assert.StartsWith("sha256:", (string?)root["contentHash"], StringComparison.Ordinal);
        Assert.Equal("Flights.FlightFeatures", (string?)root["featureSet"]);
        Assert.Equal(FlightFeatures.Fingerprint, (string?)root["fingerprint"]);
        Assert.Equal(2, (long?)root["trainingRows"]);
        Assert.Equal(FlightFeatures.Schema.Features.Select(feature => feature.Name), root["features"]!.AsArray().Select(feature => (string?)feature!["name"]));
    }

    [Fact]
    public void A_different_fingerprint_names_both_fingerprints_and_the_feature_set()
    {
        var error = Assert.Throws<FingerprintMismatchException>(() => Load(Edit(root => root["fingerprint"] = "0123456789abcdef")));

        Assert.Equal("0123456789abcdef", error.ArtifactFingerprint);
        Assert.Equal(FlightFeatures.Fingerprint, error.ExpectedFingerprint);
        Assert.Equal("Flights.FlightFeatures", error.FeatureSet);
        Assert.Contains("0123456789abcdef", error.Message, StringComparison.Ordinal);
        Assert.Contains(FlightFeatures.Fingerprint, error.Message, StringComparison.Ordinal);
        Assert.Contains("Flights.FlightFeatures", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_artifact_records_each_features_transform_settings_and_code()
    {
        var features = JsonNode.Parse(SavedJson())!["features"]!.AsArray();

        Assert.Equal(
            FlightFeatures.Schema.Features.Select(feature => (feature.Settings, feature.Code)),
            features.Select(feature => ((string?)feature!["settings"], (string?)feature["code"])));
        Assert.Equal("10", FlightFeatures.Schema.Features.Single(feature => feature.Name == "DistanceDecile").Settings);
        Assert.Equal("MaxSize=50,MinCount=1,OovBuckets=2,OneHot", FlightFeatures.Schema.Features.Single(feature => feature.Name == "Origin").Settings);
        Assert.Null(FlightFeatures.Schema.Features.Single(feature => feature.Name == "LogDistance").Settings);
        Assert.All(FlightFeatures.Schema.Features, feature => Assert.Matches("^[0-9a-f]{8}$", feature.Code));
    }

    [Fact]
    public void A_different_fingerprint_names_the_setting_that_changed()
    {
        var error = Assert.Throws<FingerprintMismatchException>(() => Load(Edit(root =>
        {
            root["fingerprint"] = "0123456789abcdef";
            var decile = Feature(root, "DistanceDecile");
            decile["settings"] = "12";
            decile["code"] = "00000000";
        })));

        Assert.Equal("'DistanceDecile' was (Single, QuantileBuckets(12), width 1) and is now (Single, QuantileBuckets(10), width 1)", error.Difference);
        Assert.Contains(error.Difference, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_different_fingerprint_names_the_features_whose_code_changed()
    {
        var error = Assert.Throws<FingerprintMismatchException>(() => Load(Edit(root =>
        {
            root["fingerprint"] = "0123456789abcdef";
            Feature(root, "Hour")["code"] = "00000000";
            Feature(root, "RedEye")["code"] = "00000000";
        })));

        Assert.Equal("the code of 'Hour' and 'RedEye' (or of helpers they call) changed", error.Difference);
    }

    [Fact]
    public void A_different_fingerprint_with_the_same_features_and_code_says_only_the_row_type_differs()
    {
        var error = Assert.Throws<FingerprintMismatchException>(() => Load(Edit(root => root["fingerprint"] = "0123456789abcdef")));

        Assert.Equal("every feature has the same name, kind, transform, settings, width and code, in the same order, so only the name of the row type differs", error.Difference);
    }

    [Fact]
    public void An_artifact_that_records_no_settings_or_code_says_settings_or_code_changed()
    {
        var error = Assert.Throws<FingerprintMismatchException>(() => Load(Edit(root =>
        {
            root["fingerprint"] = "0123456789abcdef";
            foreach (var feature in root["features"]!.AsArray())
            {
                feature!.AsObject().Remove("settings");
                feature.AsObject().Remove("code");
            }
        })));

        Assert.Equal("the features have the same names, kinds, transforms and widths, so a transform's settings (such as a [QuantileBuckets] count) or the code of a feature or of a helper it calls changed; at build time, SKW502 names which when FeatureSets.Shipped.txt records this version", error.Difference);
        Assert.Contains(error.Difference, error.Message, StringComparison.Ordinal);
    }

    private static JsonObject Feature(JsonObject root, string name) =>
        root["features"]!.AsArray().Single(feature => (string?)feature!["name"] == name)!.AsObject();

    [Fact]
    public void A_different_fingerprint_names_the_features_added_removed_and_retyped()
    {
        var fittedNames = FlightFeatures.Schema.Features.Select(feature => feature.Name).ToList();
        var error = Assert.Throws<FingerprintMismatchException>(() => Load(Edit(root =>
        {
            root["fingerprint"] = "0123456789abcdef";
            root["features"]![0]!["name"] = "DepartureHour";
            root["features"]![1]!["width"] = 3;
        })));

        Assert.Equal(
            $"'{fittedNames[0]}' added; 'DepartureHour' removed; '{fittedNames[1]}' was ({FlightFeatures.Schema.Features[1].Kind}, {FlightFeatures.Schema.Features[1].Transform}, width 3) "
            + $"and is now ({FlightFeatures.Schema.Features[1].Kind}, {FlightFeatures.Schema.Features[1].Transform}, width {FlightFeatures.Schema.Features[1].Width})",
            error.Difference);
    }

    [Fact]
    public void A_different_fingerprint_with_the_features_reordered_says_so()
    {
        var error = Assert.Throws<FingerprintMismatchException>(() => Load(Edit(root =>
        {
            root["fingerprint"] = "0123456789abcdef";
            var features = root["features"]!.AsArray();
            var first = features[0]!;
            features.RemoveAt(0);
            features.Add(first);
        })));

        Assert.Equal("the features are in another order", error.Difference);
    }

    [Fact]
    public void A_file_that_starts_with_a_byte_order_mark_loads()
    {
        var json = Encoding.UTF8.GetBytes(SavedJson());
        var withMark = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(json).ToArray();

        Assert.Equal(Flights.Length, FlightFeatures.Fitted.Load(new MemoryStream(withMark)).Statistics.Rows);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.99)]
    [InlineData(0.0)]
    public void A_truncated_file_is_corrupt(double keep)
    {
        var json = SavedJson();
        var error = Assert.Throws<CorruptArtifactException>(() => Load(json[..(int)(json.Length * keep)]));
        Assert.Contains("truncated or is not JSON", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("model weights go here")]
    [InlineData("\u0000\u0001\u0002PK")]
    public void A_file_that_is_not_json_is_corrupt(string content) =>
        Assert.Contains("truncated or is not JSON", Assert.Throws<CorruptArtifactException>(() => Load(content)).Message, StringComparison.Ordinal);

    [Fact]
    public void Json_that_is_not_an_artifact_is_corrupt()
    {
        Assert.Contains("not a Skewless artifact", Assert.Throws<CorruptArtifactException>(() => Load("""{"format":"onnx"}""")).Message, StringComparison.Ordinal);
        Assert.Contains("is a JSON array, not an object", Assert.Throws<CorruptArtifactException>(() => Load("[1,2]")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("featureSet")]
    [InlineData("fingerprint")]
    [InlineData("trainingRows")]
    [InlineData("features")]
    public void A_missing_field_is_named(string field)
    {
        var error = Assert.Throws<CorruptArtifactException>(() => Load(Edit(root => root.Remove(field))));
        Assert.Contains($"has no \"{field}\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mistyped_field_inside_a_feature_state_is_named_with_its_feature()
    {
        var error = Assert.Throws<CorruptArtifactException>(() => Load(Edit(root => root["features"]![4]!["state"]!["mean"] = "six")));
        Assert.Contains("\"mean\" in the state of feature 'LogDistance' is not a JSON number.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mistyped_field_is_named() =>
        Assert.Contains("\"trainingRows\" in the artifact is not a JSON number", Assert.Throws<CorruptArtifactException>(() => Load(Edit(root => root["trainingRows"] = "many"))).Message, StringComparison.Ordinal);

    [Fact]
    public void Another_feature_set_is_refused_by_its_logical_name()
    {
        var error = Assert.Throws<FeatureSetMismatchException>(() => Load(Edit(root => root["name"] = "Bookings")));
        Assert.Equal("Bookings v2", error.ArtifactFeatureSet);
        Assert.Contains("fitted for Bookings v2 (declared by Flights.FlightFeatures), and this class is Flights v2.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("FeatureSets.Load", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_version_is_refused_with_the_way_to_load_it()
    {
        var error = Assert.Throws<FeatureSetMismatchException>(() => Load(Edit(root => root["version"] = 1)));
        Assert.Equal("Flights v1", error.ArtifactFeatureSet);
        Assert.Contains("and this class is Flights v2. Load it with FeatureSets.Load, which serves each version with the class that declares it, when this build still has one (its FeatureSets.Shipped.txt lists the versions to keep).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_artifact_saved_by_the_class_that_declared_its_version_before_a_rename_loads()
    {
        // v2 kept under a new class name, as a rollback needs once v3 takes the old one.
        var renamed = Edit(root => root["featureSet"] = "Flights.FlightFeaturesBeforeV3");
        Assert.Equal(Flights.Length, Load(renamed).Statistics.Rows);
    }

    [Fact]
    public void A_newer_format_is_refused_with_both_versions()
    {
        var error = Assert.Throws<UnsupportedArtifactFormatException>(() => Load(Edit(root => root["formatVersion"] = 3)));
        Assert.Equal(3, error.ArtifactFormatVersion);
        Assert.Equal(2, error.SupportedFormatVersion);
    }

    [Theory]
    [InlineData("trainingRows", "3")]
    [InlineData("inputType", "\"Flights.Flight2\"")]
    public void A_value_changed_after_saving_is_refused_as_a_changed_file(string property, string value)
    {
        var root = JsonNode.Parse(SavedJson())!.AsObject();
        root[property] = JsonNode.Parse(value);

        var error = Assert.Throws<TamperedArtifactException>(() => Load(root.ToJsonString()));

        Assert.Null(error.Feature);
        Assert.Contains("it was changed after it was saved: its content hashes to sha256:", error.Message, StringComparison.Ordinal);
        Assert.Contains($"not to the {root["contentHash"]} it records", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fitted_constant_changed_by_hand_is_refused()
    {
        var json = SavedJson();
        var mean = JsonNode.Parse(json)!["features"]![4]!["state"]!["mean"]!.ToJsonString();

        Assert.Throws<TamperedArtifactException>(() => Load(json.Replace($"\"mean\": {mean}", "\"mean\": 6.3", StringComparison.Ordinal)));
    }

    [Fact]
    public void Re_indenting_the_file_keeps_it_valid() =>
        Assert.Equal(Flights.Length, Load(JsonNode.Parse(SavedJson())!.ToJsonString()).Statistics.Rows);

    [Fact]
    public void A_format_1_artifact_without_a_content_hash_still_loads() =>
        Assert.Equal(Flights.Length, Load(Edit(root =>
        {
            root["formatVersion"] = 1;
            root.Remove("contentHash");
        })).Statistics.Rows);

    [Fact]
    public void A_tampered_feature_list_is_corrupt()
    {
        var error = Assert.Throws<CorruptArtifactException>(() => Load(Edit(root => root["features"]![1]!["width"] = 3)));
        Assert.Contains("'Day' (Enum, None, width 3)", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Day' (Enum, None, width 7)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_row_count_is_corrupt() =>
        Assert.Throws<CorruptArtifactException>(() => Load(Edit(root => root["trainingRows"] = -1)));
}
