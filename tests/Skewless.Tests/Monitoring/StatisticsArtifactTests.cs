using Skewless.Tests.Infrastructure;
using System.Text;
using System.Text.Json.Nodes;
using Flights;
using Skewless.Monitoring;
using Skewless.Tests.Transforms;
using Xunit;

namespace Skewless.Tests.Monitoring;

/// <summary>The statistics block of an artifact is checked on load like the fitted constants: missing fields are corrupt, impossible values are tampering.</summary>
public sealed class StatisticsArtifactTests
{
    private static readonly Lazy<string> FlightsJson = new(() =>
    {
        using var stream = new MemoryStream();
        FlightFeatures.Fit(RealData.Flights).Save(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    });

    private static string Edit(Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(FlightsJson.Value)!.AsObject();
        edit(root["statistics"]!.AsObject());
        return Resealed.Json(root);
    }

    private static JsonObject Feature(JsonObject statistics, int index) => statistics["features"]![index]!.AsObject();

    private static void Load(string json) => FlightFeatures.Fitted.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void An_artifact_without_statistics_is_corrupt()
    {
        var root = JsonNode.Parse(FlightsJson.Value)!.AsObject();
        root.Remove("statistics");

        var error = Assert.Throws<CorruptArtifactException>(() => Load(Resealed.Json(root)));
        Assert.Contains("\"statistics\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_mistyped_field_is_corrupt_and_named()
    {
        var error = Assert.Throws<CorruptArtifactException>(() => Load(Edit(statistics => Feature(statistics, 0).Remove("edges"))));
        Assert.Contains("\"edges\"", error.Message, StringComparison.Ordinal);

        error = Assert.Throws<CorruptArtifactException>(() => Load(Edit(statistics => Feature(statistics, 1)["kind"] = "Single")));
        Assert.Contains("'Day'", error.Message, StringComparison.Ordinal);

        Assert.Throws<CorruptArtifactException>(() => Load(Edit(statistics => Feature(statistics, 1)["kind"] = "1")));
    }

    [Theory]
    [InlineData(0, "count", 1, "values and")]
    [InlineData(0, "mean", 1e9, "outside its range")]
    [InlineData(0, "standardDeviation", -1, "deviation")]
    [InlineData(4, "minimum", 1e9, "outside its range")]
    public void An_impossible_number_is_tampering(int feature, string field, double value, string says)
    {
        var error = Assert.Throws<TamperedArtifactException>(() => Load(Edit(statistics => Feature(statistics, feature)[field] = value)));
        Assert.Equal(FlightFeatures.Schema.Features[feature].Name, error.Feature);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsorted_edges_bins_that_do_not_add_up_and_repeated_categories_are_tampering()
    {
        Assert.Throws<TamperedArtifactException>(() => Load(Edit(statistics =>
        {
            var edges = Feature(statistics, 0)["edges"]!.AsArray();
            (edges[0], edges[1]) = (edges[1]!.DeepClone(), edges[0]!.DeepClone());
        })));
        Assert.Throws<TamperedArtifactException>(() => Load(Edit(statistics => Feature(statistics, 0)["binCounts"]![0] = 0)));
        Assert.Throws<TamperedArtifactException>(() => Load(Edit(statistics => Feature(statistics, 7)["categories"]![1] = Feature(statistics, 7)["categories"]![0]!.GetValue<string>())));
        Assert.Throws<TamperedArtifactException>(() => Load(Edit(statistics => Feature(statistics, 7)["other"] = 0)));
    }

    [Fact]
    public void Vocabulary_statistics_that_are_not_its_first_terms_cannot_be_monitored()
    {
        var json = Edit(statistics =>
        {
            var categories = Feature(statistics, 6)["categories"]!.AsArray();
            categories[0] = "ZZZ";
        });
        var fitted = FlightFeatures.Fitted.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        var error = Assert.Throws<TamperedArtifactException>(() => fitted.Monitor());
        Assert.Equal("Origin", error.Feature);
    }

    [Fact]
    public void The_drift_threshold_is_recorded_only_when_a_feature_has_one()
    {
        Assert.DoesNotContain("driftThreshold", FlightsJson.Value, StringComparison.Ordinal);
        Assert.Throws<TamperedArtifactException>(() => Load(Edit(statistics => Feature(statistics, 0)["driftThreshold"] = -0.5)));
    }

    [Fact]
    public void Values_out_of_vocabulary_are_saved_and_an_artifact_written_before_they_were_counted_still_monitors()
    {
        var current = FlightFeatures.Fitted.Load(new MemoryStream(Encoding.UTF8.GetBytes(FlightsJson.Value)));
        var origin = Assert.IsType<CategoricalStatistics>(current.Statistics.Find("Origin"));
        Assert.True(origin.OutOfVocabulary > 0, $"{origin.OutOfVocabulary} origins out of the 50 kept");

        // Without the count, the rest is one bin, as it was, on both sides.
        var older = FlightFeatures.Fitted.Load(new MemoryStream(Encoding.UTF8.GetBytes(Edit(statistics => Feature(statistics, 6).Remove("outOfVocabulary")))));
        Assert.Null(Assert.IsType<CategoricalStatistics>(older.Statistics.Find("Origin")).OutOfVocabulary);
        using var monitor = older.Monitor();
        foreach (var row in RealData.Flights)
        {
            older.Transform(row, monitor);
        }

        var served = Assert.IsType<CategoricalStatistics>(monitor.Snapshot().Find("Origin"));
        Assert.Equal((origin.Other, (long?)null), (served.Other, served.OutOfVocabulary));
        Assert.Equal(Slots.OtherLabel, monitor.Skew().Features.Single(feature => feature.Name == "Origin").Bins[^1]);

        // And compared with statistics that count them apart, they are in other on both sides.
        var drift = DriftReport.Compare(older.Statistics, current.Statistics).Features.Single(feature => feature.Name == "Origin");
        Assert.Equal((Slots.OtherLabel, 0.0), (drift.Bins[^1], drift.Distance));
    }

    [Fact]
    public void More_values_out_of_vocabulary_than_others_or_any_without_a_vocabulary_are_tampering()
    {
        var error = Assert.Throws<TamperedArtifactException>(() => Load(Edit(statistics => Feature(statistics, 6)["outOfVocabulary"] = Feature(statistics, 6)["other"]!.GetValue<long>() + 1)));
        Assert.Equal("Origin", error.Feature);
        error = Assert.Throws<TamperedArtifactException>(() => Load(Edit(statistics => Feature(statistics, 7)["outOfVocabulary"] = 0)));
        Assert.Equal("Destination", error.Feature);
        Assert.Contains("out of vocabulary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_code_s_drift_threshold_applies_to_an_artifact_fitted_before_it_was_set_or_changed()
    {
        var rows = Enumerable.Range(0, 500).Select(i => new PageView { Page = "/page/" + (i % 7), Seconds = i % 60 }).ToArray();
        using var saved = new MemoryStream();
        PageFeatures.Fit(rows).Save(saved);
        foreach (double? recorded in new double?[] { null, 0.9 })
        {
            var root = JsonNode.Parse(saved.ToArray())!.AsObject();
            var seconds = Feature(root["statistics"]!.AsObject(), 1);
            seconds.Remove("driftThreshold");
            if (recorded is not null)
            {
                seconds["driftThreshold"] = recorded;
            }

            var fitted = PageFeatures.Fitted.Load(new MemoryStream(Encoding.UTF8.GetBytes(Resealed.Json(root))));
            Assert.Equal(0.25, fitted.Statistics.Find("Seconds")!.DriftThreshold);
            using var monitor = fitted.Monitor();
            foreach (var row in rows)
            {
                fitted.Transform(row, monitor);
            }

            Assert.Equal(0.25, monitor.Skew().Features.Single(feature => feature.Name == "Seconds").Threshold);
        }
    }
}
