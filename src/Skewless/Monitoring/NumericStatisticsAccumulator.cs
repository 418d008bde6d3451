using Skewless.Transforms;

namespace Skewless.Monitoring;

/// <summary>
/// Gathers the training statistics of a numeric feature in the pass that fits it. Everything it keeps
/// is exact or depends only on the multiset of values, so merged partitions give the same statistics
/// as one pass. Where the feature's own transform already sums the moments or sketches the
/// quantiles, it reads those instead of keeping a second copy.
/// </summary>
public sealed class NumericStatisticsAccumulator
{
    private readonly Moments _moments;
    private readonly bool _ownsMoments;
    private readonly QuantileSketch _sketch;
    private readonly bool _ownsSketch;
    private readonly ValueRange _range = new();

    /// <summary>Gathers statistics of a feature without a fitted transform.</summary>
    public NumericStatisticsAccumulator()
        : this(new Moments(), ownsMoments: true, new QuantileSketch(), ownsSketch: true)
    {
    }

    /// <summary>Gathers statistics of a <c>[ZScore]</c> feature, sharing the moments its transform sums.</summary>
    public NumericStatisticsAccumulator(ZScoreAccumulator transform)
        : this(NotNull(transform).Moments, ownsMoments: false, new QuantileSketch(), ownsSketch: true)
    {
    }

    /// <summary>Gathers statistics of a <c>[MinMax]</c> feature, sharing the moments its transform sums.</summary>
    public NumericStatisticsAccumulator(MinMaxAccumulator transform)
        : this(NotNull(transform).Moments, ownsMoments: false, new QuantileSketch(), ownsSketch: true)
    {
    }

    /// <summary>Gathers statistics of a <c>[QuantileBuckets]</c> feature, sharing the sketch its transform keeps.</summary>
    public NumericStatisticsAccumulator(QuantileBucketsAccumulator transform)
        : this(new Moments(), ownsMoments: true, NotNull(transform).Sketch, ownsSketch: false)
    {
    }

    private NumericStatisticsAccumulator(Moments moments, bool ownsMoments, QuantileSketch sketch, bool ownsSketch)
    {
        _moments = moments;
        _ownsMoments = ownsMoments;
        _sketch = sketch;
        _ownsSketch = ownsSketch;
    }

    /// <summary>Adds one training value. NaN and infinities are counted as missing. A shared transform is given the value separately.</summary>
    public void Add(double value)
    {
        if (!(_ownsMoments ? _moments.Add(value) : !MissingValues.IsMissing(value)))
        {
            return;
        }

        if (_ownsSketch)
        {
            _sketch.Add(value);
        }

        _range.Add(value);
    }

    /// <summary>Adds everything another accumulator has seen. A shared transform merges its own part.</summary>
    public void Merge(NumericStatisticsAccumulator other)
    {
        Guard.NotNull(other, nameof(other));
        if (_ownsMoments)
        {
            _moments.Merge(other._moments);
        }

        if (_ownsSketch)
        {
            _sketch.Merge(other._sketch);
        }

        _range.Merge(other._range);
    }

    /// <summary>Freezes the statistics of a feature.</summary>
    public NumericStatistics Complete(FeatureDescriptor feature)
    {
        Guard.NotNull(feature, nameof(feature));
        return Complete(feature.Name, feature.Kind, feature.Transform, feature.DriftThreshold);
    }

    /// <summary>Freezes the statistics of the label, or of a value described by name and kind.</summary>
    public NumericStatistics Complete(string name, FeatureKind kind, FeatureTransform transform = FeatureTransform.None, double? driftThreshold = null)
    {
        // A value repeated across quantiles (a count, a rating) repeats the edge; the bin between two equal edges could
        // never hold a value, so each edge is kept once and such a feature gets one bin per value instead.
        var edges = _sketch.Boundaries(TrainingStatistics.HistogramBins).Distinct().ToArray();
        var present = _moments.Count > 0;
        return new NumericStatistics(
            name,
            kind,
            transform,
            driftThreshold,
            _moments.Count,
            _moments.Missing,
            _moments.Mean(),
            _moments.StandardDeviation(),
            present ? _range.Minimum : 0,
            present ? _range.Maximum : 0,
            edges,
            _sketch.CountBetween(edges));
    }

    private static T NotNull<T>(T transform)
        where T : class
    {
        Guard.NotNull(transform, nameof(transform));
        return transform;
    }
}
