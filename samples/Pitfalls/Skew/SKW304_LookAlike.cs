namespace Pitfalls.Skew;

/// <summary>The ride as the booking API receives it: the same members as <see cref="Ride"/>, in a type of its own.</summary>
public sealed record RideRequest(DateTime PickedUp, float DistanceMeters);

/// <summary>
/// SKW304: the endpoint cannot call the feature with its request type, so it computes the hour again by hand. It is
/// right today and wrong after the first change to either side; map the request to a <see cref="Ride"/> instead.
/// </summary>
public static class EtaEndpoint
{
    public static float HourOfDay(RideRequest request) =>
        request.PickedUp.Hour + request.PickedUp.Minute / 60f;   // SKW304: re-implements RideFeatures.Hour over RideRequest

    // Worse: the minutes divided as integers, so every ride is served as if picked up on the hour.
    public static float SurgeHour(RideRequest request) =>
        request.PickedUp.Hour + request.PickedUp.Minute / 60;   // SKW304: RideFeatures.Hour with integer division
}
