using System.Numerics;

namespace Skewless.Transforms;

/// <summary>
/// Count, exact sum and exact sum of squares of the finite values seen, plus the count of missing
/// ones. Exact sums make merged partitions identical to one pass, and give the mean and population
/// variance correctly rounded, with no cancellation.
/// </summary>
internal sealed class Moments
{
    private readonly ExactSum _sum = new();
    private readonly ExactSum _squares = new();

    public long Count { get; private set; }

    public long Missing { get; private set; }

    /// <summary>Adds a value; NaN and infinities count as missing.</summary>
    /// <returns>Whether the value was finite.</returns>
    public bool Add(double value)
    {
        if (MissingValues.IsMissing(value))
        {
            Missing++;
            return false;
        }

        Count++;
        _sum.Add(value);
        _squares.AddSquare(value);
        return true;
    }

    public void Merge(Moments other)
    {
        Count += other.Count;
        Missing += other.Missing;
        _sum.Merge(other._sum);
        _squares.Merge(other._squares);
    }

    /// <summary>The mean of the finite values, or 0 when there were none.</summary>
    public double Mean()
    {
        if (Count == 0)
        {
            return 0;
        }

        return ExactRational.ToDouble(_sum.Value(), Count, ExactSum.Exponent);
    }

    /// <summary>The population variance of the finite values, or 0 when there were none: <c>(n·Σx² − (Σx)²) / n²</c>, computed exactly, rounded once.</summary>
    public double Variance()
    {
        if (Count == 0)
        {
            return 0;
        }

        var sum = _sum.Value();
        var squares = _squares.Value();

        // Σx = S·2^e and Σx² = Q·2^e, so n·Σx² − (Σx)² = (n·Q·2^-e − S²)·2^2e.
        var numerator = ((Count * squares) << -ExactSum.Exponent) - (sum * sum);
        return ExactRational.ToDouble(numerator, new BigInteger(Count) * Count, 2 * ExactSum.Exponent);
    }
}
