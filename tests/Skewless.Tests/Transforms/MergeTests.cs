using Flights;
using Skewless.Tests.Runtime;
using Xunit;

namespace Skewless.Tests.Transforms;

/// <summary>Through the generated code, any partitioning of the training rows merged in any order saves the same artifact bytes as one pass.</summary>
public sealed class MergeTests
{
    private static readonly Lazy<byte[]> FlightsOnePass = new(() => Save(FlightFeatures.Fit(RealData.Flights)));
    private static readonly Lazy<byte[]> ZipsOnePass = new(() => Save(ZipFeatures.Fit(RealData.Zips)));

    public static TheoryData<int> DegreesOfParallelism() => new() { 1, 2, 3, 7, -1 };

    private static byte[] Save(IFittedFeatureSet<Flight> fitted)
    {
        using var stream = new MemoryStream();
        fitted.Save(stream);
        return stream.ToArray();
    }

    private static byte[] Save(IFittedFeatureSet<TimedZip> fitted)
    {
        using var stream = new MemoryStream();
        fitted.Save(stream);
        return stream.ToArray();
    }

    private static byte[] Save(IFittedFeatureSet<Zip> fitted)
    {
        using var stream = new MemoryStream();
        fitted.Save(stream);
        return stream.ToArray();
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void Merged_flight_partitions_fit_the_same_as_one_pass(int seed, bool shuffle)
    {
        var random = new Random(seed);
        for (var trial = 0; trial < 8; trial++)
        {
            var rows = shuffle ? RandomData.Shuffled(random, RealData.Flights) : RealData.Flights;
            var parts = RandomData.Partition(random, rows.Length, 16).Select(part =>
            {
                var accumulator = new FlightFeatures.Accumulator();
                foreach (var row in rows.AsSpan(part.Start, part.Length))
                {
                    accumulator.Add(row);
                }

                return accumulator;
            }).ToList();

            var merged = RandomData.MergeRandomly(random, parts, (into, from) => into.Merge(from));

            Assert.Equal(rows.Length, merged.Rows);
            Same.Artifact(FlightsOnePass.Value, Save(merged.Complete()));
        }
    }

    [Fact]
    public void Merged_zip_partitions_fit_the_same_as_one_pass()
    {
        var random = new Random(4);
        for (var trial = 0; trial < 4; trial++)
        {
            var rows = RandomData.Shuffled(random, RealData.Zips);
            var parts = RandomData.Partition(random, rows.Length, 16).Select(part =>
            {
                var accumulator = new ZipFeatures.Accumulator();
                foreach (var row in rows.AsSpan(part.Start, part.Length))
                {
                    accumulator.Add(row);
                }

                return accumulator;
            }).ToList();

            var merged = RandomData.MergeRandomly(random, parts, (into, from) => into.Merge(from));

            Same.Artifact(ZipsOnePass.Value, Save(merged.Complete()));
        }
    }

    [Fact]
    public void Merged_partitions_of_timestamps_and_latitudes_past_the_exact_limit_fit_the_same_as_one_pass()
    {
        // Both quantile features and the statistics' own sketch are past the exact limit and on the absolute grid,
        // whose scale each part picks for itself before the merge.
        var onePass = Save(TimedZipFeatures.Fit(TimedZip.All));
        var random = new Random(5);
        for (var trial = 0; trial < 4; trial++)
        {
            var rows = RandomData.Shuffled(random, TimedZip.All);
            var parts = RandomData.Partition(random, rows.Length, 16).Select(part =>
            {
                var accumulator = new TimedZipFeatures.Accumulator();
                foreach (var row in rows.AsSpan(part.Start, part.Length))
                {
                    accumulator.Add(row);
                }

                return accumulator;
            }).ToList();

            var merged = RandomData.MergeRandomly(random, parts, (into, from) => into.Merge(from));

            Same.Artifact(onePass, Save(merged.Complete()));
        }
    }

    [Fact]
    public void Empty_accumulators_merge_as_nothing()
    {
        var merged = new ZipFeatures.Accumulator();
        merged.Merge(new ZipFeatures.Accumulator());
        foreach (var row in RealData.Zips)
        {
            merged.Add(row);
        }

        merged.Merge(new ZipFeatures.Accumulator());

        Same.Artifact(ZipsOnePass.Value, Save(merged.Complete()));
    }

    [Fact]
    public void Fitting_on_no_rows_throws_and_names_a_fitted_transform()
    {
        var fit = Assert.Throws<InvalidOperationException>(() => ZipFeatures.Fit(Array.Empty<Zip>()));
        var complete = Assert.Throws<InvalidOperationException>(() => new ZipFeatures.Accumulator().Complete());
        var parallel = Assert.Throws<InvalidOperationException>(() => ZipFeatures.Fit(new List<Zip>(), new ParallelOptions()));

        Assert.Contains("[ZScore] Latitude", fit.Message);
        Assert.Contains("no rows", fit.Message);
        Assert.Equal(fit.Message, complete.Message);
        Assert.Equal(fit.Message, parallel.Message);
    }

    [Fact]
    public void Fitting_a_column_that_is_missing_in_every_row_throws_and_names_its_feature()
    {
        // The State column left unmapped upstream: every row reads as empty, and the rest are real.
        var rows = RealData.Zips.Take(500).Select(zip => zip with { State = "" }).ToArray();
        var fit = Assert.Throws<InvalidOperationException>(() => ZipFeatures.Fit(rows));

        Assert.Contains("fitted on 500 rows, but every value of [Vocabulary] State was missing", fit.Message, StringComparison.Ordinal);
        Assert.Equal(fit.Message, Assert.Throws<InvalidOperationException>(() => ZipFeatures.Fit(rows, new ParallelOptions())).Message);

        // One present value is enough to fit on.
        rows[0] = rows[0] with { State = "NY" };
        Assert.Equal(500, ZipFeatures.Fit(rows).TrainingRows);
    }

    [Fact]
    public void A_feature_set_with_nothing_to_fit_can_be_fitted_on_no_rows()
    {
        Assert.Equal(0, KindFeatures.Fit(Array.Empty<Reading>()).TrainingRows);
    }

    [Theory]
    [MemberData(nameof(DegreesOfParallelism))]
    public void The_parallel_fit_saves_the_same_bytes_as_one_pass(int degree)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = degree };

        Same.Artifact(FlightsOnePass.Value, Save(FlightFeatures.Fit(RealData.Flights, options)));
        Same.Artifact(ZipsOnePass.Value, Save(ZipFeatures.Fit(RealData.Zips, options)));
    }

    // An array or a List is fitted as a span, anything else through its interface: the same bytes either way.
    [Fact]
    public void Fitting_a_span_saves_the_same_bytes_as_fitting_an_enumerable()
    {
        var flights = RealData.Flights;
        Same.Artifact(FlightsOnePass.Value, Save(FlightFeatures.Fit(flights.Select(flight => flight))));
        Same.Artifact(FlightsOnePass.Value, Save(FlightFeatures.Fit(new List<Flight>(flights))));
        Same.Artifact(FlightsOnePass.Value, Save(FlightFeatures.Fit(Array.AsReadOnly(flights), new ParallelOptions { MaxDegreeOfParallelism = 2 })));
        Same.Artifact(FlightsOnePass.Value, Save(FlightFeatures.Fit(new List<Flight>(flights), new ParallelOptions { MaxDegreeOfParallelism = 2 })));
        Same.Artifact(ZipsOnePass.Value, Save(ZipFeatures.Fit(RealData.Zips.Select(zip => zip))));
    }

    [Fact]
    public void The_zip_fit_covers_the_transforms_the_flights_sample_leaves_out()
    {
        var json = System.Text.Encoding.UTF8.GetString(ZipsOnePass.Value);

        Assert.Contains("\"transform\": \"MinMax\"", json, StringComparison.Ordinal);
        Assert.Contains("\"encoding\": \"Index\"", json, StringComparison.Ordinal);
        Assert.Contains("\"exact\": false", json, StringComparison.Ordinal);
    }
}
