using Skewless;

namespace Pitfalls.Skew;

/// <summary>One taxi ride, as the trips table records it.</summary>
[DataSource("taxi.trips", Owner = "mobility", Version = "2024-01")]
public sealed record Ride
{
    public DateTime PickedUp { get; init; }
    public float DistanceMeters { get; init; }
    public string FareText { get; init; } = "";
    public string Zone { get; init; } = "";
    [Label] public float TipDollars { get; init; }
}

/// <summary>The one definition of the ride features, which the other files in this folder get wrong.</summary>
[FeatureSet(typeof(Ride), Version = 1)]
public static partial class RideFeatures
{
    /// <summary>Distance in hundreds of meters.</summary>
    [Feature] public static float Distance(Ride r) => r.DistanceMeters / 100;

    [Feature] public static float LogDistance(Ride r) => MathF.Log(1 + r.DistanceMeters);

    [Feature] public static float Hour(Ride r) => r.PickedUp.Hour + r.PickedUp.Minute / 60f;
}
