using System.Globalization;
using Flights;
using Skewless.Tests.Infrastructure;

namespace Skewless.Tests.Registry;

/// <summary>Routes between airports and how many flights each had: a second data source, owned by someone else, sharing Origin and Destination with the flights.</summary>
[DataSource("bts.routes", Owner = "bts", Version = "2008")]
public sealed record Route(string Origin, string Destination, int Count);

/// <summary>The definition a three-month-old model was trained with, kept so that the model can still be served.</summary>
[FeatureSet(typeof(Flight), Name = "TestFlights", Version = 1)]
public static partial class TestFlightsV1
{
    [Feature] public static float Hour(Flight f) => f.Departure.Hour;

    [Feature, ZScore] public static float LogDistance(Flight f) => MathF.Log(1 + f.DistanceMiles);
}

/// <summary>The current definition of the same logical feature set: one feature changed, two added.</summary>
[FeatureSet(typeof(Flight), Name = "TestFlights", Version = 2)]
public static partial class TestFlightsV2
{
    [Feature] public static float Hour(Flight f) => f.Departure.Hour + f.Departure.Minute / 60f;

    [Feature, ZScore] public static float LogDistance(Flight f) => MathF.Log(1 + f.DistanceMiles);

    [Feature, QuantileBuckets(10)] public static float DistanceDecile(Flight f) => f.DistanceMiles;

    [Feature, Vocabulary(MaxSize = 50, OovBuckets = 2)] public static string Origin(Flight f) => f.Origin;
}

[FeatureSet(typeof(Route), Name = "TestRoutes")]
public static partial class TestRouteFeatures
{
    [Feature, Vocabulary(MaxSize = 50)] public static string Origin(Route r) => r.Origin;

    [Feature] public static float LogCount(Route r) => MathF.Log(1 + r.Count);
}

internal static class Routes
{
    private static readonly Lazy<Route[]> LazyAll = new(Load);

    /// <summary>The 5,366 routes of flights-airport.csv.</summary>
    public static Route[] All => LazyAll.Value;

    private static Route[] Load()
    {
        var lines = File.ReadAllLines(RepositoryPaths.RequireFile(Path.Combine(RepositoryPaths.SharedData, "flights-airport.csv")));
        if (lines[0] != "origin,destination,count")
        {
            throw new InvalidDataException($"flights-airport.csv has an unexpected header: {lines[0]}");
        }

        return lines.Skip(1)
            .Select(line => line.Split(','))
            .Select(fields => new Route(fields[0], fields[1], int.Parse(fields[2], CultureInfo.InvariantCulture)))
            .ToArray();
    }
}
