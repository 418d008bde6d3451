using Skewless;

namespace Flights;

/// <summary>
/// The one definition of the flight features. Training and serving both call these methods through
/// the code Skewless generates, so they cannot drift apart. The statistics behind [ZScore],
/// [Vocabulary] and [QuantileBuckets] are fitted once on the training rows and frozen into the artifact.
/// Nothing here allocates, so serving a row allocates nothing either.
/// </summary>
[FeatureSet(typeof(Flight), Name = "Flights", Version = 2)]
public static partial class FlightFeatures
{
    [Feature] public static float Hour(Flight f) => f.Departure.Hour + f.Departure.Minute / 60f;

    [Feature] public static DayOfWeek Day(Flight f) => f.Departure.DayOfWeek;

    [Feature] public static bool Weekend(Flight f) => Day(f) is DayOfWeek.Saturday or DayOfWeek.Sunday;

    [Feature] public static bool RedEye(Flight f) => IsNight(f.Departure);

    [Feature, ZScore] public static float LogDistance(Flight f) => MathF.Log(1 + f.DistanceMiles);

    [Feature, QuantileBuckets(10)] public static float DistanceDecile(Flight f) => f.DistanceMiles;

    [Feature, Vocabulary(MaxSize = 50, OovBuckets = 2)] public static string Origin(Flight f) => f.Origin;

    [Feature, HashBuckets(64)] public static string Destination(Flight f) => f.Destination;

    private static bool IsNight(DateTime time) => time.Hour < 5 || time.Hour >= 22;
}
