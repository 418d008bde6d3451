using Skewless;

namespace Flights;

/// <summary>
/// Version 1 of the flight features: what the model deployed three months ago was trained with. It
/// stays beside the current <see cref="FlightFeatures"/>, under the same logical name, so that the
/// old model can still be served with exactly the features it saw (see <see cref="Rollback"/>).
/// FeatureSets.Shipped.txt records both versions; changing this class without a new Version is SKW502.
/// </summary>
[FeatureSet(typeof(Flight), Name = "Flights", Version = 1)]
public static partial class FlightFeaturesV1
{
    [Feature] public static float Hour(Flight f) => f.Departure.Hour;

    [Feature] public static DayOfWeek Day(Flight f) => f.Departure.DayOfWeek;

    [Feature, ZScore] public static float LogDistance(Flight f) => MathF.Log(1 + f.DistanceMiles);

    [Feature, Vocabulary(MaxSize = 50, OovBuckets = 2)] public static string Origin(Flight f) => f.Origin;
}
