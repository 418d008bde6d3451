using System.Diagnostics.Metrics;
using System.Text;
using System.Text.Json.Nodes;
using Flights;
using Microsoft.Extensions.Time.Testing;
using Skewless.Monitoring;
using Skewless.Tests.Infrastructure;
using Skewless.Tests.Transforms;
using Skewless.Transforms;
using Xunit;

namespace Skewless.Tests.Monitoring;

/// <summary>The serving monitor: what it counts, in which window, from how many threads, at what cost.</summary>
[Collection(MeterPublishers.Name)]
public sealed class FeatureMonitorTests
{
    private static readonly Lazy<FlightFeatures.Fitted> Fitted = new(() => FlightFeatures.Fit(RealData.Flights));
    private static readonly DateTimeOffset Start = new(2001, 2, 1, 0, 0, 0, TimeSpan.Zero);

    private static FeatureMonitor<Flight> Monitor(FakeTimeProvider clock, int retained = 3) =>
        Fitted.Value.Monitor(new MonitorOptions { WindowLength = TimeSpan.FromHours(1), RetainedWindows = retained, TimeProvider = clock });

    private static void Serve(FeatureMonitor<Flight> monitor, IEnumerable<Flight> rows)
    {
        foreach (var row in rows)
        {
            Fitted.Value.Transform(row, monitor);
        }
    }

    [Fact]
    public void Serving_the_training_rows_reproduces_the_training_statistics()
    {
        using var monitor = Monitor(new FakeTimeProvider(Start));
        Serve(monitor, RealData.Flights);

        AssertSameStatistics(Fitted.Value.Statistics, monitor.Snapshot());
        Assert.All(monitor.Skew().Features, feature => Assert.Equal(0, feature.Distance, 12));
    }

    [Fact]
    public void Serving_the_training_places_counts_the_values_each_vocabulary_left_out_as_training_did()
    {
        var fitted = PlaceFeatures.Fit(RealData.Zips);
        using var monitor = fitted.Monitor(new MonitorOptions { TimeProvider = new FakeTimeProvider(Start) });
        foreach (var zip in RealData.Zips)
        {
            fitted.Transform(zip, monitor);
        }

        // Cities of fewer than 3 zip codes are out of vocabulary; counties of fewer than 3 are missing, as their transform makes them.
        var rareCities = RealData.Zips.GroupBy(zip => zip.City, StringComparer.Ordinal).Where(city => city.Count() < 3).Sum(city => (long)city.Count());
        var rareCounties = RealData.Zips.GroupBy(zip => zip.County, StringComparer.Ordinal).Where(county => county.Count() < 3).Sum(county => (long)county.Count());
        var city = Assert.IsType<CategoricalStatistics>(fitted.Statistics.Find("City"));
        var county = Assert.IsType<CategoricalStatistics>(fitted.Statistics.Find("County"));
        Assert.True(rareCities > 1000 && rareCounties > 0, $"{rareCities} zip codes of rare cities, {rareCounties} of rare counties");
        Assert.Equal(rareCities, city.OutOfVocabulary);
        Assert.Equal((null, rareCounties), (county.OutOfVocabulary, county.Missing));

        AssertSameStatistics(fitted.Statistics, monitor.Snapshot());
        Assert.All(monitor.Skew().Features, feature => Assert.Equal(0, feature.Distance, 12));
    }

    [Fact]
    public void Serving_only_places_the_vocabulary_never_saw_crosses_the_threshold()
    {
        // Each city by name is a small share of the zip codes, so unseen ones would hide in other, as rare cities do in training.
        var fitted = PlaceFeatures.Fit(RealData.Zips);
        using var monitor = fitted.Monitor(new MonitorOptions { TimeProvider = new FakeTimeProvider(Start) });
        foreach (var zip in RealData.Zips.Take(2000))
        {
            fitted.Transform(zip with { City = "#" + zip.City, County = "#" + zip.County }, monitor);
        }

        var report = monitor.Skew();
        var city = report.Features.Single(feature => feature.Name == "City");
        var training = Assert.IsType<CategoricalStatistics>(fitted.Statistics.Find("City"));
        Assert.Equal(Slots.OutOfVocabularyLabel, city.Bins[^1]);
        Assert.Equal(1.0, city.CurrentShares[^1]);
        Assert.Equal(1.0 - ((double)training.OutOfVocabulary!.Value / training.Count), city.Distance, 12);
        Assert.True(city.Crossed);
        Assert.True(report.Features.Single(feature => feature.Name == "County").Crossed);
    }

    [Fact]
    public void A_snapshot_that_has_values_out_of_vocabulary_in_other_still_merges_and_compares()
    {
        // As a replica still on a Skewless that did not count them apart would save it.
        using var monitor = Monitor(new FakeTimeProvider(Start));
        Serve(monitor, RealData.Flights.Take(5000));
        var snapshot = monitor.Snapshot();
        using var saved = new MemoryStream();
        snapshot.Save(saved);
        var json = JsonNode.Parse(saved.ToArray())!.AsObject();
        json["statistics"]!["features"]![6]!.AsObject().Remove("outOfVocabulary");
        var older = Assert.IsType<ServingStatistics>(StatisticsFile.Load(new MemoryStream(Encoding.UTF8.GetBytes(json.ToJsonString()))));

        var origin = Assert.IsType<CategoricalStatistics>(snapshot.Find("Origin"));
        var merged = Assert.IsType<CategoricalStatistics>(ServingStatistics.Merge([snapshot, older]).Find("Origin"));
        Assert.True(origin.OutOfVocabulary > 0);
        Assert.Equal((2 * origin.Other, (long?)null), (merged.Other, merged.OutOfVocabulary));
        var drift = DriftReport.Compare(Fitted.Value.Statistics, older).Features.Single(feature => feature.Name == "Origin");
        Assert.Equal(Slots.OtherLabel, drift.Bins[^1]);
    }

    private static void AssertSameStatistics(TrainingStatistics training, ServingStatistics served)
    {
        Assert.Equal(training.Rows, served.Rows);
        for (var i = 0; i < training.Features.Count; i++)
        {
            var expected = training.Features[i];
            var actual = served.Features[i];
            Assert.Equal((expected.Count, expected.Missing), (actual.Count, actual.Missing));
            switch (expected, actual)
            {
                case (NumericStatistics left, NumericStatistics right):
                    Same.Sequence(left.BinCounts, right.BinCounts);
                    Assert.Equal((left.Minimum, left.Maximum), (right.Minimum, right.Maximum));
                    Assert.Equal(left.Mean, right.Mean, 9);
                    Assert.Equal(left.StandardDeviation, right.StandardDeviation, 9);
                    break;
                case (CategoricalStatistics left, CategoricalStatistics right):
                    Same.Sequence(left.Categories, right.Categories);
                    Same.Sequence(left.CategoryCounts, right.CategoryCounts);
                    Assert.Equal((left.Other, left.OutOfVocabulary), (right.Other, right.OutOfVocabulary));
                    break;
                default:
                    Assert.Fail($"Feature {expected.Name} changed kind.");
                    break;
            }
        }
    }

    [Fact]
    public void The_monitored_transform_computes_the_same_bits_as_plain_serving()
    {
        using var monitor = Monitor(new FakeTimeProvider(Start));
        var width = FlightFeatures.Vector.Width;
        var plain = new float[width];
        var typed = new float[width];
        var spanned = new float[width];
        foreach (var row in RealData.Flights.Take(2000))
        {
            Fitted.Value.Transform(row, plain);
            Fitted.Value.Transform(row, monitor).CopyTo(typed);
            Fitted.Value.Transform(row, spanned, monitor);
            Same.Bits(plain, typed, width);
            Same.Bits(plain, spanned, width);
        }

        Assert.Equal(4000, monitor.Snapshot().Rows);
    }

    [Fact]
    public void Rows_go_to_the_window_of_the_clock_and_old_windows_are_dropped()
    {
        var clock = new FakeTimeProvider(Start);
        using var monitor = Monitor(clock, retained: 3);
        var rows = RealData.Flights;
        Serve(monitor, rows.Take(10));
        clock.Advance(TimeSpan.FromHours(1));
        Serve(monitor, rows.Take(20));
        clock.Advance(TimeSpan.FromMinutes(90));
        Serve(monitor, rows.Take(30));

        Assert.Equal([30L, 20, 10], Enumerable.Range(0, 3).Select(ago => monitor.Snapshot(ago).Rows));
        Assert.Equal(60, monitor.SnapshotAll().Rows);
        Assert.Equal(Start.AddHours(2), monitor.Snapshot().WindowStart);
        Assert.Equal(Start.AddHours(3), monitor.Snapshot().WindowEnd);
        Assert.Equal(Start, monitor.SnapshotAll().WindowStart);

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal([0L, 30, 20], Enumerable.Range(0, 3).Select(ago => monitor.Snapshot(ago).Rows));
        Assert.Equal(50, monitor.SnapshotAll().Rows);
        Assert.Throws<ArgumentOutOfRangeException>(() => monitor.Snapshot(3));
    }

    [Theory]
    [InlineData(30)]
    [InlineData(365)]
    [InlineData(3650)]
    public void Windows_longer_than_a_timer_can_wait_start_on_time(int days)
    {
        var clock = new FakeTimeProvider(Start);
        using var monitor = Fitted.Value.Monitor(new MonitorOptions { WindowLength = TimeSpan.FromDays(days), WindowOrigin = Start, RetainedWindows = 2, TimeProvider = clock });
        Serve(monitor, RealData.Flights.Take(10));
        clock.Advance(TimeSpan.FromDays(days) - TimeSpan.FromTicks(1));
        Serve(monitor, RealData.Flights.Take(20));
        Assert.Equal(30, monitor.Snapshot().Rows);

        clock.Advance(TimeSpan.FromTicks(1));
        Serve(monitor, RealData.Flights.Take(5));
        Assert.Equal([5L, 30], Enumerable.Range(0, 2).Select(ago => monitor.Snapshot(ago).Rows));
        Assert.Equal(Start.AddDays(days), monitor.Snapshot().WindowStart);
    }

    [Fact]
    public void Windows_are_aligned_to_the_epoch_whenever_the_monitor_starts()
    {
        // Two replicas started seconds apart in the same hour share its window.
        var clock = new FakeTimeProvider(Start.AddMinutes(2).AddSeconds(21.422));
        using var late = Monitor(new FakeTimeProvider(Start.AddMinutes(2).AddSeconds(23.936)));
        using var monitor = Monitor(clock);

        Assert.Equal((Start, Start.AddHours(1)), (monitor.Snapshot().WindowStart, monitor.Snapshot().WindowEnd));
        Assert.Equal((Start, Start.AddHours(1)), (late.Snapshot().WindowStart, late.Snapshot().WindowEnd));
        Assert.Equal("serving 2001-02-01 00:00Z to 2001-02-01 01:00Z", monitor.Snapshot().Source);
        Serve(monitor, RealData.Flights.Take(10));
        clock.Advance(TimeSpan.FromMinutes(58));
        Serve(monitor, RealData.Flights.Take(20));
        Assert.Equal([20L, 10], Enumerable.Range(0, 2).Select(ago => monitor.Snapshot(ago).Rows));
        Assert.Equal(Start.AddHours(1), monitor.Snapshot().WindowStart);
        Assert.Equal(Start, monitor.SnapshotAll().WindowStart);
    }

    [Theory]
    [InlineData("2001-01-01")]
    [InlineData("2001-03-05")]
    public void Windows_start_at_whole_multiples_of_their_length_from_the_origin_before_or_after_the_clock(string monday)
    {
        // A Wednesday, in weekly windows that start on Mondays.
        var clock = new FakeTimeProvider(new DateTimeOffset(2001, 2, 7, 15, 0, 0, TimeSpan.Zero));
        var origin = DateTimeOffset.Parse(monday + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        using var monitor = Fitted.Value.Monitor(new MonitorOptions { WindowLength = TimeSpan.FromDays(7), WindowOrigin = origin, TimeProvider = clock });

        Assert.Equal(new DateTimeOffset(2001, 2, 5, 0, 0, 0, TimeSpan.Zero), monitor.Snapshot().WindowStart);
        clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(new DateTimeOffset(2001, 2, 12, 0, 0, 0, TimeSpan.Zero), monitor.Snapshot().WindowStart);
    }

    [Fact]
    public void A_window_that_is_not_whole_minutes_shows_its_seconds()
    {
        var clock = new FakeTimeProvider(Start);
        using var monitor = Fitted.Value.Monitor(new MonitorOptions { WindowLength = TimeSpan.FromSeconds(90), TimeProvider = clock });
        clock.Advance(TimeSpan.FromSeconds(100));

        Assert.Equal("serving 2001-02-01 00:01:30Z to 2001-02-01 00:03:00Z", monitor.Snapshot().Source);
        Assert.Equal("serving 2001-02-01 00:00:00.25Z to 2001-02-01 01:00:00Z", ServingStatistics.Of(Fitted.Value, RealData.Flights.Take(3), Start.AddSeconds(0.25), Start.AddHours(1)).Source);
    }

    [Fact]
    public void Merged_snapshots_of_replicas_equal_the_snapshot_of_one_monitor_that_saw_every_row()
    {
        // Three replicas started at different times in the hour, each serving a share of the traffic and its outcomes.
        var rows = RealData.Flights.Take(10_000).ToArray();
        using var one = Monitor(new FakeTimeProvider(Start));
        var replicas = new[] { 0.5, 600, 3000 }.Select(seconds => Monitor(new FakeTimeProvider(Start.AddSeconds(seconds)))).ToArray();
        try
        {
            for (var i = 0; i < rows.Length; i++)
            {
                var replica = replicas[(i * 7 / 3) % replicas.Length];
                foreach (var monitor in new[] { one, replica })
                {
                    Fitted.Value.Transform(rows[i], monitor);
                    monitor.RecordOutcome(rows[i], rows[i].DistanceMiles / 100.0, rows[i].DelayMinutes);
                }
            }

            // Through files, as the skewless tool merges them.
            AssertSameSnapshot(one.Snapshot(), ServingStatistics.Merge(replicas.Select(replica => SavedAndLoaded(replica.Snapshot()))));
        }
        finally
        {
            foreach (var replica in replicas)
            {
                replica.Dispose();
            }
        }
    }

    [Fact]
    public void Merged_snapshots_of_a_week_of_days_from_two_replicas_equal_the_snapshot_of_one_monitor_whose_window_is_the_week()
    {
        // February's first week, each day's flights served on that day by two replicas with daily windows, and by one monitor with a weekly window.
        var clock = new FakeTimeProvider(Start);
        using var week = Fitted.Value.Monitor(new MonitorOptions { WindowLength = TimeSpan.FromDays(7), WindowOrigin = Start, TimeProvider = clock });
        using var first = Fitted.Value.Monitor(new MonitorOptions { WindowLength = TimeSpan.FromDays(1), TimeProvider = clock });
        using var second = Fitted.Value.Monitor(new MonitorOptions { WindowLength = TimeSpan.FromDays(1), TimeProvider = clock });
        var snapshots = new List<ServingStatistics>();
        for (var day = 0; day < 7; day++)
        {
            clock.SetUtcNow(Start.AddDays(day));
            var rows = RealData.Flights.Where(flight => flight.Departure.Date == Start.UtcDateTime.AddDays(day)).ToArray();
            Assert.NotEmpty(rows);
            for (var i = 0; i < rows.Length; i++)
            {
                foreach (var monitor in new[] { week, i % 3 == 0 ? first : second })
                {
                    Fitted.Value.Transform(rows[i], monitor);
                    monitor.RecordOutcome(rows[i], rows[i].DistanceMiles / 100.0, rows[i].DelayMinutes);
                }
            }

            snapshots.Add(SavedAndLoaded(first.Snapshot()));
            snapshots.Add(SavedAndLoaded(second.Snapshot()));
        }

        // Not in the days' order, as files may be listed.
        var merged = ServingStatistics.Merge(snapshots.OrderBy(snapshot => snapshot.Rows));

        Assert.Equal("serving 2001-02-01 00:00Z to 2001-02-08 00:00Z", merged.Source);
        AssertSameSnapshot(week.Snapshot(), merged);
    }

    [Fact]
    public void Statistics_saved_by_a_class_since_renamed_compare_and_merge_with_those_of_the_class_that_keeps_its_version()
    {
        // Flights v2 saved by the class that declared it before v3 took its name, and served by the class that keeps v2.
        using var saved = new MemoryStream();
        Fitted.Value.Save(saved);
        var root = JsonNode.Parse(saved.ToArray())!;
        root["featureSet"] = "Flights.FlightFeaturesBeforeV3";
        var artifact = Encoding.UTF8.GetBytes(Resealed.Json(root));
        var fitted = FlightFeatures.Fitted.Load(new MemoryStream(artifact));
        using var monitor = fitted.Monitor(new MonitorOptions { TimeProvider = new FakeTimeProvider(Start) });
        foreach (var row in RealData.Flights.Take(1_000))
        {
            fitted.Transform(row, monitor);
        }

        var snapshot = monitor.Snapshot();
        var training = StatisticsFile.Load(new MemoryStream(artifact));
        Assert.Equal(("Flights.FlightFeaturesBeforeV3", "Flights.FlightFeatures"), (training.FeatureSet, snapshot.FeatureSet));
        Assert.Equal(DriftReport.Compare(Fitted.Value.Statistics, snapshot).Features.Select(feature => feature.Distance), DriftReport.Compare(training, snapshot).Features.Select(feature => feature.Distance));

        // A replica still running the old build during a rolling deploy.
        var old = JsonNode.Parse(SavedJson(snapshot))!;
        old["featureSet"] = "Flights.FlightFeaturesBeforeV3";
        var replica = Assert.IsType<ServingStatistics>(StatisticsFile.Load(new MemoryStream(Encoding.UTF8.GetBytes(old.ToJsonString()))));
        Assert.Equal(2 * snapshot.Rows, ServingStatistics.Merge([snapshot, replica]).Rows);
    }

    [Fact]
    public void Snapshots_of_windows_that_overlap_without_being_the_same_or_of_other_fits_do_not_merge()
    {
        var clock = new FakeTimeProvider(Start);
        using var monitor = Monitor(clock);
        var february = FlightFeatures.Fit(RealData.Flights.Where(flight => flight.Departure.Month == 2));
        using var other = february.Monitor(new MonitorOptions { TimeProvider = new FakeTimeProvider(Start) });
        var current = monitor.Snapshot();
        clock.Advance(TimeSpan.FromHours(1));
        using var halfAnHourLater = Fitted.Value.Monitor(new MonitorOptions { WindowLength = TimeSpan.FromHours(1), WindowOrigin = Start.AddMinutes(30), TimeProvider = clock });
        using var daily = Fitted.Value.Monitor(new MonitorOptions { WindowLength = TimeSpan.FromDays(1), TimeProvider = clock });

        var partly = Assert.Throws<IncomparableStatisticsException>(() => ServingStatistics.Merge([current, monitor.Snapshot(), halfAnHourLater.Snapshot()]));
        Assert.Contains("snapshot 3 covers serving 2001-02-01 00:30Z to 2001-02-01 01:30Z and snapshot 1 serving 2001-02-01 00:00Z to 2001-02-01 01:00Z, which overlap", partly.Message, StringComparison.Ordinal);
        Assert.Contains("counted twice", partly.Message, StringComparison.Ordinal);
        var inside = Assert.Throws<IncomparableStatisticsException>(() => ServingStatistics.Merge([daily.Snapshot(), current]));
        Assert.Contains("snapshot 1 covers serving 2001-02-01 00:00Z to 2001-02-02 00:00Z and snapshot 2 serving 2001-02-01 00:00Z to 2001-02-01 01:00Z, which overlap", inside.Message, StringComparison.Ordinal);
        var fits = Assert.Throws<IncomparableStatisticsException>(() => ServingStatistics.Merge([current, other.Snapshot()]));
        Assert.Contains("snapshot 2 bins 'Hour' by other edges or categories than snapshot 1, so another fit served it", fits.Message, StringComparison.Ordinal);
        Assert.Equal(Counts(current), Counts(ServingStatistics.Merge([current])));
    }

    [Fact]
    public void Windows_served_by_other_fits_are_not_compared_and_training_sets_still_are()
    {
        var all = Fitted.Value;
        var february = FlightFeatures.Fit(RealData.Flights.Where(flight => flight.Departure.Month == 2));
        using var allMonitor = all.Monitor(new MonitorOptions { TimeProvider = new FakeTimeProvider(Start) });
        using var februaryMonitor = february.Monitor(new MonitorOptions { TimeProvider = new FakeTimeProvider(Start) });
        var vector = new float[FlightFeatures.Vector.Width];
        foreach (var flight in RealData.Flights.Where(flight => flight.Departure.Month == 3))
        {
            all.Transform(flight, vector, allMonitor);
            february.Transform(flight, vector, februaryMonitor);
        }

        // The same March rows, counted over each fit's bins: a report would show the fits' difference as drift.
        var windows = Assert.Throws<IncomparableStatisticsException>(() => DriftReport.Compare(allMonitor.Snapshot(), februaryMonitor.Snapshot()));
        Assert.Contains("counts 'Hour' over other edges or categories than serving", windows.Message, StringComparison.Ordinal);
        Assert.Contains("so another fit served it", Assert.Throws<IncomparableStatisticsException>(() => DriftReport.Compare(all.Statistics, februaryMonitor.Snapshot())).Message, StringComparison.Ordinal);

        // Each window against its own fit, and two training sets (rebinned), still compare.
        Assert.Contains(DriftReport.Compare(all.Statistics, allMonitor.Snapshot()).Features, feature => feature.Name == "Hour");
        Assert.Contains(DriftReport.Compare(february.Statistics, februaryMonitor.Snapshot()).Features, feature => feature.Name == "Hour");
        Assert.Contains(DriftReport.Compare(all.Statistics, february.Statistics).Features, feature => feature.Name == "Hour");
    }

    [Fact]
    public async Task A_disposed_monitor_still_counts_rows_on_every_thread_for_a_last_snapshot()
    {
        var clock = new FakeTimeProvider(Start);
        var monitor = Monitor(clock);
        var rows = RealData.Flights.Take(3).ToArray();
        var vector = new float[FlightFeatures.Vector.Width];
        Fitted.Value.Transform(rows[0], vector, monitor);
        monitor.Dispose();

        // A host shutting down disposes the monitor while requests are in flight, on threads that served before and on new ones.
        Fitted.Value.Transform(rows[1], vector, monitor);
        await Task.Factory.StartNew(() => Fitted.Value.Transform(rows[2], vector.ToArray(), monitor), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(3, monitor.Snapshot().Rows);
    }

    [Fact]
    public void The_default_thresholds_catch_distances_served_in_kilometres_and_pass_the_same_month_in_miles()
    {
        var january = FlightFeatures.Fit(RealData.Flights.Where(flight => flight.Departure.Month == 1));
        using var miles = january.Monitor(new MonitorOptions { TimeProvider = new FakeTimeProvider(Start) });
        using var kilometres = january.Monitor(new MonitorOptions { TimeProvider = new FakeTimeProvider(Start) });
        var vector = new float[FlightFeatures.Vector.Width];
        foreach (var flight in RealData.Flights.Where(flight => flight.Departure.Month == 2))
        {
            january.Transform(flight, vector, miles);
            january.Transform(new Flight { Departure = flight.Departure, Origin = flight.Origin, Destination = flight.Destination, DistanceMiles = flight.DistanceMiles * 1.609f }, vector, kilometres);
        }

        var healthy = miles.Skew();
        var skewed = kilometres.Skew().Features.Single(feature => feature.Name == nameof(FlightFeatures.LogDistance));

        Assert.False(healthy.AnyCrossed, healthy.ToString());
        Assert.True(skewed.Crossed, $"{skewed.Distance} against {skewed.Threshold}");
        Assert.Equal(ComparisonOptions.DefaultJensenShannonThreshold, skewed.Threshold);
    }

    [Fact]
    public void A_year_window_on_the_system_clock_is_accepted()
    {
        using var monitor = Fitted.Value.Monitor(new MonitorOptions { WindowLength = TimeSpan.FromDays(365) });
        Serve(monitor, RealData.Flights.Take(3));
        Assert.Equal(3, monitor.Snapshot().Rows);
    }

    [Fact]
    public void A_monitor_observes_only_its_own_feature_set()
    {
        using var monitor = Monitor(new FakeTimeProvider(Start));

        var version1 = FlightFeaturesV1.Fit(RealData.Flights.Take(1000));
        Assert.Contains("cannot observe rows of Flights.FlightFeaturesV1", Assert.Throws<ArgumentException>(() => version1.Transform(RealData.Flights[0], monitor)).Message, StringComparison.Ordinal);
        Assert.Equal("monitor", Assert.Throws<ArgumentNullException>(() => Fitted.Value.Transform(RealData.Flights[0], (FeatureMonitor<Flight>)null!)).ParamName);
        Assert.Equal("monitor", Assert.Throws<ArgumentNullException>(() => Fitted.Value.Transform(RealData.Flights[0], new float[FlightFeatures.Vector.Width], null!)).ParamName);
    }

    [Fact]
    public void A_monitor_refuses_rows_of_another_fit_and_accepts_its_artifact_loaded_again()
    {
        // A service that hot-reloads its artifact but keeps its monitor: the new vocabulary's positions would be counted
        // against the old categories.
        var january = FlightFeatures.Fit(RealData.Flights.Where(flight => flight.Departure.Month == 1));
        var february = FlightFeatures.Fit(RealData.Flights.Where(flight => flight.Departure.Month == 2));
        using var monitor = january.Monitor(new MonitorOptions { TimeProvider = new FakeTimeProvider(Start) });
        var row = RealData.Flights[0];

        var refused = Assert.Throws<ArgumentException>(() => february.Transform(row, monitor));
        Assert.Contains("another fit, whose fitted constants of 'LogDistance' differ", refused.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => february.Transform(row, new float[FlightFeatures.Vector.Width], monitor));

        using var saved = new MemoryStream();
        january.Save(saved);
        var reloaded = FlightFeatures.Fitted.Load(new MemoryStream(saved.ToArray()));
        var again = FlightFeatures.Fitted.Load(new MemoryStream(saved.ToArray()));
        foreach (var fitted in new[] { january, reloaded, again, reloaded })
        {
            fitted.Transform(row, monitor);
        }

        Assert.Throws<ArgumentException>(() => february.Transform(row, monitor));
        Assert.Equal(4, monitor.Snapshot().Rows);
    }

    [Fact]
    public void A_monitor_refuses_rows_of_a_fit_whose_statistics_alone_differ()
    {
        // A feature set without fitted constants, refit on other rows: its rows would be compared with the wrong training.
        var first = PageFeatures.Fit(Enumerable.Range(0, 100).Select(i => new PageView { Page = "/a", Seconds = i }));
        var second = PageFeatures.Fit(Enumerable.Range(0, 100).Select(i => new PageView { Page = "/a", Seconds = 2 * i }));
        using var monitor = first.Monitor(new MonitorOptions { TimeProvider = new FakeTimeProvider(Start) });

        Assert.Contains("training statistics of 'Seconds' differ", Assert.Throws<ArgumentException>(() => second.Transform(new PageView { Page = "/a" }, monitor)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Residuals_are_sliced_by_each_feature_value()
    {
        using var monitor = Monitor(new FakeTimeProvider(Start));
        var rows = RealData.Flights.Take(5000).ToArray();
        static double Prediction(Flight flight) => flight.DistanceMiles / 100.0;
        foreach (var row in rows)
        {
            monitor.RecordOutcome(row, Prediction(row), row.DelayMinutes);
        }

        monitor.RecordOutcome(rows[0], double.NaN, 1);
        var residuals = monitor.Snapshot().Residuals;
        Assert.Equal(rows.Length, residuals.Count);
        Assert.Equal(rows.Average(row => row.DelayMinutes - Prediction(row)), residuals.MeanResidual, 9);
        Assert.Equal(rows.Average(row => Math.Abs(row.DelayMinutes - Prediction(row))), residuals.MeanAbsoluteResidual, 9);
        foreach (var day in rows.GroupBy(FlightFeatures.Day))
        {
            var slice = Assert.Single(residuals.Slices, slice => slice.Feature == "Day" && slice.Slice == day.Key.ToString());
            Assert.Equal(day.Count(), slice.Count);
            Assert.Equal(day.Average(row => row.DelayMinutes - Prediction(row)), slice.MeanResidual, 9);
        }

        Assert.Equal(rows.Length, residuals.Slices.Where(slice => slice.Feature == "Hour").Sum(slice => slice.Count));
        Assert.Equal(0, monitor.Snapshot().Rows);
    }

    [Fact]
    public void Counts_from_many_threads_equal_the_observations_exactly()
    {
        const int threads = 8;
        var rows = RealData.Flights;
        using var monitor = Monitor(new FakeTimeProvider(Start));
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(thread => new Thread(() =>
        {
            start.SignalAndWait();
            for (var n = 0; n < rows.Length; n++)
            {
                Fitted.Value.Transform(rows[(n + (thread * 997)) % rows.Length], monitor);
            }
        })).ToArray();
        foreach (var worker in workers)
        {
            worker.Start();
        }

        foreach (var worker in workers)
        {
            worker.Join();
        }

        var served = monitor.Snapshot();
        Assert.Equal((long)threads * rows.Length, served.Rows);
        for (var i = 0; i < served.Features.Count; i++)
        {
            var training = Fitted.Value.Statistics.Features[i];
            Assert.Equal(threads * training.Count, served.Features[i].Count);
            Assert.Equal(threads * training.Missing, served.Features[i].Missing);
            if (training is CategoricalStatistics categories)
            {
                Same.Sequence(categories.CategoryCounts.Select(count => threads * count), ((CategoricalStatistics)served.Features[i]).CategoryCounts);
            }
            else
            {
                Same.Sequence(((NumericStatistics)training).BinCounts.Select(count => threads * count), ((NumericStatistics)served.Features[i]).BinCounts);
            }
        }
    }

    [Fact]
    public void The_tallies_of_ended_threads_are_folded_into_their_windows_and_dropped()
    {
        // What thread-pool churn does to a long-running service: threads serve a few rows, some outcomes, and end.
        // 100 rows a thread leave 36 in its buffer; the clock moves on halfway, so ended threads' rows belong to a past window.
        const int threads = 200;
        var clock = new FakeTimeProvider(Start);
        using var monitor = Monitor(clock);
        var slices = Enumerable.Range(0, threads).Select(thread => RealData.Flights.Skip(thread * 100).Take(100).ToArray()).ToArray();
        var most = 0;
        for (var thread = 0; thread < threads; thread++)
        {
            if (thread == threads / 2)
            {
                clock.Advance(TimeSpan.FromHours(1));
            }

            var slice = slices[thread];
            var worker = new Thread(() =>
            {
                Serve(monitor, slice);
                monitor.RecordOutcome(slice[0], 1, 2);
            });
            worker.Start();
            worker.Join();
            most = Math.Max(most, monitor.ThreadTallies);
        }

        // Each new thread folds those that ended before it: the last one is still held, until the snapshot.
        Assert.Equal(1, most);
        Assert.Equal(Expected(slices.Take(threads / 2).SelectMany(slice => slice)), Counts(monitor.Snapshot(1)));
        Assert.Equal(0, monitor.ThreadTallies);
        Assert.Equal(Expected(slices.Skip(threads / 2).SelectMany(slice => slice)), Counts(monitor.Snapshot(0)));
        Assert.Equal((threads / 2, threads / 2), (monitor.Snapshot(1).Residuals.Count, monitor.Snapshot(0).Residuals.Count));
        Assert.Equal(threads * 100, monitor.SnapshotAll().Rows);
    }

    [Fact]
    public void A_snapshot_counts_the_rows_still_buffered_on_every_thread_and_leaves_them_there()
    {
        // Slices whose lengths are not multiples of the observer's buffer, so every thread stops with a partial buffer.
        const int threads = 6;
        var slices = Enumerable.Range(0, threads).Select(thread => RealData.Flights.Skip(thread * 3001).Take(3001 + (thread * 7)).ToArray()).ToArray();
        using var monitor = Monitor(new FakeTimeProvider(Start));
        var workers = slices.Select(slice => new Thread(() => Serve(monitor, slice))).ToArray();
        foreach (var worker in workers)
        {
            worker.Start();
        }

        foreach (var worker in workers)
        {
            worker.Join();
        }

        var expected = Expected(slices.SelectMany(slice => slice));
        Assert.Equal(expected, Counts(monitor.Snapshot()));
        Assert.Equal(expected, Counts(monitor.Snapshot()));
        Assert.Equal(slices.Sum(slice => slice.Length), monitor.SnapshotAll().Rows);
        var hours = slices.SelectMany(slice => slice).Select(row => (double)FlightFeatures.Hour(row)).ToArray();
        var hour = Assert.IsType<NumericStatistics>(monitor.Snapshot().Find("Hour"));
        Assert.Equal((hours.Min(), hours.Max()), (hour.Minimum, hour.Maximum));
        Assert.Equal(hours.Average(), hour.Mean, 9);
    }

    [Fact]
    public void A_window_change_mid_buffer_counts_each_row_in_the_window_it_was_served_in()
    {
        var clock = new FakeTimeProvider(Start);
        using var monitor = Monitor(clock);
        var rows = RealData.Flights;
        Serve(monitor, rows.Take(100));
        clock.Advance(TimeSpan.FromHours(1));
        Serve(monitor, rows.Skip(100).Take(70));

        Assert.Equal(Expected(rows.Take(100)), Counts(monitor.Snapshot(1)));
        Assert.Equal(Expected(rows.Skip(100).Take(70)), Counts(monitor.Snapshot(0)));
        Assert.Equal(Expected(rows.Take(170)), Counts(monitor.SnapshotAll()));
    }

    [Fact]
    public void A_row_begun_but_never_ended_is_not_counted()
    {
        // What a kernel leaves behind when a feature method throws: some values shown, the row not ended.
        using var monitor = Monitor(new FakeTimeProvider(Start));
        var rows = RealData.Flights.Take(200).ToArray();
        Serve(monitor, rows.Take(10));
        var abandoned = FeatureObserver.BeginRow(monitor, Fitted.Value);
        abandoned.Number(0, 1e9);
        abandoned.Category(1, -1);
        Serve(monitor, rows.Skip(10));

        Assert.Equal(Expected(rows), Counts(monitor.Snapshot()));
        Assert.Equal(rows.Length, monitor.Snapshot().Rows);
    }

    [Fact]
    public void Serving_and_recording_outcomes_allocate_nothing_per_row()
    {
        using var monitor = Monitor(new FakeTimeProvider(Start));
        var rows = RealData.Flights.Take(10_000).ToArray();
        var slots = new float[FlightFeatures.Vector.Width];

        Assert.Equal(0, Allocations.Fewest(() =>
        {
            foreach (var row in rows)
            {
                Fitted.Value.Transform(row, monitor).CopyTo(slots);
                Fitted.Value.Transform(row, slots, monitor);
                monitor.RecordOutcome(row, 0.5, 1);
            }
        }));
    }

    [Fact]
    public void A_hashed_string_is_counted_by_its_value_whatever_else_shares_its_bucket()
    {
        // 60 pages in 16 buckets: buckets hold several top categories, or one with rarer pages beside it, or none.
        var fitted = PageFeatures.Fit(Enumerable.Range(0, 3000).Select(i => new PageView { Page = "/page/" + (i % (1 + (i % 60))), Seconds = i }));
        using var monitor = fitted.Monitor(new MonitorOptions { TimeProvider = new FakeTimeProvider(Start) });
        var served = Enumerable.Range(0, 500).Select(i => i % 7 == 0 ? "" : "/page/" + (i % 90)).ToArray();
        foreach (var page in served)
        {
            fitted.Transform(new PageView { Page = page }, monitor);
        }

        var statistics = Assert.IsType<CategoricalStatistics>(monitor.Snapshot().Find("Page"));
        var expected = statistics.Categories.Select(category => (long)served.Count(page => page == category)).ToArray();
        Assert.Equal(expected, statistics.CategoryCounts);
        Assert.Equal(served.Count(page => page.Length == 0), statistics.Missing);
        Assert.Equal(served.Length - statistics.Missing - expected.Sum(), statistics.Other);
    }

    [Fact]
    public void Categories_are_counted_exactly_by_position_whether_or_not_their_slots_fit_in_a_byte()
    {
        // 300 declared values, and partial runs of 32: 1000 rows are 15 full buffers and 40 rows still buffered.
        var readings = Enumerable.Range(0, 1000).Select(i => new CodeReading((Code)((i * 7 % 311) - 5))).ToArray();
        var fitted = CodeFeatures.Fit(readings);
        using var codes = fitted.Monitor(new MonitorOptions { TimeProvider = new FakeTimeProvider(Start) });
        foreach (var reading in readings)
        {
            fitted.Transform(reading, codes);
        }

        var wide = Assert.IsType<CategoricalStatistics>(codes.Snapshot().Find("Code"));
        var expected = Enumerable.Range(0, 300).Select(value => (long)readings.Count(reading => (int)reading.Code == value)).ToArray();
        Same.Sequence(expected, wide.CategoryCounts);
        Assert.Equal(readings.Count(reading => (int)reading.Code is < 0 or >= 300), wide.Missing);

        // And a bool, an enum and a vocabulary feature of the flights, whose slots do, on rows that are not a whole buffer.
        using var flights = Monitor(new FakeTimeProvider(Start));
        var rows = RealData.Flights.Take(1000).ToArray();
        Serve(flights, rows);
        var snapshot = flights.Snapshot();
        Same.Sequence(Enumerable.Range(0, 7).Select(day => (long)rows.Count(row => (int)FlightFeatures.Day(row) == day)), Assert.IsType<CategoricalStatistics>(snapshot.Find("Day")).CategoryCounts);
        Same.Sequence([rows.Count(row => !FlightFeatures.RedEye(row)), (long)rows.Count(FlightFeatures.RedEye)], Assert.IsType<CategoricalStatistics>(snapshot.Find("RedEye")).CategoryCounts);
        var origin = Assert.IsType<CategoricalStatistics>(snapshot.Find("Origin"));
        Same.Sequence(origin.Categories.Select(category => (long)rows.Count(row => row.Origin == category)), origin.CategoryCounts);
        Assert.Equal(rows.Length - origin.CategoryCounts.Sum() - origin.Missing, origin.Other);
    }

    [Fact]
    public void A_million_unique_strings_cost_no_memory()
    {
        var fitted = PageFeatures.Fit(Enumerable.Range(0, 1000).Select(i => new PageView { Page = "/page/" + (i % 40), Seconds = i % 17 }));
        using var monitor = fitted.Monitor(new MonitorOptions { TimeProvider = new FakeTimeProvider(Start) });
        var pages = Enumerable.Range(0, 1_000_000).Select(i => "/unique/" + i).ToArray();
        var row = new PageView { Seconds = 3 };
        fitted.Transform(row, monitor);

        // Each quarter of the strings is served once; the first lets the JIT settle, the others must allocate nothing.
        var quarter = pages.Length / 4;
        var served = 0;
        Assert.Equal(0, Allocations.Fewest(() =>
        {
            foreach (var page in new ArraySegment<string>(pages, served, quarter))
            {
                row.Page = page;
                fitted.Transform(row, monitor);
            }

            served += quarter;
        }));

        var page0 = Assert.IsType<CategoricalStatistics>(monitor.Snapshot().Find("Page"));
        Assert.Equal(pages.Length, served);
        Assert.Equal(pages.Length, page0.Other);
        Assert.Equal(TrainingStatistics.TopCategories, page0.Categories.Count);
        Assert.Equal(1, page0.Missing);
    }

    [Fact]
    public void Counters_and_distances_are_published_through_a_meter_named_skewless()
    {
        using var monitor = Monitor(new FakeTimeProvider(Start));
        Serve(monitor, RealData.Flights.Take(1000));
        var measurements = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, listening) =>
        {
            if (instrument.Meter.Name == FeatureMonitor<Flight>.MeterName)
            {
                listening.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Add((instrument.Name, value, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Add((instrument.Name, value, Tags(tags))));
        listener.Start();
        listener.RecordObservableInstruments();

        var rows = Assert.Single(measurements, measurement => measurement.Instrument == "skewless.monitor.rows" && Equals(measurement.Tags["skewless.feature_set"], "Flights.FlightFeatures"));
        Assert.Equal(1000, rows.Value);
        var distances = measurements.Where(measurement => measurement.Instrument == "skewless.monitor.distance" && Equals(measurement.Tags["skewless.feature_set"], "Flights.FlightFeatures")).ToList();
        Assert.Equal(FlightFeatures.Schema.Features.Select(feature => feature.Name).Order(), distances.Select(distance => (string)distance.Tags["skewless.feature"]!).Order());
        var skew = monitor.Skew();
        Assert.All(distances, distance => Assert.Equal(skew.Features.Single(feature => feature.Name == (string)distance.Tags["skewless.feature"]!).Distance, distance.Value));
        var thresholds = measurements.Where(measurement => measurement.Instrument == "skewless.monitor.threshold" && Equals(measurement.Tags["skewless.feature_set"], "Flights.FlightFeatures")).ToList();
        Assert.Equal(skew.Features.Select(feature => (feature.Name, DriftReport.MetricName(feature.Metric), feature.Threshold)).Order(), thresholds.Select(threshold => ((string)threshold.Tags["skewless.feature"]!, (string)threshold.Tags["skewless.metric"]!, threshold.Value)).Order());
        Assert.Equal(FlightFeatures.Schema.Features.Count, measurements.Count(measurement => measurement.Instrument == "skewless.monitor.missing" && Equals(measurement.Tags["skewless.feature_set"], "Flights.FlightFeatures")));
    }

    [Fact]
    public void A_saved_snapshot_loads_back_with_its_residuals()
    {
        using var monitor = Monitor(new FakeTimeProvider(Start));
        foreach (var row in RealData.Flights.Take(3000))
        {
            Fitted.Value.Transform(row, monitor);
            monitor.RecordOutcome(row, 10, row.DelayMinutes);
        }

        var snapshot = monitor.Snapshot();
        using var saved = new MemoryStream();
        snapshot.Save(saved);
        var loaded = Assert.IsType<ServingStatistics>(StatisticsFile.Load(new MemoryStream(saved.ToArray())));

        Assert.Equal(TrainingStatisticsTests.Block(snapshot), TrainingStatisticsTests.Block(loaded));
        Assert.Equal((snapshot.WindowStart, snapshot.WindowEnd, snapshot.Rows), (loaded.WindowStart, loaded.WindowEnd, loaded.Rows));
        Assert.Equal(snapshot.Residuals.Slices.Select(slice => slice.ToString()), loaded.Residuals.Slices.Select(slice => slice.ToString()));
        Assert.Equal(snapshot.Residuals.MeanAbsoluteResidual, loaded.Residuals.MeanAbsoluteResidual);
    }

    [Fact]
    public void Run_time_thresholds_override_the_attribute_which_overrides_the_default()
    {
        var fitted = PageFeatures.Fit(Enumerable.Range(0, 100).Select(i => new PageView { Page = "/a", Seconds = i }));
        Assert.Equal(0.25, PageFeatures.Schema.Find("Seconds")!.DriftThreshold);
        Assert.Equal(0.25, fitted.Statistics.Find("Seconds")!.DriftThreshold);
        Assert.Equal("Converted", fitted.Statistics.Label?.Name);

        var report = DriftReport.Compare(fitted.Statistics, fitted.Statistics, new ComparisonOptions { LInfinityThreshold = 0.5, JensenShannonThreshold = 0.5 });
        Assert.Equal(0.25, report.Features.Single(feature => feature.Name == "Seconds").Threshold);
        Assert.Equal(0.5, report.Features.Single(feature => feature.Name == "Page").Threshold);

        var options = new ComparisonOptions();
        options.Thresholds["Seconds"] = 0.01;
        Assert.Equal(0.01, DriftReport.Compare(fitted.Statistics, fitted.Statistics, options).Features.Single(feature => feature.Name == "Seconds").Threshold);
        options.Thresholds["Converted"] = 0.2;
        Assert.Equal(0.2, DriftReport.Compare(fitted.Statistics, fitted.Statistics, options).Features.Single(feature => feature.Name == "Converted").Threshold);
    }

    [Fact]
    public void A_run_time_threshold_for_a_name_the_feature_set_does_not_have_is_refused()
    {
        // A renamed feature, or a name in the wrong case, would otherwise silently lose its threshold.
        var fitted = PageFeatures.Fit(Enumerable.Range(0, 100).Select(i => new PageView { Page = "/a", Seconds = i }));
        var options = new ComparisonOptions();
        options.Thresholds["seconds"] = 0.5;

        var error = Assert.Throws<ArgumentException>(() => DriftReport.Compare(fitted.Statistics, fitted.Statistics, options));
        Assert.Contains("'seconds'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Page, Seconds, Converted", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => fitted.Monitor(new MonitorOptions { Comparison = options }));
    }

    [Theory]
    [InlineData(ComparisonOptions.DefaultMinimumRows - 1, false)]
    [InlineData(ComparisonOptions.DefaultMinimumRows, true)]
    public void A_feature_is_flagged_only_once_the_window_has_the_minimum_rows(int rows, bool flagged)
    {
        // Mondays only: the Day feature is far from training however many rows there are.
        using var monitor = Monitor(new FakeTimeProvider(Start));
        Serve(monitor, RealData.Flights.Where(flight => flight.Departure.DayOfWeek == DayOfWeek.Monday).Take(rows));

        var day = monitor.Skew().Features.Single(feature => feature.Name == "Day");
        Assert.True(day.Distance > day.Threshold);
        Assert.Equal(!flagged, day.TooFewRows);
        Assert.Equal(flagged, day.Crossed);
        Assert.Equal(flagged, monitor.Skew().AnyCrossed);
        Assert.Contains(flagged ? "CROSSED" : "too few rows", monitor.Skew().ToString(), StringComparison.Ordinal);
        Assert.Equal(flagged, PublishedDistances(monitor).Contains("Day"));
    }

    [Fact]
    public void The_minimum_rows_are_set_in_the_monitor_options()
    {
        var options = new MonitorOptions { TimeProvider = new FakeTimeProvider(Start) };
        options.Comparison.MinimumRows = 10;
        using var monitor = Fitted.Value.Monitor(options);
        Serve(monitor, RealData.Flights.Where(flight => flight.Departure.DayOfWeek == DayOfWeek.Monday).Take(10));

        Assert.True(monitor.Skew().Features.Single(feature => feature.Name == "Day").Crossed);
        Assert.False(monitor.Skew(new ComparisonOptions { MinimumRows = 11 }).AnyCrossed);
    }

        // Each feature's counts in slot order (missing, then each bin, or each category and the rest), from the feature
    // methods and the training edges and categories: a reference that does not go through the monitor.
    private static long[][] Expected(IEnumerable<Flight> rows)
    {
        var training = Fitted.Value.Statistics.Features;
        var counts = training.Select(feature => new long[Slots.Count(feature)]).ToArray();
        foreach (var row in rows)
        {
            object[] values = [FlightFeatures.Hour(row), FlightFeatures.Day(row), FlightFeatures.Weekend(row), FlightFeatures.RedEye(row), FlightFeatures.LogDistance(row), FlightFeatures.DistanceDecile(row), FlightFeatures.Origin(row), FlightFeatures.Destination(row)];
            for (var i = 0; i < values.Length; i++)
            {
                counts[i][ExpectedSlot(training[i], Fitted.Value.Transforms[i] as Vocabulary, values[i])]++;
            }
        }

        return counts;
    }

    private static int ExpectedSlot(FeatureStatistics feature, Vocabulary? vocabulary, object value)
    {
        switch (feature, value)
        {
            case (NumericStatistics numeric, float number):
                return float.IsFinite(number) ? 1 + numeric.Edges.Count(edge => edge <= number) : 0;
            case (CategoricalStatistics categorical, _):
                var label = value switch { bool flag => flag ? "true" : "false", string text => text, _ => value.ToString()! };
                var position = categorical.Categories.ToList().IndexOf(label);
                return label.Length == 0 ? 0
                    : position >= 0 ? 1 + position
                    : vocabulary is not null && !vocabulary.Terms.Contains(label) ? 2 + categorical.Categories.Count
                    : 1 + categorical.Categories.Count;
            default:
                throw new InvalidOperationException($"Feature {feature.Name} has no reference.");
        }
    }

    private static void AssertSameSnapshot(ServingStatistics expected, ServingStatistics merged)
    {
        Assert.Equal((expected.WindowStart, expected.WindowEnd, expected.Rows), (merged.WindowStart, merged.WindowEnd, merged.Rows));
        Assert.Equal(Counts(expected), Counts(merged));
        foreach (var (left, right) in expected.Features.OfType<NumericStatistics>().Zip(merged.Features.OfType<NumericStatistics>()))
        {
            Assert.Equal((left.Count, left.Minimum, left.Maximum), (right.Count, right.Minimum, right.Maximum));
            Assert.Equal(left.Mean, right.Mean, 9);
            Assert.Equal(left.StandardDeviation, right.StandardDeviation, 9);
        }

        Assert.Equal(expected.Residuals.Count, merged.Residuals.Count);
        Assert.Equal(expected.Residuals.MeanResidual, merged.Residuals.MeanResidual, 9);
        Assert.Equal(expected.Residuals.MeanAbsoluteResidual, merged.Residuals.MeanAbsoluteResidual, 9);
        Assert.Equal(expected.Residuals.Slices.Select(slice => (slice.Feature, slice.Slice, slice.Count)), merged.Residuals.Slices.Select(slice => (slice.Feature, slice.Slice, slice.Count)));
        Assert.All(expected.Residuals.Slices.Zip(merged.Residuals.Slices), pair => Assert.Equal(pair.First.MeanResidual, pair.Second.MeanResidual, 9));
        Assert.Equal(DriftReport.Compare(Fitted.Value.Statistics, expected).ToString(), DriftReport.Compare(Fitted.Value.Statistics, merged).ToString());
    }

    private static long[][] Counts(ServingStatistics statistics) =>
        statistics.Features.Select(feature => Slots.Counts(feature).Select(count => (long)count).ToArray()).ToArray();

    private static ServingStatistics SavedAndLoaded(ServingStatistics snapshot) =>
        Assert.IsType<ServingStatistics>(StatisticsFile.Load(new MemoryStream(Encoding.UTF8.GetBytes(SavedJson(snapshot)))));

    private static string SavedJson(ServingStatistics snapshot)
    {
        using var saved = new MemoryStream();
        snapshot.Save(saved);
        return Encoding.UTF8.GetString(saved.ToArray());
    }

    private static List<string> PublishedDistances(FeatureMonitor<Flight> monitor)
    {
        var features = new List<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, listening) =>
        {
            if (instrument.Meter.Name == FeatureMonitor<Flight>.MeterName && instrument.Name == "skewless.monitor.distance")
            {
                listening.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            var named = Tags(tags);
            if (Equals(named["skewless.feature_set"], monitor.Schema.FeatureSet))
            {
                features.Add((string)named["skewless.feature"]!);
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return features;
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }
}
