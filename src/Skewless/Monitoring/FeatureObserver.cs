using System.ComponentModel;

namespace Skewless.Monitoring;

/// <summary>
/// Receives each feature's value as the generated kernel computes a row, so that monitoring sees
/// exactly what training and serving compute, and counts it into one thread's tally. Called by
/// generated code; features are numbered in schema order.
/// </summary>
/// <remarks>Sealed, with the residual mode as a flag rather than a subclass, so the kernel's calls are direct and can be inlined.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FeatureObserver
{
    private readonly Tally _tally;
    private readonly FeatureLayout[] _features;
    private readonly long[] _counts;
    private readonly double[] _moments;
    private readonly bool _residuals;

    internal FeatureObserver(Tally tally, bool residuals)
    {
        _tally = tally;
        _features = tally.Layout.Features;
        _counts = tally.Counts;
        _moments = tally.Moments;
        _residuals = residuals;
    }

    /// <summary>In residual mode, the residual of the row being observed.</summary>
    internal double Residual { get; set; }

    /// <summary>A numeric feature's value, before its transform.</summary>
    public void Number(int feature, double value)
    {
        ref readonly var layout = ref _features[feature];

        // value - value is 0 exactly when the value is finite: NaN and the infinities are missing.
        if (value - value != 0)
        {
            Count(layout.Offset);
            return;
        }

        var slot = layout.SlotOfFinite(value);
        if (_residuals)
        {
            AddResidual(slot);
            return;
        }

        _counts[slot]++;
        var moments = _moments;
        var m = layout.Moments;
        var shifted = value - layout.Shift;
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

    /// <summary>
    /// A categorical feature's value as a position: a bool's (0 for false, 1 for true), an enum's
    /// declared position (-1 when undeclared), or a vocabulary feature's index (-1 when missing).
    /// </summary>
    public void Category(int feature, int position) => Count(_features[feature].SlotOfPosition(position));

    /// <summary>A string feature's value, for a string without a vocabulary.</summary>
    public void Text(int feature, string? value) => Count(_features[feature].SlotOfText(value));

    /// <summary>A hashed string feature's value and the bucket the kernel hashed it into (-1 when missing).</summary>
    public void Text(int feature, string? value, int bucket) => Count(_features[feature].SlotOfBucket(value, bucket));

    private void Count(int slot)
    {
        if (_residuals)
        {
            AddResidual(slot);
        }
        else
        {
            _counts[slot]++;
        }
    }

    private void AddResidual(int slot)
    {
        _tally.ResidualCounts[slot]++;
        _tally.ResidualSums[slot] += Residual;
        _tally.AbsoluteResidualSums[slot] += Math.Abs(Residual);
    }
}
