using System.Runtime.InteropServices;
using Skewless.Transforms;
using Xunit;

namespace Skewless.Tests.Transforms;

/// <summary>Hash buckets and out-of-vocabulary buckets are part of every saved model: these values must never change.</summary>
public sealed class StableHashTests
{
    [Theory]
    [InlineData("", 0xEFD01F60BA992926UL, 38, 342)]
    [InlineData("a", 0x86FC2D0407502DE5UL, 37, 981)]
    [InlineData("b", 0xFA25E79B8DE15889UL, 9, 129)]
    [InlineData("DTW", 0x6AC900BFE38D5D64UL, 36, 124)]
    [InlineData("LAS-SFO", 0x55AD430F9A755577UL, 55, 335)]
    [InlineData("Zürich", 0xF8EE1A5EA2C667D1UL, 17, 953)]
    [InlineData("東京", 0xB5F40EDB92F269EFUL, 47, 535)]
    [InlineData("😀", 0x9E09E6CD9A70D4A9UL, 41, 689)]
    [InlineData("\0", 0xDB01C3104E99566DUL, 45, 677)]
    [InlineData("90210", 0x8827B2C15D529341UL, 1, 873)]
    public void Hashes_are_fixed_forever(string value, ulong hash, int bucketOf64, int bucketOf1000)
    {
        Assert.Equal(hash, StableHash.Of(value));
        Assert.Equal(bucketOf64, StableHash.Bucket(value, 64));
        Assert.Equal(bucketOf1000, StableHash.Bucket(value, 1000));
    }

    [Fact]
    public void A_long_string_hashes_to_a_fixed_value() =>
        Assert.Equal(0x9140960D97943BE5UL, StableHash.Of(new string('x', 1000)));

    [Fact]
    public void Null_hashes_like_the_empty_string()
    {
        Assert.Equal(StableHash.Of(""), StableHash.Of(null));
        Assert.Equal(StableHash.Bucket("", 17), StableHash.Bucket(null, 17));
    }

    [Fact]
    public void It_is_fnv1a_over_utf16_bytes_then_the_murmur3_finaliser()
    {
        Assert.True(BitConverter.IsLittleEndian, "The reference reads UTF-16 code units as little-endian bytes.");
        foreach (var value in RealData.Zips.Select(zip => zip.City).Distinct().Take(2_000).Append("😀").Append("\uDC00x"))
        {
            var hash = 14695981039346656037UL;
            foreach (var octet in MemoryMarshal.AsBytes(value.AsSpan()))
            {
                hash = (hash ^ octet) * 1099511628211UL;
            }

            hash = (hash ^ (hash >> 33)) * 0xFF51AFD7ED558CCDUL;
            hash = (hash ^ (hash >> 33)) * 0xC4CEB9FE1A85EC53UL;
            hash ^= hash >> 33;

            Assert.Equal(hash, StableHash.Of(value));
        }
    }

    [Fact]
    public void Zip_codes_spread_evenly_over_64_buckets()
    {
        var counts = new int[64];
        foreach (var zip in RealData.Zips)
        {
            counts[StableHash.Bucket(zip.Code, 64)]++;
        }

        var mean = RealData.Zips.Length / 64.0;
        Assert.All(counts, count => Assert.InRange(count, mean * 0.75, mean * 1.25));
    }

    [Fact]
    public void Similar_strings_do_not_share_buckets()
    {
        var buckets = Enumerable.Range(0, 1_000).Select(i => StableHash.Bucket($"user-{i}", 1_000_000)).Distinct().Count();

        Assert.True(buckets >= 995, $"1,000 similar strings fell into only {buckets} of a million buckets.");
    }

    [Fact]
    public void Bucket_counts_below_one_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StableHash.Bucket("a", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => StableHash.Bucket("a", -3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HashBuckets(0, VocabularyEncoding.OneHot));
    }

    [Fact]
    public void Hash_buckets_are_stable_hash_buckets_and_missing_is_minus_one()
    {
        var buckets = new HashBuckets(64, VocabularyEncoding.OneHot);

        Assert.All(RealData.Zips.Take(1_000), zip => Assert.Equal(StableHash.Bucket(zip.Code, 64), buckets.BucketOf(zip.Code)));
        Assert.Equal(-1, buckets.BucketOf(null));
        Assert.Equal(-1, buckets.BucketOf(""));
        Assert.Equal(55, buckets.BucketOf("LAS-SFO"));
    }
}
