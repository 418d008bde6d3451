using System.Globalization;

namespace Skewless.Monitoring;

/// <summary>What a report compares: training with serving (skew), or two sets of the same kind, such as two serving windows (drift).</summary>
public enum DriftKind
{
    /// <summary>Training statistics against serving statistics.</summary>
    Skew,

    /// <summary>Statistics of the same kind against each other: two serving windows, or two training sets.</summary>
    Drift,
}

/// <summary>Run-time settings of a comparison.</summary>
public sealed class ComparisonOptions
{
    /// <summary>The default of <see cref="LInfinityThreshold"/>: 0.1, a tenth of all rows moved into or out of one category.</summary>
    public const double DefaultLInfinityThreshold = 0.1;

    /// <summary>
    /// The default of <see cref="JensenShannonThreshold"/>: 0.02 nats. On the flights data, samples of
    /// <see cref="DefaultMinimumRows"/> rows diverge from their own distribution by at most about 0.015, and distances
    /// served in kilometres where training had miles diverge by 0.045; a month of real drift, by about 0.001.
    /// </summary>
    public const double DefaultJensenShannonThreshold = 0.02;

    /// <summary>The default of <see cref="MinimumRows"/>: 200.</summary>
    public const int DefaultMinimumRows = 200;

    /// <summary>
    /// The threshold of every categorical feature (bool, enum, string; measured by the L-infinity distance, 0 to 1) that has
    /// neither an entry in <see cref="Thresholds"/> nor a <see cref="DriftThresholdAttribute"/>.
    /// </summary>
    public double LInfinityThreshold { get; set; } = DefaultLInfinityThreshold;

    /// <summary>
    /// The threshold of every numeric feature (measured by the Jensen–Shannon divergence, 0 to ln 2 ≈ 0.693) that has
    /// neither an entry in <see cref="Thresholds"/> nor a <see cref="DriftThresholdAttribute"/>. Lower than
    /// <see cref="LInfinityThreshold"/>, because the divergence grows with the square of a shift: one threshold for both
    /// would let a numeric feature served in other units pass.
    /// </summary>
    public double JensenShannonThreshold { get; set; } = DefaultJensenShannonThreshold;

    /// <summary>
    /// Thresholds by feature (or label) name, exactly as declared, which override the features' <see cref="DriftThresholdAttribute"/>s.
    /// A name the statistics do not have is an <see cref="ArgumentException"/> where they are compared, so that a
    /// threshold does not silently stop applying when its feature is renamed.
    /// </summary>
    public IDictionary<string, double> Thresholds { get; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Throws unless every name in <see cref="Thresholds"/> is a feature or the label of <paramref name="statistics"/>.</summary>
    internal void CheckThresholds(FeatureSetStatistics statistics, string parameter)
    {
        var names = statistics.Features.Select(feature => feature.Name).Concat(statistics.Label is null ? [] : [statistics.Label.Name]).ToList();
        if (Thresholds.Keys.FirstOrDefault(name => !names.Contains(name, StringComparer.Ordinal)) is { } unknown)
        {
            throw new ArgumentException($"ComparisonOptions.Thresholds has a threshold for '{unknown}', which is neither a feature nor the label of {statistics.Name} v{statistics.Version}; its names, compared exactly, are {string.Join(", ", names)}.", parameter);
        }
    }

    /// <summary>
    /// The fewest rows (each gives every feature a value or a missing one) both sides need for a feature to be flagged:
    /// <see cref="DefaultMinimumRows"/> unless set. With fewer, distances are still reported, but they measure the
    /// sample's noise more than drift: by Hoeffding's inequality, the chance that a share of n rows is more than 0.1
    /// (the default threshold) from its true value is at most 2·e^(−2·n·0.1²), under 4% at 200 rows but 74% at 50.
    /// </summary>
    public int MinimumRows { get; set; } = DefaultMinimumRows;
}

/// <summary>Statistics cannot be compared or merged: they describe different feature sets or definitions (or, to merge, windows that partly overlap, or other fits).</summary>
public sealed class IncomparableStatisticsException : Exception
{
    internal IncomparableStatisticsException(string message)
        : base(message)
    {
    }
}

/// <summary>One feature's distance between two distributions, with the bins it was measured over.</summary>
public sealed class FeatureDrift
{
    internal FeatureDrift(FeatureStatistics baseline, FeatureStatistics current, string[] bins, double[] baselineCounts, double[] currentCounts, double threshold, int minimumRows)
    {
        TooFewRows = Math.Min(baseline.Count + baseline.Missing, current.Count + current.Missing) < minimumRows;
        Baseline = baseline;
        Current = current;
        Bins = bins;
        BaselineShares = ToShares(baselineCounts);
        CurrentShares = ToShares(currentCounts);
        Distance = Metric == DistanceMetric.LInfinity ? Distances.LInfinity(baselineCounts, currentCounts) : Distances.JensenShannon(baselineCounts, currentCounts);
        PopulationStabilityIndex = Distances.PopulationStabilityIndex(baselineCounts, currentCounts);
        Threshold = threshold;
    }

    /// <summary>The feature's (or the label's) name.</summary>
    public string Name => Baseline.Name;

    /// <summary>How <see cref="Distance"/> is measured: L-infinity for categorical features, Jensen–Shannon (nats) for numeric ones.</summary>
    public DistanceMetric Metric => Baseline.Metric;

    /// <summary>The distance, reported whether or not it crosses the threshold; NaN when a side has no rows.</summary>
    public double Distance { get; }

    /// <summary>The population stability index over the same bins; NaN when a side has no rows.</summary>
    public double PopulationStabilityIndex { get; }

    /// <summary>The largest distance not flagged.</summary>
    public double Threshold { get; }

    /// <summary>Whether a side has fewer rows than <see cref="ComparisonOptions.MinimumRows"/>, so that the feature is not flagged whatever its distance.</summary>
    public bool TooFewRows { get; }

    /// <summary>Whether <see cref="Distance"/> exceeds <see cref="Threshold"/>, with enough rows on both sides to tell.</summary>
    public bool Crossed => !TooFewRows && Distance > Threshold;

    /// <summary>The status a report shows: no data, too few rows, crossed or ok.</summary>
    internal string Status => double.IsNaN(Distance) ? "no data" : TooFewRows ? "too few rows" : Crossed ? "crossed" : "ok";

    /// <summary>The baseline's statistics of the feature.</summary>
    public FeatureStatistics Baseline { get; }

    /// <summary>The current statistics of the feature.</summary>
    public FeatureStatistics Current { get; }

    /// <summary>The bins both sides were measured over: missing, then the baseline's histogram bins, or categories, other and out of vocabulary.</summary>
    public IReadOnlyList<string> Bins { get; }

    /// <summary>The baseline's share of each bin, summing to 1 (all 0 without rows).</summary>
    public IReadOnlyList<double> BaselineShares { get; }

    /// <summary>The current share of each bin, summing to 1 (all 0 without rows).</summary>
    public IReadOnlyList<double> CurrentShares { get; }

    private static double[] ToShares(double[] counts)
    {
        var total = counts.Sum();
        return counts.Select(count => total > 0 ? count / total : 0).ToArray();
    }
}

/// <summary>
/// Every feature's distance between two sets of statistics, largest first. Distances are always
/// reported, also below their thresholds; a threshold only decides whether a feature is flagged.
/// </summary>
public sealed class DriftReport
{
    private readonly FeatureDrift[] _features;
    private readonly int _minimumRows;

    private DriftReport(FeatureSetStatistics baseline, FeatureSetStatistics current, FeatureDrift[] features, int minimumRows)
    {
        _minimumRows = minimumRows;
        Baseline = baseline;
        Current = current;
        _features = features;
    }

    /// <summary>What was compared with.</summary>
    public FeatureSetStatistics Baseline { get; }

    /// <summary>What was compared.</summary>
    public FeatureSetStatistics Current { get; }

    /// <summary>Skew when exactly one side is training statistics, drift otherwise.</summary>
    public DriftKind Kind => (Baseline is TrainingStatistics) != (Current is TrainingStatistics) ? DriftKind.Skew : DriftKind.Drift;

    /// <summary>Every feature, and the label when both sides have it, by distance descending (those without data last), then by name.</summary>
    public IReadOnlyList<FeatureDrift> Features => _features;

    /// <summary>Whether any feature's distance exceeds its threshold.</summary>
    public bool AnyCrossed => _features.Any(feature => feature.Crossed);

    /// <summary>Compares the distribution of every feature in <paramref name="current"/> with <paramref name="baseline"/>.</summary>
    /// <exception cref="IncomparableStatisticsException">The two describe different feature sets or definitions (logical names, versions or fingerprints; not the class that gathered them), or a serving window is compared with statistics of another fit.</exception>
    public static DriftReport Compare(FeatureSetStatistics baseline, FeatureSetStatistics current, ComparisonOptions? options = null)
    {
        Guard.NotNull(baseline, nameof(baseline));
        Guard.NotNull(current, nameof(current));
        options ??= new ComparisonOptions();
        options.CheckThresholds(baseline, nameof(options));

        // The logical name, not the class: a version kept under a new class name serves, and monitors, what its old class saved.
        if (baseline.Name != current.Name)
        {
            throw new IncomparableStatisticsException($"Cannot compare statistics of {baseline.Name} ({baseline.FeatureSet}) with statistics of {current.Name} ({current.FeatureSet}): they are different feature sets.");
        }

        if (baseline.Version != current.Version || baseline.Fingerprint != current.Fingerprint)
        {
            throw new IncomparableStatisticsException($"Cannot compare statistics of {baseline.Name}: the baseline was computed with {baseline.Definition}, and the current ones with {current.Definition}, so the same feature names may mean different things.");
        }

        // A serving window is counted over the bins of the fit that served it. Two training sets have bins of their own, and
        // are rebinned below; a window against other bins was served by another fit, and its distances would measure
        // the difference between the fits, not between the rows.
        if ((baseline is ServingStatistics || current is ServingStatistics)
            && baseline.Features.Zip(current.Features, (left, right) => ServingStatistics.SameBins(left, right) ? null : right.Name).FirstOrDefault(name => name is not null) is { } rebinned)
        {
            throw new IncomparableStatisticsException($"Cannot compare statistics of {baseline.Name}: {Describe(current)} counts '{rebinned}' over other edges or categories than {Describe(baseline)}, so another fit served it. Compare a serving window with the training statistics of the artifact that served it, and windows served by the same artifact with each other.");
        }

        var pairs = baseline.Features.Zip(current.Features, (left, right) => (Baseline: left, Current: right)).ToList();
        if (baseline.Label is not null && current.Label is not null && baseline.Label.Metric == current.Label.Metric)
        {
            pairs.Add((baseline.Label, current.Label));
        }

        var features = pairs
            .Select(pair => Measure(pair.Baseline, pair.Current, options))
            .OrderBy(feature => double.IsNaN(feature.Distance) ? 1 : 0)
            .ThenByDescending(feature => double.IsNaN(feature.Distance) ? 0 : feature.Distance)
            .ThenBy(feature => feature.Name, StringComparer.Ordinal)
            .ToArray();
        return new DriftReport(baseline, current, features, options.MinimumRows);
    }

    /// <summary>Writes the report as a plain-text table.</summary>
    public void WriteTable(TextWriter writer)
    {
        Guard.NotNull(writer, nameof(writer));
        var width = Math.Max("feature".Length, _features.Select(feature => feature.Name.Length).DefaultIfEmpty(0).Max());
        writer.WriteLine(Invariant($"{Kind}: {Describe(Current)} against {Describe(Baseline)}"));
        writer.WriteLine(Invariant($"  {"feature".PadRight(width)}  {"metric",-14}  {"distance",8}  {"PSI",8}  {"threshold",9}  status"));
        foreach (var feature in _features)
        {
            var status = feature.Crossed ? "CROSSED" : feature.Status;
            writer.WriteLine(Invariant($"  {feature.Name.PadRight(width)}  {MetricName(feature.Metric),-14}  {Format(feature.Distance),8}  {Format(feature.PopulationStabilityIndex),8}  {feature.Threshold,9:0.000}  {status}"));
        }

        writer.WriteLine(Summary());
    }

    /// <summary>Writes the report as one self-contained HTML page (no scripts, no network) with an SVG histogram of each feature, baseline against current.</summary>
    public void WriteHtml(TextWriter writer)
    {
        Guard.NotNull(writer, nameof(writer));
        HtmlReport.Write(this, writer);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteTable(writer);
        return writer.ToString();
    }

    /// <summary>The name a report shows for a metric.</summary>
    public static string MetricName(DistanceMetric metric) => metric == DistanceMetric.LInfinity ? "L-infinity" : "Jensen-Shannon";

    internal string Summary()
    {
        var crossed = _features.Count(feature => feature.Crossed);
        var tooFew = _features.Count(feature => feature.TooFewRows && !double.IsNaN(feature.Distance));
        var rows = tooFew == 0 ? "" : Invariant($" {tooFew} had too few rows to be flagged (fewer than {_minimumRows:N0} on a side).");
        return Invariant($"{crossed} of {_features.Length} features crossed their thresholds.{rows}");
    }

    internal static string Describe(FeatureSetStatistics statistics) =>
        Invariant($"{statistics.Source} ({statistics.Rows:N0} rows of {statistics.FeatureSet} v{statistics.Version}, definition {statistics.Fingerprint})");

    internal static string Format(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static FeatureDrift Measure(FeatureStatistics baseline, FeatureStatistics current, ComparisonOptions options)
    {
        var threshold = options.Thresholds.TryGetValue(baseline.Name, out var overridden) ? overridden
            : current.DriftThreshold ?? baseline.DriftThreshold ?? (baseline.Metric == DistanceMetric.LInfinity ? options.LInfinityThreshold : options.JensenShannonThreshold);
        switch (baseline, current)
        {
            case (NumericStatistics left, NumericStatistics right):
                return new FeatureDrift(left, right, Slots.Labels(left), Slots.Counts(left), Rebinned(right, left), threshold, options.MinimumRows);
            case (CategoricalStatistics left, CategoricalStatistics right):
                // Values out of vocabulary get a bin of their own when both sides count them apart, and stay in other when one does not.
                var outOfVocabulary = left.OutOfVocabulary is not null && right.OutOfVocabulary is not null;
                var bins = new[] { Slots.MissingLabel }.Concat(left.Categories).Concat(right.Categories.Except(left.Categories, StringComparer.Ordinal)).Append(Slots.OtherLabel).ToList();
                if (outOfVocabulary)
                {
                    bins.Add(Slots.OutOfVocabularyLabel);
                }

                return new FeatureDrift(left, right, bins.ToArray(), Spread(left, bins, outOfVocabulary), Spread(right, bins, outOfVocabulary), threshold, options.MinimumRows);
            default:
                throw new IncomparableStatisticsException($"Cannot compare feature '{baseline.Name}': it is {baseline.Kind} in the baseline and {current.Kind} in the current statistics.");
        }
    }

    // A category one side did not count by name is inside its other: it gets 0 there, and other keeps it.
    private static double[] Spread(CategoricalStatistics statistics, List<string> bins, bool outOfVocabulary)
    {
        var counts = new double[bins.Count];
        var other = bins.Count - (outOfVocabulary ? 2 : 1);
        counts[0] = statistics.Missing;
        counts[other] = statistics.Other;
        if (outOfVocabulary)
        {
            counts[other] -= statistics.OutOfVocabulary!.Value;
            counts[other + 1] = statistics.OutOfVocabulary.Value;
        }

        var positions = bins.Select((bin, index) => (bin, index)).Skip(1).Take(other - 1).ToDictionary(pair => pair.bin, pair => pair.index, StringComparer.Ordinal);
        for (var i = 0; i < statistics.Categories.Count; i++)
        {
            counts[positions[statistics.Categories[i]]] = statistics.CategoryCounts[i];
        }

        return counts;
    }

    /// <summary>
    /// The counts of <paramref name="statistics"/> over the bins of <paramref name="target"/>. Serving
    /// statistics share the training edges, so this is exact; two training sets have their own
    /// edges, and then each bin's count is spread evenly over its range (the outer bins end at the
    /// minimum and maximum), an approximation within one bin's width.
    /// </summary>
    private static double[] Rebinned(NumericStatistics statistics, NumericStatistics target)
    {
        if (statistics.Edges.SequenceEqual(target.Edges))
        {
            return Slots.Counts(statistics);
        }

        var counts = new double[1 + target.BinCounts.Count];
        counts[0] = statistics.Missing;
        var edges = statistics.Edges;
        for (var bin = 0; bin < statistics.BinCounts.Count; bin++)
        {
            var count = statistics.BinCounts[bin];
            if (count == 0)
            {
                continue;
            }

            var low = bin == 0 ? statistics.Minimum : edges[bin - 1];
            var high = bin == edges.Count ? statistics.Maximum : edges[bin];
            if (!(high > low))
            {
                counts[1 + target.BinOf(low)] += count;
                continue;
            }

            for (var into = 0; into < target.BinCounts.Count; into++)
            {
                var from = into == 0 ? double.NegativeInfinity : target.Edges[into - 1];
                var to = into == target.Edges.Count ? double.PositiveInfinity : target.Edges[into];
                var overlap = Math.Min(high, to) - Math.Max(low, from);
                if (overlap > 0)
                {
                    counts[1 + into] += count * overlap / (high - low);
                }
            }
        }

        return counts;
    }
}
