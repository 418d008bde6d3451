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

    /// <summary>Observes a row's feature values into the distribution counts.</summary>
    public sealed class DistributionObserver : FeatureObserver
    {
        private readonly Tally _tally;
        private readonly MonitorLayout _layout;

        public DistributionObserver(Tally tally)
        {
            _tally = tally;
            _layout = tally.Layout;
        }

        public override void Number(int feature, double value)
        {
            var slot = _layout.SlotOfNumber(feature, value);
            _tally.Counts[slot]++;
            if (slot == _layout.Offsets[feature])
            {
                return;
            }

            var m = _layout.MomentOffsets[feature];
            var moments = _tally.Moments;
            var shifted = value - _layout.Shifts[feature];
            moments[m] += shifted;
            moments[m + 1] += shifted * shifted;
            value += 0.0;
            if (value < moments[m + 2])
            {
                moments[m + 2] = value;
            }

            if (value > moments[m + 3])
            {
                moments[m + 3] = value;
            }
        }

        public override void Category(int feature, int position) => _tally.Counts[_layout.SlotOfCategory(feature, position)]++;

        public override void Text(int feature, string? value) => _tally.Counts[_layout.SlotOfText(feature, value)]++;
    }

    /// <summary>Observes the feature values of a row whose outcome arrived into the residual sums of their slots.</summary>
    public sealed class ResidualObserver : FeatureObserver
    {
        private readonly Tally _tally;
        private readonly MonitorLayout _layout;

        public ResidualObserver(Tally tally)
        {
            _tally = tally;
            _layout = tally.Layout;
        }

        public double Residual { get; set; }

        public override void Number(int feature, double value) => Add(_layout.SlotOfNumber(feature, value));

        public override void Category(int feature, int position) => Add(_layout.SlotOfCategory(feature, position));

        public override void Text(int feature, string? value) => Add(_layout.SlotOfText(feature, value));

        private void Add(int slot)
        {
            _tally.ResidualCounts[slot]++;
            _tally.ResidualSums[slot] += Residual;
            _tally.AbsoluteResidualSums[slot] += Math.Abs(Residual);
        }
    }
}
