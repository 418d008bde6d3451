using Skewless.Transforms;
using Xunit;

namespace Skewless.Tests.Transforms;

/// <summary>QuantileSketch and QuantileBuckets against a sorted array: exact below 4,096 distinct values, within 0.5% above.</summary>
public sealed class QuantileTests
{
    private static double[] Distances => RealData.Flights.Select(flight => (double)flight.DistanceMiles).ToArray();

    private static QuantileSketch Sketch(IEnumerable<double> values)
    {
        var sketch = new QuantileSketch();
        foreach (var value in values)
        {
            sketch.Add(value);
        }

        return sketch;
    }

    private static QuantileBuckets FitBuckets(IEnumerable<double> values, int buckets)
    {
        var accumulator = new QuantileBucketsAccumulator(buckets);
        foreach (var value in values)
        {
            accumulator.Add(value);
        }

        return accumulator.Complete();
    }

    /// <summary>The smallest value whose cumulative count reaches the rank: the rank-th value in sorted order.</summary>
    private static double AtRank(double[] sorted, long rank) => sorted[Math.Clamp(rank, 1, sorted.Length) - 1];

    private static long CeilingRank(double q, long count) => (long)Math.Ceiling(q * count);

    private static IEnumerable<double> Levels(int steps = 50) => Enumerable.Range(0, steps + 1).Select(i => i / (double)steps).Concat(new[] { 1e-9, 0.0001, 0.001, 0.3333, 0.999, 0.9999, 1 - 1e-9 });

    private static double[] SpreadValues(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var magnitude = Math.Exp((random.NextDouble() * 40) - 20);
            return random.Next(20) switch
            {
                0 => 0.0,
                < 6 => -magnitude,
                _ => magnitude,
            };
        }).ToArray();
    }

    private static void AssertWithinRelativeAccuracy(double exact, double approximate, string what)
    {
        var limit = QuantileSketch.RelativeAccuracy * (1 + 1e-9) * Math.Abs(exact);
        Assert.True(Math.Abs(approximate - exact) <= limit, $"{what}: exact {exact:R}, sketch {approximate:R}, off by {Math.Abs(approximate - exact) / Math.Abs(exact):P4}.");
    }

    [Fact]
    public void Exact_quantiles_of_flight_distances_match_a_sorted_array()
    {
        var sorted = Distances.Order().ToArray();

        var sketch = Sketch(Distances);

        Assert.True(sketch.IsExact);
        Assert.Equal(sorted.Length, sketch.Count);
        foreach (var q in Levels(400))
        {
            Assert.Equal(AtRank(sorted, CeilingRank(q, sorted.Length)), sketch.Quantile(q));
        }

        Assert.Equal(sorted[0], sketch.Quantile(0));
        Assert.Equal(sorted[^1], sketch.Quantile(1));
    }

    [Theory]
    [InlineData(10, 4_000)]
    [InlineData(16, 4_096)]
    [InlineData(11, 77)]
    [InlineData(20, 100)]
    [InlineData(100, 100)]
    [InlineData(100, 4_000)]
    [InlineData(7, 1_000)]
    [InlineData(2, 1)]
    public void Boundary_k_is_the_value_at_rank_floor_of_k_n_over_buckets_plus_one(int buckets, int count)
    {
        var values = RandomData.Shuffled(new Random(count), Enumerable.Range(1, count).Select(i => i * 0.25));
        var sorted = values.Order().ToArray();

        var fitted = FitBuckets(values, buckets);

        var expected = Enumerable.Range(1, buckets - 1).Select(k => AtRank(sorted, (k * (long)count / buckets) + 1));
        Assert.Equal(expected, fitted.Boundaries);
        Assert.True(fitted.Exact);
        var sizes = values.GroupBy(fitted.BucketOf).Select(bucket => bucket.Count()).ToArray();
        Assert.True(count < buckets || sizes.Max() - sizes.Min() <= 1, $"Bucket sizes {string.Join(", ", sizes)} are uneven.");
    }

    [Theory]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(20)]
    [InlineData(100)]
    public void Boundaries_of_flight_distances_are_exact_quantiles(int buckets)
    {
        var sorted = Distances.Order().ToArray();

        var fitted = FitBuckets(Distances, buckets);

        var expected = Enumerable.Range(1, buckets - 1).Select(k => AtRank(sorted, (k * (long)sorted.Length / buckets) + 1));
        Assert.Equal(expected, fitted.Boundaries);
        Assert.Equal(sorted.Length, fitted.Count);
    }

    [Theory]
    [InlineData(4_096, true)]
    [InlineData(4_097, false)]
    public void Quantiles_are_exact_up_to_the_limit_of_distinct_values(int distinct, bool exact)
    {
        var values = Enumerable.Range(0, distinct).Select(i => i * 0.25).SelectMany(value => new[] { value, value }).ToArray();

        Assert.Equal(exact, Sketch(values).IsExact);
        Assert.Equal(exact, FitBuckets(values, 5).Exact);
    }

    [Fact]
    public void Sketch_quantiles_of_many_distinct_values_are_within_half_a_percent()
    {
        var values = SpreadValues(120_000, 41);
        var sorted = values.Order().ToArray();

        var sketch = Sketch(values);

        Assert.False(sketch.IsExact);
        foreach (var q in Levels())
        {
            AssertWithinRelativeAccuracy(AtRank(sorted, CeilingRank(q, sorted.Length)), sketch.Quantile(q), $"q = {q}");
        }
    }

    [Theory]
    [InlineData("latitude")]
    [InlineData("longitude")]
    public void Sketch_quantiles_of_zip_coordinates_are_within_half_a_percent(string column)
    {
        var values = RealData.Zips.Select(zip => column == "latitude" ? zip.Latitude : zip.Longitude).ToArray();
        var sorted = values.Order().ToArray();

        var sketch = Sketch(values);
        var fitted = FitBuckets(values, 20);

        Assert.False(sketch.IsExact);
        Assert.False(fitted.Exact);
        foreach (var q in Levels())
        {
            AssertWithinRelativeAccuracy(AtRank(sorted, CeilingRank(q, sorted.Length)), sketch.Quantile(q), $"q = {q}");
        }

        for (var i = 0; i < 19; i++)
        {
            AssertWithinRelativeAccuracy(AtRank(sorted, ((i + 1) * (long)sorted.Length / 20) + 1), fitted.Boundaries[i], $"boundary {i}");
        }
    }

    [Fact]
    public void Sketch_quantiles_near_the_largest_double_stay_finite()
    {
        var random = new Random(42);
        var values = Enumerable.Range(0, 6_000).Select(_ => double.MaxValue * (1 - (random.NextDouble() * 0.01))).Append(double.MaxValue).Append(-double.MaxValue).ToArray();
        var sorted = values.Order().ToArray();

        var fitted = FitBuckets(values, 10);
        var sketch = Sketch(values);

        Assert.False(fitted.Exact);
        Assert.All(fitted.Boundaries, boundary => Assert.True(double.IsFinite(boundary), $"Boundary {boundary}."));
        foreach (var q in Levels())
        {
            AssertWithinRelativeAccuracy(AtRank(sorted, CeilingRank(q, sorted.Length)), sketch.Quantile(q), $"q = {q}");
        }

        Saved.Json(fitted);
    }

    [Fact]
    public void Exact_partitions_merge_into_the_same_boundaries()
    {
        var random = new Random(43);
        var values = Distances.Concat(new[] { double.NaN, double.PositiveInfinity, -0.0, 0.0 }).ToArray();
        var expected = Saved.Json(FitBuckets(values, 10));

        for (var trial = 0; trial < 20; trial++)
        {
            Assert.Equal(expected, Saved.Json(FitRandomPartitions(random, values, 10, 16)));
        }
    }

    [Fact]
    public void Sketch_partitions_merge_into_the_same_boundaries()
    {
        var random = new Random(44);
        var values = RealData.Zips.Select(zip => zip.Longitude).ToArray();
        var expected = Saved.Json(FitBuckets(values, 20));

        for (var trial = 0; trial < 6; trial++)
        {
            Assert.Equal(expected, Saved.Json(FitRandomPartitions(random, values, 20, 16)));
        }
    }

    [Fact]
    public void Exact_partitions_whose_union_is_not_exact_merge_into_the_same_boundaries()
    {
        var random = new Random(45);
        var values = SpreadValues(9_000, 46);
        var expected = Saved.Json(FitBuckets(values, 20));
        Assert.Contains("\"exact\":false", expected, StringComparison.Ordinal);

        for (var trial = 0; trial < 6; trial++)
        {
            // No part can hold more distinct values than it has values: every part is exact on its own.
            Assert.Equal(expected, Saved.Json(FitRandomPartitions(random, values, 20, 16, maxPartSize: QuantileSketch.ExactLimit)));
        }
    }

    [Theory]
    [InlineData("extreme")]
    [InlineData("timestamps")]
    [InlineData("clustered")]
    public void Partitions_past_the_exact_limit_merge_into_the_same_sketch_bit_for_bit(string data)
    {
        var random = new Random(47);
        var values = data switch
        {
            // Every exponent and sign, subnormals and the extremes: the grid's cells reach 2^1024.
            "extreme" => RandomData.ExtremeDoubles(random, 12_000),

            // Far from zero in a narrow range, some parts holding only a few distinct values.
            "timestamps" => Enumerable.Range(0, 30_000).Select(i => 1_700_000_000 + (i * 60.0) + (i % 7 == 0 ? 0.001 * i : 0)).ToArray(),

            // Tight clusters at very different scales, so parts pick very different grids.
            _ => Enumerable.Range(0, 20_000).Select(i => (i % 3) switch { 0 => 1e-300 * (1 + (i * 1e-6)), 1 => -5.0 - (i * 1e-9), _ => 1e300 * (1 + (i * 1e-9)) }).ToArray(),
        };

        var onePass = Sketch(values);
        var expected = Summary(onePass);
        Assert.False(onePass.IsExact);

        for (var trial = 0; trial < 6; trial++)
        {
            var shuffled = RandomData.Shuffled(random, values);
            var parts = RandomData.Partition(random, shuffled.Length, 16).Select(part => Sketch(shuffled.Skip(part.Start).Take(part.Length))).ToList();
            var merged = RandomData.MergeRandomly(random, parts, (into, from) => into.Merge(from));

            Assert.Equal(expected, Summary(merged));
        }

        static string Summary(QuantileSketch sketch)
        {
            var boundaries = sketch.Boundaries(100);
            var counts = sketch.CountBetween(boundaries);
            var quantiles = Levels(200).Select(sketch.Quantile);
            return $"{sketch.Count} {BitConverter.DoubleToInt64Bits(sketch.AbsoluteAccuracy)} "
                + string.Join(" ", boundaries.Concat(quantiles).Select(value => BitConverter.DoubleToInt64Bits(value)))
                + " | " + string.Join(" ", counts);
        }
    }

    [Fact]
    public void Past_the_exact_limit_quantiles_are_within_the_grid_width_or_the_relative_accuracy_whichever_is_smaller()
    {
        var random = new Random(48);
        var datasets = new[]
        {
            Enumerable.Range(0, 50_000).Select(i => 1_700_000_000 + (random.NextDouble() * 2_600_000)).ToArray(),
            Enumerable.Range(0, 50_000).Select(_ => 40 + (random.NextDouble() * 20) - 10).ToArray(),
            Enumerable.Range(0, 50_000).Select(_ => -1e-300 * random.NextDouble()).ToArray(),
            SpreadValues(50_000, 49),
            RandomData.ExtremeDoubles(random, 50_000),
        };

        foreach (var values in datasets)
        {
            var sorted = values.Order().ToArray();
            var sketch = Sketch(values);
            Assert.False(sketch.IsExact);
            foreach (var q in Levels(400))
            {
                var exact = AtRank(sorted, CeilingRank(q, sorted.Length));
                var bound = Math.Min(QuantileSketch.RelativeAccuracy * (1 + 1e-9) * Math.Abs(exact), sketch.AbsoluteAccuracy);
                Assert.True(Math.Abs(sketch.Quantile(q) - exact) <= bound, $"q = {q}: exact {exact:R}, sketch {sketch.Quantile(q):R}, bound {bound}.");
            }

            Assert.Equal(sorted[0], sketch.Quantile(0));
            Assert.Equal(sorted[^1], sketch.Quantile(1));
        }
    }

    [Theory]
    [InlineData("spread")]
    [InlineData("latitude")]
    [InlineData("timestamps")]
    public void Past_the_exact_limit_counts_between_deciles_are_within_a_thousandth_of_the_rows(string data)
    {
        var values = data switch
        {
            "spread" => SpreadValues(120_000, 41),
            "latitude" => RealData.Zips.Select(zip => zip.Latitude).ToArray(),
            _ => Enumerable.Range(0, 42_049).Select(i => 1_700_000_000 + (i * 60.0)).ToArray(),
        };
        var sketch = Sketch(values);
        var edges = sketch.Boundaries(10).Distinct().ToArray();

        var counts = sketch.CountBetween(edges);

        Assert.False(sketch.IsExact);
        Assert.Equal(values.Length, counts.Sum());
        var exact = Enumerable.Range(0, edges.Length + 1)
            .Select(bin => (long)values.Count(value => (bin == 0 || value >= edges[bin - 1]) && (bin == edges.Length || value < edges[bin])))
            .ToArray();
        var worst = counts.Zip(exact, (estimate, count) => Math.Abs(estimate - count)).Max();
        Assert.True(worst <= values.Length / 1000, $"Estimated {string.Join(" | ", counts)}, exact {string.Join(" | ", exact)}.");
    }

    private static QuantileBuckets FitRandomPartitions(Random random, double[] values, int buckets, int maxParts, int maxPartSize = int.MaxValue)
    {
        var shuffled = RandomData.Shuffled(random, values);
        List<(int Start, int Length)> partition;
        do
        {
            partition = RandomData.Partition(random, shuffled.Length, maxParts);
        }
        while (partition.Max(part => part.Length) > maxPartSize);

        var parts = partition.Select(part =>
        {
            var accumulator = new QuantileBucketsAccumulator(buckets);
            foreach (var value in shuffled.AsSpan(part.Start, part.Length))
            {
                accumulator.Add(value);
            }

            return accumulator;
        }).ToList();

        return RandomData.MergeRandomly(random, parts, (into, from) => into.Merge(from)).Complete();
    }

    [Fact]
    public void A_value_equal_to_a_boundary_goes_to_the_bucket_above()
    {
        var fitted = new QuantileBuckets(4, 3, 0, true, new[] { 1.0, 2.0, 3.0 });

        Assert.Equal(0, fitted.BucketOf(0.999));
        Assert.Equal(1, fitted.BucketOf(1.0));
        Assert.Equal(1, fitted.BucketOf(1.5));
        Assert.Equal(2, fitted.BucketOf(2.0));
        Assert.Equal(3, fitted.BucketOf(3.0));
        Assert.Equal(3, fitted.BucketOf(1e300));
    }

    [Fact]
    public void Nan_is_minus_one_and_infinities_go_to_the_end_buckets()
    {
        var fitted = FitBuckets(Distances, 10);

        Assert.Equal(-1, fitted.BucketOf(double.NaN));
        Assert.Equal(0, fitted.BucketOf(double.NegativeInfinity));
        Assert.Equal(9, fitted.BucketOf(double.PositiveInfinity));
        Assert.Equal(0, fitted.BucketOf(-double.MaxValue));
        Assert.Equal(9, fitted.BucketOf(double.MaxValue));
    }

    [Fact]
    public void A_value_that_fills_several_buckets_gets_one_of_its_own_and_the_rest_share_the_others()
    {
        var fitted = FitBuckets(Enumerable.Repeat(5.0, 90).Concat(Enumerable.Range(1, 10).Select(i => 5.0 + i)), 10);

        // Not [5, 5, 5, 5, 5, 5, 5, 5, 6]: the 5s would skip eight empty buckets and share one with nothing else.
        Assert.Equal(new[] { 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0 }, fitted.Boundaries);
        Assert.Equal(0, fitted.BucketOf(4.9));
        Assert.Equal(0, fitted.BucketOf(5.0));
        Assert.Equal(1, fitted.BucketOf(6.0));
        Assert.Equal(9, fitted.BucketOf(15.0));
    }

    [Fact]
    public void Dry_days_fill_the_first_bucket_alone_and_wet_days_share_the_rest()
    {
        // Seattle, 2012 and 2013: 55% of the days are dry. Plain quantiles give [0, 0, 2.8]: a first bucket nothing
        // can fall in, and 0, 0.3 and 2.7 in one bucket.
        var rain = RealData.SeattlePrecipitation.Where(day => day.Date.Year is 2012 or 2013).Select(day => day.Millimetres).ToArray();
        var wet = rain.Where(mm => mm > 0).Order().ToArray();

        var fitted = FitBuckets(rain, 4);

        Assert.True(fitted.Exact);
        Assert.Equal(731, rain.Length);
        Assert.True(rain.Count(mm => mm == 0) > rain.Length / 2);
        Assert.Equal(fitted.Boundaries.Distinct().Count(), fitted.Boundaries.Count);
        Assert.Equal(wet[0], fitted.Boundaries[0]);
        var sizes = Enumerable.Range(0, 4).Select(bucket => rain.Count(mm => fitted.BucketOf(mm) == bucket)).ToArray();
        Assert.Equal(rain.Count(mm => mm == 0), sizes[0]);
        Assert.All(rain, mm => Assert.Equal(mm == 0, fitted.BucketOf(mm) == 0));

        // The wet days split into thirds, as evenly as their own ties allow: the rule for the rest is the plain one.
        Assert.Equal(new[] { wet[wet.Length / 3], wet[2 * wet.Length / 3] }, fitted.Boundaries.Skip(1));
        Assert.All(sizes.Skip(1), size => Assert.InRange(size, wet.Length / 4, wet.Length / 2));
    }

    [Fact]
    public void Past_the_exact_limit_a_heavy_zero_still_fills_the_first_bucket_alone()
    {
        var random = new Random(50);
        var values = Enumerable.Repeat(0.0, 30_000).Concat(Enumerable.Range(0, 20_000).Select(_ => 0.1 + (random.NextDouble() * 50))).ToArray();

        var smallestWet = values.Where(value => value > 0).Min();

        var fitted = FitBuckets(values, 4);

        Assert.False(fitted.Exact);
        Assert.True(fitted.Boundaries[0] > 0 && Math.Abs(fitted.Boundaries[0] - smallestWet) <= QuantileSketch.RelativeAccuracy * smallestWet, $"Boundaries {string.Join(", ", fitted.Boundaries)}.");
        Assert.True(fitted.Boundaries[1] > fitted.Boundaries[0] && fitted.Boundaries[2] > fitted.Boundaries[1]);
        var sizes = Enumerable.Range(0, 4).Select(bucket => values.Count(value => fitted.BucketOf(value) == bucket)).ToArray();
        Assert.Equal(30_000, sizes[0]);
        Assert.All(sizes.Skip(1), size => Assert.InRange(size, 6_000, 7_300));
    }

    [Fact]
    public void No_more_distinct_values_than_buckets_gives_each_value_a_bucket()
    {
        var values = Enumerable.Repeat(1.0, 2).Concat(Enumerable.Repeat(2.0, 1)).Concat(Enumerable.Repeat(3.0, 1)).Concat(Enumerable.Repeat(4.0, 96)).ToArray();

        var fitted = FitBuckets(values, 6);

        Assert.Equal(new[] { 2.0, 3.0, 4.0, 4.0, 4.0 }, fitted.Boundaries);
        Assert.Equal(new[] { 0, 1, 2, 5 }, new[] { 1.0, 2.0, 3.0, 4.0 }.Select(fitted.BucketOf));
    }

    [Fact]
    public void Every_bucket_of_distinct_values_holds_its_share_within_one()
    {
        var fitted = FitBuckets(Enumerable.Range(0, 1_000).Select(i => (double)i), 10);

        var counts = Enumerable.Range(0, 1_000).GroupBy(i => fitted.BucketOf(i)).ToDictionary(group => group.Key, group => group.Count());
        Assert.Equal(Enumerable.Range(0, 10), counts.Keys.Order());
        Assert.All(counts.Values, count => Assert.Equal(100, count));
    }

    [Fact]
    public void Missing_values_are_counted_and_an_empty_fit_has_zero_boundaries()
    {
        var fitted = FitBuckets(new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity }, 4);

        Assert.Equal((0L, 3L), (fitted.Count, fitted.Missing));
        Assert.Equal(new[] { 0.0, 0.0, 0.0 }, fitted.Boundaries);
        Assert.Equal(0.0, new QuantileSketch().Quantile(0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QuantileBucketsAccumulator(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QuantileSketch().Add(double.NaN));
    }

    [Fact]
    public void Signed_zeros_are_one_value()
    {
        var sketch = Sketch(new[] { -0.0, 0.0, -0.0 });

        Assert.Equal(BitConverter.DoubleToInt64Bits(0.0), BitConverter.DoubleToInt64Bits(sketch.Quantile(0.5)));
        Assert.Equal(Saved.Json(FitBuckets(new[] { 0.0, -0.0 }, 2)), Saved.Json(FitBuckets(new[] { -0.0, 0.0 }, 2)));
    }
}
