using System.Text;
using Skewless.Artifacts;
using Skewless.Monitoring;
using Skewless.Transforms;
using Xunit;

namespace Skewless.Tests.Transforms;

public sealed class MinMaxTests
{
    public static TheoryData<string> RealColumns() => new() { "distance", "latitude", "longitude", "penguin beak length" };

    private static double[] Column(string name) => name switch
    {
        "distance" => RealData.Flights.Select(flight => (double)flight.DistanceMiles).ToArray(),
        "latitude" => RealData.Zips.Select(zip => zip.Latitude).ToArray(),
        "longitude" => RealData.Zips.Select(zip => zip.Longitude).ToArray(),
        "penguin beak length" => RealData.PenguinBeakLengths.Select(length => length ?? double.NaN).ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static MinMax Fit(IEnumerable<double> values)
    {
        var accumulator = new MinMaxAccumulator();
        foreach (var value in values)
        {
            accumulator.Add(value);
        }

        return accumulator.Complete();
    }

    private static byte[] Saved(MinMax fitted)
    {
        var schema = new FeatureSchema("Tests.MinMaxOnly", "MinMaxOnly", 1, "0000000000000000", "System.Double",
            new[] { new FeatureDescriptor("Value", FeatureKind.Double, FeatureTransform.MinMax, 0, 1, new[] { "Value" }) },
            Array.Empty<System.Reflection.Assembly>());
        using var stream = new MemoryStream();
        var rows = fitted.Count + fitted.Missing;

        // The statistics are not under test here: those of one value keep the bytes down to the transform's.
        var one = new NumericStatisticsAccumulator();
        one.Add(0);
        var statistics = TrainingStatistics.Create(schema, rows, new[] { one.Complete(schema.Features[0]) }, null);
        ArtifactWriter.Write(stream, schema, rows, new IFittedTransform?[] { fitted }, statistics);
        return stream.ToArray();
    }

    [Theory]
    [MemberData(nameof(RealColumns))]
    public void Minimum_maximum_and_mean_match_linq(string column)
    {
        var values = Column(column);
        var finite = values.Where(double.IsFinite).ToArray();

        var fitted = Fit(values);

        Assert.Equal(finite.Min(), fitted.Minimum);
        Assert.Equal(finite.Max(), fitted.Maximum);
        Assert.True(Math.Abs(fitted.Mean - finite.Average()) <= 1e-12 * Math.Abs(finite.Average()), $"Mean {fitted.Mean:R}, LINQ {finite.Average():R}.");
        Assert.Equal(ExactReference.MeanAndVariance(finite).Mean, fitted.Mean);
        Assert.Equal((long)finite.Length, fitted.Count);
        Assert.Equal(values.Length - finite.Length, fitted.Missing);
    }

    [Fact]
    public void Apply_rescales_the_training_range_to_zero_to_one_unclipped()
    {
        var values = Column("longitude");
        var fitted = Fit(values);

        Assert.Equal(0f, fitted.Apply(fitted.Minimum));
        Assert.Equal(1f, fitted.Apply(fitted.Maximum));
        foreach (var value in values.Take(1_000).Concat(new[] { -1000.0, 1000.0, 0.0 }))
        {
            Assert.Equal((float)((value - fitted.Minimum) / (fitted.Maximum - fitted.Minimum)), fitted.Apply(value));
        }

        Assert.True(fitted.Apply(fitted.Minimum - 10) < 0);
        Assert.True(fitted.Apply(fitted.Maximum + 10) > 1);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_missing_value_becomes_the_mean_scaled(double missing)
    {
        var fitted = Fit(Column("penguin beak length"));

        Assert.Equal(fitted.Apply(fitted.Mean), fitted.Apply(missing));
        Assert.Equal((float)((fitted.Mean - fitted.Minimum) / (fitted.Maximum - fitted.Minimum)), fitted.Apply(missing));
        Assert.InRange(fitted.Apply(missing), 0f, 1f);
    }

    [Fact]
    public void A_constant_feature_is_only_shifted()
    {
        var fitted = Fit(new[] { 3.0, 3.0 });

        Assert.Equal(0f, fitted.Apply(3));
        Assert.Equal(2f, fitted.Apply(5));
        Assert.Equal(0f, fitted.Apply(double.NaN));
    }

    [Fact]
    public void An_empty_fit_is_the_identity_and_missing_becomes_zero()
    {
        var fitted = Fit(new[] { double.NaN });

        Assert.Equal((0L, 1L, 0.0, 0.0, 0.0), (fitted.Count, fitted.Missing, fitted.Minimum, fitted.Maximum, fitted.Mean));
        Assert.Equal(0.25f, fitted.Apply(0.25));
        Assert.Equal(0f, fitted.Apply(double.NaN));
    }

    [Fact]
    public void Signed_zeros_fit_the_same_in_any_order()
    {
        var negativeFirst = Saved(Fit(new[] { -0.0, 0.0 }));
        var positiveFirst = Saved(Fit(new[] { 0.0, -0.0 }));

        Assert.Equal(Encoding.UTF8.GetString(positiveFirst), Encoding.UTF8.GetString(negativeFirst));
        Assert.Equal(Saved(Fit(new[] { 0.0 })), Saved(Fit(new[] { -0.0 })));
        Assert.DoesNotContain("-0", Encoding.UTF8.GetString(Saved(Fit(new[] { -0.0, -0.0 }))), StringComparison.Ordinal);
    }

    [Fact]
    public void Signed_zeros_merge_the_same_in_any_order()
    {
        MinMaxAccumulator Of(double value)
        {
            var accumulator = new MinMaxAccumulator();
            accumulator.Add(value);
            return accumulator;
        }

        var negativeInto = Of(-0.0);
        negativeInto.Merge(Of(0.0));
        var positiveInto = Of(0.0);
        positiveInto.Merge(Of(-0.0));
        var emptyInto = new MinMaxAccumulator();
        emptyInto.Merge(Of(-0.0));

        Assert.Equal(Saved(positiveInto.Complete()), Saved(negativeInto.Complete()));
        Assert.Equal(BitConverter.DoubleToInt64Bits(0.0), BitConverter.DoubleToInt64Bits(emptyInto.Complete().Minimum));
    }

    [Fact]
    public void Merged_partitions_fit_the_same_as_one_pass()
    {
        var random = new Random(21);
        var values = Column("longitude").Concat(new[] { double.NaN, -0.0, 0.0 }).ToArray();
        var expected = Saved(Fit(values));

        for (var trial = 0; trial < 20; trial++)
        {
            var shuffled = RandomData.Shuffled(random, values);
            var parts = RandomData.Partition(random, shuffled.Length, 16).Select(part =>
            {
                var accumulator = new MinMaxAccumulator();
                foreach (var value in shuffled.AsSpan(part.Start, part.Length))
                {
                    accumulator.Add(value);
                }

                return accumulator;
            }).ToList();

            var merged = RandomData.MergeRandomly(random, parts, (into, from) => into.Merge(from));

            Assert.Equal(expected, Saved(merged.Complete()));
        }
    }

    [Fact]
    public void A_range_wider_than_the_largest_double_still_maps_onto_zero_to_one()
    {
        var fitted = Fit(new[] { -double.MaxValue, 0, double.MaxValue });

        Assert.Equal(0f, fitted.Apply(-double.MaxValue));
        Assert.Equal(0.5f, fitted.Apply(0));
        Assert.Equal(1f, fitted.Apply(double.MaxValue));
        Assert.Equal(0.5f, fitted.Apply(double.NaN));
    }

    [Fact]
    public void The_float_and_integer_overloads_give_what_the_double_one_gives()
    {
        MinMax[] fits = [Fit([2_147_483_000.0, 2_147_483_600.0]), Fit([-3.5, 0.25, 1e6]), Fit([-double.MaxValue, double.MaxValue]), Fit([7.0])];
        foreach (var fitted in fits)
        {
            WideningOverloads.AssertSame(WideningOverloads.Floats(), value => value, fitted.Apply, fitted.Apply);
            WideningOverloads.AssertSame(WideningOverloads.Integers(), value => value, fitted.Apply, fitted.Apply);

            // An int takes the long overload, not the float one, which would round 2,147,483,646 to 2^31.
            Assert.Equal(fitted.Apply((double)(int.MaxValue - 1)), fitted.Apply(int.MaxValue - 1));
        }
    }
}
