namespace Pitfalls.Skew;

/// <summary>
/// SKW301: a near copy that differs in a constant. Training divides by 100; this divides by 1000,
/// so the model sees inputs ten times smaller than it learned from.
/// </summary>
public static class RideScoring
{
    public static float DistanceInput(Ride ride) => ride.DistanceMeters / 1000;   // SKW301: 100 in RideFeatures.Distance against 1000 here
}
