namespace Skewless.Transforms;

/// <summary>The smallest and largest finite values added, independent of their order.</summary>
internal sealed class ValueRange
{
    public double Minimum { get; private set; } = double.PositiveInfinity;

    public double Maximum { get; private set; } = double.NegativeInfinity;

    /// <summary>Adds a finite value.</summary>
    public void Add(double value)
    {
        // +0 and -0 compare equal; normalising makes the result independent of the order of the rows.
        value += 0.0;
        if (value < Minimum)
        {
            Minimum = value;
        }

        if (value > Maximum)
        {
            Maximum = value;
        }
    }

    public void Merge(ValueRange other)
    {
        Minimum = Math.Min(Minimum, other.Minimum);
        Maximum = Math.Max(Maximum, other.Maximum);
    }
}
