using System.Numerics;
using Skewless.Transforms;
using Xunit;

namespace Skewless.Tests.Transforms;

/// <summary>ExactRational.ToDouble against IEEE division, which is correctly rounded, and against hand-worked ties.</summary>
public sealed class ExactRationalTests
{
    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    private static void AssertSameBits(double expected, double actual, string because) =>
        Assert.True(Bits(expected) == Bits(actual), $"{because}: expected {expected:R} ({Bits(expected):X16}), got {actual:R} ({Bits(actual):X16}).");

    [Fact]
    public void Quotients_of_integers_below_2_to_the_53_equal_ieee_division()
    {
        var random = new Random(11);
        for (var i = 0; i < 20_000; i++)
        {
            // Random bit lengths, so the quotient ranges from tiny to huge and from exact to inexact.
            var numerator = random.NextInt64(1, 1L << 53) >> random.Next(53);
            var denominator = Math.Max(1, random.NextInt64(1, 1L << 53) >> random.Next(53));
            var sign = random.Next(2) == 0 ? 1 : -1;

            var actual = ExactRational.ToDouble(sign * numerator, denominator, 0);

            AssertSameBits((double)(sign * numerator) / denominator, actual, $"{sign * numerator} / {denominator}");
        }
    }

    [Fact]
    public void A_power_of_two_exponent_scales_like_ieee_division()
    {
        var random = new Random(12);
        for (var i = 0; i < 5_000; i++)
        {
            var numerator = random.NextInt64(1, 1L << 53);
            var denominator = random.NextInt64(1, 1L << 53);
            var exponent = random.Next(-900, 900);

            var actual = ExactRational.ToDouble(numerator, denominator, exponent);

            // Scaling by a power of two is exact while the result stays normal.
            AssertSameBits(Math.ScaleB((double)numerator / denominator, exponent), actual, $"{numerator} / {denominator} · 2^{exponent}");
        }
    }

    [Fact]
    public void Large_rationals_round_like_the_reference()
    {
        var random = new Random(13);
        for (var i = 0; i < 2_000; i++)
        {
            var numerator = new BigInteger(random.NextInt64()) << random.Next(0, 3_000);
            numerator += random.NextInt64();
            var denominator = (new BigInteger(random.NextInt64(1, long.MaxValue)) << random.Next(0, 3_000)) + random.NextInt64(1, 1000);
            var exponent = random.Next(-1_200, 1_100) - (int)(numerator.GetBitLength() - denominator.GetBitLength());

            var expected = ExactReference.Round(numerator, denominator, exponent);

            AssertSameBits(expected, ExactRational.ToDouble(numerator, denominator, exponent), $"{numerator} / {denominator} · 2^{exponent}");
        }
    }

    [Theory]
    [InlineData("9007199254740993", "1", 0, 9007199254740992.0)]
    [InlineData("9007199254740995", "1", 0, 9007199254740996.0)]
    [InlineData("-9007199254740993", "1", 0, -9007199254740992.0)]
    [InlineData("18014398509481985", "2", 0, 9007199254740992.0)]
    [InlineData("18014398509481987", "2", 0, 9007199254740994.0)]
    [InlineData("18014398509481986", "1", 0, 18014398509481984.0)]
    [InlineData("18014398509481990", "1", 0, 18014398509481992.0)]
    [InlineData("54043195528445959", "3", 0, 18014398509481988.0)]
    [InlineData("54043195528445957", "3", 0, 18014398509481984.0)]
    [InlineData("1", "3", 0, 1.0 / 3)]
    [InlineData("2", "3", 0, 2.0 / 3)]
    public void Ties_go_to_even_and_a_remainder_breaks_them(string numerator, string denominator, int exponent, double expected) =>
        AssertSameBits(expected, ExactRational.ToDouble(BigInteger.Parse(numerator), BigInteger.Parse(denominator), exponent), $"{numerator} / {denominator}");

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1, 2, 0)]
    [InlineData(3, 2, 2)]
    [InlineData(5, 2, 2)]
    [InlineData(7, 2, 4)]
    [InlineData(3, 4, 1)]
    [InlineData(1, 4, 0)]
    [InlineData(2, 3, 1)]
    [InlineData(1, 3, 0)]
    [InlineData(9007199254740991, 2, 4503599627370496)]
    [InlineData(9007199254740989, 2, 4503599627370494)]
    [InlineData(4503599627370495, 1, 4503599627370495)]
    public void Subnormal_results_round_to_the_nearest_multiple_of_the_smallest_subnormal(long numerator, long denominator, long expectedBits) =>
        AssertSameBits(BitConverter.Int64BitsToDouble(expectedBits), ExactRational.ToDouble(numerator, denominator, -1074), $"{numerator} / {denominator} · 2^-1074");

    [Fact]
    public void Random_subnormal_results_equal_a_correctly_rounded_scaling()
    {
        var random = new Random(14);
        for (var i = 0; i < 5_000; i++)
        {
            var numerator = random.NextInt64(1, 1L << 53);
            var exponent = random.Next(-1074 - 53, -1022 - 52);

            // Math.ScaleB rounds a subnormal result once, from the exact integer.
            AssertSameBits(Math.ScaleB((double)numerator, exponent), ExactRational.ToDouble(numerator, 1, exponent), $"{numerator} · 2^{exponent}");
            AssertSameBits(-Math.ScaleB((double)numerator, exponent), ExactRational.ToDouble(-numerator, 1, exponent), $"-{numerator} · 2^{exponent}");
        }
    }

    [Fact]
    public void Results_below_half_the_smallest_subnormal_are_zero_with_the_sign()
    {
        AssertSameBits(0.0, ExactRational.ToDouble(1, 1, -1076), "2^-1076");
        AssertSameBits(0.0, ExactRational.ToDouble(1, 2, -1074), "2^-1075, a tie with zero");
        AssertSameBits(double.Epsilon, ExactRational.ToDouble(BigInteger.Parse("1000000000000000000000001"), BigInteger.Parse("2000000000000000000000000"), -1074), "just above 2^-1075");
        AssertSameBits(-0.0, ExactRational.ToDouble(-1, 1, -1076), "-2^-1076");
        AssertSameBits(-0.0, ExactRational.ToDouble(-1, BigInteger.One << 5000, 0), "-2^-5000");
        AssertSameBits(0.0, ExactRational.ToDouble(0, 7, 12), "zero");
    }

    [Fact]
    public void Results_beyond_the_largest_double_are_infinite()
    {
        var twoTo1024 = BigInteger.One << 1024;
        var halfUlpBelow = BigInteger.One << 970;

        AssertSameBits(double.PositiveInfinity, ExactRational.ToDouble(twoTo1024, 1, 0), "2^1024");
        AssertSameBits(double.NegativeInfinity, ExactRational.ToDouble(-twoTo1024, 1, 0), "-2^1024");
        AssertSameBits(double.PositiveInfinity, ExactRational.ToDouble(twoTo1024 - halfUlpBelow, 1, 0), "a tie between the largest double and 2^1024");
        AssertSameBits(double.MaxValue, ExactRational.ToDouble(twoTo1024 - halfUlpBelow - 1, 1, 0), "just below that tie");
        AssertSameBits(double.MaxValue, ExactRational.ToDouble(ExactReference.Scaled(double.MaxValue, 0), 1, 0), "the largest double");
        AssertSameBits(double.PositiveInfinity, ExactRational.ToDouble(1, 1, 1024), "2^1024 by exponent");
        AssertSameBits(double.NegativeInfinity, ExactRational.ToDouble(-3, 1, 5000), "-3 · 2^5000");
    }

    [Fact]
    public void Huge_numerators_and_denominators_cancel_exactly()
    {
        var huge = BigInteger.Pow(3, 4000);

        AssertSameBits(7.0 / 5, ExactRational.ToDouble(huge * 7, huge * 5, 0), "7·3^4000 / 5·3^4000");
        AssertSameBits(Math.ScaleB(1.0, -1074), ExactRational.ToDouble(huge, huge, -1074), "3^4000 / 3^4000 · 2^-1074");
    }

    [Fact]
    public void A_non_positive_denominator_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ExactRational.ToDouble(1, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExactRational.ToDouble(1, -1, 0));
    }
}
