namespace Skewless.Transforms;

/// <summary>
/// The exact count of each distinct finite double, for a <see cref="QuantileSketch"/> while it is exact. An
/// open-addressing table keyed by the value's bits: a lookup is a multiply, a shift and usually one probe, several
/// times cheaper than a <see cref="Dictionary{TKey, TValue}"/>'s, and a sketch does one for every training value.
/// </summary>
internal sealed class DistinctValueCounts
{
    private long[] _bits = new long[16];
    private long[] _counts = new long[16];
    private int _shift = 64 - 4; // 64 - log2 of the number of slots

    /// <summary>The number of distinct values.</summary>
    public int Count { get; private set; }

    /// <summary>Adds <paramref name="count"/> (at least 1) to the count of <paramref name="value"/>, which must be finite and not -0, so that equal values have equal bits.</summary>
    public void Add(double value, long count)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var mask = _bits.Length - 1;
        for (var slot = Slot(bits); ; slot = (slot + 1) & mask)
        {
            if (_counts[slot] == 0)
            {
                _bits[slot] = bits;
                _counts[slot] = count;
                if (++Count * 2 > _bits.Length)
                {
                    Grow();
                }

                return;
            }

            if (_bits[slot] == bits)
            {
                _counts[slot] += count;
                return;
            }
        }
    }

    /// <summary>Each distinct value with its count, in no particular order.</summary>
    public IEnumerable<KeyValuePair<double, long>> Pairs()
    {
        for (var slot = 0; slot < _counts.Length; slot++)
        {
            if (_counts[slot] != 0)
            {
                yield return new KeyValuePair<double, long>(BitConverter.Int64BitsToDouble(_bits[slot]), _counts[slot]);
            }
        }
    }

    // Fibonacci hashing: the top bits of the value's bits times 2^64 / φ, which depend on all of them, so values that
    // differ only in a few bits (small integers, values on a grid) still spread.
    private int Slot(long bits) => (int)((ulong)(bits * -7046029254386353131L) >> _shift);

    // At most half full, so probes stay short.
    private void Grow()
    {
        var bits = _bits;
        var counts = _counts;
        _bits = new long[bits.Length * 2];
        _counts = new long[counts.Length * 2];
        _shift--;
        var mask = _bits.Length - 1;
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] == 0)
            {
                continue;
            }

            var slot = Slot(bits[i]);
            while (_counts[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _bits[slot] = bits[i];
            _counts[slot] = counts[i];
        }
    }
}
