namespace Skewless.Monitoring;

/// <summary>How a <see cref="FeatureMonitor{TRow}"/> divides serving traffic into time windows, and how its published distances are measured.</summary>
public sealed class MonitorOptions
{
    /// <summary>The length of one window: one hour unless set.</summary>
    public TimeSpan WindowLength { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many windows are kept, the current one included: 24 unless set. Older windows are dropped.</summary>
    public int RetainedWindows { get; set; } = 24;

    /// <summary>
    /// The clock. Windows start at whole multiples of <see cref="WindowLength"/> since the Unix epoch (UTC), so
    /// replicas' windows line up whenever each started, and their snapshots merge with
    /// <see cref="ServingStatistics.Merge"/>; the first window is the one the monitor is created in. The clock's
    /// timer moves the monitor to the next, so a serving thread never reads the clock per row. Tests and replays
    /// pass a fake clock and advance it.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The thresholds of the distances the monitor publishes as metrics.</summary>
    public ComparisonOptions Comparison { get; set; } = new();
}
