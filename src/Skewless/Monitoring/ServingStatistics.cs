using System.Globalization;

namespace Skewless.Monitoring;

/// <summary>
/// A snapshot of what a <see cref="FeatureMonitor{TRow}"/> saw in one or more windows of serving
/// traffic: statistics comparable with the training ones (the same histogram edges and categories),
/// and the residuals of the outcomes recorded. <see cref="Save"/> writes it for the <c>skewless</c> tool.
/// </summary>
public sealed class ServingStatistics : FeatureSetStatistics
{
    internal ServingStatistics(
        string featureSet, string name, int version, string fingerprint, long rows, FeatureStatistics[] features,
        DateTimeOffset windowStart, DateTimeOffset windowEnd, ResidualStatistics residuals)
        : base(featureSet, name, version, fingerprint, rows, features, label: null)
    {
        WindowStart = windowStart;
        WindowEnd = windowEnd;
        Residuals = residuals;
    }

    /// <summary>
    /// The statistics of rows already stored, as a monitor would have gathered them in a window covering the period they
    /// span: to compare two stored periods (last year's rows against this year's) with <see cref="DriftReport.Compare"/>
    /// or save them for <c>skewless compare</c>, without replaying the rows through a monitor's clock.
    /// </summary>
    /// <param name="featureSet">The fitted feature set whose training statistics give the bins and categories.</param>
    /// <param name="rows">The rows, each transformed once.</param>
    /// <param name="periodStart">When the period the rows cover began, which reports show.</param>
    /// <param name="periodEnd">When it ended; after <paramref name="periodStart"/>.</param>
    public static ServingStatistics Of<TRow>(IFittedFeatureSet<TRow> featureSet, IEnumerable<TRow> rows, DateTimeOffset periodStart, DateTimeOffset periodEnd)
    {
        Guard.NotNull(featureSet, nameof(featureSet));
        Guard.NotNull(rows, nameof(rows));
        if (periodEnd <= periodStart)
        {
            throw new ArgumentException($"The period must end after it starts; it starts {periodStart:O} and ends {periodEnd:O}.", nameof(periodEnd));
        }

        var tally = new Tally(new MonitorLayout(featureSet.Statistics, featureSet.Transforms), window: 0);
        var observer = new FeatureObserver(tally, residuals: false);
        foreach (var row in rows)
        {
            featureSet.Observe(row, observer);
        }

        observer.Flush();
        return ServingSnapshot.Create(tally, periodStart, periodEnd);
    }

    /// <summary>
    /// Combines snapshots of the same artifact, in any order, into what one monitor seeing all their rows would have
    /// taken: snapshots of one window from several replicas, of windows that do not overlap (a week of daily snapshots),
    /// or both. Counts, histograms and ranges are exact, and means, standard deviations and mean residuals are combined
    /// from each snapshot's, weighted by its counts. The result covers from the earliest window's start to the latest
    /// one's end, including any time between windows that no snapshot covers.
    /// </summary>
    /// <param name="snapshots">At least one snapshot.</param>
    /// <exception cref="IncomparableStatisticsException">The snapshots are of different feature sets or definitions, or bin a feature differently, which means another fit served them; or two of their windows overlap without being the same, which would count the rows of the time they share twice.</exception>
    public static ServingStatistics Merge(IEnumerable<ServingStatistics> snapshots)
    {
        Guard.NotNull(snapshots, nameof(snapshots));
        var all = snapshots.ToArray();
        if (all.Length == 0)
        {
            throw new ArgumentException("There are no snapshots to merge.", nameof(snapshots));
        }

        var first = all[0];
        for (var n = 1; n < all.Length; n++)
        {
            CheckMergeable(first, all[n], n + 1);
        }

        CheckWindows(all);

        var features = new FeatureStatistics[first.Features.Count];
        for (var i = 0; i < features.Length; i++)
        {
            var parts = all.Select(snapshot => snapshot.Features[i]).ToArray();
            features[i] = parts[0] is NumericStatistics ? MergeNumeric(parts.Cast<NumericStatistics>().ToArray()) : MergeCategorical(parts.Cast<CategoricalStatistics>().ToArray());
        }

        return new ServingStatistics(first.FeatureSet, first.Name, first.Version, first.Fingerprint, all.Sum(snapshot => snapshot.Rows), features, all.Min(snapshot => snapshot.WindowStart), all.Max(snapshot => snapshot.WindowEnd), MergeResiduals(first, all.Select(snapshot => snapshot.Residuals).ToArray()));
    }

    /// <summary>When the first window summarised began.</summary>
    public DateTimeOffset WindowStart { get; }

    /// <summary>When the last window summarised ends.</summary>
    public DateTimeOffset WindowEnd { get; }

    /// <summary>The outcomes recorded in the windows, and their residuals by feature value.</summary>
    public ResidualStatistics Residuals { get; }

    /// <inheritdoc />
    /// <remarks>To the minute, or to the second (and its fraction) when a bound falls between minutes, so that windows which look alike are.</remarks>
    public override string Source
    {
        get
        {
            var format = WindowStart.UtcTicks % TimeSpan.TicksPerMinute == 0 && WindowEnd.UtcTicks % TimeSpan.TicksPerMinute == 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss.FFFFFFF";
            return $"serving {WindowStart.UtcDateTime.ToString(format, CultureInfo.InvariantCulture)}Z to {WindowEnd.UtcDateTime.ToString(format, CultureInfo.InvariantCulture)}Z";
        }
    }

    private static void CheckMergeable(ServingStatistics first, ServingStatistics other, int number)
    {
        var problem =
            other.Name != first.Name ? $"snapshot {number} is of {other.Name} ({other.FeatureSet}), snapshot 1 of {first.Name} ({first.FeatureSet})"
            : other.Version != first.Version || other.Fingerprint != first.Fingerprint ? $"snapshot {number} is of {other.Definition}, and snapshot 1 of {first.Definition}"
            : first.Features.Zip(other.Features, (left, right) => SameBins(left, right) ? null : $"snapshot {number} bins '{right.Name}' by other edges or categories than snapshot 1, so another fit served it; merge snapshots of the same artifact").FirstOrDefault(difference => difference is not null);
        if (problem is not null)
        {
            throw new IncomparableStatisticsException($"Cannot merge snapshots of {first.Name}: {problem}.");
        }
    }

    // Replicas' snapshots of one window hold different rows, and so do snapshots of windows that do not overlap. Windows
    // that overlap otherwise may both hold a row served in the time they share. Sorted by start, a window that overlaps
    // any later one overlaps the next.
    private static void CheckWindows(ServingStatistics[] all)
    {
        var windows = all.Select((snapshot, index) => (Snapshot: snapshot, Number: index + 1))
            .GroupBy(pair => (pair.Snapshot.WindowStart, pair.Snapshot.WindowEnd), (_, same) => same.First())
            .OrderBy(pair => pair.Snapshot.WindowStart)
            .ThenBy(pair => pair.Snapshot.WindowEnd)
            .ToArray();
        for (var i = 1; i < windows.Length; i++)
        {
            var (earlier, later) = (windows[i - 1], windows[i]);
            if (later.Snapshot.WindowStart < earlier.Snapshot.WindowEnd)
            {
                throw new IncomparableStatisticsException($"Cannot merge snapshots of {all[0].Name}: snapshot {later.Number} covers {later.Snapshot.Source} and snapshot {earlier.Number} {earlier.Snapshot.Source}, which overlap, so the rows of the time they share would be counted twice. Merge snapshots of the same window (from replicas) or of windows that do not overlap (such as consecutive days).");
            }
        }
    }

    /// <summary>Whether two statistics of a feature count it over the same edges or categories, as statistics of one fit do.</summary>
    internal static bool SameBins(FeatureStatistics left, FeatureStatistics right) => (left, right) switch
    {
        (NumericStatistics l, NumericStatistics r) => l.Name == r.Name && l.Edges.SequenceEqual(r.Edges),
        (CategoricalStatistics l, CategoricalStatistics r) => l.Name == r.Name && l.Categories.SequenceEqual(r.Categories, StringComparer.Ordinal),
        _ => false,
    };

    private static NumericStatistics MergeNumeric(NumericStatistics[] parts)
    {
        var first = parts[0];
        var count = parts.Sum(part => part.Count);
        var missing = parts.Sum(part => part.Missing);
        var bins = Enumerable.Range(0, first.BinCounts.Count).Select(bin => parts.Sum(part => part.BinCounts[bin])).ToArray();
        var present = parts.Where(part => part.Count > 0).ToArray();
        if (present.Length == 0)
        {
            return new NumericStatistics(first.Name, first.Kind, first.Transform, first.DriftThreshold, 0, missing, 0, 0, 0, 0, first.Edges.ToArray(), bins);
        }

        var minimum = present.Min(part => part.Minimum);
        var maximum = present.Max(part => part.Maximum);
        var mean = present.Sum(part => part.Count * part.Mean) / count;

        // Each part's spread about the merged mean: its own variance, and how far its mean is from the merged one.
        var variance = present.Sum(part => part.Count * ((part.StandardDeviation * part.StandardDeviation) + ((part.Mean - mean) * (part.Mean - mean)))) / count;
        return new NumericStatistics(first.Name, first.Kind, first.Transform, first.DriftThreshold, count, missing, Math.Min(maximum, Math.Max(minimum, mean)), Math.Sqrt(variance), minimum, maximum, first.Edges.ToArray(), bins);
    }

    private static CategoricalStatistics MergeCategorical(CategoricalStatistics[] parts)
    {
        var first = parts[0];
        var counts = Enumerable.Range(0, first.Categories.Count).Select(category => parts.Sum(part => part.CategoryCounts[category])).ToArray();
        return new CategoricalStatistics(first.Name, first.Kind, first.Transform, first.DriftThreshold, parts.Sum(part => part.Count), parts.Sum(part => part.Missing), first.Categories.ToArray(), counts, parts.Sum(part => part.Other), OutOfVocabulary(parts));
    }

    // Snapshots from a Skewless that did not count them apart have them in other, where the merge leaves them all.
    private static long? OutOfVocabulary(CategoricalStatistics[] parts) =>
        parts.All(part => part.OutOfVocabulary is not null) ? parts.Sum(part => part.OutOfVocabulary!.Value) : null;

    // Slices keep the monitor's order: schema order, then slot order.
    private static ResidualStatistics MergeResiduals(ServingStatistics first, ResidualStatistics[] parts)
    {
        var order = new Dictionary<(string, string), int>();
        foreach (var slot in first.Features.SelectMany(feature => Slots.Labels(feature).Select(label => (feature.Name, label))))
        {
            if (!order.ContainsKey(slot))
            {
                order.Add(slot, order.Count);
            }
        }

        var slices = parts.SelectMany(part => part.Slices)
            .GroupBy(slice => (slice.Feature, slice.Slice))
            .OrderBy(group => order.TryGetValue(group.Key, out var index) ? index : int.MaxValue)
            .Select(group => new ResidualSlice(group.Key.Feature, group.Key.Slice, group.Sum(slice => slice.Count), Mean(group, slice => slice.Count, slice => slice.MeanResidual), Mean(group, slice => slice.Count, slice => slice.MeanAbsoluteResidual)))
            .ToArray();
        var count = parts.Sum(part => part.Count);
        return count == 0
            ? new ResidualStatistics(0, 0, 0, 0, 0, slices)
            : new ResidualStatistics(count, Mean(parts, part => part.Count, part => part.MeanPrediction), Mean(parts, part => part.Count, part => part.MeanOutcome), Mean(parts, part => part.Count, part => part.MeanResidual), Mean(parts, part => part.Count, part => part.MeanAbsoluteResidual), slices);
    }

    private static double Mean<T>(IEnumerable<T> parts, Func<T, long> count, Func<T, double> mean) =>
        parts.Sum(part => count(part) * mean(part)) / parts.Sum(count);

    /// <summary>Writes the snapshot as JSON, which <see cref="StatisticsFile.Load"/> and <c>skewless compare</c> read.</summary>
    /// <param name="destination">The stream to write to. It is flushed, not closed.</param>
    public void Save(Stream destination)
    {
        Guard.NotNull(destination, nameof(destination));
        StatisticsFile.Write(destination, this);
    }
}

/// <summary>The outcomes recorded with <see cref="FeatureMonitor{TRow}.RecordOutcome"/>: overall, and sliced by each feature's bin or category.</summary>
public sealed class ResidualStatistics
{
    private readonly ResidualSlice[] _slices;

    internal ResidualStatistics(long count, double meanPrediction, double meanOutcome, double meanResidual, double meanAbsoluteResidual, ResidualSlice[] slices)
    {
        Count = count;
        MeanPrediction = meanPrediction;
        MeanOutcome = meanOutcome;
        MeanResidual = meanResidual;
        MeanAbsoluteResidual = meanAbsoluteResidual;
        _slices = slices;
    }

    /// <summary>The number of outcomes recorded.</summary>
    public long Count { get; }

    /// <summary>The mean prediction; 0 without outcomes.</summary>
    public double MeanPrediction { get; }

    /// <summary>The mean outcome; 0 without outcomes.</summary>
    public double MeanOutcome { get; }

    /// <summary>The mean of outcome minus prediction: positive when the model predicts too low.</summary>
    public double MeanResidual { get; }

    /// <summary>The mean absolute residual.</summary>
    public double MeanAbsoluteResidual { get; }

    /// <summary>For each feature, each bin or category with outcomes, in schema and then slot order. Where the mean residual of a slice stands out, the model is wrong for those inputs.</summary>
    public IReadOnlyList<ResidualSlice> Slices => _slices;
}

/// <summary>The residuals of the outcomes whose row had a feature's value in one bin or category.</summary>
public sealed class ResidualSlice
{
    internal ResidualSlice(string feature, string slice, long count, double meanResidual, double meanAbsoluteResidual)
    {
        Feature = feature;
        Slice = slice;
        Count = count;
        MeanResidual = meanResidual;
        MeanAbsoluteResidual = meanAbsoluteResidual;
    }

    /// <summary>The feature's name.</summary>
    public string Feature { get; }

    /// <summary>The bin (such as <c>[1.5, 3)</c>), category, <c>other</c> or <c>missing</c>.</summary>
    public string Slice { get; }

    /// <summary>The number of outcomes in the slice.</summary>
    public long Count { get; }

    /// <summary>The mean of outcome minus prediction in the slice.</summary>
    public double MeanResidual { get; }

    /// <summary>The mean absolute residual in the slice.</summary>
    public double MeanAbsoluteResidual { get; }

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"{Feature} {Slice}: {Count:N0} outcomes, mean residual {MeanResidual:+0.000;-0.000}, mean absolute {MeanAbsoluteResidual:0.000}");
}
