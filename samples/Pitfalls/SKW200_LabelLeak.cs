using Skewless;

namespace Pitfalls.LabelLeak;

[DataSource("bts.on_time", Owner = "data-platform", Version = "2001-Q1")]
public sealed record Flight
{
    [EventTime] public DateTime Departure { get; init; }
    public float DistanceMiles { get; init; }
    [Label] public float DelayMinutes { get; init; }
}

public static class Delays
{
    // Reads like a harmless bucketing helper, two calls away from the feature.
    public static int Bucket(Flight f)
    {
        var d = f.DelayMinutes;
        return d > 60 ? 2 : d > 15 ? 1 : 0;
    }
}

[FeatureSet(typeof(Flight), Name = "LabelLeakFlights", Version = 1)]
public static partial class FlightFeatures
{
    [Feature] public static float Distance(Flight f) => f.DistanceMiles;

    // SKW200: Feature 'DelayBucket' depends on label 'Flight.DelayMinutes' via Delays.Bucket(…) → local 'd'
    [Feature] public static int DelayBucket(Flight f) => Delays.Bucket(f);
}
