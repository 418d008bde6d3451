namespace Pitfalls.Skew;

/// <summary>
/// SKW300: serving code that computes a feature again, with other names and a local, instead of
/// calling it. It is right today and wrong after the first change to either side.
/// </summary>
public static class SurgePricing
{
    public static float Multiplier(Ride request)
    {
        var meters = request.DistanceMeters;
        var logDistance = MathF.Log(1 + meters);   // SKW300: re-implements RideFeatures.LogDistance
        return 1 + 0.1f * logDistance;
    }
}
