using Skewless;

namespace Pitfalls.Skew;

/// <summary>
/// SKW302: a feature that reads the clock through a helper, one that buckets by a hash code .NET
/// randomizes per process, and one that reads the machine's time zone. Training computes them months before serving does, in another process,
/// so the same ride gets other values.
/// </summary>
[FeatureSet(typeof(Ride), Version = 1)]
public static partial class RideAgeFeatures
{
    [Feature] public static float AgeDays(Ride r) => (float)(Clock.Today() - r.PickedUp).TotalDays;

    // A tuple's hash is seeded at random in every process: training and serving bucket the same ride differently.
    [Feature] public static int ZoneHourBucket(Ride r) => ((r.Zone, r.PickedUp.Hour).GetHashCode() & 0x7fffffff) % 64;   // SKW302

    // The trips table's times have no Kind, so the DateTimeOffset takes the offset of whatever machine runs this.
    [Feature] public static long PickupSeconds(Ride r) => new DateTimeOffset(r.PickedUp).ToUnixTimeSeconds();   // SKW302
}

public static class Clock
{
    public static DateTime Today() => DateTime.Today;   // SKW302: Feature 'AgeDays' calls DateTime.Today via Clock.Today()
}
