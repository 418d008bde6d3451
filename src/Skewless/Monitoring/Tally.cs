namespace Skewless.Monitoring;

/// <summary>
/// Counts of one window, laid out by a <see cref="MonitorLayout"/>. Each serving thread writes its own
/// tally with plain increments; the monitor adds tallies together under its lock only when a thread
/// moves to a new window or a snapshot is taken.
/// </summary>
internal sealed class Tally
{
    public Tally(MonitorLayout layout, long window)
    {
        Layout = layout;
        Window = window;
        Counts = new long[layout.SlotTotal];
        Moments = new double[layout.MomentTotal];
        ResidualCounts = new long[layout.SlotTotal];
        ResidualSums = new double[layout.SlotTotal];
        AbsoluteResidualSums = new double[layout.SlotTotal];
        Clear();
    }

    public MonitorLayout Layout { get; }

    public long Window { get; set; }

    public long Rows { get; set; }

    public long[] Counts { get; }

    public double[] Moments { get; }

    public long Outcomes { get; set; }

    public double PredictionSum { get; set; }

    public double OutcomeSum { get; set; }

    public double ResidualSum { get; set; }

    public double AbsoluteResidualSum { get; set; }

    public long[] ResidualCounts { get; }

    public double[] ResidualSums { get; }

    public double[] AbsoluteResidualSums { get; }

    public bool IsEmpty => Rows == 0 && Outcomes == 0;

    public void Clear()
    {
        Rows = 0;
        Outcomes = 0;
        PredictionSum = OutcomeSum = ResidualSum = AbsoluteResidualSum = 0;
        Array.Clear(Counts, 0, Counts.Length);
        Array.Clear(ResidualCounts, 0, ResidualCounts.Length);
        Array.Clear(ResidualSums, 0, ResidualSums.Length);
        Array.Clear(AbsoluteResidualSums, 0, AbsoluteResidualSums.Length);
        for (var m = 0; m < Moments.Length; m += MonitorLayout.MomentsPerFeature)
        {
            Moments[m] = 0;
            Moments[m + 1] = 0;
            Moments[m + 2] = double.PositiveInfinity;
            Moments[m + 3] = double.NegativeInfinity;
        }
    }

    public void Add(Tally other)
    {
        Rows += other.Rows;
        Outcomes += other.Outcomes;
        PredictionSum += other.PredictionSum;
        OutcomeSum += other.OutcomeSum;
        ResidualSum += other.ResidualSum;
        AbsoluteResidualSum += other.AbsoluteResidualSum;
        for (var i = 0; i < Counts.Length; i++)
        {
            Counts[i] += other.Counts[i];
            ResidualCounts[i] += other.ResidualCounts[i];
            ResidualSums[i] += other.ResidualSums[i];
            AbsoluteResidualSums[i] += other.AbsoluteResidualSums[i];
        }

        for (var m = 0; m < Moments.Length; m += MonitorLayout.MomentsPerFeature)
        {
            Moments[m] += other.Moments[m];
            Moments[m + 1] += other.Moments[m + 1];
            Moments[m + 2] = Math.Min(Moments[m + 2], other.Moments[m + 2]);
            Moments[m + 3] = Math.Max(Moments[m + 3], other.Moments[m + 3]);
        }
    }
}
