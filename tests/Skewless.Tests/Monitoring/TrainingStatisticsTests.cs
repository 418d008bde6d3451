using System.Text;
using Flights;
using Skewless.Monitoring;
using Skewless.Tests.Transforms;
using Skewless.Transforms;
using Xunit;

namespace Skewless.Tests.Monitoring;

/// <summary>Training statistics gathered in the fitting pass, against straightforward computations on the real data.</summary>
public sealed class TrainingStatisticsTests
{
    private static readonly Lazy<TrainingStatistics> Flights = new(() => FlightFeatures.Fit(RealData.Flights).Statistics);
    private static readonly Lazy<TrainingStatistics> Zips = new(() => ZipFeatures.Fit(RealData.Zips).Statistics);

    public static TheoryData<string> ExactFlightColumns() => new() { "Hour", "LogDistance", "DistanceDecile", "DelayMinutes" };

    private static double[] FlightColumn(string name) => RealData.Flights.Select(flight => name switch
    {
        "Hour" => FlightFeatures.Hour(flight),
        "LogDistance" => FlightFeatures.LogDistance(flight),
        "DistanceDecile" => FlightFeatures.DistanceDecile(flight),
        "DelayMinutes" => (double)flight.DelayMinutes,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    }).ToArray();

    [Theory]
    [MemberData(nameof(ExactFlightColumns))]
    public void Numeric_statistics_match_a_two_pass_computation_and_the_sorted_values(string column)
    {
        var values = FlightColumn(column);
        var statistics = Assert.IsType<NumericStatistics>(Flights.Value.Find(column));
        var sorted = values.Order().ToArray();
        Assert.True(sorted.Distinct().Count() <= QuantileSketch.ExactLimit, "The column must have few enough distinct values for exact quantiles.");

        var (mean, variance) = ExactReference.MeanAndVariance(values);
        Assert.Equal(values.Length, statistics.Count);
        Assert.Equal(0, statistics.Missing);
        Assert.Equal(mean, statistics.Mean);
        Assert.Equal(ExactReference.StandardDeviation(values), statistics.StandardDeviation);
        Assert.Equal(Math.Sqrt(variance), statistics.StandardDeviation, 12);
        Assert.Equal(values.Average(), statistics.Mean, 9);
        Assert.Equal(sorted[0], statistics.Minimum);
        Assert.Equal(sorted[^1], statistics.Maximum);

        // Edge k - 1 is the value at rank floor(k·n/B) + 1, that is at index floor(k·n/B) of the sorted values.
        var bins = TrainingStatistics.HistogramBins;
        var edges = Enumerable.Range(1, bins - 1).Select(k => sorted[(int)((long)k * sorted.Length / bins)]).Distinct().ToArray();
        Same.Sequence(edges, statistics.Edges);
        var counts = Enumerable.Range(0, edges.Length + 1).Select(bin => (long)sorted.Count(value => (bin == 0 || value >= edges[bin - 1]) && (bin == edges.Length || value < edges[bin]))).ToArray();
        Same.Sequence(counts, statistics.BinCounts);
    }

    [Fact]
    public void A_value_repeated_across_quantiles_is_one_edge_so_no_bin_is_empty_by_construction()
    {
        // Bedrooms, 1 to 5: seven of the nine quantiles are a 2 or a 3.
        var accumulator = new NumericStatisticsAccumulator();
        foreach (var (bedrooms, houses) in new[] { (1, 50), (2, 300), (3, 400), (4, 200), (5, 50) })
        {
            for (var i = 0; i < houses; i++)
            {
                accumulator.Add(bedrooms);
            }
        }

        var statistics = accumulator.Complete("Bedrooms", FeatureKind.Int32);

        Assert.Equal([2.0, 3.0, 4.0], statistics.Edges);
        Assert.Equal([50L, 300L, 400L, 250L], statistics.BinCounts);
    }

    [Fact]
    public void The_label_is_summarised_for_training_only()
    {
        Assert.Equal("DelayMinutes", Flights.Value.Label?.Name);
        Assert.DoesNotContain(Flights.Value.Features, feature => feature.Name == "DelayMinutes");
        Assert.Null(Zips.Value.Label);
    }

    [Fact]
    public void Enum_and_bool_features_count_every_declared_value()
    {
        var day = Assert.IsType<CategoricalStatistics>(Flights.Value.Find("Day"));
        Same.Sequence(Enum.GetNames<DayOfWeek>(), day.Categories);
        Same.Sequence(Enum.GetValues<DayOfWeek>().Select(value => (long)RealData.Flights.Count(flight => FlightFeatures.Day(flight) == value)), day.CategoryCounts);
        Assert.Equal(0, day.Other);

        var weekend = Assert.IsType<CategoricalStatistics>(Flights.Value.Find("Weekend"));
        Same.Sequence(["false", "true"], weekend.Categories);
        Assert.Equal(RealData.Flights.Count(FlightFeatures.Weekend), weekend.CategoryCounts[1]);
    }

    [Theory]
    [InlineData("Origin")]
    [InlineData("Destination")]
    public void String_features_keep_the_top_categories_of_a_dictionary_count(string feature)
    {
        var values = RealData.Flights.Select(flight => feature == "Origin" ? FlightFeatures.Origin(flight) : FlightFeatures.Destination(flight)).ToArray();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            counts[value] = counts.GetValueOrDefault(value) + 1;
        }

        var top = counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Take(TrainingStatistics.TopCategories).ToArray();
        var statistics = Assert.IsType<CategoricalStatistics>(Flights.Value.Find(feature));

        Same.Sequence(top.Select(pair => pair.Key), statistics.Categories);
        Same.Sequence(top.Select(pair => pair.Value), statistics.CategoryCounts);
        Assert.Equal(values.Length - top.Sum(pair => pair.Value), statistics.Other);
        Assert.Equal(values.Length, statistics.Count);
    }

    [Fact]
    public void A_vocabulary_with_a_minimum_count_gives_its_first_terms_as_categories()
    {
        var fitted = ZipFeatures.Fit(RealData.Zips);
        var vocabulary = (Vocabulary)fitted.Transforms[4]!;
        var city = Assert.IsType<CategoricalStatistics>(fitted.Statistics.Find("City"));

        Same.Sequence(vocabulary.Terms.Take(TrainingStatistics.TopCategories), city.Categories);
        Assert.Equal(RealData.Zips.Count(zip => !string.IsNullOrEmpty(zip.City)), city.Count);
    }

    [Fact]
    public void Past_the_exact_limit_the_histogram_still_adds_up_and_its_edges_are_close_to_the_quantiles()
    {
        var latitudes = RealData.Zips.Select(zip => zip.Latitude).Where(double.IsFinite).Order().ToArray();
        var statistics = Assert.IsType<NumericStatistics>(Zips.Value.Find("Latitude"));
        Assert.True(latitudes.Distinct().Count() > QuantileSketch.ExactLimit);

        Assert.Equal(latitudes.Length, statistics.BinCounts.Sum());
        for (var k = 1; k < TrainingStatistics.HistogramBins; k++)
        {
            var exact = latitudes[k * latitudes.Length / TrainingStatistics.HistogramBins];
            Assert.True(Math.Abs(statistics.Edges[k - 1] - exact) <= 2 * QuantileSketch.RelativeAccuracy * Math.Abs(exact), $"Edge {k}: {statistics.Edges[k - 1]} against {exact}.");
        }
    }

    [Fact]
    public void Saved_statistics_load_back_identically()
    {
        var fitted = FlightFeatures.Fit(RealData.Flights);
        using var saved = new MemoryStream();
        fitted.Save(saved);
        saved.Position = 0;
        var loaded = FlightFeatures.Fitted.Load(saved);
        using var again = new MemoryStream();
        loaded.Save(again);

        // MergeTests check that merged partitions save these same bytes, statistics included.
        Assert.Contains("\"statistics\"", Encoding.UTF8.GetString(saved.ToArray()), StringComparison.Ordinal);
        Same.Artifact(saved.ToArray(), again.ToArray());
        Assert.Equal(Block(fitted.Statistics), Block(loaded.Statistics));
        Assert.Equal(Block(fitted.Statistics), Block(StatisticsFile.Load(new MemoryStream(saved.ToArray()))));
    }

    /// <summary>The statistics as the artifact writes them, to compare every field at once.</summary>
    internal static string Block(FeatureSetStatistics statistics)
    {
        using var stream = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            StatisticsJson.Write(writer, statistics);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
