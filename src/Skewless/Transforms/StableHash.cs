namespace Skewless;

/// <summary>
/// A 64-bit hash of a string that is the same on every platform, in every process and in every
/// version of .NET, unlike <see cref="string.GetHashCode()"/>, which is randomised per process.
/// Used for hash buckets, out-of-vocabulary buckets and deterministic splits.
/// </summary>
/// <remarks>FNV-1a over the UTF-16 code units, low byte first, followed by the MurmurHash3 64-bit finaliser so that every bit of the result depends on every input bit.</remarks>
public static class StableHash
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    // A code unit below 256 has a zero high byte, and (h ^ 0) * p = h * p, so its two FNV-1a steps are one multiply by p².
    private const ulong PrimeSquared = unchecked(Prime * Prime);

    /// <summary>Hashes <paramref name="value"/>; null hashes like the empty string.</summary>
    public static ulong Of(string? value)
    {
        var hash = OffsetBasis;
        if (value is not null)
        {
            foreach (var character in value)
            {
                hash = character <= 0xFF
                    ? (hash ^ character) * PrimeSquared
                    : (((hash ^ (byte)character) * Prime) ^ (uint)(character >> 8)) * Prime;
            }
        }

        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCD;
        hash ^= hash >> 33;
        hash *= 0xC4CEB9FE1A85EC53;
        hash ^= hash >> 33;
        return hash;
    }

    /// <summary>The bucket in <c>[0, buckets)</c> that <paramref name="value"/> falls into.</summary>
    public static int Bucket(string? value, int buckets)
    {
        if (buckets <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(buckets), buckets, "There must be at least one bucket.");
        }

        return BucketOf(Of(value), buckets);
    }

    /// <summary>The bucket in <c>[0, buckets)</c> of a hash from <see cref="Of"/>, for a positive bucket count.</summary>
    /// <remarks>A power of two is masked, which gives the same bucket as the remainder without a 64-bit division.</remarks>
    internal static int BucketOf(ulong hash, int buckets) =>
        (buckets & (buckets - 1)) == 0 ? (int)(hash & (ulong)(buckets - 1)) : (int)(hash % (ulong)buckets);
}
