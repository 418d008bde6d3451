using System.Text.Json;
using Skewless.Transforms;
using Xunit;

namespace Skewless.Tests.Transforms;

public sealed class ZScoreTests
{
    public static TheoryData<string> RealColumns() => new() { "distance", "log distance", "penguin beak length" };

    private static double[] Column(string name) => name switch
    {
        "distance" => RealData.Flights.Select(flight => (double)flight.DistanceMiles).ToArray(),
        "log distance" => RealData.Flights.Select(flight => (double)Flights.FlightFeatures.LogDistance(flight)).ToArray(),
        "penguin beak length" => RealData.PenguinBeakLengths.Select(length => length ?? double.NaN).ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static ZScore Fit(IEnumerable<double> values)
    {
        var accumulator = new ZScoreAccumulator();
        foreach (var value in values)
        {
            accumulator.Add(value);
        }

        return accumulator.Complete();
    }

    private static void AssertRelative(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"{what}: expected {expected:R}, got {actual:R}.");

    [Theory]
    [MemberData(nameof(RealColumns))]
    public void Mean_and_deviation_match_a_two_pass_reference(string column)
    {
        var values = Column(column);
        var finite = values.Where(double.IsFinite).ToArray();

        var fitted = Fit(values);

        var (mean, variance) = ExactReference.MeanAndVariance(finite);
        Assert.Equal(mean, fitted.Mean);
        AssertRelative(Math.Sqrt(variance), fitted.StandardDeviation, 1e-15, "against the exact two-pass deviation");

        var naiveMean = finite.Sum() / finite.Length;
        var naiveDeviation = Math.Sqrt(finite.Sum(value => (value - naiveMean) * (value - naiveMean)) / finite.Length);
        AssertRelative(naiveMean, fitted.Mean, 1e-12, "against a double two-pass mean");
        AssertRelative(naiveDeviation, fitted.StandardDeviation, 1e-12, "against a double two-pass deviation");

        Assert.Equal(finite.Length, fitted.Count);
        Assert.Equal(values.Length - finite.Length, fitted.Missing);
    }

    [Fact]
    public void Penguins_with_no_beak_length_are_missing()
    {
        var fitted = Fit(Column("penguin beak length"));

        Assert.Equal(RealData.PenguinBeakLengths.Count(length => length is null), fitted.Missing);
        Assert.True(fitted.Missing > 0, "The penguin data should have gaps.");
    }

    [Fact]
    public void Apply_standardises_finite_values()
    {
        var values = Column("log distance");
        var fitted = Fit(values);

        foreach (var value in values.Take(1_000).Concat(new[] { 0.0, -1e6, 1e6, double.MaxValue, double.Epsilon }))
        {
            Assert.Equal((float)((value - fitted.Mean) / fitted.StandardDeviation), fitted.Apply(value));
        }

        Assert.Equal(0f, fitted.Apply(fitted.Mean));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Missing_values_become_zero(double missing)
    {
        Assert.Equal(0f, Fit(Column("distance")).Apply(missing));
        Assert.Equal(0f, Fit(new[] { 4.0, 4.0 }).Apply(missing));
        Assert.Equal(0f, Fit(Array.Empty<double>()).Apply(missing));
    }

    [Fact]
    public void A_constant_feature_is_only_centred()
    {
        var fitted = Fit(Enumerable.Repeat(5.0, 100));

        Assert.Equal(5.0, fitted.Mean);
        Assert.Equal(0.0, fitted.StandardDeviation);
        Assert.Equal(2f, fitted.Apply(7));
        Assert.Equal(-5f, fitted.Apply(0));
        Assert.Equal(0f, fitted.Apply(5));
    }

    [Fact]
    public void An_empty_fit_leaves_values_as_they_are()
    {
        var fitted = Fit(Array.Empty<double>());

        Assert.Equal((0L, 0L, 0.0, 0.0), (fitted.Count, fitted.Missing, fitted.Mean, fitted.StandardDeviation));
        Assert.Equal(3.5f, fitted.Apply(3.5));
        Assert.Equal(-2f, fitted.Apply(-2));
    }

    [Fact]
    public void A_fit_on_missing_values_only_counts_them()
    {
        var fitted = Fit(new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity });

        Assert.Equal((0L, 3L, 0.0, 0.0), (fitted.Count, fitted.Missing, fitted.Mean, fitted.StandardDeviation));
    }

    [Theory]
    [InlineData(1e200)]
    [InlineData(1e300)]
    [InlineData(1e-200)]
    [InlineData(1e-300)]
    public void The_deviation_of_huge_and_tiny_values_is_neither_infinite_nor_zero(double scale)
    {
        var fitted = Fit(new[] { -scale, scale, 3 * scale });

        AssertRelative(scale, fitted.Mean, 1e-15, "mean");
        AssertRelative(Math.Sqrt(8.0 / 3) * scale, fitted.StandardDeviation, 1e-15, "standard deviation");
        Assert.Equal(Math.Sqrt(3.0 / 2), fitted.Apply(3 * scale), 1e-6);

        using var json = new Utf8JsonWriter(Stream.Null);
        fitted.WriteTo(json);
    }

    [Fact]
    public void The_float_and_integer_overloads_give_what_the_double_one_gives()
    {
        ZScore[] fits = [Fit([2_147_483_000.0, 2_147_483_600.0]), Fit([-3.5, 0.25, 1e6]), Fit([7.0])];
        foreach (var fitted in fits)
        {
            WideningOverloads.AssertSame(WideningOverloads.Floats(), value => value, fitted.Apply, fitted.Apply);
            WideningOverloads.AssertSame(WideningOverloads.Integers(), value => value, fitted.Apply, fitted.Apply);

            // An int takes the long overload, not the float one, which would round 2,147,483,646 to 2^31.
            Assert.Equal(fitted.Apply((double)(int.MaxValue - 1)), fitted.Apply(int.MaxValue - 1));
        }
    }
}
