using Skewless.Transforms;
using Xunit;

namespace Skewless.Tests.Transforms;

public sealed class VocabularyTests
{
    public static TheoryData<string> RealColumns() => new() { "flight origin", "zip city", "zip state", "zip county", "penguin sex" };

    private static string?[] Column(string name) => name switch
    {
        "flight origin" => RealData.Flights.Select(flight => (string?)flight.Origin).ToArray(),
        "zip city" => RealData.Zips.Select(zip => (string?)zip.City).ToArray(),
        "zip state" => RealData.Zips.Select(zip => (string?)zip.State).ToArray(),
        "zip county" => RealData.Zips.Select(zip => (string?)zip.County).ToArray(),
        "penguin sex" => RealData.PenguinSexes,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static VocabularySettings Settings(int maxSize = 0, int minCount = 1, int oovBuckets = 0, VocabularyEncoding encoding = VocabularyEncoding.Index) =>
        new(maxSize, minCount, oovBuckets, encoding);

    private static Vocabulary Fit(IEnumerable<string?> values, VocabularySettings settings)
    {
        var accumulator = new VocabularyAccumulator(settings);
        foreach (var value in values)
        {
            accumulator.Add(value);
        }

        return accumulator.Complete();
    }

    private static Dictionary<string, long> PlainCounts(IEnumerable<string?> values)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (!string.IsNullOrEmpty(value))
            {
                counts[value] = counts.GetValueOrDefault(value) + 1;
            }
        }

        return counts;
    }

    /// <summary>The expected terms: by count descending, then by ordinal string order, at least minCount, at most maxSize.</summary>
    private static KeyValuePair<string, long>[] ExpectedTerms(IEnumerable<string?> values, int maxSize, int minCount)
    {
        var terms = PlainCounts(values).Where(pair => pair.Value >= minCount).ToList();
        terms.Sort((a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));
        return terms.Take(maxSize == 0 ? terms.Count : maxSize).ToArray();
    }

    [Theory]
    [MemberData(nameof(RealColumns))]
    public void Term_counts_equal_a_plain_count(string column)
    {
        var values = Column(column);

        var fitted = Fit(values, Settings());

        var expected = ExpectedTerms(values, 0, 1);
        Same.Sequence(expected.Select(pair => pair.Key), fitted.Terms);
        Same.Sequence(expected.Select(pair => pair.Value), fitted.TermCounts);
        Assert.Equal(values.Length, fitted.Rows);
        Assert.Equal(values.Count(string.IsNullOrEmpty), fitted.Missing);
        for (var i = 0; i < fitted.Terms.Count; i++)
        {
            Assert.Equal(i, fitted.IndexOf(fitted.Terms[i]));
        }
    }

    [Fact]
    public void Near_misses_of_thousands_of_terms_are_out_of_vocabulary()
    {
        var fitted = Fit(Column("zip city"), Settings());
        var terms = fitted.Terms.ToHashSet(StringComparer.Ordinal);

        var nearMisses = fitted.Terms
            .SelectMany(term => new[] { term + " ", term[..^1], term.ToLowerInvariant(), term + "\0" })
            .Where(value => value.Length > 0 && !terms.Contains(value))
            .ToList();

        Assert.True(nearMisses.Count > 3 * fitted.Terms.Count, $"only {nearMisses.Count} near misses of {fitted.Terms.Count} terms");
        Assert.All(nearMisses, value => Assert.Equal(-1, fitted.IndexOf(value)));
    }

    [Fact]
    public void Flight_origins_have_220_terms()
    {
        Assert.Equal(220, Fit(Column("flight origin"), Settings()).Terms.Count);
        Assert.True(Fit(Column("zip city"), Settings()).Terms.Count > 10_000, "Zip code cities should be high-cardinality.");
    }

    [Fact]
    public void Terms_are_ordered_by_count_then_ordinally()
    {
        // Ordinal, not culture: "B" < "a" < "b" < "ä".
        var values = new[] { "b", "a", "B", "ä", "b", "a", "B", "ä", "z", "z", "z" };

        var fitted = Fit(values, Settings());

        Assert.Equal(new[] { "z", "B", "a", "b", "ä" }, fitted.Terms);
        Assert.Equal(new[] { 3L, 2, 2, 2, 2 }, fitted.TermCounts);
    }

    [Theory]
    [InlineData("flight origin", 50, 1)]
    [InlineData("flight origin", 0, 100)]
    [InlineData("flight origin", 10, 1000)]
    [InlineData("zip city", 500, 1)]
    [InlineData("zip city", 0, 5)]
    [InlineData("zip state", 20, 1)]
    [InlineData("zip county", 1, 1)]
    public void Max_size_and_min_count_truncate_the_most_frequent_terms(string column, int maxSize, int minCount)
    {
        var values = Column(column);

        var fitted = Fit(values, Settings(maxSize, minCount));

        var expected = ExpectedTerms(values, maxSize, minCount);
        Same.Sequence(expected.Select(pair => pair.Key), fitted.Terms);
        Same.Sequence(expected.Select(pair => pair.Value), fitted.TermCounts);
        Assert.Equal(values.Length, fitted.Rows);
    }

    [Theory]
    [InlineData(50, 2)]
    [InlineData(10, 7)]
    [InlineData(500, 1)]
    public void Unseen_and_dropped_values_hash_into_the_buckets_after_max_size(int maxSize, int oovBuckets)
    {
        var values = Column("flight origin");
        var fitted = Fit(values, Settings(maxSize, 1, oovBuckets, VocabularyEncoding.OneHot));
        var dropped = PlainCounts(values).Keys.Where(term => !fitted.Terms.Contains(term));
        var unseen = RealData.Zips.Select(zip => zip.Code).Take(2_000);
        var refitted = Fit(values, Settings(maxSize, 1, oovBuckets, VocabularyEncoding.OneHot));

        var used = new HashSet<int>();
        foreach (var value in dropped.Concat(unseen).Append("\uD800").Append(new string('x', 100_000)))
        {
            var index = fitted.IndexOf(value);

            Assert.Equal(maxSize + StableHash.Bucket(value, oovBuckets), index);
            Assert.Equal(index, refitted.IndexOf(value));
            used.Add(index);
        }

        Assert.Equal(Enumerable.Range(maxSize, oovBuckets), used.Order());
    }

    [Fact]
    public void Without_buckets_an_unseen_value_is_minus_one()
    {
        var fitted = Fit(Column("flight origin"), Settings(10, 1, 0, VocabularyEncoding.Index));

        Assert.Equal(-1, fitted.IndexOf("ZZZ"));
        Assert.Equal(-1, fitted.IndexOf(fitted.Terms[0].ToLowerInvariant()));
        Assert.Equal(0, fitted.IndexOf(fitted.Terms[0]));
    }

    [Fact]
    public void Null_and_empty_are_missing_when_fitting_and_serving()
    {
        var fitted = Fit(new[] { null, "", "a", null, "a", "b" }, Settings(5, 1, 3, VocabularyEncoding.OneHot));

        Assert.Equal(new[] { "a", "b" }, fitted.Terms);
        Assert.Equal(6, fitted.Rows);
        Assert.Equal(3, fitted.Missing);
        Assert.Equal(-1, fitted.IndexOf(null));
        Assert.Equal(-1, fitted.IndexOf(""));
        Assert.InRange(fitted.IndexOf(" "), 5, 7);
    }

    [Fact]
    public void Penguins_with_no_sex_are_missing()
    {
        var fitted = Fit(Column("penguin sex"), Settings(10, 1, 1, VocabularyEncoding.OneHot));

        Assert.Equal(RealData.PenguinSexes.Count(sex => sex is null), fitted.Missing);
        Assert.True(fitted.Missing > 0, "The penguin data should have gaps.");
    }

    [Fact]
    public void Index_encoding_without_a_max_size_keeps_every_term_and_buckets_follow_them()
    {
        var values = Column("zip city");

        var fitted = Fit(values, Settings(0, 1, 4, VocabularyEncoding.Index));

        var terms = PlainCounts(values).Count;
        Assert.Equal(terms, fitted.Terms.Count);
        foreach (var unseen in new[] { "No City 1", "No City 2", "No City 3", "No City 4", "No City 5" })
        {
            Assert.Equal(terms + StableHash.Bucket(unseen, 4), fitted.IndexOf(unseen));
        }
    }

    [Fact]
    public void A_term_below_the_min_count_is_out_of_vocabulary()
    {
        var fitted = Fit(new[] { "a", "a", "a", "b", "b", "c" }, Settings(0, 2, 3, VocabularyEncoding.Index));

        Assert.Equal(new[] { "a", "b" }, fitted.Terms);
        Assert.Equal(2 + StableHash.Bucket("c", 3), fitted.IndexOf("c"));
    }

    [Fact]
    public void Merged_partitions_count_the_same_as_one_pass()
    {
        var random = new Random(31);
        var values = Column("zip city").Concat(new string?[] { null, "", null }).ToArray();
        var settings = Settings(300, 3, 2, VocabularyEncoding.OneHot);
        var expected = Fit(values, settings);

        for (var trial = 0; trial < 4; trial++)
        {
            var shuffled = RandomData.Shuffled(random, values);
            var parts = RandomData.Partition(random, shuffled.Length, 16).Select(part => shuffled.AsSpan(part.Start, part.Length).ToArray()).Select(part =>
            {
                var accumulator = new VocabularyAccumulator(settings);
                foreach (var value in part)
                {
                    accumulator.Add(value);
                }

                return accumulator;
            }).ToList();

            var merged = RandomData.MergeRandomly(random, parts, (into, from) => into.Merge(from)).Complete();

            Same.Sequence(expected.Terms, merged.Terms);
            Same.Sequence(expected.TermCounts, merged.TermCounts);
            Assert.Equal((expected.Rows, expected.Missing), (merged.Rows, merged.Missing));
        }
    }
}
