using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Skewless.Monitoring;

/// <summary>
/// A hashed string feature's training categories by <see cref="StableHash"/>, which the kernel computes for the
/// feature's bucket anyway. A served value counts as the category whose 64-bit hash it has, and as missing when it has
/// the hash of null and the empty string; the strings are not compared. Two different strings share a hash with a
/// chance of about 2⁻⁶⁴, and a monitor's counts are statistics, not model input, so that chance is taken: comparing the
/// strings cost about 4 ns of a monitored row, because whether a value is a training category varies from row to row and
/// the comparison branches on it.
/// </summary>
/// <remarks>
/// Open addressing, at most a quarter full, indexed by the hash's high bits (its low bits are the bucket, which training
/// categories often share). A first probe answers without a branch, whether it finds its hash or not; only the few
/// entries that others probed past send a miss on to the next entries. The table is filled once, from the training
/// categories, and only read after that. A category whose hash an earlier, more frequent one already has is unreachable.
/// </remarks>
internal sealed class CategoriesByHash
{
    private readonly Entry[] _entries;
    private readonly int _shift;
    private readonly int _mask;

    // The position of every value that is not a category, which a monitor counts as the rest; also every empty entry's.
    private readonly int _other;

    public CategoriesByHash(IReadOnlyList<string> categories)
    {
        var bits = 2;
        while ((1 << bits) < (categories.Count + 1) * 4)
        {
            bits++;
        }

        _entries = new Entry[1 << bits];
        _shift = 64 - bits;
        _mask = _entries.Length - 1;
        _other = categories.Count;
        _entries.AsSpan().Fill(new Entry(0, _other, continues: false));
        Add(StableHash.Of(null), -1);
        for (var position = 0; position < categories.Count; position++)
        {
            Add(StableHash.Of(categories[position]), position);
        }
    }

    /// <summary>The positions of the categories whose hashes are <paramref name="hashes"/>: see <see cref="PositionOf"/>.</summary>
    public void PositionsOf(ReadOnlySpan<ulong> hashes, Span<int> positions)
    {
        ref var entries = ref MemoryMarshal.GetReference(_entries.AsSpan());
        int shift = _shift, mask = _mask, other = _other;
        positions = positions.Slice(0, hashes.Length);
        for (var i = 0; i < hashes.Length; i++)
        {
            positions[i] = Find(ref entries, shift, mask, other, hashes[i]);
        }
    }

    /// <summary>
    /// The position of the category whose hash is <paramref name="hash"/>: -1 for a missing value (null or empty), and
    /// the number of categories when none has it.
    /// </summary>
    public int PositionOf(ulong hash) => Find(ref MemoryMarshal.GetReference(_entries.AsSpan()), _shift, _mask, _other, hash);

    // The table's fields are passed in, so that a loop keeps them in registers; the masked index is always in range.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Find(ref Entry entries, int shift, int mask, int other, ulong hash)
    {
        ref readonly var entry = ref Unsafe.Add(ref entries, (int)(hash >> shift) & mask);

        // Chosen by a mask: the JIT compiles a conditional in a loop as a branch, which served values mispredict.
        var missed = entry.Hash != hash ? 1 : 0;
        return entry.Continues && missed != 0 ? Probe(hash) : entry.Position ^ ((entry.Position ^ other) & -missed);
    }

    private void Add(ulong hash, int position)
    {
        var index = IndexOf(hash);
        while (_entries[index].Position != _other && _entries[index].Hash != hash)
        {
            _entries[index] = _entries[index].PassedOver();
            index = (index + 1) & _mask;
        }

        if (_entries[index].Position == _other)
        {
            _entries[index] = new Entry(hash, position, _entries[index].Continues);
        }
    }

    private int IndexOf(ulong hash) => (int)(hash >> _shift) & _mask;

    private int Probe(ulong hash)
    {
        for (var index = (IndexOf(hash) + 1) & _mask; ; index = (index + 1) & _mask)
        {
            ref readonly var entry = ref _entries[index];
            if (entry.Position == _other || entry.Hash == hash)
            {
                return entry.Position;
            }
        }
    }

    private readonly struct Entry(ulong hash, int position, bool continues)
    {
        public ulong Hash { get; } = hash;

        public int Position { get; } = position;

        /// <summary>Whether a category was placed past this entry, so a miss here must look further.</summary>
        public bool Continues { get; } = continues;

        public Entry PassedOver() => new(Hash, Position, continues: true);
    }
}
