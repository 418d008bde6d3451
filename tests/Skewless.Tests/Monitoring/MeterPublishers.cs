namespace Skewless.Tests.Monitoring;

/// <summary>
/// Tests that run monitors of the Flights feature set, which all publish through the one <c>Skewless</c>
/// meter: run one at a time, so that a test listening to the meter sees only its own monitor.
/// </summary>
internal static class MeterPublishers
{
    public const string Name = "Monitors publishing to the Skewless meter";
}
