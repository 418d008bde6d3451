namespace Skewless.Transforms;

/// <summary>The exact count of each distinct finite double, for a <see cref="QuantileSketch"/> while it is exact, keyed by the value's bits.</summary>
internal sealed class DistinctValueCounts
{
    private readonly KeyCounts _counts = new();

    /// <summary>The number of distinct values.</summary>
    public int Count => _counts.Count;

    /// <summary>Adds <paramref name="count"/> (at least 1) to the count of <paramref name="value"/>, which must be finite and not -0, so that equal values have equal bits.</summary>
    public void Add(double value, long count) => _counts.Add((ulong)BitConverter.DoubleToInt64Bits(value), count);

    /// <summary>Each distinct value with its count, in no particular order.</summary>
    public IEnumerable<KeyValuePair<double, long>> Pairs() =>
        _counts.Pairs().Select(pair => new KeyValuePair<double, long>(BitConverter.Int64BitsToDouble((long)pair.Key), pair.Value));
}
