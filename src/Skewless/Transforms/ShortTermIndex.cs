using System.Runtime.CompilerServices;

namespace Skewless.Transforms;

/// <summary>
/// A vocabulary's terms of one to four UTF-16 code units (airport, country, currency and state codes), each packed into
/// one <see cref="ulong"/> by <see cref="ShortStrings"/>, looked up before <see cref="TermIndex"/>. A served value found here needs neither
/// <see cref="StableHash"/> nor a string comparison: the hash is needed only for an out-of-vocabulary bucket.
/// </summary>
/// <remarks>
/// A table is direct-mapped: a lookup is one multiply, one entry read and one compare, with no branch on the data, so
/// it costs the same whatever order the values come in. It has at least <see cref="SlotsPerTerm"/> slots a term and the
/// first of a fixed list of multipliers that leaves the fewest terms out. Terms are placed most frequent first, so the
/// few whose slot is taken are rare ones; they go to an overflow index built the same way, and so on until none is
/// left. Each level places at least its first term, so the levels end. Only the first level is read on the fast path
/// (<see cref="Probe"/>); a value it misses, rare when served values are mostly terms, is looked up in the overflow by
/// <see cref="IndexOfLeftOut"/>. Together the levels hold every short term, so a short value that misses them all is
/// known not to be a term, with no string hash.
/// </remarks>
internal sealed class ShortTermIndex
{
    /// <summary>What <see cref="IndexOf(ulong)"/> returns for a value that is not a term.</summary>
    public const int NotATerm = -1;

    private const int SlotsPerTerm = 4;
    private const int Multipliers = 16;

    private readonly Entry[] _entries; // a Key of 0 marks an empty slot: no term packs to 0
    private readonly ulong _multiplier;
    private readonly int _shift;
    private readonly ShortTermIndex? _overflow; // the terms whose slot was taken

    /// <param name="terms">The vocabulary's terms, in index order: most frequent first. Those that do not fit in a packed key are left to <see cref="TermIndex"/>.</param>
    public ShortTermIndex(string[] terms)
        : this(terms, slotBits: null)
    {
    }

    /// <param name="terms">As for <see cref="ShortTermIndex(string[])"/>.</param>
    /// <param name="slotBits">The base-2 logarithm of the first level's number of slots. A test passes a small one to send terms to the overflow.</param>
    internal ShortTermIndex(string[] terms, int? slotBits)
        : this(PackedTerms(terms), slotBits)
    {
    }

    private ShortTermIndex(List<Entry> terms, int? slotBits)
    {
        var bits = slotBits ?? BitsFor(SlotsPerTerm * terms.Count);
        _shift = 64 - bits;
        _entries = new Entry[1 << bits];
        var best = 0;
        var fewestLeftOut = int.MaxValue;
        for (var attempt = 0; attempt < Multipliers && fewestLeftOut > 0; attempt++)
        {
            var leftOut = Place(terms, Multiplier(attempt), leftOut: null);
            if (leftOut < fewestLeftOut)
            {
                (best, fewestLeftOut) = (attempt, leftOut);
            }
        }

        _multiplier = Multiplier(best);
        var overflow = new List<Entry>(fewestLeftOut);
        Place(terms, _multiplier, overflow);
        _overflow = overflow.Count == 0 ? null : new ShortTermIndex(overflow, slotBits: null);
    }

    /// <summary>The index of the term that packs to <paramref name="key"/>, or <see cref="NotATerm"/>.</summary>
    public int IndexOf(ulong key)
    {
        var index = Probe(key);
        return index >= 0 ? index : IndexOfLeftOut(key);
    }

    /// <summary>The index of the term that packs to <paramref name="key"/> when the overflow holds it, else <see cref="NotATerm"/>: for a key <see cref="Probe"/> missed.</summary>
    public int IndexOfLeftOut(ulong key) => _overflow is null ? NotATerm : _overflow.IndexOf(key);

    /// <summary>The index of the term that packs to <paramref name="key"/> when the first level holds it, else <see cref="NotATerm"/>, whether or not the overflow does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Probe(ulong key)
    {
        // The shift leaves exactly as many bits as the table has slots, so the slot is always in range.
        var entry = _entries[Slot(key, _multiplier, _shift)];
        return entry.Key == key ? entry.Index : NotATerm;
    }

    private static List<Entry> PackedTerms(string[] terms)
    {
        var packed = new List<Entry>();
        for (var index = 0; index < terms.Length; index++)
        {
            // A term ending in U+0000 is not packed: it would pack like the same term without it.
            if (ShortStrings.Fits(terms[index]))
            {
                packed.Add(new Entry(ShortStrings.Pack(terms[index]), index));
            }
        }

        return packed;
    }

    private static int BitsFor(int slots)
    {
        var bits = 1;
        while ((1 << bits) < slots)
        {
            bits++;
        }

        return bits;
    }

    private static int Slot(ulong key, ulong multiplier, int shift) => (int)((key * multiplier) >> shift);

    // Odd multipliers spread by the golden ratio's bits; each attempt is a fixed one, so a vocabulary always builds the same table.
    private static ulong Multiplier(int attempt) => unchecked((0x9E3779B97F4A7C15UL * (ulong)((2 * attempt) + 1)) | 1);

    /// <summary>
    /// Fills the table afresh, each term in its slot unless an earlier term took it; returns how many were left out, and
    /// adds them to <paramref name="leftOut"/> when there is one.
    /// </summary>
    private int Place(List<Entry> terms, ulong multiplier, List<Entry>? leftOut)
    {
        Array.Clear(_entries, 0, _entries.Length);
        var count = 0;
        foreach (var term in terms)
        {
            ref var entry = ref _entries[Slot(term.Key, multiplier, _shift)];
            if (entry.Key != 0)
            {
                count++;
                leftOut?.Add(term);
                continue;
            }

            entry = term;
        }

        return count;
    }

    // The key and its index side by side, so a lookup reads one cache line.
    private readonly struct Entry
    {
        public readonly ulong Key;
        public readonly int Index;

        public Entry(ulong key, int index)
        {
            Key = key;
            Index = index;
        }
    }
}
