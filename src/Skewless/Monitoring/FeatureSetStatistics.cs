namespace Skewless.Monitoring;

/// <summary>Statistics of every feature of a feature set, and of its label, over some rows: training rows, or a window of serving traffic.</summary>
public abstract class FeatureSetStatistics
{
    private readonly FeatureStatistics[] _features;

    private protected FeatureSetStatistics(string featureSet, string name, int version, string fingerprint, long rows, FeatureStatistics[] features, FeatureStatistics? label)
    {
        FeatureSet = featureSet;
        Name = name;
        Version = version;
        Fingerprint = fingerprint;
        Rows = rows;
        _features = features;
        Label = label;
    }

    /// <summary>
    /// The fully qualified name of the feature set class that gathered them (of the first snapshot, when merged). It does
    /// not identify them: a version kept under a new class name serves what its old class saved, so statistics compare and
    /// merge when their <see cref="Name"/>, <see cref="Version"/> and <see cref="Fingerprint"/> agree, whichever class gathered them.
    /// </summary>
    public string FeatureSet { get; }

    /// <summary>The logical name of the feature set.</summary>
    public string Name { get; }

    /// <summary>The declared version of the definition.</summary>
    public int Version { get; }

    /// <summary>The fingerprint of the definition whose features were summarised.</summary>
    public string Fingerprint { get; }

    /// <summary>The number of rows summarised.</summary>
    public long Rows { get; }

    /// <summary>The statistics of each feature, in schema order.</summary>
    public IReadOnlyList<FeatureStatistics> Features => _features;

    /// <summary>The statistics of the input's <c>[Label]</c> member, when it has one and they were gathered (training only).</summary>
    public FeatureStatistics? Label { get; }

    /// <summary>Where the rows came from, for reports: <c>training</c>, or the serving window.</summary>
    public abstract string Source { get; }

    /// <summary>The logical name, version and fingerprint, for messages.</summary>
    internal string Definition => $"{Name} v{Version}, definition {Fingerprint}";

    /// <summary>Finds a feature's (or the label's) statistics by name.</summary>
    /// <returns>The statistics, or <see langword="null"/> when there are none of that name.</returns>
    public FeatureStatistics? Find(string name)
    {
        foreach (var feature in _features)
        {
            if (string.Equals(feature.Name, name, StringComparison.Ordinal))
            {
                return feature;
            }
        }

        return Label is not null && string.Equals(Label.Name, name, StringComparison.Ordinal) ? Label : null;
    }
}

/// <summary>
/// The statistics of the training rows, gathered in the same pass as the fit and saved in the
/// artifact. Like the fitted constants, they depend only on the multiset of rows: merged partitions
/// save the same bytes as one pass.
/// </summary>
public sealed class TrainingStatistics : FeatureSetStatistics
{
    /// <summary>The number of bins of a numeric histogram, each holding about a tenth of the training values.</summary>
    public const int HistogramBins = 10;

    /// <summary>The most string values counted one by one; the rest are counted together as other.</summary>
    public const int TopCategories = 20;

    internal TrainingStatistics(string featureSet, string name, int version, string fingerprint, long rows, FeatureStatistics[] features, FeatureStatistics? label)
        : base(featureSet, name, version, fingerprint, rows, features, label)
    {
    }

    /// <summary>Gathers completed statistics for a fitted feature set. Called by generated code.</summary>
    /// <param name="schema">The feature set's schema.</param>
    /// <param name="rows">The number of training rows.</param>
    /// <param name="features">The statistics of each feature, in schema order.</param>
    /// <param name="label">The statistics of the label, or <see langword="null"/> when the input has none.</param>
    /// <exception cref="InvalidOperationException">There were no training rows, or no present value of a feature with fitted constants, which would have nothing to be fitted on.</exception>
    public static TrainingStatistics Create(FeatureSchema schema, long rows, IReadOnlyList<FeatureStatistics> features, FeatureStatistics? label)
    {
        Guard.NotNull(schema, nameof(schema));
        Guard.NotNull(features, nameof(features));

        // Every Fit and Accumulator.Complete comes here with the row count. An empty training set is nearly always a
        // split or a filter gone wrong (a cutoff before the first row), and its fitted transforms would silently serve
        // raw values: a z-score with mean 0 and deviation 1, an empty vocabulary.
        var fitted = schema.Features.FirstOrDefault(feature => feature.Transform is not (FeatureTransform.None or FeatureTransform.HashBuckets));
        if (rows == 0 && fitted is not null)
        {
            throw new InvalidOperationException($"{schema.FeatureSet} was fitted on no rows, so [{fitted.Transform}] {fitted.Name} and every other fitted transform would have nothing to be fitted on. Check the training split or filter.");
        }
        if (features.Count != schema.Features.Count)
        {
            throw new ArgumentException($"{schema.FeatureSet} has {schema.Features.Count} features but {features.Count} statistics were given.", nameof(features));
        }

        // The same mistake one column at a time: a column renamed or left unmapped upstream reads as missing in every row,
        // and its transform would be fitted on nothing and serve every real value unscaled, or out of vocabulary.
        var unfitted = schema.Features.Zip(features, (feature, statistics) => (Feature: feature, statistics.Count))
            .FirstOrDefault(pair => pair.Feature.Transform is not (FeatureTransform.None or FeatureTransform.HashBuckets) && pair.Count == 0);
        if (rows > 0 && unfitted.Feature is { } empty)
        {
            throw new InvalidOperationException($"{schema.FeatureSet} was fitted on {rows} rows, but every value of [{empty.Transform}] {empty.Name} was missing (NaN, infinite, null, empty or undeclared), so it would have nothing to be fitted on. Check that the column it reads is filled: a column renamed or left unmapped upstream reads as missing.");
        }

        return new TrainingStatistics(schema.FeatureSet, schema.Name, schema.Version, schema.Fingerprint, rows, features.ToArray(), label);
    }

    /// <inheritdoc />
    public override string Source => "training";
}
