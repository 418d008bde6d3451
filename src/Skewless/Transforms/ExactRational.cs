using System.Numerics;

namespace Skewless.Transforms;

/// <summary>Rounds an exact rational to the nearest double, ties to even, as IEEE 754 arithmetic would.</summary>
internal static class ExactRational
{
    private const int MantissaBits = 53;

    /// <summary>The double nearest to <c>numerator / denominator · 2^exponent</c>.</summary>
    public static double ToDouble(BigInteger numerator, BigInteger denominator, int exponent)
    {
        if (denominator.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), "The denominator must be positive.");
        }

        if (numerator.IsZero)
        {
            return 0;
        }

        var negative = numerator.Sign < 0;
        var magnitude = BigInteger.Abs(numerator);

        // Scale so the integer quotient has at least MantissaBits + 2 bits: the extra two decide rounding.
        var shift = MantissaBits + 2 - (BitLength(magnitude) - BitLength(denominator));
        var scaledNumerator = shift >= 0 ? magnitude << shift : magnitude;
        var scaledDenominator = shift >= 0 ? denominator : denominator << -shift;
        var quotient = BigInteger.DivRem(scaledNumerator, scaledDenominator, out var remainder);
        var lowestExponent = exponent - shift;

        var dropped = BitLength(quotient) - MantissaBits;
        if (lowestExponent + dropped < -1074)
        {
            dropped = -1074 - lowestExponent;
        }

        BigInteger mantissa;
        if (dropped > BitLength(quotient) + 1)
        {
            mantissa = BigInteger.Zero;
        }
        else
        {
            mantissa = quotient >> dropped;
            var rest = quotient - (mantissa << dropped);
            var half = BigInteger.One << (dropped - 1);
            if (rest > half || (rest == half && (!remainder.IsZero || !mantissa.IsEven)))
            {
                mantissa += 1;
            }
        }

        if (BitLength(mantissa) > MantissaBits)
        {
            mantissa >>= 1;
            dropped++;
        }

        var value = Compose((ulong)mantissa, lowestExponent + dropped);
        return negative ? -value : value;
    }

    // mantissa · 2^exponent, where mantissa < 2^53 and exponent >= -1074.
    private static double Compose(ulong mantissa, int exponent)
    {
        if (mantissa == 0)
        {
            return 0;
        }

        if (mantissa < 1UL << 52)
        {
            // Subnormal: the exponent is pinned at -1074 and the mantissa is the bit pattern.
            return BitConverter.Int64BitsToDouble((long)mantissa);
        }

        var biased = exponent + 1075;
        return biased >= 2047
            ? double.PositiveInfinity
            : BitConverter.Int64BitsToDouble((long)(((ulong)biased << 52) | (mantissa & ((1UL << 52) - 1))));
    }

    /// <summary>The number of bits of a non-negative integer; 0 for 0.</summary>
    internal static int BitLength(BigInteger value)
    {
        if (value.IsZero)
        {
            return 0;
        }

        var bytes = value.ToByteArray();
        var top = bytes.Length - 1;
        while (top > 0 && bytes[top] == 0)
        {
            top--;
        }

        var bits = 0;
        for (var b = bytes[top]; b != 0; b >>= 1)
        {
            bits++;
        }

        return (top * 8) + bits;
    }
}
