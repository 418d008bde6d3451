using Skewless;

namespace Pitfalls.TimeSplit;

[DataSource("bts.on_time", Owner = "data-platform", Version = "2001-Q1")]
public sealed record Flight
{
    [EventTime] public DateTime Departure { get; init; }
    public float DistanceMiles { get; init; }
    [Label] public float DelayMinutes { get; init; }
}

[FeatureSet(typeof(Flight), Name = "TimeSplitFlights", Version = 1)]
public static partial class FlightFeatures
{
    [Feature] public static float Distance(Flight f) => f.DistanceMiles;
}

public static class Splitting
{
    // Flights split at random: training sees March while the test asks about February.
    public static (Flight[] Train, Flight[] Test) Split(IReadOnlyList<Flight> flights)
    {
        var random = new Random(42);

        // SKW204: Rows of 'Flight' have event time 'Flight.Departure', but OrderBy on a random key cut by Take and Skip splits them at random
        var shuffled = flights.OrderBy(_ => random.Next()).ToArray();
        var cut = shuffled.Length * 8 / 10;
        return (shuffled.Take(cut).ToArray(), shuffled.Skip(cut).ToArray());
    }
}
