using Skewless.Transforms;
using Xunit;

namespace Skewless.Tests.Transforms;

public sealed class DistinctValueCountsTests
{
    // Values that differ only in their lowest bits, only in their exponent, or only in their sign, through every growth.
    [Fact]
    public void Counts_equal_a_dictionarys_through_every_growth()
    {
        var random = new Random(8);
        var distinct = Enumerable.Range(1, 1500).Select(i => (double)i)
            .Concat(Enumerable.Range(1, 1500).Select(i => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(1.0) + i)))
            .Concat(Enumerable.Range(0, 1000).Select(i => Math.ScaleB(i % 2 == 0 ? 1 : -1, i - 500)))
            .Concat(new[] { double.Epsilon, -double.Epsilon, double.MaxValue, -double.MaxValue, 0.0 })
            .ToArray();
        var counts = new DistinctValueCounts();
        var expected = new Dictionary<double, long>();
        for (var i = 0; i < 50_000; i++)
        {
            var value = distinct[random.Next(distinct.Length)];
            var count = random.Next(1, 4);
            counts.Add(value, count);
            expected[value] = expected.GetValueOrDefault(value) + count;
        }

        Assert.Equal(expected.Count, counts.Count);
        Assert.Equal(expected.OrderBy(pair => pair.Key), counts.Pairs().OrderBy(pair => pair.Key));
    }
}
