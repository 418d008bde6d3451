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
}
