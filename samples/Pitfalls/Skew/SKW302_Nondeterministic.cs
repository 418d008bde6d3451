using Skewless;

namespace Pitfalls.Skew;

/// <summary>
/// SKW302: a feature that reads the clock through a helper. Training computes it months before
/// serving does, so the same ride gets another value.
/// </summary>
[FeatureSet(typeof(Ride), Version = 1)]
public static partial class RideAgeFeatures
{
    [Feature] public static float AgeDays(Ride r) => (float)(Clock.Today() - r.PickedUp).TotalDays;
}

public static class Clock
{
    public static DateTime Today() => DateTime.Today;   // SKW302: Feature 'AgeDays' calls DateTime.Today via Clock.Today()
}
