using System.Globalization;
using System.Text.Json;
using Flights;
using Skewless.Tests.Infrastructure;

namespace Skewless.Tests.Transforms;

[DataSource("geonames.zipcodes", Owner = "tests", Version = "vega-datasets 3.2.1")]
public sealed record Zip(string Code, double Latitude, double Longitude, string City, string State, string County);

/// <summary>The shared real data sets, each read once per test run.</summary>
internal static class RealData
{
    private static readonly Lazy<Flight[]> LazyFlights = new(() => FlightData.Load(RepositoryPaths.Flights20k));
    private static readonly Lazy<Zip[]> LazyZips = new(LoadZips);
    private static readonly Lazy<(DateTime Date, double Millimetres)[]> LazySeattlePrecipitation = new(LoadSeattlePrecipitation);
    private static readonly Lazy<double?[]> LazyPenguinBeaks = new(() => LoadPenguins<double?>("Beak Length (mm)", element => element.GetDouble()));
    private static readonly Lazy<string?[]> LazyPenguinSexes = new(() => LoadPenguins<string?>("Sex", element => element.GetString()));

    public static Flight[] Flights => LazyFlights.Value;

    public static Zip[] Zips => LazyZips.Value;

    /// <summary>Daily precipitation in Seattle, 2012 to 2015, most of it 0.</summary>
    public static (DateTime Date, double Millimetres)[] SeattlePrecipitation => LazySeattlePrecipitation.Value;

    /// <summary>Beak lengths of the Palmer penguins; null where the data has none.</summary>
    public static double?[] PenguinBeakLengths => LazyPenguinBeaks.Value;

    /// <summary>Sexes of the Palmer penguins; null where the data has none.</summary>
    public static string?[] PenguinSexes => LazyPenguinSexes.Value;

    private static Zip[] LoadZips()
    {
        var lines = File.ReadAllLines(RepositoryPaths.RequireFile(Path.Combine(RepositoryPaths.SharedData, "zipcodes.csv")));
        if (lines[0] != "zip_code,latitude,longitude,city,state,county")
        {
            throw new InvalidDataException($"zipcodes.csv has an unexpected header: {lines[0]}");
        }

        return lines.Skip(1).Select(line =>
        {
            var fields = line.Split(',');
            return new Zip(
                fields[0],
                double.Parse(fields[1], CultureInfo.InvariantCulture),
                double.Parse(fields[2], CultureInfo.InvariantCulture),
                fields[3],
                fields[4],
                fields[5]);
        }).ToArray();
    }

    private static (DateTime Date, double Millimetres)[] LoadSeattlePrecipitation()
    {
        var lines = File.ReadAllLines(RepositoryPaths.RequireFile(Path.Combine(RepositoryPaths.SharedData, "seattle-weather.csv")));
        if (lines[0] != "date,precipitation,temp_max,temp_min,wind,weather")
        {
            throw new InvalidDataException($"seattle-weather.csv has an unexpected header: {lines[0]}");
        }

        return lines.Skip(1).Select(line =>
        {
            var fields = line.Split(',');
            return (DateTime.ParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), double.Parse(fields[1], CultureInfo.InvariantCulture));
        }).ToArray();
    }

    private static T[] LoadPenguins<T>(string property, Func<JsonElement, T> read)
    {
        using var stream = File.OpenRead(RepositoryPaths.RequireFile(Path.Combine(RepositoryPaths.SharedData, "penguins.json")));
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.EnumerateArray()
            .Select(row => row.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null ? read(value) : default!)
            .ToArray();
    }
}
