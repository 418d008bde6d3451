#if NET
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#endif

namespace Skewless.Monitoring;

/// <summary>
/// Counts of one window, laid out by a <see cref="MonitorLayout"/>. Each serving thread counts its
/// observer's buffered rows into its own tally, without a lock; the monitor adds tallies together
/// under its lock only when a thread moves to a new window or a snapshot is taken.
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

    /// <summary>
    /// Counts a numeric feature's buffered values: missing ones (NaN, ±∞), the bins, the shifted sum and sum of squares,
    /// the range. Bins come from how many values reach each edge, counted edge by edge over the whole column, which
    /// vectorizes where a value's own bin (a count of the edges below it) does not.
    /// </summary>
    public void AddNumbers(in FeatureLayout feature, ReadOnlySpan<double> values)
    {
        var m = feature.Moments;
        var shift = feature.Shift;
        long finite = 0, infinite = 0;
        double sum = 0, squares = 0, minimum = Moments[m + 2], maximum = Moments[m + 3];
        var i = 0;
#if NET
        ref var first = ref MemoryMarshal.GetReference(values);
        var whole = Vector256.IsHardwareAccelerated ? values.Length & ~3 : 0;
        if (whole > 0)
        {
            var finites = Vector256<long>.Zero;
            var infinites = Vector256<long>.Zero;
            var sums = Vector256<double>.Zero;
            var squaresSums = Vector256<double>.Zero;
            var minima = Vector256.Create(minimum);
            var maxima = Vector256.Create(maximum);
            var shifts = Vector256.Create(shift);
            for (; i < whole; i += 4)
            {
                // + 0.0 turns -0.0 into 0.0, as the scalar path does, so the range does not depend on which zero came first.
                var value = Vector256.LoadUnsafe(ref first, (nuint)i) + Vector256<double>.Zero;
                var isFinite = Vector256.Equals(value - value, Vector256<double>.Zero);
                finites -= isFinite.AsInt64();
                infinites -= Vector256.Equals(value, Vector256.Create(double.PositiveInfinity)).AsInt64();
                var shifted = (value - shifts) & isFinite;
                sums += shifted;
                squaresSums += shifted * shifted;
                minima = Vector256.MinNative(minima, Vector256.ConditionalSelect(isFinite, value, Vector256.Create(double.PositiveInfinity)));
                maxima = Vector256.MaxNative(maxima, Vector256.ConditionalSelect(isFinite, value, Vector256.Create(double.NegativeInfinity)));
            }

            finite = Vector256.Sum(finites);
            infinite = Vector256.Sum(infinites);
            sum = Vector256.Sum(sums);
            squares = Vector256.Sum(squaresSums);
            for (var lane = 0; lane < 4; lane++)
            {
                minimum = Math.Min(minimum, minima.GetElement(lane));
                maximum = Math.Max(maximum, maxima.GetElement(lane));
            }
        }
#endif
        for (; i < values.Length; i++)
        {
            var value = values[i] + 0.0;
            if (value - value != 0)
            {
                infinite += double.IsPositiveInfinity(value) ? 1 : 0;
                continue;
            }

            finite++;
            var shifted = value - shift;
            sum += shifted;
            squares += shifted * shifted;
            minimum = Math.Min(minimum, value);
            maximum = Math.Max(maximum, value);
        }

        Counts[feature.Offset] += values.Length - finite;
        Moments[m] += sum;
        Moments[m + 1] += squares;
        Moments[m + 2] = minimum;
        Moments[m + 3] = maximum;

        // Bin b holds the values that reach edge b - 1 but not edge b (the last bin has no upper edge). +∞ reaches
        // every edge, so it cancels out of every difference; NaN and -∞ reach none.
        var edges = feature.Edges!;
        var reached = finite + infinite;
        for (var bin = 0; bin < feature.Slots - 1; bin++)
        {
            var next = bin < feature.Slots - 2 ? Reaching(edges[bin], values) : infinite;
            Counts[feature.Offset + 1 + bin] += reached - next;
            reached = next;
        }
    }

    /// <summary>Counts a categorical feature's buffered positions (see <see cref="FeatureLayout.SlotOfPosition"/>).</summary>
    public void AddPositions(in FeatureLayout feature, ReadOnlySpan<int> positions)
    {
#if NET
        // Runs of 64 positions are counted a slot at a time, by vector compares (see SlotRuns): a fraction of an
        // instruction per row and slot, where an increment per row would wait on the previous row's store to the same
        // counter whenever values repeat (a bool, an enum, traffic in time order).
        if (Vector256.IsHardwareAccelerated && feature.Slots <= byte.MaxValue)
        {
            // A last run shorter than 64 is copied out, so that whole vectors are never read past the buffered rows.
            const int Run = SlotRuns.Length;
            Span<int> partial = positions.Length % Run == 0 ? default : stackalloc int[Run];
            var counts = Counts.AsSpan(feature.Offset, feature.Slots);
            for (var start = 0; start < positions.Length; start += Run)
            {
                var run = positions.Slice(start, Math.Min(Run, positions.Length - start));
                if (run.Length < Run)
                {
                    run.CopyTo(partial);
                }

                if (Vector512.IsHardwareAccelerated)
                {
                    SlotRuns.Count512(run.Length < Run ? partial : run, run.Length, counts, feature.Other, feature.FirstOutOfVocabulary);
                }
                else
                {
                    SlotRuns.Count256(run.Length < Run ? partial : run, run.Length, counts, feature.Other, feature.FirstOutOfVocabulary);
                }
            }

            return;
        }
#endif
        foreach (var position in positions)
        {
            Counts[feature.SlotOfPosition(position)]++;
        }
    }

    // How many values are at or above an edge. Sixteen values an iteration, into two sums: at four, the loop's own
    // counter, branch and one-cycle chain of sums cost more than its compares, and every feature runs it once per edge.
    private static long Reaching(double edge, ReadOnlySpan<double> values)
    {
        long count = 0;
        var i = 0;
#if NET
        var whole = Vector256.IsHardwareAccelerated ? values.Length & ~15 : 0;
        if (whole > 0)
        {
            ref var first = ref MemoryMarshal.GetReference(values);
            var edges = Vector256.Create(edge);
            var even = Vector256<long>.Zero;
            var odd = Vector256<long>.Zero;
            for (; i < whole; i += 16)
            {
                even -= Vector256.LessThanOrEqual(edges, Vector256.LoadUnsafe(ref first, (nuint)i)).AsInt64();
                odd -= Vector256.LessThanOrEqual(edges, Vector256.LoadUnsafe(ref first, (nuint)i + 4)).AsInt64();
                even -= Vector256.LessThanOrEqual(edges, Vector256.LoadUnsafe(ref first, (nuint)i + 8)).AsInt64();
                odd -= Vector256.LessThanOrEqual(edges, Vector256.LoadUnsafe(ref first, (nuint)i + 12)).AsInt64();
            }

            count = Vector256.Sum(even + odd);
        }
#endif
        for (; i < values.Length; i++)
        {
            count += edge <= values[i] ? 1 : 0;
        }

        return count;
    }
}
