using System.Globalization;
using Flights;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Runtime;

/// <summary>The leak-free splits on the 20,000 real flights: by time through the generated SplitByTime, and by group on the origin airport.</summary>
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

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void A_test_fraction_outside_0_to_1_throws(double testFraction)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeterministicSplit.ByGroup(AllFlights.Value, flight => flight.Origin, testFraction));
        Assert.Throws<ArgumentOutOfRangeException>(() => FlightFeatures.SplitByTime(AllFlights.Value, testFraction));
    }

    // The first test-side airports in ordinal order, also computed by an independent re-implementation of StableHash.
    private static readonly string[] PinnedTestAirports = ["ABE", "ACT", "AMA", "AVP", "BGR", "BNA", "BRW", "BUF"];
}
