using System.Numerics;

namespace Skewless.Transforms;

/// <summary>
/// An exact sum of doubles and of their squares, kept as a fixed-point integer in 32-bit limbs.
/// Because no addition ever rounds, the result depends only on the multiset of values added: any
/// partitioning of the rows, merged in any order, gives the same bits as one pass.
/// </summary>
/// <remarks>
/// Each limb is a <see cref="long"/> holding a 32-bit digit plus pending carries; one addition adds
/// less than 2^32 to a limb, so carries are propagated every 2^30 additions, long before a limb
/// could overflow.
/// </remarks>
internal sealed class ExactSum
{
    /// <summary>The scale of <see cref="Value"/>: the sum is <c>Value() · 2^Exponent</c>.</summary>
    /// <remarks>
    /// A double is m·2^e with m &lt; 2^53 and -1074 &lt;= e &lt;= 971; its square is m²·2^2e. The lowest
    /// limb sits at 2^Exponent; the top leaves 2^64 of headroom for the count of additions.
    /// </remarks>
    public const int Exponent = -2176;

    private const int LimbCount = (971 * 2 + 106 + 64 - Exponent) / 32 + 2;
    private const int CarryInterval = 1 << 30;

    private readonly long[] _limbs = new long[LimbCount];
    private int _additionsSinceCarry;

    /// <summary>Adds <paramref name="value"/>, which must be finite.</summary>
    public void Add(double value)
    {
        var (mantissa, exponent) = Decompose(value);
        AddScaled(mantissa, exponent, value < 0);
    }

    /// <summary>Adds the exact square of <paramref name="value"/>, which must be finite.</summary>
    public void AddSquare(double value)
    {
        var (mantissa, exponent) = Decompose(value);

        // m < 2^53 splits into high < 2^21 and low < 2^32, so m² = high²·2^64 + 2·high·low·2^32 + low², each term below 2^64.
        var high = mantissa >> 32;
        var low = mantissa & 0xFFFF_FFFF;
        AddScaled(low * low, 2 * exponent, negative: false);
        AddScaled(2 * high * low, (2 * exponent) + 32, negative: false);
        AddScaled(high * high, (2 * exponent) + 64, negative: false);
    }

    /// <summary>Adds everything <paramref name="other"/> holds.</summary>
    public void Merge(ExactSum other)
    {
        Carry();
        other.Carry();
        for (var i = 0; i < LimbCount; i++)
        {
            _limbs[i] += other._limbs[i];
        }

        Carry();
    }

    /// <summary>The exact sum, scaled by 2^-<see cref="Exponent"/>.</summary>
    public BigInteger Value()
    {
        Carry();
        var numerator = BigInteger.Zero;
        for (var i = LimbCount - 1; i >= 0; i--)
        {
            numerator = (numerator << 32) + _limbs[i];
        }

        return numerator;
    }

    private void AddScaled(ulong value, int exponent, bool negative)
    {
        if (value == 0)
        {
            return;
        }

        var position = exponent - Exponent;
        var limb = position >> 5;
        var shift = position & 31;

        // value << shift spans at most 96 bits: three 32-bit digits.
        var low = (long)((value << shift) & 0xFFFF_FFFF);
        var middle = (long)((shift == 0 ? value >> 32 : value >> (32 - shift)) & 0xFFFF_FFFF);
        var high = shift == 0 ? 0 : (long)(value >> (64 - shift));

        if (negative)
        {
            _limbs[limb] -= low;
            _limbs[limb + 1] -= middle;
            _limbs[limb + 2] -= high;
        }
        else
        {
            _limbs[limb] += low;
            _limbs[limb + 1] += middle;
            _limbs[limb + 2] += high;
        }

        if (++_additionsSinceCarry == CarryInterval)
        {
            Carry();
        }
    }

    // Leaves every limb but the last in [0, 2^32); the last carries the sign.
    private void Carry()
    {
        for (var i = 0; i < LimbCount - 1; i++)
        {
            var carry = _limbs[i] >> 32;
            _limbs[i] -= carry << 32;
            _limbs[i + 1] += carry;
        }

        _additionsSinceCarry = 0;
    }

    /// <summary>A finite double's magnitude as <c>Mantissa · 2^Exponent</c>.</summary>
    internal static (ulong Mantissa, int Exponent) Decompose(double value)
    {
        var bits = (ulong)BitConverter.DoubleToInt64Bits(value);
        var biased = (int)((bits >> 52) & 0x7FF);
        var fraction = bits & 0xF_FFFF_FFFF_FFFF;
        return biased == 0 ? (fraction, -1074) : (fraction | (1UL << 52), biased - 1075);
    }
}
