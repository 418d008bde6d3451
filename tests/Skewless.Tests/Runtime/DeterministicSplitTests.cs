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

        Assert.Equal("Every one of the 3 groups landed on the training side: a test fraction of 0.2 expects 0.6 of 3 groups to test, and each group's side is decided by its key alone. Split by a key with more groups, or cross-validate over the groups.", error.Message);
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
}
