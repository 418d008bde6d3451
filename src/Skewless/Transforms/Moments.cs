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

        var (numerator, denominator, exponent) = ExactVariance();
        return ExactRational.ToDouble(numerator, denominator, exponent);
    }

    /// <summary>The population standard deviation of the finite values, or 0 when there were none: the square root of the exact variance.</summary>
    public double StandardDeviation()
    {
        if (Count == 0)
        {
            return 0;
        }

        var (numerator, denominator, exponent) = ExactVariance();
        if (numerator.IsZero)
        {
            return 0;
        }

        // The variance of values beyond 1e154 overflows a double, and that of a spread below 1e-154
        // underflows, although the deviation itself is an ordinary double. So take the root of the
        // variance scaled by 2^-2k to near 1, and scale the root back by 2^k exactly. Where the variance
        // is a normal double this gives the same bits as Math.Sqrt(Variance()).
        var k = (ExactRational.BitLength(numerator) - ExactRational.BitLength(denominator) + exponent) / 2;
        var root = Math.Sqrt(ExactRational.ToDouble(numerator, denominator, exponent - (2 * k)));
        var (mantissa, rootExponent) = ExactSum.Decompose(root);
        return ExactRational.ToDouble(mantissa, BigInteger.One, rootExponent + k);
    }

    // Σx = S·2^e and Σx² = Q·2^e, so n·Σx² − (Σx)² = (n·Q·2^-e − S²)·2^2e.
    private (BigInteger Numerator, BigInteger Denominator, int Exponent) ExactVariance()
    {
        var sum = _sum.Value();
        var squares = _squares.Value();
        var numerator = ((Count * squares) << -ExactSum.Exponent) - (sum * sum);
        return (numerator, new BigInteger(Count) * Count, 2 * ExactSum.Exponent);
    }
}
