using System.Globalization;
using Flights;
using Skewless.Tests.Infrastructure;
using Xunit;

// The flights have an event time, so a split of them by origin alone is SKW204; here the split by group is what is tested.
#pragma warning disable SKW204

namespace Skewless.Tests.Runtime;

/// <summary>
/// The leak-free splits on the 20,000 real flights: by time through the generated SplitByTime, by group on the origin
/// airport, and by both at once.
/// </summary>
public sealed class DeterministicSplitTests
{
    private static readonly Lazy<Flight[]> AllFlights = new(() => FlightData.Load(RepositoryPaths.Flights20k));

    [Fact]
    public void Split_by_time_puts_no_test_row_before_the_cutoff()
    {
        var flights = AllFlights.Value;
        var cutoff = new DateTime(2001, 3, 1);

        var (train, test) = FlightFeatures.SplitByTime(flights, cutoff);

        Assert.All(train, flight => Assert.True(flight.Departure < cutoff));
        Assert.All(test, flight => Assert.True(flight.Departure >= cutoff));
        Assert.Equal(flights.Length, train.Length + test.Length);
        Assert.True(train.Length > 0 && test.Length > 0);
        Assert.Equal(flights.Where(flight => flight.Departure < cutoff), train);
    }

    [Fact]
    public void Split_by_time_fraction_tests_on_the_latest_rows()
    {
        var flights = AllFlights.Value;

        var split = FlightFeatures.SplitByTime(flights, testFraction: 0.2);

        Assert.True(split.Test.Min(flight => flight.Departure) > split.Train.Max(flight => flight.Departure));
        Assert.InRange(split.Test.Length, 4_000, 4_010);
        Assert.Equal(flights.Length, split.Train.Length + split.Test.Length);
    }

    [Fact]
    public void Rows_that_share_the_cutoff_time_all_test()
    {
        var times = new[] { 1, 2, 2, 2, 3 }.Select(day => new DateTime(2001, 1, day)).ToArray();

        var split = DeterministicSplit.ByTimeFraction(times, time => time, 0.5);

        Assert.Equal(times[..1], split.Train);
        Assert.Equal(times[1..], split.Test);
    }

    [Fact]
    public void Split_by_group_never_puts_an_airport_on_both_sides()
    {
        var flights = AllFlights.Value;

        var split = DeterministicSplit.ByGroup(flights, flight => flight.Origin, 0.2);

        var trainAirports = split.Train.Select(flight => flight.Origin).ToHashSet();
        var testAirports = split.Test.Select(flight => flight.Origin).ToHashSet();
        Assert.Empty(trainAirports.Intersect(testAirports));
        Assert.Equal(flights.Length, split.Train.Length + split.Test.Length);
        Assert.InRange(testAirports.Count / (double)(trainAirports.Count + testAirports.Count), 0.1, 0.3);
    }

    [Fact]
    public void Split_by_group_refuses_to_leave_a_side_empty_when_there_are_too_few_groups()
    {
        // Palmer's three penguin islands: at 0.2, none of them tests, and an evaluation on no rows looked like a result.
        var islands = new[] { "Biscoe", "Dream", "Torgersen", "Biscoe", "Dream" };

        var error = Assert.Throws<InvalidOperationException>(() => DeterministicSplit.ByGroup(islands, island => island, 0.2));

        Assert.Equal("Every one of the 3 groups landed on the training side: a test fraction of 0.2 expects 0.6 of 3 groups to test, and each group's side is decided by its key alone. Split by a key with more groups, or cross-validate over the groups (FoldsByGroup).", error.Message);
        Assert.Empty(DeterministicSplit.ByGroup(islands, island => island, 0).Test);
        Assert.Empty(DeterministicSplit.ByGroup(islands, island => island, 1).Train);
        Assert.Empty(DeterministicSplit.ByGroup(Array.Empty<string>(), island => island, 0.2).Test);
    }

    [Fact]
    public void Split_by_group_is_the_same_in_every_run_and_process()
    {
        var flights = AllFlights.Value;

        var split = DeterministicSplit.ByGroup(flights, flight => flight.Origin, 0.2);

        // The stable hash of each key alone decides its side, so the sides are pinned: the same on every machine and in
        // every process, whatever order or company the rows come in.
        var testAirports = split.Test.Select(flight => flight.Origin).Distinct().Order(StringComparer.Ordinal).Take(8);
        Assert.Equal(PinnedTestAirports, testAirports);
        Assert.Equal(split.Test, DeterministicSplit.ByGroup(flights.Reverse(), flight => flight.Origin, 0.2).Test.Reverse());
    }

    [Fact]
    public void A_group_key_is_written_with_the_invariant_culture()
    {
        var flights = AllFlights.Value;
        var invariant = DeterministicSplit.ByGroup(flights, flight => flight.Departure.Date, 0.3);

        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal(invariant.Test, DeterministicSplit.ByGroup(flights, flight => flight.Departure.Date, 0.3).Test);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Split_by_time_and_group_keeps_groups_apart_and_training_before_testing()
    {
        var flights = AllFlights.Value;
        var cutoff = new DateTime(2001, 3, 1);

        var (train, test) = DeterministicSplit.ByTimeAndGroup(flights, flight => flight.Departure, cutoff, flight => flight.Origin, 0.2);

        Assert.Empty(train.Select(flight => flight.Origin).Intersect(test.Select(flight => flight.Origin)));
        Assert.True(train.Max(flight => flight.Departure) < test.Min(flight => flight.Departure));
        Assert.All(train, flight => Assert.True(flight.Departure < cutoff));
        Assert.All(test, flight => Assert.True(flight.Departure >= cutoff));

        // Exactly the rows whose group side, the one SplitByGroup gives, agrees with their period are kept.
        var testAirports = DeterministicSplit.ByGroup(flights, flight => flight.Origin, 0.2).Test.Select(flight => flight.Origin).ToHashSet();
        Assert.Equal(flights.Where(flight => !testAirports.Contains(flight.Origin) && flight.Departure < cutoff), train);
        Assert.Equal(flights.Where(flight => testAirports.Contains(flight.Origin) && flight.Departure >= cutoff), test);
    }

    [Fact]
    public void Split_by_time_and_group_fraction_tests_on_about_that_share_of_the_kept_rows()
    {
        var flights = AllFlights.Value;

        var split = DeterministicSplit.ByTimeAndGroupFraction(flights, flight => flight.Departure, flight => flight.Origin, 0.2);

        Assert.Empty(split.Train.Select(flight => flight.Origin).Intersect(split.Test.Select(flight => flight.Origin)));
        Assert.True(split.Train.Max(flight => flight.Departure) < split.Test.Min(flight => flight.Departure));
        Assert.InRange(split.Test.Length / (double)(split.Train.Length + split.Test.Length), 0.1, 0.3);
        Assert.True(split.Train.Length + split.Test.Length < flights.Length);
    }

    [Fact]
    public void Split_by_time_and_group_is_the_same_whatever_the_order_of_the_rows()
    {
        var flights = AllFlights.Value;

        var split = DeterministicSplit.ByTimeAndGroupFraction(flights, flight => flight.Departure, flight => flight.Origin, 0.2);
        var reversed = DeterministicSplit.ByTimeAndGroupFraction(flights.Reverse(), flight => flight.Departure, flight => flight.Origin, 0.2);

        Assert.Equal(split.Train, reversed.Train.Reverse());
        Assert.Equal(split.Test, reversed.Test.Reverse());
    }

    [Fact]
    public void Split_by_time_and_group_at_0_and_1_keeps_every_row_on_one_side()
    {
        var flights = AllFlights.Value;

        var none = DeterministicSplit.ByTimeAndGroupFraction(flights, flight => flight.Departure, flight => flight.Origin, 0);
        var all = DeterministicSplit.ByTimeAndGroupFraction(flights, flight => flight.Departure, flight => flight.Origin, 1);

        Assert.Equal(flights, none.Train);
        Assert.Empty(none.Test);
        Assert.Empty(all.Train);
        Assert.Equal(flights, all.Test);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void A_test_fraction_outside_0_to_1_throws(double testFraction)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeterministicSplit.ByGroup(AllFlights.Value, flight => flight.Origin, testFraction));
        Assert.Throws<ArgumentOutOfRangeException>(() => FlightFeatures.SplitByTime(AllFlights.Value, testFraction));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeterministicSplit.ByTimeAndGroupFraction(AllFlights.Value, flight => flight.Departure, flight => flight.Origin, testFraction));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeterministicSplit.ByTimeAndGroup(AllFlights.Value, flight => flight.Departure, DateTime.MaxValue, flight => flight.Origin, testFraction));
    }

    // The first test-side airports in ordinal order, also computed by an independent re-implementation of StableHash.
    private static readonly string[] PinnedTestAirports = ["ABE", "ACT", "AMA", "AVP", "BGR", "BNA", "BRW", "BUF"];

    [Fact]
    public void Folds_by_group_test_each_airport_in_exactly_one_fold_and_never_on_both_sides()
    {
        var flights = AllFlights.Value;

        var folds = DeterministicSplit.FoldsByGroup(flights, flight => flight.Origin, 5);

        Assert.Equal(5, folds.Count);
        Assert.All(folds, fold =>
        {
            Assert.Empty(fold.Train.Select(flight => flight.Origin).Intersect(fold.Test.Select(flight => flight.Origin)));
            Assert.Equal(flights.Length, fold.Train.Length + fold.Test.Length);
        });

        // Every row tests once, in its airport's fold, and the folds' numbers of airports differ by at most one.
        Assert.Equal(flights.Length, folds.Sum(fold => fold.Test.Length));
        Assert.Equal(flights.Select(flight => flight.Origin).Distinct().Order(), folds.SelectMany(fold => fold.Test.Select(flight => flight.Origin).Distinct()).Order());
        var airports = folds.Select(fold => fold.Test.Select(flight => flight.Origin).Distinct().Count()).ToArray();
        Assert.InRange(airports.Max() - airports.Min(), 0, 1);
    }

    [Fact]
    public void Folds_by_group_are_the_same_whatever_the_order_of_the_rows()
    {
        var flights = AllFlights.Value;
        var reversed = flights.Reverse().ToArray();

        var folds = DeterministicSplit.FoldsByGroup(flights, flight => flight.Origin, 4);
        var again = DeterministicSplit.FoldsByGroup(reversed, flight => flight.Origin, 4);

        Assert.Equal(folds.Select(fold => fold.Test.Select(flight => flight.Origin).ToHashSet().Order()), again.Select(fold => fold.Test.Select(flight => flight.Origin).ToHashSet().Order()));
    }

    [Fact]
    public void Folds_by_group_refuse_more_folds_than_groups()
    {
        var rows = new[] { "a", "b", "a", "c" };

        var error = Assert.Throws<InvalidOperationException>(() => DeterministicSplit.FoldsByGroup(rows, row => row, 4));

        Assert.Equal("3 groups cannot fill 4 folds: each fold tests on groups of its own. Use at most 3 folds.", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => DeterministicSplit.FoldsByGroup(rows, row => row, 1));
    }

    [Fact]
    public void Folds_by_time_test_each_block_on_what_came_before_it()
    {
        var flights = AllFlights.Value;

        var folds = FlightFeatures.FoldsByTime(flights, 4);

        Assert.Equal(4, folds.Count);
        for (var fold = 0; fold < folds.Count; fold++)
        {
            var (train, test) = folds[fold];
            Assert.True(train.Max(flight => flight.Departure) < test.Min(flight => flight.Departure));
            Assert.InRange(test.Length, 3_900, 4_100);
            Assert.Equal(4_000 * (fold + 1), train.Length, tolerance: 100);
            if (fold > 0)
            {
                // Each fold trains on the one before's training and test rows.
                Assert.True(folds[fold - 1].Train.Concat(folds[fold - 1].Test).ToHashSet().SetEquals(train));
            }
        }

        Assert.Equal(flights.Length, folds[0].Train.Length + folds.Sum(fold => fold.Test.Length));
    }

    [Fact]
    public void Folds_by_time_keep_rows_that_share_a_time_in_one_block_and_refuse_too_few_times()
    {
        var times = new[] { 1, 1, 1, 2, 2, 3 }.Select(day => new DateTime(2001, 1, day)).ToArray();

        var folds = DeterministicSplit.FoldsByTime(times, time => time, 2);

        Assert.Equal(times[..3], folds[0].Train);
        Assert.Equal(times[3..5], folds[0].Test);
        Assert.Equal(times[..5], folds[1].Train);
        Assert.Equal(times[5..], folds[1].Test);

        var error = Assert.Throws<InvalidOperationException>(() => DeterministicSplit.FoldsByTime(times, time => time, 3));
        Assert.Equal("Fold 1 of 3 would test on no rows: 6 rows with 3 distinct times cannot be cut into 4 blocks in time order. Use fewer folds.", error.Message);
    }

    [Fact]
    public void Folds_by_time_and_group_keep_groups_apart_and_training_before_testing()
    {
        var flights = AllFlights.Value;

        var folds = DeterministicSplit.FoldsByTimeAndGroup(flights, flight => flight.Departure, flight => flight.Origin, 3);

        Assert.Equal(3, folds.Count);
        Assert.All(folds, fold =>
        {
            Assert.Empty(fold.Train.Select(flight => flight.Origin).Intersect(fold.Test.Select(flight => flight.Origin)));
            Assert.True(fold.Train.Max(flight => flight.Departure) < fold.Test.Min(flight => flight.Departure));
        });

        // A fold's test rows are its block's rows of its groups: the same as the rows both time and group folds test.
        var byTime = DeterministicSplit.FoldsByTime(flights, flight => flight.Departure, 3);
        var byGroup = DeterministicSplit.FoldsByGroup(flights, flight => flight.Origin, 3);
        for (var fold = 0; fold < 3; fold++)
        {
            Assert.Equal(byTime[fold].Test.Intersect(byGroup[fold].Test), folds[fold].Test);
            Assert.Equal(byTime[fold].Train.Intersect(byGroup[fold].Train), folds[fold].Train);
        }
    }
}
