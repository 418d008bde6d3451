namespace Skewless.Transforms;

/// <summary>
/// Exact counts by a 64-bit key, for values that have one: a double's bits, a short string's packed code units. An
/// open-addressing table: a lookup is a multiply, a shift and usually one probe, several times cheaper than a
/// <see cref="Dictionary{TKey, TValue}"/>'s, and training does one for every value.
/// </summary>
internal sealed class KeyCounts
{
    private ulong[] _keys = new ulong[16];
    private long[] _counts = new long[16]; // 0 marks an empty entry, so any key can be counted
    private int _shift = 64 - 4; // 64 - log2 of the number of entries

    /// <summary>The number of distinct keys.</summary>
    public int Count { get; private set; }

    /// <summary>Adds <paramref name="count"/>, at least 1, to the count of <paramref name="key"/>.</summary>
    public void Add(ulong key, long count)
    {
        var mask = _keys.Length - 1;
        for (var entry = Entry(key); ; entry = (entry + 1) & mask)
        {
            if (_counts[entry] == 0)
            {
                _keys[entry] = key;
                _counts[entry] = count;
                if (++Count * 2 > _keys.Length)
                {
                    Grow();
                }

                return;
            }

            if (_keys[entry] == key)
            {
                _counts[entry] += count;
                return;
            }
        }
    }

    /// <summary>Each key with its count, in no particular order.</summary>
    public IEnumerable<KeyValuePair<ulong, long>> Pairs()
    {
        for (var entry = 0; entry < _counts.Length; entry++)
        {
            if (_counts[entry] != 0)
            {
                yield return new KeyValuePair<ulong, long>(_keys[entry], _counts[entry]);
            }
        }
    }

    // Fibonacci hashing: the top bits of the key times 2^64 / φ, which depend on all of its bits, so keys that differ
    // only in a few bits (small integers, values on a grid, codes that differ in one letter) still spread.
    private int Entry(ulong key) => (int)((key * 0x9E3779B97F4A7C15) >> _shift);

    // At most half full, so probes stay short.
    private void Grow()
    {
        var keys = _keys;
        var counts = _counts;
        _keys = new ulong[keys.Length * 2];
        _counts = new long[counts.Length * 2];
        _shift--;
        var mask = _keys.Length - 1;
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] == 0)
            {
                continue;
            }

            var entry = Entry(keys[i]);
            while (_counts[entry] != 0)
            {
                entry = (entry + 1) & mask;
            }

            _keys[entry] = keys[i];
            _counts[entry] = counts[i];
        }
    }
}
