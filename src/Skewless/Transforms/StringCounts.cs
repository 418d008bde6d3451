namespace Skewless.Transforms;

/// <summary>
/// Exact counts of training strings, as vocabularies and categorical statistics keep them. Strings that
/// <see cref="ShortStrings.Fits"/> are counted by their packed form in <see cref="KeyCounts"/>, which needs no string
/// hash or comparison; the rest in a <see cref="Dictionary{TKey, TValue}"/>. This runs once per training value.
/// </summary>
internal sealed class StringCounts
{
    private readonly KeyCounts _packed = new();
    private readonly Dictionary<string, long> _others = new(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="count"/>, at least 1, to the count of <paramref name="value"/>, which is neither null nor empty.</summary>
    public void Add(string value, long count)
    {
        if (ShortStrings.Fits(value))
        {
            _packed.Add(ShortStrings.Pack(value), count);
        }
        else
        {
            ExactCounts.Add(_others, value, count);
        }
    }

    /// <summary>Adds every count of <paramref name="other"/>.</summary>
    public void AddAll(StringCounts other)
    {
        foreach (var pair in other._packed.Pairs())
        {
            _packed.Add(pair.Key, pair.Value);
        }

        ExactCounts.AddAll(_others, other._others);
    }

    /// <summary>Every string counted and its count, in no particular order.</summary>
    public IEnumerable<KeyValuePair<string, long>> Pairs() =>
        _packed.Pairs().Select(pair => new KeyValuePair<string, long>(ShortStrings.Unpack(pair.Key), pair.Value)).Concat(_others);

    /// <summary>The sum of all counts.</summary>
    public long Total() => _packed.Pairs().Sum(pair => pair.Value) + _others.Values.Sum();
}
