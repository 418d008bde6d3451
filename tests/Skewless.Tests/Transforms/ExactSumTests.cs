using System.Numerics;
using System.Reflection;
using Skewless.Transforms;
using Xunit;

namespace Skewless.Tests.Transforms;

/// <summary>ExactSum and Moments against sums of doubles taken apart by hand into BigIntegers.</summary>
public sealed class ExactSumTests
{
    // The carry runs every 2^30 additions, too many for a unit test: these private fields let a test start just before one.
    private static FieldInfo Limbs => Private("_limbs");

    private static FieldInfo AdditionsSinceCarry => Private("_additionsSinceCarry");

    private static int CarryInterval => (int)Private("CarryInterval").GetRawConstantValue()!;

    private static FieldInfo Private(string name) =>
        typeof(ExactSum).GetField(name, BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
        ?? throw new InvalidOperationException($"ExactSum has no field {name}; update the carry tests to its new layout.");

    public static TheoryData<int> Seeds() => new() { 1, 2, 3 };

    private static double[] Distances => RealData.Flights.Select(flight => (double)flight.DistanceMiles).ToArray();

    private static (ExactSum Sum, ExactSum Squares) Sums(IEnumerable<double> values)
    {
        var sum = new ExactSum();
        var squares = new ExactSum();
        foreach (var value in values)
        {
            sum.Add(value);
            squares.AddSquare(value);
        }

        return (sum, squares);
    }

    private static Moments MomentsOf(IEnumerable<double> values)
    {
        var moments = new Moments();
        foreach (var value in values)
        {
            moments.Add(value);
        }

        return moments;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Sums_of_doubles_over_the_whole_range_are_exact(int seed)
    {
        var values = RandomData.ExtremeDoubles(new Random(seed), 3_000);

        var (sum, squares) = Sums(values);

        Assert.Equal(ExactReference.Sum(values, ExactSum.Exponent), sum.Value());
        Assert.Equal(ExactReference.SumOfSquares(values, ExactSum.Exponent), squares.Value());
    }

    [Fact]
    public void Sums_of_real_distances_are_exact()
    {
        var (sum, squares) = Sums(Distances);

        Assert.Equal(ExactReference.Sum(Distances, ExactSum.Exponent), sum.Value());
        Assert.Equal(ExactReference.SumOfSquares(Distances, ExactSum.Exponent), squares.Value());
        Assert.Equal(Distances.Sum(distance => (decimal)distance), (decimal)(sum.Value() >> -ExactSum.Exponent));
    }

    [Fact]
    public void Values_that_cancel_sum_to_exactly_zero()
    {
        var values = RandomData.ExtremeDoubles(new Random(4), 1_000);

        var (sum, _) = Sums(values.Concat(values.Select(value => -value)).Reverse());

        Assert.Equal(BigInteger.Zero, sum.Value());
    }

    [Fact]
    public void Signed_zeros_and_the_smallest_subnormal_are_exact()
    {
        var (sum, squares) = Sums(new[] { -0.0, 0.0, double.Epsilon, double.Epsilon, -double.Epsilon });

        Assert.Equal(BigInteger.One << (-1074 - ExactSum.Exponent), sum.Value());
        Assert.Equal(new BigInteger(3) << ((2 * -1074) - ExactSum.Exponent), squares.Value());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Mean_and_variance_are_the_exact_ones_rounded_once(int seed)
    {
        var random = new Random(seed);
        var moderate = RandomData.ExtremeDoubles(random, 1_000).Select(value => value * 1e-160).Where(double.IsFinite).ToArray();
        var extreme = RandomData.ExtremeDoubles(random, 1_000);

        foreach (var values in new[] { moderate, extreme })
        {
            var moments = MomentsOf(values);
            var (mean, variance) = ExactReference.MeanAndVariance(values);

            Assert.Equal(BitConverter.DoubleToInt64Bits(mean), BitConverter.DoubleToInt64Bits(moments.Mean()));
            Assert.Equal(BitConverter.DoubleToInt64Bits(variance), BitConverter.DoubleToInt64Bits(moments.Variance()));
            var deviation = ExactReference.StandardDeviation(values);
            Assert.True(Math.Abs(moments.StandardDeviation() - deviation) <= 4e-16 * deviation, $"Deviation {moments.StandardDeviation():R}, exact {deviation:R}.");
            if (double.IsNormal(variance))
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(Math.Sqrt(variance)), BitConverter.DoubleToInt64Bits(moments.StandardDeviation()));
            }
        }
    }

    [Fact]
    public void Moments_of_real_distances_are_the_exact_ones_rounded_once()
    {
        var moments = MomentsOf(Distances);
        var (mean, variance) = ExactReference.MeanAndVariance(Distances);

        Assert.Equal(Distances.Length, moments.Count);
        Assert.Equal(mean, moments.Mean());
        Assert.Equal(variance, moments.Variance());
    }

    [Fact]
    public void Moments_count_nan_and_infinities_as_missing()
    {
        var moments = MomentsOf(new[] { 1.0, double.NaN, 3.0, double.PositiveInfinity, double.NegativeInfinity });

        Assert.Equal(2, moments.Count);
        Assert.Equal(3, moments.Missing);
        Assert.Equal(2.0, moments.Mean());
        Assert.Equal(1.0, moments.Variance());
        Assert.Equal(0.0, new Moments().Mean());
        Assert.Equal(0.0, new Moments().Variance());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Merged_partitions_sum_the_same_as_one_pass(int seed)
    {
        var random = new Random(seed);
        var values = RandomData.ExtremeDoubles(random, 1_500).Concat(Distances.Take(1_500)).ToArray();
        var (sum, squares) = Sums(values);
        var expectedSum = sum.Value();
        var expectedSquares = squares.Value();

        for (var trial = 0; trial < 50; trial++)
        {
            var shuffled = RandomData.Shuffled(random, values);
            var parts = RandomData.Partition(random, shuffled.Length, 16).Select(part => Sums(shuffled.AsSpan(part.Start, part.Length).ToArray())).ToList();

            var merged = RandomData.MergeRandomly(random, parts, (into, from) =>
            {
                into.Sum.Merge(from.Sum);
                into.Squares.Merge(from.Squares);
            });

            Assert.Equal(expectedSum, merged.Sum.Value());
            Assert.Equal(expectedSquares, merged.Squares.Value());
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Merged_partitions_give_the_same_mean_and_variance_bits(int seed)
    {
        var random = new Random(seed);
        var values = RandomData.ExtremeDoubles(random, 500).Select(value => value * 1e-160)
            .Concat(Distances.Take(2_000)).Append(double.NaN).Append(double.NegativeInfinity).ToArray();
        var onePass = MomentsOf(values);

        for (var trial = 0; trial < 50; trial++)
        {
            var shuffled = RandomData.Shuffled(random, values);
            var parts = RandomData.Partition(random, shuffled.Length, 16).Select(part => MomentsOf(shuffled.AsSpan(part.Start, part.Length).ToArray())).ToList();

            var merged = RandomData.MergeRandomly(random, parts, (into, from) => into.Merge(from));

            Assert.Equal(onePass.Count, merged.Count);
            Assert.Equal(onePass.Missing, merged.Missing);
            Assert.Equal(BitConverter.DoubleToInt64Bits(onePass.Mean()), BitConverter.DoubleToInt64Bits(merged.Mean()));
            Assert.Equal(BitConverter.DoubleToInt64Bits(onePass.Variance()), BitConverter.DoubleToInt64Bits(merged.Variance()));
        }
    }

    [Fact]
    public void The_periodic_carry_keeps_the_sum_exact()
    {
        var values = RandomData.ExtremeDoubles(new Random(5), 200);
        var sum = new ExactSum();
        var squares = new ExactSum();

        // As if 2^30 - 100 additions had already happened: the carry fires 100 values in, mid-stream.
        AdditionsSinceCarry.SetValue(sum, CarryInterval - 100);
        AdditionsSinceCarry.SetValue(squares, CarryInterval - 100);
        foreach (var value in values)
        {
            sum.Add(value);
            squares.AddSquare(value);
        }

        Assert.True((int)AdditionsSinceCarry.GetValue(sum)! < 200, "The carry did not fire.");
        Assert.Equal(ExactReference.Sum(values, ExactSum.Exponent), sum.Value());
        Assert.Equal(ExactReference.SumOfSquares(values, ExactSum.Exponent), squares.Value());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    public void Limbs_hold_the_largest_load_between_carries(int sign)
    {
        // The worst a limb can hold just before a carry: a full 32-bit digit from every addition since the last one.
        var pending = sign * (long)(CarryInterval - 1) * uint.MaxValue;
        var sum = new ExactSum();
        var limbs = (long[])Limbs.GetValue(sum)!;
        Array.Fill(limbs, pending);
        AdditionsSinceCarry.SetValue(sum, CarryInterval - 1);
        var preloaded = Enumerable.Range(0, limbs.Length).Aggregate(BigInteger.Zero, (total, limb) => total + (new BigInteger(pending) << (32 * limb)));
        var values = new[] { sign * double.MaxValue, sign * BitConverter.Int64BitsToDouble(0x3FFF_FFFF_FFFF_FFFF), sign * double.Epsilon };

        foreach (var value in values)
        {
            sum.Add(value);
        }

        Assert.Equal(preloaded + ExactReference.Sum(values, ExactSum.Exponent), sum.Value());
    }

    // The double in front of the limbs: sums it holds exactly, sums it rounds (the error goes to the limbs), sums that
    // overflow it, and squares on both sides of the range where a fused multiply-add gives their exact error.
    [Fact]
    public void Sums_the_leading_double_rounds_or_overflows_are_exact()
    {
        var smallest = Math.ScaleB(1, -484);
        var largest = Math.ScaleB(1, 511);
        var values = new[]
        {
            21, 4962, 0.1, 0.2, 0.3, 1e-16, 1 + Math.ScaleB(1, -52), double.MaxValue, double.MaxValue, -double.MaxValue, 1e300,
            smallest, Math.BitDecrement(smallest), -smallest, largest, Math.BitDecrement(largest), -largest, 1e154, 1e-150,
            double.Epsilon, -double.Epsilon, -0.0, Math.PI, -Math.E,
        };

        var (sum, squares) = Sums(values);

        Assert.Equal(ExactReference.Sum(values, ExactSum.Exponent), sum.Value());
        Assert.Equal(ExactReference.SumOfSquares(values, ExactSum.Exponent), squares.Value());
    }

    [Fact]
    public void Merge_after_many_additions_is_exact()
    {
        var random = new Random(6);
        var parts = Enumerable.Range(0, 4).Select(_ => RandomData.ExtremeDoubles(random, 20_000)).ToArray();
        var sums = parts.Select(part => Sums(part)).ToArray();

        foreach (var other in sums.Skip(1))
        {
            sums[0].Sum.Merge(other.Sum);
            sums[0].Squares.Merge(other.Squares);
        }

        Assert.Equal(ExactReference.Sum(parts.SelectMany(part => part), ExactSum.Exponent), sums[0].Sum.Value());
        Assert.Equal(ExactReference.SumOfSquares(parts.SelectMany(part => part), ExactSum.Exponent), sums[0].Squares.Value());
    }
}
