namespace Skewless.Monitoring;

/// <summary>How a <see cref="FeatureMonitor{TRow}"/> divides serving traffic into time windows, and how its published distances are measured.</summary>
public sealed class MonitorOptions
{
    /// <summary>The length of one window: one hour unless set.</summary>
    public TimeSpan WindowLength { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many windows are kept, the current one included: 24 unless set. Older windows are dropped.</summary>
    public int RetainedWindows { get; set; } = 24;

    /// <summary>
    /// The clock. Windows start at whole multiples of <see cref="WindowLength"/> from <see cref="WindowOrigin"/>,
    /// and the first is the one the monitor is created in. The clock's timer moves the monitor to the next, so a
    /// serving thread never reads the clock per row. Tests and replays pass a fake clock and advance it.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// An instant a window starts at: windows are whole multiples of <see cref="WindowLength"/> before or after it.
    /// The Unix epoch (1970-01-01, a Thursday, UTC) unless set, so that replicas' windows line up whenever each
    /// started and their snapshots merge with <see cref="ServingStatistics.Merge"/>. Set it to start weekly windows
    /// on a Monday, daily ones at midnight in another time zone, or a replay's windows on its first day.
    /// </summary>
    public DateTimeOffset WindowOrigin { get; set; } = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The thresholds of the distances the monitor publishes as metrics.</summary>
    public ComparisonOptions Comparison { get; set; } = new();
}
