using System.ComponentModel;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Skewless.Transforms;

namespace Skewless.Monitoring;

/// <summary>
/// Watches serving traffic: the distribution of every feature's value, bound to the training
/// histogram edges and categories (so its memory is fixed, whatever the traffic), in time windows,
/// and the residuals of outcomes recorded later. Rows are observed by the generated
/// <c>Transform(row, monitor)</c> overloads, which run the same kernel as plain serving.
/// </summary>
/// <remarks>
/// Thread-safe without a global lock on the serving path: each thread stores its rows' values in its
/// own buffer and counts a full buffer into its own tally, and tallies are added together only when a
/// thread moves to the next window (its buffer counted first) or a snapshot is taken (which also reads
/// the rows still buffered, leaving them in place). The tally of a thread that has ended is added to its
/// window and dropped when a window starts, a snapshot or metric is taken, or another thread serves its
/// first row, so memory follows the threads alive, not every thread that ever served. Counts are exact.
/// A snapshot of the current window taken while threads are still serving may miss their last few rows,
/// or count a row overwritten meanwhile in place of the row it replaced; once they stop, it is exact. A row counts once the
/// kernel has shown all its values, so a row whose feature method throws is not counted. Publishes its counts and
/// distances through a <see cref="Meter"/> named <c>Skewless</c> until disposed.
/// </remarks>
/// <typeparam name="TRow">The feature set's input type.</typeparam>
public sealed class FeatureMonitor<TRow> : IDisposable
{
    /// <summary>The name of the <see cref="Meter"/> every monitor publishes through.</summary>
    public const string MeterName = "Skewless";

    // A timer cannot wait longer than about 49.7 days.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(30);

    private readonly IFittedFeatureSet<TRow> _featureSet;
    private readonly MonitorLayout _layout;
    private readonly ThreadLocal<ThreadTally> _threads;
    private readonly object _lock = new();

    // Under the lock: every thread's tally, which ThreadLocal would keep after its thread ends if it tracked them.
    private readonly List<ThreadTally> _tallies = new();

    private readonly Tally[] _retained;
    private readonly Tally _total;

    // When window 0, the one the monitor was created in, started.
    private readonly DateTimeOffset _origin;

    private readonly TimeSpan _windowLength;
    private readonly TimeProvider _time;
    private readonly ComparisonOptions _comparison;
    private readonly ITimer _timer;
    private readonly Meter _meter;
    private long _window;
    private bool _disposed;

    // Another fitted instance whose rows were found to be of the monitored fit: the same artifact, loaded again.
    private IFittedFeatureSet<TRow>? _sameFit;

    /// <summary>Starts monitoring a fitted feature set, bound to its training statistics.</summary>
    /// <param name="featureSet">The fitted feature set whose <c>Transform(row, monitor)</c> will be observed.</param>
    /// <param name="options">Window length, retention and clock; <see langword="null"/> for the defaults.</param>
    public FeatureMonitor(IFittedFeatureSet<TRow> featureSet, MonitorOptions? options = null)
    {
        Guard.NotNull(featureSet, nameof(featureSet));
        options ??= new MonitorOptions();
        if (options.WindowLength <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.WindowLength, "The window length must be positive.");
        }

        if (options.RetainedWindows < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RetainedWindows, "At least one window must be retained.");
        }

        _featureSet = featureSet;
        Schema = featureSet.Schema;
        _layout = new MonitorLayout(featureSet.Statistics, featureSet.Transforms);
        _time = options.TimeProvider ?? TimeProvider.System;
        _windowLength = options.WindowLength;
        _comparison = options.Comparison ?? new ComparisonOptions();
        _comparison.CheckThresholds(featureSet.Statistics, nameof(options));
        // Windows are whole multiples of their length from the options' origin, so that replicas started at different
        // times have the same windows, whose snapshots merge. The division rounds down also before the origin.
        var now = _time.GetUtcNow();
        var sinceOrigin = (now - options.WindowOrigin).Ticks;
        var windows = sinceOrigin >= 0 ? sinceOrigin / _windowLength.Ticks : ((sinceOrigin + 1) / _windowLength.Ticks) - 1;
        _origin = options.WindowOrigin + TimeSpan.FromTicks(windows * _windowLength.Ticks);
        _retained = Enumerable.Range(0, options.RetainedWindows).Select(_ => new Tally(_layout, -1)).ToArray();
        _total = new Tally(_layout, -1);
        _threads = new ThreadLocal<ThreadTally>(Register);
        _timer = _time.CreateTimer(_ => Advance(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        lock (_lock)
        {
            ArmTimer(now - _origin);
        }

        _meter = new Meter(MeterName);
        Publish();
    }

    /// <summary>The number of thread tallies held, for tests.</summary>
    internal int ThreadTallies
    {
        get
        {
            lock (_lock)
            {
                return _tallies.Count;
            }
        }
    }

    /// <summary>The schema of the feature set observed.</summary>
    public FeatureSchema Schema { get; }

    /// <summary>The training statistics the monitor is bound to and compares with.</summary>
    public TrainingStatistics Training => _layout.Training;

    /// <summary>Starts observing one row on this thread, for <see cref="FeatureObserver.BeginRow"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal FeatureObserver BeginRow(IFittedFeatureSet<TRow> featureSet)
    {
        if (!ReferenceEquals(featureSet, _featureSet))
        {
            CheckSameFit(featureSet);
        }

        return Current().Distribution;
    }

    // Out of line, so that the comparison does not weigh on the inlining of the generated Transform it sits in. Rows of
    // another fit would be counted against this fit's statistics, and a vocabulary's positions against other categories:
    // false alarms or hidden skew. The same artifact loaded again is the same fit; the last one accepted is remembered,
    // so that its rows cost a reference compare too.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CheckSameFit(IFittedFeatureSet<TRow> featureSet)
    {
        if (ReferenceEquals(featureSet, Volatile.Read(ref _sameFit)))
        {
            return;
        }

        if (!ReferenceEquals(featureSet?.Schema, Schema))
        {
            throw new ArgumentException($"This monitor watches {Schema.FeatureSet}; it cannot observe rows of {featureSet?.Schema.FeatureSet ?? "null"}.", nameof(featureSet));
        }

        if (Difference(_featureSet, featureSet!) is { } difference)
        {
            throw new ArgumentException($"This monitor watches the fit of {Schema.FeatureSet} it was created from; the rows come from another fit, whose {difference}, so they would be counted against the wrong statistics. Create a monitor from the fitted feature set that serves (such as a reloaded artifact).", nameof(featureSet));
        }

        Volatile.Write(ref _sameFit, featureSet);
    }

    // What differs between two fits of one feature set, fitted constants first, or null when they are the same fit.
    private string? Difference(IFittedFeatureSet<TRow> monitored, IFittedFeatureSet<TRow> other)
    {
        var features = Schema.Features;
        for (var i = 0; i < features.Count; i++)
        {
            if (!Json(monitored.Transforms[i], (json, transform) => transform.WriteTo(json)).SequenceEqual(Json(other.Transforms[i], (json, transform) => transform.WriteTo(json))))
            {
                return $"fitted constants of '{features[i].Name}' differ";
            }
        }

        for (var i = 0; i < features.Count; i++)
        {
            if (!Json(monitored.Statistics.Features[i], StatisticsJson.WriteFeature).SequenceEqual(Json(other.Statistics.Features[i], StatisticsJson.WriteFeature)))
            {
                return $"training statistics of '{features[i].Name}' differ";
            }
        }

        return null;
    }

    private static byte[] Json<T>(T? value, Action<Utf8JsonWriter, T> write)
        where T : class
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            if (value is null)
            {
                json.WriteNullValue();
            }
            else
            {
                write(json, value);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Records the outcome of a row served earlier, once it is known: the residual (outcome minus
    /// prediction) is added to the slices of the row's feature values. A non-finite prediction or
    /// outcome is ignored.
    /// </summary>
    /// <remarks>
    /// The outcome counts in the window current when it is recorded, not in the one its row was served in: a window's
    /// residuals are those of the outcomes that arrived during it, and with outcomes a day late its outcomes may
    /// outnumber its rows.
    /// </remarks>
    /// <param name="row">The row, as it was served.</param>
    /// <param name="prediction">What the model predicted for it.</param>
    /// <param name="outcome">What actually happened.</param>
    public void RecordOutcome(in TRow row, double prediction, double outcome)
    {
        var residual = outcome - prediction;
        if (MissingValues.IsMissing(residual))
        {
            return;
        }

        var thread = Current();
        var tally = thread.Tally;
        tally.Outcomes++;
        tally.PredictionSum += prediction;
        tally.OutcomeSum += outcome;
        tally.ResidualSum += residual;
        tally.AbsoluteResidualSum += Math.Abs(residual);
        thread.Residuals.Residual = residual;
        _featureSet.Observe(in row, thread.Residuals);
    }

    /// <summary>The statistics of the current window so far.</summary>
    public ServingStatistics Snapshot() => Snapshot(0);

    /// <summary>The statistics of a retained window.</summary>
    /// <param name="windowsAgo">0 for the current window, 1 for the one before, up to <see cref="MonitorOptions.RetainedWindows"/> - 1.</param>
    public ServingStatistics Snapshot(int windowsAgo)
    {
        if (windowsAgo < 0 || windowsAgo >= _retained.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(windowsAgo), windowsAgo, $"The monitor retains {_retained.Length} windows: 0 is the current one, {_retained.Length - 1} the oldest.");
        }

        var window = Volatile.Read(ref _window) - windowsAgo;
        return Collect(window, window);
    }

    /// <summary>The statistics of every retained window together.</summary>
    public ServingStatistics SnapshotAll()
    {
        var current = Volatile.Read(ref _window);
        return Collect(Math.Max(0, current - _retained.Length + 1), current);
    }

    /// <summary>Compares the current window with the training statistics.</summary>
    public DriftReport Skew(ComparisonOptions? options = null) => DriftReport.Compare(Training, Snapshot(), options ?? _comparison);

    /// <summary>Compares the current window with the one before it.</summary>
    public DriftReport Drift(ComparisonOptions? options = null) => DriftReport.Compare(Snapshot(1), Snapshot(0), options ?? _comparison);

    /// <summary>
    /// Stops the window timer and the published metrics. Rows are still counted into the last window, on every thread,
    /// so that requests in flight while a host shuts down are served, and a last <see cref="Snapshot()"/> can be saved.
    /// </summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
        }

        // Not the ThreadLocal: a disposed one throws on the threads that have not served yet, failing their requests.
        // Its slots go when the monitor is collected.
        _timer.Dispose();
        _meter.Dispose();
    }

    // The serving path: the thread's tally, already in the current window but for the first row of each window.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ThreadTally Current()
    {
        var thread = ThreadTally.Last;
        if (thread is null || !ReferenceEquals(thread.Monitor, this) || thread.Tally.Window != Volatile.Read(ref _window))
        {
            thread = Switch();
        }

        return thread;
    }

    // Off the serving path: another monitor's tally was last on this thread, or a new window has begun.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ThreadTally Switch()
    {
        var thread = ThreadTally.Last;
        if (thread is null || !ReferenceEquals(thread.Monitor, this))
        {
            thread = _threads.Value!;
            ThreadTally.Last = thread;
        }

        var window = Volatile.Read(ref _window);
        if (thread.Tally.Window != window)
        {
            lock (_lock)
            {
                // The buffered rows were observed in the tally's window, so they are counted in it before it retires.
                thread.Distribution.Flush();
                Retire(thread.Tally);
                thread.Tally.Clear();
                thread.Tally.Window = window;
            }
        }

        return thread;
    }

    // A thread's first row: its tally is new, and the tallies of threads that have ended are folded.
    private ThreadTally Register()
    {
        var thread = new ThreadTally(this, new Tally(_layout, Volatile.Read(ref _window)));
        lock (_lock)
        {
            FoldEndedThreads();
            _tallies.Add(thread);
        }

        return thread;
    }

    // Under the lock: a thread that has ended serves no more rows, so its buffered rows are counted, its tally joins
    // its window and the running total, and it is dropped.
    private void FoldEndedThreads()
    {
        for (var i = _tallies.Count - 1; i >= 0; i--)
        {
            var thread = _tallies[i];
            if (!thread.Owner.IsAlive)
            {
                thread.Distribution.Flush();
                Retire(thread.Tally);
                _tallies.RemoveAt(i);
            }
        }
    }

    // Under the lock: a thread's counts of a past window join that window, if it is still retained, and the running total.
    private void Retire(Tally tally)
    {
        if (tally.IsEmpty)
        {
            return;
        }

        _total.Add(tally);
        if (tally.Window <= Volatile.Read(ref _window) - _retained.Length)
        {
            return;
        }

        var slot = _retained[tally.Window % _retained.Length];
        if (slot.Window != tally.Window)
        {
            slot.Clear();
            slot.Window = tally.Window;
        }

        slot.Add(tally);
    }

    private void Advance()
    {
        var elapsed = _time.GetUtcNow() - _origin;
        var window = elapsed.Ticks / _windowLength.Ticks;
        lock (_lock)
        {
            if (window > _window)
            {
                Volatile.Write(ref _window, window);
                FoldEndedThreads();
            }

            if (!_disposed)
            {
                ArmTimer(elapsed);
            }
        }
    }

    // One shot at a time, due when the next window starts: a timer waits at most about 49.7 days, so a window of a
    // month or a year is reached in several shots, each of which only finds that the window has not changed yet.
    private void ArmTimer(TimeSpan elapsed)
    {
        var next = TimeSpan.FromTicks(((elapsed.Ticks / _windowLength.Ticks) + 1) * _windowLength.Ticks) - elapsed;
        _timer.Change(next < LongestWait ? next : LongestWait, Timeout.InfiniteTimeSpan);
    }

    private ServingStatistics Collect(long first, long last)
    {
        var sum = new Tally(_layout, last);
        lock (_lock)
        {
            FoldEndedThreads();
            var oldest = Volatile.Read(ref _window) - _retained.Length;
            foreach (var slot in _retained)
            {
                if (slot.Window >= first && slot.Window <= last && slot.Window > oldest)
                {
                    sum.Add(slot);
                }
            }

            foreach (var thread in _tallies)
            {
                if (thread.Tally.Window >= first && thread.Tally.Window <= last)
                {
                    sum.Add(thread.Tally);
                    thread.Distribution.AddPending(sum);
                }
            }
        }

        return ServingSnapshot.Create(sum, _origin + TimeSpan.FromTicks(_windowLength.Ticks * first), _origin + TimeSpan.FromTicks(_windowLength.Ticks * (last + 1)));
    }

    private Tally Totals()
    {
        var sum = new Tally(_layout, -1);
        lock (_lock)
        {
            FoldEndedThreads();
            sum.Add(_total);
            foreach (var thread in _tallies)
            {
                sum.Add(thread.Tally);
                thread.Distribution.AddPending(sum);
            }
        }

        return sum;
    }

    private void Publish()
    {
        var featureSet = new KeyValuePair<string, object?>("skewless.feature_set", Schema.FeatureSet);
        _meter.CreateObservableCounter("skewless.monitor.rows", () => new Measurement<long>(Totals().Rows, featureSet), "{row}", "Rows observed by the monitor.");
        _meter.CreateObservableCounter("skewless.monitor.outcomes", () => new Measurement<long>(Totals().Outcomes, featureSet), "{outcome}", "Outcomes recorded by the monitor.");
        _meter.CreateObservableCounter("skewless.monitor.missing", MissingMeasurements, "{value}", "Missing feature values observed: NaN or infinite numbers, null or empty strings, undeclared enum values.");
        _meter.CreateObservableGauge("skewless.monitor.distance", DistanceMeasurements, null, "Each feature's distance between the current window and training: L-infinity for categorical features, Jensen-Shannon (nats) for numeric ones; none while the window has fewer rows than ComparisonOptions.MinimumRows.");
        _meter.CreateObservableGauge("skewless.monitor.threshold", ThresholdMeasurements, null, "Each feature's drift threshold, with the same tags as skewless.monitor.distance, so that an alert can compare the two.");
    }

    private IEnumerable<Measurement<long>> MissingMeasurements()
    {
        var totals = Totals();
        return Training.Features.Select((feature, index) => new Measurement<long>(totals.Counts[_layout.Features[index].Offset], Tags(feature.Name)));
    }

    // A distance measured on too few rows is mostly the sample's noise: published, it would set off alerts at the start of every window.
    private IEnumerable<Measurement<double>> DistanceMeasurements() => Skew().Features
        .Where(feature => !double.IsNaN(feature.Distance) && !feature.TooFewRows)
        .Select(feature => new Measurement<double>(feature.Distance, Tags(feature)));

    private IEnumerable<Measurement<double>> ThresholdMeasurements() => Skew().Features
        .Select(feature => new Measurement<double>(feature.Threshold, Tags(feature)));

    private KeyValuePair<string, object?>[] Tags(string feature) => new[]
    {
        new KeyValuePair<string, object?>("skewless.feature_set", Schema.FeatureSet),
        new KeyValuePair<string, object?>("skewless.feature", feature),
    };

    private KeyValuePair<string, object?>[] Tags(FeatureDrift feature) =>
        Tags(feature.Name).Append(new KeyValuePair<string, object?>("skewless.metric", DriftReport.MetricName(feature.Metric))).ToArray();
}
