using Skewless.Transforms;
using Xunit;

namespace Skewless.Tests.Transforms;

/// <summary>The packed lookup of terms of one to four code units, which <see cref="Vocabulary"/> tries before hashing.</summary>
public sealed class ShortTermIndexTests
{
    private static readonly string[] Letters = Enumerable.Range('A', 26).Select(c => ((char)c).ToString()).ToArray();

    /// <summary>Every string of one to three capital letters: 18,278 terms, far more than a vocabulary of airport codes.</summary>
    private static string[] AllCodes() =>
        Letters.Concat(Letters.SelectMany(a => Letters.Select(b => a + b)))
            .Concat(Letters.SelectMany(a => Letters.SelectMany(b => Letters.Select(c => a + b + c))))
            .ToArray();

    [Fact]
    public void Every_term_of_one_to_four_code_units_is_found_at_its_index()
    {
        var terms = AllCodes().Where((_, i) => i % 3 == 0).Concat(["ÅÄÖ", "\uFFFF\uFFFF\uFFFF\uFFFF", "😀", "a😀b", "ß"]).ToArray();

        var index = new ShortTermIndex(terms);

        for (var i = 0; i < terms.Length; i++)
        {
            Assert.Equal(i, index.IndexOf(terms[i]));
            Assert.Equal(i, index.IndexOf(new string(terms[i].ToCharArray()))); // equal by value, not by reference
        }
    }

    [Fact]
    public void Strings_that_are_not_terms_are_not_found()
    {
        var all = AllCodes();
        var terms = all.Where((_, i) => i % 3 == 0).ToArray();

        var index = new ShortTermIndex(terms);

        var others = all.Where((_, i) => i % 3 != 0).Concat(terms.Select(term => term.ToLowerInvariant())).ToList();
        Assert.True(others.Count > 12_000, $"only {others.Count} other strings");
        Assert.All(others, value => Assert.Equal(ShortTermIndex.NotATerm, index.IndexOf(value)));
    }

    [Theory]
    [InlineData("A", "A\0")]
    [InlineData("A", "A\0\0\0")]
    [InlineData("AB", "AB\0")]
    [InlineData("ABC", "ABC\0")]
    [InlineData("A", "\0A")]
    [InlineData("ABCD", "ABCDE")]
    [InlineData("BCDE", "ABCDE")]
    public void A_value_that_differs_only_by_U0000_or_by_a_fifth_code_unit_is_not_the_term(string term, string value)
    {
        var index = new ShortTermIndex([term]);

        Assert.Equal(0, index.IndexOf(term));
        Assert.Equal(ShortStrings.Fits(value) ? ShortTermIndex.NotATerm : ShortTermIndex.Undecided, index.IndexOf(value));
    }

    [Fact]
    public void Terms_ending_in_U0000_or_longer_than_four_are_left_to_the_hashed_index()
    {
        var index = new ShortTermIndex(["A\0", "\0", "ABCDE", "AB", "A\0B"]);

        Assert.Equal(ShortTermIndex.Undecided, index.IndexOf("A\0"));
        Assert.Equal(ShortTermIndex.Undecided, index.IndexOf("\0"));
        Assert.Equal(ShortTermIndex.Undecided, index.IndexOf("ABCDE"));
        Assert.Equal(ShortTermIndex.NotATerm, index.IndexOf("A"));
        Assert.Equal(3, index.IndexOf("AB"));
        Assert.Equal(4, index.IndexOf("A\0B")); // a U+0000 inside is packed like any other code unit
    }

    [Fact]
    public void No_terms_finds_nothing()
    {
        var index = new ShortTermIndex([]);

        Assert.Equal(ShortTermIndex.NotATerm, index.IndexOf("A"));
        Assert.Equal(ShortTermIndex.NotATerm, index.IndexOf("ABCD"));
    }

    [Fact]
    public void The_vocabulary_finds_short_and_long_terms_and_buckets_the_rest_as_before()
    {
        string[] terms = ["ORD", "A\0", "LONGER TERM", "ß", "ATL", "ABCD", "ABCDE"];
        var accumulator = new VocabularyAccumulator(new VocabularySettings(0, 1, 3, VocabularyEncoding.Index));
        foreach (var term in terms)
        {
            accumulator.Add(term);
        }

        var vocabulary = accumulator.Complete();

        for (var i = 0; i < vocabulary.Terms.Count; i++)
        {
            Assert.Equal(i, vocabulary.IndexOf(new string(vocabulary.Terms[i].ToCharArray())));
        }

        // Unseen values, short and long, keep the out-of-vocabulary bucket that StableHash gives them.
        foreach (var unseen in new[] { "A", "ORD\0", "JFK", "ABCDEF", "A\0\0" })
        {
            Assert.Equal(terms.Length + StableHash.Bucket(unseen, 3), vocabulary.IndexOf(unseen));
        }
    }

    [Fact]
    public void Terms_that_find_their_bucket_full_are_left_out_and_the_rest_still_found()
    {
        var terms = AllCodes().Take(100).ToArray();

        var index = new ShortTermIndex(terms, bucketBits: 2); // 4 buckets of 4 entries for 100 terms

        var found = Enumerable.Range(0, terms.Length).Where(i => index.IndexOf(terms[i]) >= 0).ToList();
        Assert.Equal(16, found.Count);
        Assert.All(found, i => Assert.Equal(i, index.IndexOf(terms[i])));

        // The others must go on to TermIndex: "not a term" would lose them.
        Assert.All(Enumerable.Range(0, terms.Length).Except(found), i => Assert.Equal(ShortTermIndex.Undecided, index.IndexOf(terms[i])));
        Assert.Equal(ShortTermIndex.Undecided, index.IndexOf("ZZZ"));
    }
}

/// <summary>
/// Both ways of searching a bucket, called directly, because a machine runs only one of them: x64 the vector compare,
/// an ARM64 host or the netstandard2.0 build the loop.
/// </summary>
public sealed class ShortTermBucketTests
{
    [Fact]
    public void Both_searches_find_a_key_in_every_position_of_a_bucket_and_miss_the_rest()
    {
        var random = new Random(3);
        var keys = new ulong[4 * 64];
        var indices = new int[keys.Length];
        for (var entry = 0; entry < keys.Length; entry++)
        {
            // Some buckets end in empty entries; no key is stored twice.
            keys[entry] = entry % 4 == 3 && random.Next(3) == 0 ? 0 : ((ulong)random.NextInt64() << 1) | 1;
            indices[entry] = random.Next();
        }

        for (var first = 0; first < keys.Length; first += 4)
        {
            for (var entry = first; entry < first + 4; entry++)
            {
                var expected = keys[entry] == 0 ? -1 : indices[entry];
                Assert.Equal(expected, ShortTermIndex.FindOneByOne(keys, indices, first, keys[entry] == 0 ? 2 : keys[entry], -1));
                Assert.Equal(expected, ShortTermIndex.FindAtOnce(keys, indices, first, keys[entry] == 0 ? 2 : keys[entry], -1));
            }

            var elsewhere = keys[(first + 4) % keys.Length];
            Assert.Equal(-1, ShortTermIndex.FindOneByOne(keys, indices, first, elsewhere, -1));
            Assert.Equal(-1, ShortTermIndex.FindAtOnce(keys, indices, first, elsewhere, -1));
        }
    }
}
