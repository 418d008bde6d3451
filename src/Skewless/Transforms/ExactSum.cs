using System.Numerics;
using System.Runtime.CompilerServices;

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
/// <para>
/// In front of the limbs sits a plain <see cref="double"/> sum, which is as exact: each addition to it
/// also computes its exact rounding error (TwoSum), and only a non-zero error goes to the limbs. Data
/// whose sums a double holds exactly (integers, values on a coarse grid) thus costs a floating-point
/// addition a value instead of a limb update, which was most of a z-score fit's time.
/// </para>
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

#if NET
    // |x| in [2^-484, 2^511): x·x neither overflows nor loses bits of its rounding error to underflow,
    // so x·x = square + FusedMultiplyAdd(x, x, -square) exactly.
    private const double SmallestExactSquareRoot = 2.002083095183101E-146; // 2^-484
    private const double LargestExactSquareRoot = 6.703903964971299E+153; // 2^511
#endif

    private readonly long[] _limbs = new long[LimbCount];
    private int _additionsSinceCarry;
    private double _head;

    /// <summary>Adds <paramref name="value"/>, which must be finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // a few instructions, run twice or thrice per training value
    public void Add(double value)
    {
#if NET
        // TwoSum (Knuth): head + value = sum + error exactly, unless something overflows. Only on .NET, whose
        // JITs compute in SSE registers: the .NET Framework's 32-bit JIT may use x87 ones, where it is not.
        var sum = _head + value;
        var virtualValue = sum - _head;
        var error = (_head - (sum - virtualValue)) + (value - virtualValue);
        if (MissingValues.IsMissing(error))
        {
            AddToLimbs(value);
            return;
        }

        _head = sum;
        if (error != 0)
        {
            AddToLimbs(error);
        }
#else
        AddToLimbs(value);
#endif
    }

    /// <summary>Adds the exact square of <paramref name="value"/>, which must be finite.</summary>
    public void AddSquare(double value)
    {
#if NET
        var magnitude = Math.Abs(value);
        if (magnitude >= SmallestExactSquareRoot && magnitude < LargestExactSquareRoot)
        {
            var square = value * value;
            Add(square);
            var error = Math.FusedMultiplyAdd(value, value, -square);
            if (error != 0)
            {
                Add(error);
            }

            return;
        }
#endif

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
        FlushHead();
        other.FlushHead();
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
        FlushHead();
        Carry();
        var numerator = BigInteger.Zero;
        for (var i = LimbCount - 1; i >= 0; i--)
        {
            numerator = (numerator << 32) + _limbs[i];
        }

        return numerator;
    }

    private void AddToLimbs(double value)
    {
        var (mantissa, exponent) = Decompose(value);
        AddScaled(mantissa, exponent, value < 0);
    }

    private void FlushHead()
    {
        AddToLimbs(_head);
        _head = 0;
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
