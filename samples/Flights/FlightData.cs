using System.Globalization;
using System.Text.Json;

namespace Flights;

/// <summary>Reads flights in the vega-datasets JSON layout: <c>date</c>, <c>delay</c>, <c>distance</c>, <c>origin</c>, <c>destination</c>.</summary>
public static class FlightData
{
    /// <summary>The extract this sample ships: 5,000 flights from January to March 2001.</summary>
    public static string SamplePath => Path.Combine(AppContext.BaseDirectory, "data", "flights-5k.json");

    /// <summary>Reads every flight in a file.</summary>
    public static Flight[] Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        var flights = new List<Flight>(document.RootElement.GetArrayLength());
        foreach (var row in document.RootElement.EnumerateArray())
        {
            flights.Add(new Flight
            {
                // Local airport times without a zone, written the same way everywhere: parse them invariantly.
                Departure = DateTime.ParseExact(row.GetProperty("date").GetString()!, "yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture),
                DelayMinutes = row.GetProperty("delay").GetSingle(),
                DistanceMiles = row.GetProperty("distance").GetSingle(),
                Origin = row.GetProperty("origin").GetString() ?? "",
                Destination = row.GetProperty("destination").GetString() ?? "",
            });
        }

        return flights.ToArray();
    }
}
