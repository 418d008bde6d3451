namespace Skewless.Transforms;

/// <summary>
/// A mergeable summary of a distribution that answers quantile queries. It holds every distinct
/// value exactly until there are more than <see cref="ExactLimit"/>; then it keeps counts in
/// logarithmic buckets (a DDSketch), where every quantile is within
/// <see cref="RelativeAccuracy"/> of the exact one, relative to its magnitude.
/// </summary>
/// <remarks>
/// Its state depends only on the multiset of values added, never on their order: both the exact
/// counts and the bucket counts are sums. Merging any partitioning of the rows therefore gives the
/// same sketch, and the same quantiles, as one pass.
/// </remarks>
public sealed class QuantileSketch
{
    /// <summary>The number of distinct values below which quantiles are exact.</summary>
    public const int ExactLimit = 4096;

    /// <summary>Above <see cref="ExactLimit"/> distinct values, the largest relative error of a quantile: 0.5%.</summary>
    public const double RelativeAccuracy = 0.005;

    private static readonly double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);
    private static readonly double InverseLogGamma = 1 / Math.Log(Gamma);

    private DistinctValueCounts? _exact = new();
    private readonly Dictionary<int, long> _positive = new();
    private readonly Dictionary<int, long> _negative = new();
    private long _zeros;

    /// <summary>The number of values added.</summary>
    public long Count { get; private set; }

    /// <summary>Whether every quantile is exact: there were at most <see cref="ExactLimit"/> distinct values.</summary>
    public bool IsExact => _exact is not null;

    /// <summary>Adds a finite value.</summary>
    public void Add(double value) => Add(value, 1);

    /// <summary>Adds everything another sketch has seen.</summary>
    public void Merge(QuantileSketch other)
    {
        Guard.NotNull(other, nameof(other));
        if (other._exact is not null)
        {
            foreach (var pair in other._exact.Pairs())
            {
                Add(pair.Key, pair.Value);
            }

            return;
        }

        Collapse();
        Count += other.Count;
        _zeros += other._zeros;
        ExactCounts.AddAll(_positive, other._positive);
        ExactCounts.AddAll(_negative, other._negative);
    }

    /// <summary>
    /// The value at quantile <paramref name="q"/>: the smallest value whose cumulative count reaches
    /// <c>ceil(q · Count)</c> (at least the first value). 0 when the sketch is empty.
    /// </summary>
    public double Quantile(double q) => AtRank(Math.Min(Count, Math.Max(1, (long)Math.Ceiling(q * Count))));

    /// <summary>The smallest value whose cumulative count reaches <paramref name="rank"/>, from 1 to <see cref="Count"/>. 0 when the sketch is empty.</summary>
    internal double AtRank(long rank)
    {
        if (Count == 0)
        {
            return 0;
        }

        var seen = 0L;
        foreach (var pair in Ascending())
        {
            seen += pair.Value;
            if (seen >= rank)
            {
                return pair.Key;
            }
        }

        throw new InvalidOperationException("The sketch's counts do not add up to its total.");
    }

    /// <summary>
    /// The boundaries that split the values into <paramref name="buckets"/> of equal mass: boundary k
    /// (from 1) is the value at rank <c>floor(k · n / buckets) + 1</c>, the first value past the
    /// k/buckets quantile. A value equal to a boundary belongs to the bucket above it.
    /// </summary>
    internal double[] Boundaries(int buckets)
    {
        // In integers: (k / buckets) as a double is rounded, and its product with n can land just past an integer.
        var whole = Count / buckets;
        var rest = Count % buckets;
        var boundaries = new double[buckets - 1];
        for (var k = 1; k < buckets; k++)
        {
            boundaries[k - 1] = AtRank(Math.Min(Count, (whole * k) + (rest * k / buckets) + 1));
        }

        return boundaries;
    }

    /// <summary>
    /// How many values fall in each bucket between ascending <paramref name="boundaries"/>: bucket i holds the
    /// values at or above boundary i - 1 and below boundary i. Exact while <see cref="IsExact"/>; otherwise each
    /// value counts as its bucket's representative, as <see cref="AtRank"/> returns it.
    /// </summary>
    internal long[] CountBetween(IReadOnlyList<double> boundaries)
    {
        var counts = new long[boundaries.Count + 1];
        var bucket = 0;
        foreach (var pair in Ascending())
        {
            while (bucket < boundaries.Count && pair.Key >= boundaries[bucket])
            {
                bucket++;
            }

            counts[bucket] += pair.Value;
        }

        return counts;
    }

    /// <summary>Each distinct value (or, past the exact limit, each bucket's representative) with its count, in ascending order.</summary>
    private IEnumerable<KeyValuePair<double, long>> Ascending()
    {
        if (_exact is not null)
        {
            return _exact.Pairs().OrderBy(pair => pair.Key);
        }

        return _negative.OrderByDescending(pair => pair.Key).Select(pair => new KeyValuePair<double, long>(-Representative(pair.Key), pair.Value))
            .Concat(_zeros > 0 ? new[] { new KeyValuePair<double, long>(0, _zeros) } : Enumerable.Empty<KeyValuePair<double, long>>())
            .Concat(_positive.OrderBy(pair => pair.Key).Select(pair => new KeyValuePair<double, long>(Representative(pair.Key), pair.Value)));
    }

    private void Add(double value, long count)
    {
        if (MissingValues.IsMissing(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite values can be added to a quantile sketch.");
        }

        // +0 and -0 are one value, whichever order the rows come in.
        value += 0.0;
        Count += count;
        if (_exact is not null)
        {
            _exact.Add(value, count);
            if (_exact.Count > ExactLimit)
            {
                Collapse();
            }

            return;
        }

        AddToBucket(value, count);
    }

    private void Collapse()
    {
        if (_exact is null)
        {
            return;
        }

        var exact = _exact;
        _exact = null;
        foreach (var pair in exact.Pairs())
        {
            AddToBucket(pair.Key, pair.Value);
        }
    }

    private void AddToBucket(double value, long count)
    {
        if (value == 0)
        {
            _zeros += count;
            return;
        }

        var buckets = value > 0 ? _positive : _negative;
        var index = (int)Math.Ceiling(Math.Log(Math.Abs(value)) * InverseLogGamma);
        ExactCounts.Add(buckets, index, count);
    }

    // Every value in (γ^(i-1), γ^i] is within RelativeAccuracy of 2γ^i / (γ + 1).
    private static double Representative(int index)
    {
        var representative = 2 * Math.Pow(Gamma, index) / (Gamma + 1);
        if (double.IsInfinity(representative))
        {
            // In the top buckets 2γ^i overflows although the values in them are finite. γ^(i-1)·(1 + RelativeAccuracy)
            // is the same representative without the overflow; where even that is beyond the largest double,
            // the largest double is nearer than it to every value of the bucket.
            representative = Math.Min(Math.Pow(Gamma, index - 1) * (1 + RelativeAccuracy), double.MaxValue);
        }

        return representative;
    }
}
