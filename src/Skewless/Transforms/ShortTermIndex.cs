#if NET
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#endif

namespace Skewless.Transforms;

/// <summary>
/// A vocabulary's terms of one to four UTF-16 code units (airport, country, currency and state codes), each packed into
/// one <see cref="ulong"/> by <see cref="ShortStrings"/>, looked up before <see cref="TermIndex"/>. A served value found here needs neither
/// <see cref="StableHash"/> nor a string comparison: the hash is needed only for an out-of-vocabulary bucket.
/// </summary>
/// <remarks>
/// A lookup is one multiply, one bucket of four keys compared at once and no branch on where in the bucket the key is,
/// so it costs the same whatever order the values come in. When the table holds every short term, as it almost always
/// does, a short value it does not find is known not to be a term, with no second lookup. The table is built once from the fitted terms, with about one
/// bucket a term and the first of a fixed list of multipliers that leaves no bucket with more than four; a term that finds
/// its bucket full under every multiplier is left to <see cref="TermIndex"/>, which holds every term, so the lookup stays
/// exact whatever the terms are and the table never grows past that size. So are terms that end in U+0000, which
/// <see cref="ShortStrings.Pack"/> would not tell from the same term without it.
/// </remarks>
internal sealed class ShortTermIndex
{
    /// <summary>What <see cref="IndexOf"/> returns for a value that is not a term.</summary>
    public const int NotATerm = -1;

    /// <summary>What <see cref="IndexOf"/> returns when only <see cref="TermIndex"/> can tell: the value does not fit, or a short term was left out.</summary>
    public const int Undecided = -2;

    private const int BucketSize = 4;
    private const int Multipliers = 16;

    private readonly ulong[] _keys; // BucketSize to a bucket; 0 marks an empty entry, which no term packs to
    private readonly int[] _indices;
    private readonly ulong _multiplier;
    private readonly int _shift;
    private readonly int _miss; // NotATerm when every short term is in the table, else Undecided

    public ShortTermIndex(string[] terms)
        : this(terms, bucketBits: null)
    {
    }

    /// <param name="terms">The vocabulary's terms, in index order.</param>
    /// <param name="bucketBits">The base-2 logarithm of the number of buckets; null for at least one bucket a term. A test passes a small one to fill buckets.</param>
    internal ShortTermIndex(string[] terms, int? bucketBits)
    {
        var shortTerms = new List<(ulong Key, int Index)>();
        for (var index = 0; index < terms.Length; index++)
        {
            var term = terms[index];
            if (ShortStrings.Fits(term))
            {
                shortTerms.Add((ShortStrings.Pack(term), index));
            }
        }

        var bits = bucketBits ?? BitsForOneBucketEach(shortTerms.Count);

        _shift = 64 - bits;
        _keys = new ulong[BucketSize << bits];
        _indices = new int[BucketSize << bits];
        var best = 0;
        var fewestLeftOut = int.MaxValue;
        for (var attempt = 0; attempt < Multipliers && fewestLeftOut > 0; attempt++)
        {
            Array.Clear(_keys, 0, _keys.Length);
            var leftOut = Place(shortTerms, _keys, _indices, Multiplier(attempt), _shift);
            if (leftOut < fewestLeftOut)
            {
                (best, fewestLeftOut) = (attempt, leftOut);
            }
        }

        _multiplier = Multiplier(best);
        _miss = fewestLeftOut == 0 ? NotATerm : Undecided;
        if (fewestLeftOut > 0 && best != Multipliers - 1)
        {
            // The table holds the last attempt's placement; a large vocabulary leaves a few terms out under every multiplier.
            Array.Clear(_keys, 0, _keys.Length);
            Place(shortTerms, _keys, _indices, _multiplier, _shift);
        }
    }

    /// <summary>
    /// The index of the term <paramref name="value"/>; <see cref="NotATerm"/> when it fits in a packed key and no term
    /// is it; <see cref="Undecided"/> when it does not fit, or when it might be a short term the table left out.
    /// </summary>
    public int IndexOf(string value)
    {
        if (!ShortStrings.Fits(value))
        {
            return Undecided;
        }

        var key = ShortStrings.Pack(value);
        var first = Bucket(key, _multiplier, _shift) * BucketSize;
#if NET
        if (Vector256.IsHardwareAccelerated)
        {
            return FindAtOnce(_keys, _indices, first, key, _miss);
        }
#endif
        return FindOneByOne(_keys, _indices, first, key, _miss);
    }

#if NET
    /// <summary>The index stored with <paramref name="key"/> in the bucket of four entries from <paramref name="first"/>, or <paramref name="notFound"/>: one compare of all four.</summary>
    internal static int FindAtOnce(ulong[] keys, int[] indices, int first, ulong key, int notFound)
    {
        // Every bucket's four entries are part of the array: the constructor sizes it in whole buckets.
        var bucket = Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(keys), (nuint)first);
        var matches = Vector256.Equals(bucket, Vector256.Create(key)).ExtractMostSignificantBits();
        return matches == 0 ? notFound : indices[first + System.Numerics.BitOperations.TrailingZeroCount(matches)];
    }
#endif

    /// <summary>The same as <c>FindAtOnce</c>, an entry at a time, where 256-bit vectors are not accelerated.</summary>
    internal static int FindOneByOne(ulong[] keys, int[] indices, int first, ulong key, int notFound)
    {
        for (var entry = first; entry < first + BucketSize; entry++)
        {
            if (keys[entry] == key)
            {
                return indices[entry];
            }
        }

        return notFound;
    }

    private static int BitsForOneBucketEach(int terms)
    {
        var bits = 1;
        while ((1 << bits) < terms)
        {
            bits++;
        }

        return bits;
    }

    private static int Bucket(ulong key, ulong multiplier, int shift) => (int)((key * multiplier) >> shift);

    // Odd multipliers spread by the golden ratio's bits; each attempt is a fixed one, so a vocabulary always builds the same table.
    private static ulong Multiplier(int attempt) => unchecked((0x9E3779B97F4A7C15UL * (ulong)((2 * attempt) + 1)) | 1);

    /// <summary>Places each term in its bucket, or leaves it out when the bucket is full; returns how many were left out.</summary>
    private static int Place(List<(ulong Key, int Index)> terms, ulong[] keys, int[] indices, ulong multiplier, int shift)
    {
        var leftOut = 0;
        foreach (var (key, index) in terms)
        {
            var entry = Bucket(key, multiplier, shift) * BucketSize;
            var end = entry + BucketSize;
            while (entry < end && keys[entry] != 0)
            {
                entry++;
            }

            if (entry == end)
            {
                leftOut++;
                continue;
            }

            keys[entry] = key;
            indices[entry] = index;
        }

        return leftOut;
    }
}
