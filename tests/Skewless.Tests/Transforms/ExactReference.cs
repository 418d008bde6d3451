using System.Numerics;

namespace Skewless.Tests.Transforms;

/// <summary>
/// Slow, independent arithmetic the transforms are checked against: doubles taken apart by hand into
/// exact integers, and exact rationals rounded to the nearest double by comparing against neighbours.
/// </summary>
internal static class ExactReference
{
    /// <summary>The exact value of a finite double as <c>mantissa · 2^exponent</c>, the mantissa signed.</summary>
    public static (BigInteger Mantissa, int Exponent) Decompose(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var biased = (int)((bits >> 52) & 0x7FF);
        if (biased == 0x7FF)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite doubles have an exact value.");
        }

        long mantissa = bits & ((1L << 52) - 1);
        var exponent = -1074;
        if (biased != 0)
        {
            mantissa |= 1L << 52;
            exponent = biased - 1075;
        }

        return (bits < 0 ? -mantissa : mantissa, exponent);
    }

    /// <summary><paramref name="value"/> · 2^-<paramref name="scale"/> as an integer; the scale must be low enough to make it one.</summary>
    public static BigInteger Scaled(double value, int scale)
    {
        var (mantissa, exponent) = Decompose(value);
        if (exponent < scale)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, $"{value:R} is not a multiple of 2^{scale}.");
        }

        return mantissa << (exponent - scale);
    }

    /// <summary>The exact sum of <paramref name="values"/>, scaled by 2^-<paramref name="scale"/>.</summary>
    public static BigInteger Sum(IEnumerable<double> values, int scale) =>
        SumByExponent(values.Select(Decompose), scale);

    /// <summary>The exact sum of the squares of <paramref name="values"/>, scaled by 2^-<paramref name="scale"/>.</summary>
    public static BigInteger SumOfSquares(IEnumerable<double> values, int scale) =>
        SumByExponent(values.Select(Decompose).Select(part => (part.Mantissa * part.Mantissa, 2 * part.Exponent)), scale);

    // Adds the mantissas of equal exponents first, so that only one wide shift is needed per exponent.
    private static BigInteger SumByExponent(IEnumerable<(BigInteger Mantissa, int Exponent)> parts, int scale)
    {
        var byExponent = new Dictionary<int, BigInteger>();
        foreach (var (mantissa, exponent) in parts)
        {
            byExponent[exponent] = byExponent.GetValueOrDefault(exponent) + mantissa;
        }

        var sum = BigInteger.Zero;
        foreach (var (exponent, mantissas) in byExponent)
        {
            if (exponent < scale)
            {
                throw new ArgumentOutOfRangeException(nameof(scale), scale, $"A term of exponent {exponent} is not a multiple of 2^{scale}.");
            }

            sum += mantissas << (exponent - scale);
        }

        return sum;
    }

    /// <summary>Mean and population variance rounded once from the exact two-pass formula <c>Σ(n·xᵢ − Σx)² / n³</c>.</summary>
    public static (double Mean, double Variance) MeanAndVariance(IReadOnlyCollection<double> values)
    {
        var (sum, count, scale) = ExactSumOf(values);
        var (numerator, denominator, exponent) = ExactVariance(values);
        return (Round(sum, count, scale), Round(numerator, denominator, exponent));
    }

    /// <summary>The population standard deviation: the square root of the exact two-pass variance, rounded once.</summary>
    public static double StandardDeviation(IReadOnlyCollection<double> values)
    {
        var (numerator, denominator, exponent) = ExactVariance(values);
        return SquareRoot(numerator, denominator, exponent);
    }

    private static (BigInteger Sum, BigInteger Count, int Scale) ExactSumOf(IReadOnlyCollection<double> values)
    {
        var scale = CommonScale(values);
        return (Sum(values, scale), values.Count, scale);
    }

    /// <summary>The exact population variance as <c>Σ(n·Xᵢ − S)² / n³ · 2^(2·scale)</c>, the Xᵢ being the values scaled to integers.</summary>
    private static (BigInteger Numerator, BigInteger Denominator, int Exponent) ExactVariance(IReadOnlyCollection<double> values)
    {
        var scale = CommonScale(values);
        var n = new BigInteger(values.Count);
        var scaled = values.Select(value => Scaled(value, scale)).ToArray();
        var sum = scaled.Aggregate(BigInteger.Zero, (total, value) => total + value);
        var deviations = scaled.Aggregate(BigInteger.Zero, (total, value) => total + BigInteger.Pow((n * value) - sum, 2));
        return (deviations, n * n * n, 2 * scale);
    }

    // The largest power of two that every value is a multiple of, so the scaled integers stay short.
    private static int CommonScale(IEnumerable<double> values) =>
        values.Where(value => value != 0).Select(value => Decompose(value).Exponent).DefaultIfEmpty(0).Min();

    /// <summary>The square root of <c>numerator / denominator · 2^exponent</c>, through an integer square root of about 120 bits.</summary>
    public static double SquareRoot(BigInteger numerator, BigInteger denominator, int exponent)
    {
        if (numerator.IsZero)
        {
            return 0;
        }

        var shift = 240 - (int)(numerator.GetBitLength() - denominator.GetBitLength());
        if (((exponent - shift) & 1) != 0)
        {
            shift++;
        }

        var scaled = shift >= 0 ? (numerator << shift) / denominator : numerator / (denominator << -shift);
        var root = BigInteger.One << (int)((scaled.GetBitLength() + 1) / 2);
        while (true)
        {
            var next = (root + (scaled / root)) >> 1;
            if (next >= root)
            {
                break;
            }

            root = next;
        }

        return Round(root, 1, (exponent - shift) / 2);
    }

    /// <summary>
    /// The double nearest to <c>numerator / denominator · 2^exponent</c>, ties to even, found by starting
    /// from an estimate and stepping to the neighbour whose exact value brackets the rational.
    /// </summary>
    public static double Round(BigInteger numerator, BigInteger denominator, int exponent)
    {
        if (denominator.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator));
        }

        if (numerator.IsZero)
        {
            return 0;
        }

        var negative = numerator.Sign < 0;
        var magnitude = BigInteger.Abs(numerator);
        var target = new Rational(magnitude, denominator, exponent);

        var below = Estimate(magnitude, denominator, exponent);
        while (below > 0 && target.CompareTo(below) < 0)
        {
            below = Math.BitDecrement(below);
        }

        while (below < double.MaxValue && target.CompareTo(Math.BitIncrement(below)) >= 0)
        {
            below = Math.BitIncrement(below);
        }

        double result;
        if (target.CompareTo(below) == 0)
        {
            result = below;
        }
        else
        {
            // Above the largest double the next value up is 2^1024, and its "mantissa" is even.
            var above = below == double.MaxValue ? double.PositiveInfinity : Math.BitIncrement(below);
            var (belowMantissa, belowExponent) = Decompose(below);
            var (aboveMantissa, aboveExponent) = double.IsInfinity(above) ? (BigInteger.One, 1024) : Decompose(above);
            var low = Math.Min(belowExponent, aboveExponent);
            var midpoint = new Rational((belowMantissa << (belowExponent - low)) + (aboveMantissa << (aboveExponent - low)), 1, low - 1);
            var order = target.CompareTo(midpoint);
            var belowIsEven = (BitConverter.DoubleToInt64Bits(below) & 1) == 0;
            result = order < 0 || (order == 0 && belowIsEven) ? below : above;
        }

        return negative ? -result : result;
    }

    /// <summary>The value of a finite double as an exact rational.</summary>
    public static Rational ToRational(double value)
    {
        var (mantissa, exponent) = Decompose(value);
        return new Rational(mantissa, 1, exponent);
    }

    private static double Estimate(BigInteger magnitude, BigInteger denominator, int exponent)
    {
        var numeratorShift = Math.Max(0, (int)magnitude.GetBitLength() - 64);
        var denominatorShift = Math.Max(0, (int)denominator.GetBitLength() - 64);
        var ratio = (double)(magnitude >> numeratorShift) / (double)(denominator >> denominatorShift);
        var estimate = Math.ScaleB(ratio, exponent + numeratorShift - denominatorShift);
        return double.IsInfinity(estimate) ? double.MaxValue : estimate;
    }

    /// <summary>An exact rational <c>Numerator / Denominator · 2^Exponent</c> with a positive denominator.</summary>
    public readonly record struct Rational(BigInteger Numerator, BigInteger Denominator, int Exponent)
    {
        public int CompareTo(double value)
        {
            var (mantissa, exponent) = Decompose(value);
            return CompareTo(new Rational(mantissa, 1, exponent));
        }

        public int CompareTo(Rational other)
        {
            var low = Math.Min(Exponent, other.Exponent);
            var left = (Numerator * other.Denominator) << (Exponent - low);
            var right = (other.Numerator * Denominator) << (other.Exponent - low);
            return left.CompareTo(right);
        }
    }
}
