using System.Collections.Frozen;
using Flights;
using Skewless.Transforms;

namespace Skewless.Benchmarks;

/// <summary>
/// Hand-made copies of the code Skewless generates for <see cref="FlightFeatures"/> (its Kernel and Vector.CopyTo), each
/// with one proposed change to the emitter or the runtime, so the change can be measured without touching src/. The
/// "as emitted" copy is the generated code verbatim, calling the same public runtime transforms, to check the copy is
/// faithful. Every variant writes the same bits as the hand-written code (checked in <see cref="ServingVariants"/>).
/// </summary>
public sealed class EmitterVariants
{
    private readonly ZScore _logDistance;
    private readonly QuantileBuckets _distanceDecile;
    private readonly Vocabulary _origin;
    private readonly HashBuckets _destination;
    private readonly double[] _deciles;
    private readonly FrozenDictionary<string, int> _frozenOrigins;
    private readonly int _originFirstBucket;
    private readonly int _originOovBuckets;

    public EmitterVariants(FlightFeatures.Fitted fitted)
    {
        _logDistance = (ZScore)fitted.Transforms[4]!;
        _distanceDecile = (QuantileBuckets)fitted.Transforms[5]!;
        _origin = (Vocabulary)fitted.Transforms[6]!;
        _destination = (HashBuckets)fitted.Transforms[7]!;
        _deciles = _distanceDecile.Boundaries.ToArray();
        _frozenOrigins = _origin.Terms.Select((term, index) => KeyValuePair.Create(term, index)).ToFrozenDictionary(StringComparer.Ordinal);
        _originFirstBucket = _origin.Settings.MaxSize;
        _originOovBuckets = _origin.Settings.OovBuckets;
    }

    private readonly struct Vector(float hour, DayOfWeek day, bool weekend, bool redEye, float logDistance, int distanceDecile, int origin, int destination)
    {
        public readonly float Hour = hour;
        public readonly DayOfWeek Day = day;
        public readonly bool Weekend = weekend;
        public readonly bool RedEye = redEye;
        public readonly float LogDistance = logDistance;
        public readonly int DistanceDecile = distanceDecile;
        public readonly int Origin = origin;
        public readonly int Destination = destination;

        // Verbatim the generated CopyTo: a Clear per one-hot block, every slot written.
        public void CopyTo(Span<float> destination)
        {
            if (destination.Length < 128)
            {
                throw new ArgumentException("The destination has " + destination.Length + " slots; a vector needs " + 128 + ".", nameof(destination));
            }

            destination[0] = Hour;
            destination.Slice(1, 7).Clear();
            if ((uint)(int)Day < 7u)
            {
                destination[1 + (int)Day] = 1f;
            }
            destination[8] = Weekend ? 1f : 0f;
            destination[9] = RedEye ? 1f : 0f;
            destination[10] = LogDistance;
            destination[11] = DistanceDecile;
            destination.Slice(12, 52).Clear();
            if ((uint)Origin < 52u)
            {
                destination[12 + Origin] = 1f;
            }
            destination.Slice(64, 64).Clear();
            if ((uint)Destination < 64u)
            {
                destination[64 + Destination] = 1f;
            }
        }

        // Proposal: clear the whole row once (one vectorised clear of 512 bytes, no odd-sized tails), then write.
        public void CopyToClearOnce(Span<float> destination)
        {
            if (destination.Length < 128)
            {
                throw new ArgumentException("The destination has " + destination.Length + " slots; a vector needs " + 128 + ".", nameof(destination));
            }

            destination = destination.Slice(0, 128);
            destination.Clear();
            destination[0] = Hour;
            if ((uint)(int)Day < 7u)
            {
                destination[1 + (int)Day] = 1f;
            }
            destination[8] = Weekend ? 1f : 0f;
            destination[9] = RedEye ? 1f : 0f;
            destination[10] = LogDistance;
            destination[11] = DistanceDecile;
            if ((uint)Origin < 52u)
            {
                destination[12 + Origin] = 1f;
            }
            if ((uint)Destination < 64u)
            {
                destination[64 + Destination] = 1f;
            }
        }
    }

    private Vector Kernel(in Flight row) => new(
        FlightFeatures.Hour(row),
        FlightFeatures.Day(row),
        FlightFeatures.Weekend(row),
        FlightFeatures.RedEye(row),
        _logDistance.Apply(FlightFeatures.LogDistance(row)),
        _distanceDecile.BucketOf(FlightFeatures.DistanceDecile(row)),
        _origin.IndexOf(FlightFeatures.Origin(row)),
        _destination.BucketOf(FlightFeatures.Destination(row)));

    // Proposal for the runtime: a FrozenDictionary for the vocabulary, and a branch-free count for few quantile boundaries.
    private Vector KernelFastLookups(in Flight row) => new(
        FlightFeatures.Hour(row),
        FlightFeatures.Day(row),
        FlightFeatures.Weekend(row),
        FlightFeatures.RedEye(row),
        _logDistance.Apply(FlightFeatures.LogDistance(row)),
        LinearBucketOf(FlightFeatures.DistanceDecile(row)),
        FrozenIndexOf(FlightFeatures.Origin(row)),
        _destination.BucketOf(FlightFeatures.Destination(row)));

    private Vector KernelFrozen(in Flight row) => new(
        FlightFeatures.Hour(row),
        FlightFeatures.Day(row),
        FlightFeatures.Weekend(row),
        FlightFeatures.RedEye(row),
        _logDistance.Apply(FlightFeatures.LogDistance(row)),
        _distanceDecile.BucketOf(FlightFeatures.DistanceDecile(row)),
        FrozenIndexOf(FlightFeatures.Origin(row)),
        _destination.BucketOf(FlightFeatures.Destination(row)));

    private Vector KernelLinear(in Flight row) => new(
        FlightFeatures.Hour(row),
        FlightFeatures.Day(row),
        FlightFeatures.Weekend(row),
        FlightFeatures.RedEye(row),
        _logDistance.Apply(FlightFeatures.LogDistance(row)),
        LinearBucketOf(FlightFeatures.DistanceDecile(row)),
        _origin.IndexOf(FlightFeatures.Origin(row)),
        _destination.BucketOf(FlightFeatures.Destination(row)));

    public void AsEmitted(in Flight row, Span<float> destination) => Kernel(in row).CopyTo(destination);

    public void ClearOnce(in Flight row, Span<float> destination) => Kernel(in row).CopyToClearOnce(destination);

    public void FrozenVocabulary(in Flight row, Span<float> destination) => KernelFrozen(in row).CopyTo(destination);

    public void LinearDeciles(in Flight row, Span<float> destination) => KernelLinear(in row).CopyTo(destination);

    public void All(in Flight row, Span<float> destination) => KernelFastLookups(in row).CopyToClearOnce(destination);

    // Same result as the binary search for sorted boundaries: the number of boundaries at or below the value.
    private int LinearBucketOf(double value)
    {
        if (double.IsNaN(value))
        {
            return -1;
        }

        var count = 0;
        foreach (var boundary in _deciles)
        {
            count += boundary <= value ? 1 : 0;
        }

        return count;
    }

    private int FrozenIndexOf(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return -1;
        }

        return _frozenOrigins.TryGetValue(value, out var index) ? index : _originFirstBucket + StableHash.Bucket(value, _originOovBuckets);
    }
}
