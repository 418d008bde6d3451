using Skewless;

namespace Flights;

/// <summary>
/// The one definition of the flight features. Training and serving both call these methods through
/// the code Skewless generates, so they cannot drift apart.
/// </summary>
[FeatureSet(typeof(Flight), Version = 1)]
public static partial class FlightFeatures
{
    [Feature] public static float Hour(Flight f) => f.Departure.Hour + f.Departure.Minute / 60f;

    [Feature] public static DayOfWeek Day(Flight f) => f.Departure.DayOfWeek;

    [Feature] public static bool Weekend(Flight f) => Day(f) is DayOfWeek.Saturday or DayOfWeek.Sunday;

    [Feature] public static bool RedEye(Flight f) => IsNight(f.Departure);

    [Feature] public static float LogDistance(Flight f) => MathF.Log(1 + f.DistanceMiles);

    private static bool IsNight(DateTime time) => time.Hour < 5 || time.Hour >= 22;
}
