using Skewless.Transforms;
using Xunit;

namespace Skewless.Tests.Transforms;

/// <summary>Training counts of strings: short ones by their packed code units, the rest in a dictionary.</summary>
public sealed class StringCountsTests
{
    /// <summary>Short and long strings, strings that differ only by U+0000s, non-ASCII and surrogate pairs.</summary>
    private static readonly string[] Awkward =
    [
        "A", "A\0", "\0A", "A\0B", "AB", "AB\0", "\0", "\0\0\0\0", "ABCD", "ABCD\0", "ABCDE", "ß", "ÅÄÖ", "😀", "a😀b", "\uFFFF\uFFFF\uFFFF\uFFFF", "LONGER VALUE",
    ];

    private static Dictionary<string, long> Plain(IEnumerable<string> values) =>
        values.GroupBy(value => value, StringComparer.Ordinal).ToDictionary(group => group.Key, group => (long)group.Count(), StringComparer.Ordinal);

    private static Dictionary<string, long> Counted(StringCounts counts)
    {
        var pairs = counts.Pairs().ToList();
        var byValue = pairs.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal); // throws if a string came back twice
        Assert.Equal(pairs.Sum(pair => pair.Value), counts.Total());
        return byValue;
    }

    [Fact]
    public void Awkward_strings_are_counted_apart_and_come_back_as_they_went_in()
    {
        var values = Awkward.SelectMany((value, i) => Enumerable.Repeat(value, i + 1)).ToList();
        var counts = new StringCounts();

        foreach (var value in values)
        {
            counts.Add(value, 1);
        }

        Assert.Equal(Plain(values), Counted(counts));
    }

    [Fact]
    public void Thousands_of_codes_and_city_names_equal_a_plain_count()
    {
        var values = RealData.Zips.SelectMany(zip => new[] { zip.State, zip.City, zip.County }).Where(value => value.Length > 0).ToList();
        var counts = new StringCounts();

        foreach (var value in values)
        {
            counts.Add(value, 1);
        }

        Assert.True(values.Distinct().Count(ShortStrings.Fits) > 50, "the zip data should hold many short values");
        Assert.Equal(Plain(values), Counted(counts));
    }

    [Fact]
    public void Merging_random_partitions_equals_one_pass()
    {
        var random = new Random(7);
        var letters = "ABCDEFGHIJ";
        var values = Enumerable.Range(0, 20_000)
            .Select(_ => new string(Enumerable.Range(0, random.Next(1, 7)).Select(_ => letters[random.Next(letters.Length)]).ToArray()))
            .Concat(Awkward)
            .ToArray();
        var whole = new StringCounts();
        foreach (var value in values)
        {
            whole.Add(value, 1);
        }

        for (var trial = 0; trial < 20; trial++)
        {
            var parts = Enumerable.Range(0, random.Next(1, 9)).Select(_ => new StringCounts()).ToArray();
            foreach (var value in values)
            {
                parts[random.Next(parts.Length)].Add(value, 1);
            }

            var merged = new StringCounts();
            foreach (var part in parts)
            {
                merged.AddAll(part);
            }

            Assert.Equal(Counted(whole), Counted(merged));
        }
    }

    [Fact]
    public void Every_packable_string_unpacks_to_itself()
    {
        foreach (var value in Awkward.Where(ShortStrings.Fits))
        {
            Assert.Equal(value, ShortStrings.Unpack(ShortStrings.Pack(value)));
        }

        Assert.False(ShortStrings.Fits("A\0"));
        Assert.False(ShortStrings.Fits("ABCDE"));
        Assert.True(ShortStrings.Fits("A\0B"));
    }
}
