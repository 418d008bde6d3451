using Skewless;

namespace Flights;

/// <summary>One scheduled flight, as the on-time table records it.</summary>
[DataSource("bts.on_time", Owner = "data-platform", Version = "2001-Q1")]
public sealed record Flight
{
    /// <summary>Scheduled departure, local airport time.</summary>
    [EventTime] public DateTime Departure { get; init; }

    /// <summary>IATA code of the departure airport.</summary>
    public string Origin { get; init; } = "";

    /// <summary>IATA code of the arrival airport.</summary>
    public string Destination { get; init; } = "";

    /// <summary>Miles flown.</summary>
    public float DistanceMiles { get; init; }

    /// <summary>Arrival delay in minutes: what the model predicts, so no feature may read it.</summary>
    [Label] public float DelayMinutes { get; init; }
}
