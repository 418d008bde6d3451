using System.Runtime.CompilerServices;
using Flights;
using Skewless.Transforms;

namespace Skewless.Benchmarks;

// SKW300 is right: this is the hand-written copy of the features that the generated code is measured against.
#pragma warning disable SKW300

/// <summary>
/// The flight features as a careful engineer would write them without Skewless, given the fitted constants loaded once:
/// the z-score's mean and deviation, the 9 decile boundaries (searched by bisection), the origin vocabulary as a
/// <c>Dictionary&lt;string, int&gt;</c> with the same out-of-vocabulary hashing, and the destination's hash buckets. It reads
/// the departure once, derives hour, minute and day from it once, and writes the 128 floats straight into the caller's
/// buffer. Every expression is the one Skewless evaluates, so the results are bit-identical (checked in setup).
/// </summary>
public sealed class HandWrittenFlightFeatures
{
    public const int Width = 128;

    private const int DayAt = 1, WeekendAt = 8, RedEyeAt = 9, LogDistanceAt = 10, DecileAt = 11, OriginAt = 12, DestinationAt = 64;
    private const int OriginTerms = 50, OriginOovBuckets = 2, DestinationBuckets = 64;

    private readonly double _mean;
    private readonly double _scale;
    private readonly double[] _deciles;
    private readonly Dictionary<string, int> _origins;

    /// <summary>Takes the fitted constants out of a fitted feature set, as a hand-written service would load them from its own file.</summary>
    public HandWrittenFlightFeatures(FlightFeatures.Fitted fitted)
    {
        var zScore = (ZScore)fitted.Transforms[4]!;
        var deciles = (QuantileBuckets)fitted.Transforms[5]!;
        var origins = (Vocabulary)fitted.Transforms[6]!;
        _mean = zScore.Mean;
        _scale = zScore.StandardDeviation > 0 ? zScore.StandardDeviation : 1;
        _deciles = deciles.Boundaries.ToArray();
        _origins = new Dictionary<string, int>(origins.Terms.Count, StringComparer.Ordinal);
        for (var i = 0; i < origins.Terms.Count; i++)
        {
            _origins.Add(origins.Terms[i], i);
        }
    }

    /// <summary>The typed features of one row, laid out like the generated <see cref="FlightFeatures.Vector"/>.</summary>
    public readonly struct Features(float hour, DayOfWeek day, bool weekend, bool redEye, float logDistance, int decile, int origin, int destination)
    {
        public readonly float Hour = hour;
        public readonly DayOfWeek Day = day;
        public readonly bool Weekend = weekend;
        public readonly bool RedEye = redEye;
        public readonly float LogDistance = logDistance;
        public readonly int Decile = decile;
        public readonly int Origin = origin;
        public readonly int Destination = destination;
    }

    /// <summary>Computes the typed features of one row.</summary>
    public Features Compute(Flight flight) => Compute(flight, null);

    /// <summary>Computes the typed features of one row and, with a monitor, counts their raw values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Features Compute(Flight flight, HandWrittenFlightMonitor? monitor)
    {
        var departure = flight.Departure;
        var hour = departure.Hour;
        var day = departure.DayOfWeek;
        var miles = flight.DistanceMiles;
        var hourOfDay = hour + departure.Minute / 60f;
        var weekend = day is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var redEye = hour < 5 || hour >= 22;
        var logDistance = MathF.Log(1 + miles);
        var origin = Origin(flight.Origin);
        monitor?.Observe(hourOfDay, day, weekend, redEye, logDistance, miles, origin, flight.Destination);
        return new Features(hourOfDay, day, weekend, redEye, ZScore(logDistance), Decile(miles), origin, Destination(flight.Destination));
    }

    /// <summary>Writes the 128 features of one row: hour, day one-hot (Sunday..Saturday), weekend, red-eye, distance z-score, decile, origin one-hot (50 terms, 2 OOV buckets), destination one-hot (64 hash buckets).</summary>
    public void Write(Flight flight, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Width, nameof(destination));
        destination = destination[..Width];
        destination.Clear();

        var departure = flight.Departure;
        var hour = departure.Hour;
        var day = departure.DayOfWeek;
        var miles = flight.DistanceMiles;
        destination[0] = hour + departure.Minute / 60f;
        destination[DayAt + (int)day] = 1f;
        destination[WeekendAt] = day is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1f : 0f;
        destination[RedEyeAt] = hour < 5 || hour >= 22 ? 1f : 0f;
        destination[LogDistanceAt] = ZScore(MathF.Log(1 + miles));
        destination[DecileAt] = Decile(miles);
        var origin = Origin(flight.Origin);
        if (origin >= 0)
        {
            destination[OriginAt + origin] = 1f;
        }

        var bucket = Destination(flight.Destination);
        if (bucket >= 0)
        {
            destination[DestinationAt + bucket] = 1f;
        }
    }

    // NaN and infinities are missing: 0, the mean.
    private float ZScore(double value) => double.IsFinite(value) ? (float)((value - _mean) / _scale) : 0f;

    // The number of boundaries at or below the value; -1 for NaN.
    private int Decile(double value)
    {
        if (double.IsNaN(value))
        {
            return -1;
        }

        return EdgesAtOrBelow(_deciles, value);
    }

    /// <summary>How many of the ascending <paramref name="edges"/> are at or below <paramref name="value"/>, by bisection.</summary>
    internal static int EdgesAtOrBelow(double[] edges, double value)
    {
        int low = 0, high = edges.Length;
        while (low < high)
        {
            var middle = (low + high) >> 1;
            if (edges[middle] <= value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    // Its index in the vocabulary; an unseen airport goes to one of the 2 buckets after the 50 term slots; missing: -1.
    private int Origin(string? airport)
    {
        if (string.IsNullOrEmpty(airport))
        {
            return -1;
        }

        return _origins.TryGetValue(airport, out var index) ? index : OriginTerms + (int)(StableHash.Of(airport) % OriginOovBuckets);
    }

    private static int Destination(string? airport) =>
        string.IsNullOrEmpty(airport) ? -1 : (int)(StableHash.Of(airport) % DestinationBuckets);
}
