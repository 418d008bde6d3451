using Skewless.Transforms;
using Xunit;

namespace Skewless.Tests.Transforms;

/// <summary>How many ascending edges a value reaches, which quantile buckets and a monitor's histogram bins both are.</summary>
public sealed class SortedEdgesTests
{
    private static readonly double[] Awkward =
    [
        double.NaN, double.NegativeInfinity, double.PositiveInfinity, -double.MaxValue, double.MaxValue,
        double.Epsilon, -double.Epsilon, 0.0, -0.0,
    ];

    /// <summary>Edge lists of every length from 0 to past the vector search's limit, with repeated edges, and the values to try on each.</summary>
    public static TheoryData<int> Lengths() => new(Enumerable.Range(0, 12).Concat([15, 16, 17, SortedEdges.CountedAtOnce - 1, SortedEdges.CountedAtOnce, SortedEdges.CountedAtOnce + 1, 1000]));

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Both_searches_count_the_edges_at_or_below_every_value(int length)
    {
        var random = new Random(length);

        // Few distinct values, so that edges repeat and values often equal an edge.
        var edges = Enumerable.Range(0, length).Select(_ => (double)random.Next(-20, 20)).Order().ToArray();
        var sorted = new SortedEdges(edges);

        var values = Enumerable.Range(-25, 51).Select(value => (double)value)
            .Concat(edges.Select(edge => Math.BitDecrement(edge)))
            .Concat(edges.Select(edge => Math.BitIncrement(edge)))
            .Concat(Awkward);
        foreach (var value in values)
        {
            var expected = edges.Count(edge => edge <= value);
            Assert.Equal(expected, sorted.Bisect(value));
            Assert.Equal(expected, sorted.CountAtOnce(value));
            Assert.Equal(expected, sorted.AtOrBelow(value));
        }
    }

    [Fact]
    public void Infinite_edges_are_counted_like_any_other()
    {
        var sorted = new SortedEdges([double.NegativeInfinity, 0, double.PositiveInfinity]);

        Assert.Equal(1, sorted.AtOrBelow(double.NegativeInfinity));
        Assert.Equal(1, sorted.AtOrBelow(-1));
        Assert.Equal(2, sorted.AtOrBelow(0));
        Assert.Equal(3, sorted.AtOrBelow(double.PositiveInfinity));
        Assert.Equal(0, sorted.AtOrBelow(double.NaN));
    }

    [Fact]
    public void Edges_read_back_in_order()
    {
        double[] edges = [1, 2, 2, 5, 9];

        var sorted = new SortedEdges(edges);

        Assert.Equal(edges.Length, sorted.Count);
        Assert.Equal(edges, Enumerable.Range(0, sorted.Count).Select(i => sorted[i]));
    }
}
