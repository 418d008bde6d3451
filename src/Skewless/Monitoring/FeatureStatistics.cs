using Skewless.Transforms;

namespace Skewless.Monitoring;

/// <summary>
/// Descriptive statistics of one feature's values (the value its <c>[Feature]</c> method returns,
/// before any transform) over some rows: the training rows, or a window of serving traffic.
/// </summary>
public abstract class FeatureStatistics
{
    private protected FeatureStatistics(string name, FeatureKind kind, FeatureTransform transform, double? driftThreshold, long count, long missing)
    {
        Name = name;
        Kind = kind;
        Transform = transform;
        DriftThreshold = driftThreshold;
        Count = count;
        Missing = missing;
    }

    /// <summary>The feature's name, or the label member's name.</summary>
    public string Name { get; }

    /// <summary>The C# type of the value.</summary>
    public FeatureKind Kind { get; }

    /// <summary>The feature's transform; <see cref="FeatureTransform.None"/> for the label.</summary>
    public FeatureTransform Transform { get; }

    /// <summary>The feature's <see cref="DriftThresholdAttribute"/>, or <see langword="null"/> when it has none.</summary>
    public double? DriftThreshold { get; }

    /// <summary>The number of values present.</summary>
    public long Count { get; }

    /// <summary>
    /// The number of values missing: NaN or infinite numbers, null or empty strings, undeclared enum values, and the values
    /// that a <c>[Vocabulary]</c> without out-of-vocabulary buckets treats as missing.
    /// </summary>
    public long Missing { get; }

    /// <summary>How the distance between two distributions of this feature is measured.</summary>
    public abstract DistanceMetric Metric { get; }

    /// <summary>The same statistics under another threshold.</summary>
    internal abstract FeatureStatistics WithDriftThreshold(double? driftThreshold);

    /// <summary>Whether <paramref name="kind"/> is summarised by a histogram rather than by category counts.</summary>
    public static bool IsNumeric(FeatureKind kind) => kind is FeatureKind.Single or FeatureKind.Double or FeatureKind.Int32 or FeatureKind.Int64;
}

/// <summary>Statistics of a numeric feature: moments, range, and a histogram whose bin edges are training quantiles.</summary>
public sealed class NumericStatistics : FeatureStatistics
{
    private readonly double[] _edges;
    private readonly SortedEdges _sortedEdges;
    private readonly long[] _binCounts;

    internal NumericStatistics(
        string name, FeatureKind kind, FeatureTransform transform, double? driftThreshold, long count, long missing,
        double mean, double standardDeviation, double minimum, double maximum, double[] edges, long[] binCounts)
        : base(name, kind, transform, driftThreshold, count, missing)
    {
        Mean = mean;
        StandardDeviation = standardDeviation;
        Minimum = minimum;
        Maximum = maximum;
        _edges = edges;
        _sortedEdges = new SortedEdges(edges);
        _binCounts = binCounts;
    }

    /// <summary>The mean of the present values; 0 when there are none.</summary>
    public double Mean { get; }

    /// <summary>The population standard deviation of the present values; 0 when there are none.</summary>
    public double StandardDeviation { get; }

    /// <summary>The smallest present value; 0 when there are none.</summary>
    public double Minimum { get; }

    /// <summary>The largest present value; 0 when there are none.</summary>
    public double Maximum { get; }

    /// <summary>
    /// The ascending interior bin edges, fixed from the training quantiles: edge k - 1 is the training
    /// value at rank <c>floor(k · n / bins) + 1</c>, so each training bin holds about the same number of values.
    /// A value at several of those ranks is one edge, so a feature of few values has fewer, wider bins and none that
    /// no value could fall into.
    /// </summary>
    public IReadOnlyList<double> Edges => _edges;

    /// <summary>The number of present values in each bin: bin i holds the values at or above edge i - 1 and below edge i.</summary>
    public IReadOnlyList<long> BinCounts => _binCounts;

    /// <inheritdoc />
    public override DistanceMetric Metric => DistanceMetric.JensenShannon;

    /// <inheritdoc />
    internal override FeatureStatistics WithDriftThreshold(double? driftThreshold) =>
        new NumericStatistics(Name, Kind, Transform, driftThreshold, Count, Missing, Mean, StandardDeviation, Minimum, Maximum, _edges, _binCounts);

    /// <summary>The bin of a finite <paramref name="value"/>: the number of edges at or below it.</summary>
    public int BinOf(double value) => _sortedEdges.AtOrBelow(value);
}

/// <summary>Statistics of a categorical feature (bool, enum or string): the counts of its most frequent values and of the rest.</summary>
public sealed class CategoricalStatistics : FeatureStatistics
{
    private readonly string[] _categories;
    private readonly long[] _categoryCounts;

    internal CategoricalStatistics(
        string name, FeatureKind kind, FeatureTransform transform, double? driftThreshold, long count, long missing,
        string[] categories, long[] categoryCounts, long other, long? outOfVocabulary)
        : base(name, kind, transform, driftThreshold, count, missing)
    {
        _categories = categories;
        _categoryCounts = categoryCounts;
        Other = other;
        OutOfVocabulary = outOfVocabulary;
    }

    /// <summary>
    /// The values counted one by one: every declared value of a bool or enum, in declaration order; for
    /// a string, the <see cref="TrainingStatistics.TopCategories"/> most frequent training values (fewer
    /// with a vocabulary that keeps fewer terms), by count descending and then by ordinal order.
    /// </summary>
    public IReadOnlyList<string> Categories => _categories;

    /// <summary>The count of each of <see cref="Categories"/>.</summary>
    public IReadOnlyList<long> CategoryCounts => _categoryCounts;

    /// <summary>The number of present values outside <see cref="Categories"/>, including those <see cref="OutOfVocabulary"/>.</summary>
    public long Other { get; }

    /// <summary>
    /// Of <see cref="Other"/>, the values that a <c>[Vocabulary]</c> feature's vocabulary does not hold, which the model
    /// sees only as an out-of-vocabulary bucket: counted apart, so that serving values the vocabulary has never seen
    /// show as drift even where the categories counted by name are a small share of the values. <see langword="null"/>
    /// without a vocabulary, with a vocabulary that has no out-of-vocabulary buckets (it treats such values as missing,
    /// and they count in <see cref="FeatureStatistics.Missing"/>), and in files written before Skewless counted them.
    /// </summary>
    public long? OutOfVocabulary { get; }

    /// <inheritdoc />
    public override DistanceMetric Metric => DistanceMetric.LInfinity;

    /// <inheritdoc />
    internal override FeatureStatistics WithDriftThreshold(double? driftThreshold) =>
        new CategoricalStatistics(Name, Kind, Transform, driftThreshold, Count, Missing, _categories, _categoryCounts, Other, OutOfVocabulary);
}
