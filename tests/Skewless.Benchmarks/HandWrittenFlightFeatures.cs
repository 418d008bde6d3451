using Flights;

namespace Skewless.Benchmarks;

/// <summary>
/// The flight features as a careful engineer would write them without Skewless: read the departure once,
/// derive hour, minute and day from it once, and write the 11 floats straight into the caller's buffer.
/// The math is exactly that of <see cref="FlightFeatures"/>, so the results are bit-identical.
/// </summary>
public static class HandWrittenFlightFeatures
{
    public const int Width = 11;

    /// <summary>The typed features of one row, laid out like the generated <see cref="FlightFeatures.Vector"/>.</summary>
    public readonly struct Features(float hour, DayOfWeek day, bool weekend, bool redEye, float logDistance)
    {
        public readonly float Hour = hour;
        public readonly DayOfWeek Day = day;
        public readonly bool Weekend = weekend;
        public readonly bool RedEye = redEye;
        public readonly float LogDistance = logDistance;
    }

    /// <summary>Computes the typed features of one row.</summary>
    public static Features Compute(Flight flight)
    {
        var departure = flight.Departure;
        var hour = departure.Hour;
        var day = departure.DayOfWeek;
        return new Features(
            hour + departure.Minute / 60f,
            day,
            day is DayOfWeek.Saturday or DayOfWeek.Sunday,
            hour < 5 || hour >= 22,
            MathF.Log(1 + flight.DistanceMiles));
    }

    /// <summary>Writes the 11 features of one row: hour, day one-hot (Sunday..Saturday), weekend, red-eye, log distance.</summary>
    public static void Write(Flight flight, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Width, nameof(destination));

        var departure = flight.Departure;
        var hour = departure.Hour;
        var day = departure.DayOfWeek;
        destination[0] = hour + departure.Minute / 60f;
        destination.Slice(1, 7).Clear();
        destination[1 + (int)day] = 1f;
        destination[8] = day is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1f : 0f;
        destination[9] = hour < 5 || hour >= 22 ? 1f : 0f;
        destination[10] = MathF.Log(1 + flight.DistanceMiles);
    }
}
