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

    /// <summary>Hashes <paramref name="value"/>; null hashes like the empty string.</summary>
    public static ulong Of(string? value)
    {
        var hash = OffsetBasis;
        if (value is not null)
        {
            foreach (var character in value)
            {
                hash = (hash ^ (byte)character) * Prime;
                hash = (hash ^ (byte)(character >> 8)) * Prime;
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

        return (int)(Of(value) % (ulong)buckets);
    }
}
