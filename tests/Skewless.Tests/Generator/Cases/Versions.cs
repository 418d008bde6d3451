using System;
using Skewless;

namespace Airline;

// Two data sources that share member names (Origin, Destination), each owned by someone else.
[DataSource("bts.on_time", Owner = "data-platform", Version = "2001-Q1")]
public sealed record Flight
{
    [EventTime] public DateTime Departure { get; init; }
    public string Origin { get; init; } = "";
    public string Destination { get; init; } = "";
    public float DistanceMiles { get; init; }
    [NotAtServing("known only after landing")] public float TaxiInMinutes { get; init; }
    [Label] public float DelayMinutes { get; init; }
}

[DataSource("bts.routes")]
public sealed record Route(string Origin, string Destination, int Count);

// The definition a three-month-old model was trained with, kept so the model can still be served.
[FeatureSet(typeof(Flight), Name = "Flights", Version = 1)]
public static partial class FlightFeaturesV1
{
    [Feature] public static float Hour(Flight f) => f.Departure.Hour;
    [Feature, ZScore] public static float Distance(Flight f) => f.DistanceMiles;
}

[FeatureSet(typeof(Flight), Name = "Flights", Version = 2)]
public static partial class FlightFeatures
{
    [Feature] public static float Hour(Flight f) => f.Departure.Hour + f.Departure.Minute / 60f;
    [Feature, ZScore] public static float Distance(Flight f) => MathF.Log(1 + f.DistanceMiles);
    [Feature, HashBuckets(16)] public static string Route(Flight f) => f.Origin + "-" + f.Destination;
}

[FeatureSet(typeof(Route), Name = "Routes")]
public static partial class RouteFeatures
{
    [Feature, Vocabulary(MaxSize = 8)] public static string Origin(Route r) => r.Origin;
    [Feature] public static float LogCount(Route r) => MathF.Log(1 + r.Count);
}
