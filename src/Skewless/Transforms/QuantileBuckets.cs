using System.Text.Json;
using Skewless.Artifacts;

namespace Skewless.Transforms;

/// <summary>Fits <see cref="QuantileBuckets"/>: the boundaries that split the finite training values into buckets of equal mass.</summary>
public sealed class QuantileBucketsAccumulator
{
    private readonly int _buckets;
    private readonly QuantileSketch _sketch = new();
    private long _missing;

    /// <summary>Starts fitting <paramref name="buckets"/> buckets.</summary>
    public QuantileBucketsAccumulator(int buckets)
    {
        if (buckets < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(buckets), buckets, "Quantile buckets need at least 2 buckets.");
        }

        _buckets = buckets;
    }

    /// <summary>Adds one training value. NaN and infinities are counted as missing.</summary>
    public void Add(double value)
    {
        if (MissingValues.IsMissing(value))
        {
            _missing++;
            return;
        }

        _sketch.Add(value);
    }

    /// <summary>Adds everything another accumulator has seen.</summary>
    public void Merge(QuantileBucketsAccumulator other)
    {
        Guard.NotNull(other, nameof(other));
        _missing += other._missing;
        _sketch.Merge(other._sketch);
    }

    /// <summary>The finite values added so far, which training statistics read rather than keep a second sketch.</summary>
    internal QuantileSketch Sketch => _sketch;

    /// <summary>
    /// Freezes the boundaries. Boundary k (from 1) is the value at rank <c>floor(k · n / buckets) + 1</c>:
    /// the first value past the k/buckets quantile. As a value equal to a boundary goes to the bucket
    /// above it, n distinct values fill every bucket with n/buckets of them, give or take one.
    /// Where one value fills more than a bucket's share, so that a boundary would repeat the one before
    /// it (or, for the first, the smallest value) and leave a bucket empty, the boundary becomes the
    /// next distinct value above instead, and the values from there on are split evenly among the
    /// buckets left: that value gets a bucket of its own. With no more distinct values than buckets,
    /// each gets a bucket of its own and the largest the last; the boundaries then repeat the largest
    /// value and the buckets between the repeats stay empty. Otherwise boundaries repeat only where no
    /// distinct value is left above the one before, near the top. With more values than buckets and
    /// none repeated, nothing changes.
    /// </summary>
    public QuantileBuckets Complete() => new(_buckets, _sketch.Count, _missing, _sketch.IsExact, _sketch.DistinctBoundaries(_buckets));
}

/// <summary>
/// Replaces a value by the index of its bucket: the number of boundaries at or below it, from 0 to
/// <c>Buckets - 1</c>. NaN becomes -1; the infinities go to the first and last buckets.
/// </summary>
public sealed class QuantileBuckets : IFittedTransform
{
    private readonly double[] _boundaries;
    private readonly SortedEdges _edges;

    internal QuantileBuckets(int buckets, long count, long missing, bool exact, double[] boundaries)
    {
        Buckets = buckets;
        Count = count;
        Missing = missing;
        Exact = exact;
        _boundaries = boundaries;
        _edges = new SortedEdges(boundaries);
    }

    /// <summary>The number of buckets.</summary>
    public int Buckets { get; }

    /// <summary>The number of finite training values.</summary>
    public long Count { get; }

    /// <summary>The number of missing training values.</summary>
    public long Missing { get; }

    /// <summary>
    /// Whether the boundaries are exact quantiles (at most <see cref="QuantileSketch.ExactLimit"/> distinct training
    /// values), or each within <c>min(RelativeAccuracy · |x|, AbsoluteAccuracy)</c> of the exact one x (see
    /// <see cref="QuantileSketch"/>).
    /// </summary>
    public bool Exact { get; }

    /// <summary>The ascending boundaries between buckets.</summary>
    public IReadOnlyList<double> Boundaries => _boundaries;

    /// <inheritdoc />
    public FeatureTransform Kind => FeatureTransform.QuantileBuckets;

    /// <summary>The bucket of <paramref name="value"/>.</summary>
    public int BucketOf(double value)
    {
        if (double.IsNaN(value))
        {
            return -1;
        }

        return _edges.AtOrBelow(value);
    }

    /// <inheritdoc />
    public void WriteTo(Utf8JsonWriter writer)
    {
        Guard.NotNull(writer, nameof(writer));
        writer.WriteStartObject();
        writer.WriteNumber("buckets", Buckets);
        writer.WriteNumber("count", Count);
        writer.WriteNumber("missing", Missing);
        writer.WriteBoolean("exact", Exact);
        writer.WriteStartArray("boundaries");
        foreach (var boundary in _boundaries)
        {
            writer.WriteNumberValue(boundary);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Reads the boundaries of feature number <paramref name="feature"/> from a validated artifact.</summary>
    public static QuantileBuckets Read(ArtifactContents artifact, int feature, int buckets)
    {
        Guard.NotNull(artifact, nameof(artifact));
        var state = artifact.State(feature);
        state.Expect("buckets", state.Fields.Int32("buckets"), buckets);
        var count = state.Fields.Int64("count");
        var missing = state.Fields.Int64("missing");
        var exact = state.Fields.Boolean("exact");
        var boundaries = state.Fields.Doubles("boundaries");
        if (count < 0 || missing < 0)
        {
            throw state.Tampered($"it counts {count} values and {missing} missing.");
        }

        if (boundaries.Length != buckets - 1)
        {
            throw state.Tampered($"it holds {boundaries.Length} boundaries; {buckets} buckets need {buckets - 1}.");
        }

        for (var i = 0; i < boundaries.Length; i++)
        {
            if (MissingValues.IsMissing(boundaries[i]) || (i > 0 && boundaries[i] < boundaries[i - 1]))
            {
                throw state.Tampered($"boundary {i} ({boundaries[i]}) is not finite or is below the one before it.");
            }
        }

        return new QuantileBuckets(buckets, count, missing, exact, boundaries);
    }
}
