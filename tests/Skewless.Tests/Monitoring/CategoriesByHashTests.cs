using Skewless.Monitoring;
using Xunit;

namespace Skewless.Tests.Monitoring;

public sealed class CategoriesByHashTests
{
    [Fact]
    public void Every_category_is_found_at_its_position_and_every_other_value_is_the_rest()
    {
        // 1,000 categories in 4,096 entries: about 120 pairs share their first entry, so lookups also walk past others.
        var categories = Enumerable.Range(0, 1000).Select(i => "/page/" + i).ToArray();
        var table = new CategoriesByHash(categories);

        for (var position = 0; position < categories.Length; position++)
        {
            Assert.Equal(position, table.PositionOf(StableHash.Of(categories[position])));
        }

        var others = Enumerable.Range(0, 100_000).Select(i => "/other/" + i).Append("/page/1000").Append("/PAGE/1");
        Assert.All(others, other => Assert.Equal(categories.Length, table.PositionOf(StableHash.Of(other))));
    }

    [Fact]
    public void Without_categories_every_value_is_the_rest()
    {
        var table = new CategoriesByHash([]);

        Assert.Equal(0, table.PositionOf(StableHash.Of("DTW")));
        Assert.Equal(0, table.PositionOf(0));
    }

    [Fact]
    public void A_repeated_category_keeps_its_first_position()
    {
        var table = new CategoriesByHash(["DTW", "ORD", "DTW"]);

        Assert.Equal(0, table.PositionOf(StableHash.Of("DTW")));
        Assert.Equal(1, table.PositionOf(StableHash.Of("ORD")));
        Assert.Equal(3, table.PositionOf(StableHash.Of("LAX")));
    }

    [Fact]
    public void Null_and_empty_are_missing()
    {
        foreach (var table in new[] { new CategoriesByHash([]), new CategoriesByHash(["DTW", "ORD"]) })
        {
            Assert.Equal(-1, table.PositionOf(StableHash.Of(null)));
            Assert.Equal(-1, table.PositionOf(StableHash.Of("")));
        }
    }

    [Fact]
    public void A_buffer_of_hashes_finds_each_value_where_it_belongs()
    {
        // The 1,000-category table again, so that some lookups walk past others, in buffers as the monitor counts them.
        var categories = Enumerable.Range(0, 1000).Select(i => "/page/" + i).ToArray();
        var table = new CategoriesByHash(categories);
        var random = new Random(7);
        var values = Enumerable.Range(0, 64 * 100).Select(_ => random.Next(3) switch
        {
            0 => categories[random.Next(categories.Length)],
            1 => "/other/" + random.Next(),
            _ => "",
        }).ToArray();

        var positions = new int[values.Length];
        for (var start = 0; start < values.Length; start += 64)
        {
            table.PositionsOf(values.Skip(start).Take(64).Select(StableHash.Of).ToArray(), positions.AsSpan(start, 64));
        }

        var expected = values.Select(value => value.Length == 0 ? -1 : Array.IndexOf(categories, value) is var index and >= 0 ? index : categories.Length);
        Assert.Equal(expected, positions);
    }
}
