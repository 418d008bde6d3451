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

    /// <summary>When the first window summarised began.</summary>
    public DateTimeOffset WindowStart { get; }

    /// <summary>When the last window summarised ends.</summary>
    public DateTimeOffset WindowEnd { get; }

    /// <summary>The outcomes recorded in the windows, and their residuals by feature value.</summary>
    public ResidualStatistics Residuals { get; }

    /// <inheritdoc />
    public override string Source => FormattableString.Invariant($"serving {WindowStart.UtcDateTime:yyyy-MM-dd HH:mm}Z to {WindowEnd.UtcDateTime:yyyy-MM-dd HH:mm}Z");

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
