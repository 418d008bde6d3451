using Skewless.Transforms;
using Xunit;

namespace Skewless.Tests.Transforms;

/// <summary>The packed lookup of terms of one to four code units, which <see cref="Vocabulary"/> tries before hashing.</summary>
public sealed class ShortTermIndexTests
{
    /// <summary>What <see cref="IndexOf"/> gives a value that does not fit in a packed key, which a vocabulary looks up in <see cref="TermIndex"/>.</summary>
    private const int DoesNotFit = -2;

    private static readonly string[] Letters = Enumerable.Range('A', 26).Select(c => ((char)c).ToString()).ToArray();

    /// <summary>A value looked up as a vocabulary's short path looks it up.</summary>
    private static int IndexOf(ShortTermIndex index, string value) => ShortStrings.Fits(value) ? index.IndexOf(ShortStrings.Pack(value)) : DoesNotFit;

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
            Assert.Equal(i, IndexOf(index, terms[i]));
            Assert.Equal(i, IndexOf(index, new string(terms[i].ToCharArray()))); // equal by value, not by reference
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
        Assert.All(others, value => Assert.Equal(ShortTermIndex.NotATerm, IndexOf(index, value)));
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

        Assert.Equal(0, IndexOf(index, term));
        Assert.Equal(ShortStrings.Fits(value) ? ShortTermIndex.NotATerm : DoesNotFit, IndexOf(index, value));
    }

    [Fact]
    public void Terms_ending_in_U0000_or_longer_than_four_do_not_fit()
    {
        var index = new ShortTermIndex(["A\0", "\0", "ABCDE", "AB", "A\0B"]);

        Assert.Equal(DoesNotFit, IndexOf(index, "A\0"));
        Assert.Equal(DoesNotFit, IndexOf(index, "\0"));
        Assert.Equal(DoesNotFit, IndexOf(index, "ABCDE"));
        Assert.Equal(ShortTermIndex.NotATerm, IndexOf(index, "A"));
        Assert.Equal(3, IndexOf(index, "AB"));
        Assert.Equal(4, IndexOf(index, "A\0B")); // a U+0000 inside is packed like any other code unit
    }

    [Fact]
    public void No_terms_finds_nothing()
    {
        var index = new ShortTermIndex([]);

        Assert.Equal(ShortTermIndex.NotATerm, IndexOf(index, "A"));
        Assert.Equal(ShortTermIndex.NotATerm, IndexOf(index, "ABCD"));
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
    public void Terms_whose_slot_is_taken_are_found_in_the_overflow_and_the_first_term_on_the_fast_path()
    {
        var terms = AllCodes().Take(100).ToArray();

        var index = new ShortTermIndex(terms, slotBits: 2); // 4 slots for 100 terms: at least 96 overflow

        var probed = Enumerable.Range(0, terms.Length).Where(i => index.Probe(ShortStrings.Pack(terms[i])) >= 0).ToList();
        Assert.InRange(probed.Count, 1, 4);
        Assert.Contains(0, probed); // placed first, the most frequent term always has its slot
        Assert.All(probed, i => Assert.Equal(i, index.Probe(ShortStrings.Pack(terms[i]))));
        Assert.All(Enumerable.Range(0, terms.Length), i => Assert.Equal(i, IndexOf(index, terms[i])));
        Assert.Equal(ShortTermIndex.NotATerm, IndexOf(index, "ZZZ"));
        Assert.Equal(ShortTermIndex.NotATerm, index.Probe(ShortStrings.Pack("ZZZ")));
    }
}
