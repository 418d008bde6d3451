using Skewless.Monitoring;
using Xunit;

namespace Skewless.Tests.Runtime;

public sealed class VectorTests
{
    private static readonly KindFeatures.Fitted Fitted = KindFeatures.Fit(Array.Empty<Reading>());

    // A serving buffer is reused, so CopyTo writes into one that still holds another row; the slot past Width is the caller's.
    private static float[] Dirty(int width) => Enumerable.Repeat(float.NaN, width + 1).ToArray();

    private static float[] Floats(Reading reading)
    {
        var vector = Dirty(KindFeatures.Vector.Width);
        Fitted.Transform(reading).CopyTo(vector);
        Assert.True(float.IsNaN(vector[^1]), "CopyTo wrote past Width.");
        return vector[..^1];
    }

    [Fact]
    public void Schema_lays_out_every_kind()
    {
        var schema = KindFeatures.Schema;
        Assert.Equal(new[] { "Count", "Id", "Score", "Flag", "Weather", "score above one" }, schema.Features.Select(feature => feature.Name));
        Assert.Equal(new[] { FeatureKind.Int32, FeatureKind.Int64, FeatureKind.Double, FeatureKind.Boolean, FeatureKind.Enum, FeatureKind.Boolean }, schema.Features.Select(feature => feature.Kind));
        Assert.Equal(new[] { 0, 1, 2, 3, 4, 7 }, schema.Features.Select(feature => feature.Offset));
        Assert.Equal(8, schema.Width);
        Assert.Equal(KindFeatures.Vector.Width, schema.Width);
        Assert.Equal(new[] { "Weather=Sun", "Weather=Rain", "Weather=Snow" }, schema.Find("Weather")!.Slots);
        Assert.Equal(new[] { "Score" }, schema.Find("score above one")!.Reads);
        Assert.Null(schema.Find("Missing"));
    }

    [Fact]
    public void CopyTo_converts_numbers_bools_and_one_hot_enums()
    {
        Assert.Equal(new[] { 3f, 12345678901f, 2.5f, 1f, 0f, 1f, 0f, 1f }, Floats(new Reading(3, 12345678901, 2.5, true, Weather.Rain)));
        Assert.Equal(new[] { -1f, 0f, 0.5f, 0f, 1f, 0f, 0f, 0f }, Floats(new Reading(-1, 0, 0.5, false, Weather.Sunny)));
    }

    [Fact]
    public void An_undeclared_enum_value_sets_no_slot() =>
        Assert.Equal(new[] { 0f, 0f, 0f }, Floats(new Reading(0, 0, 0, false, (Weather)3)).Skip(4).Take(3));

    [Theory]
    [InlineData(Level.Low, Sign.Negative, new[] { 1f, 0f, 0f, 1f, 0f, 0f })]
    [InlineData(Level.High, Sign.Positive, new[] { 0f, 0f, 1f, 0f, 0f, 1f })]
    [InlineData((Level)2, (Sign)(-2), new[] { 0f, 0f, 0f, 0f, 0f, 0f })]
    [InlineData((Level)6, (Sign)2, new[] { 0f, 0f, 0f, 0f, 0f, 0f })]
    public void Enums_counting_up_from_any_start_are_one_hot_and_undeclared_values_set_no_slot(Level level, Sign sign, float[] expected)
    {
        var vector = Dirty(LevelFeatures.Vector.Width);
        LevelFeatures.Fit(Array.Empty<Levels>()).Transform(new Levels(level, sign)).CopyTo(vector);
        Assert.Equal(expected, vector[..^1]);
    }

    [Fact]
    public void Enums_counting_up_from_any_start_are_counted_by_position_and_undeclared_values_as_missing()
    {
        Levels[] rows = [new(Level.Low, Sign.Negative), new(Level.High, Sign.Positive), new(Level.High, Sign.Zero), new((Level)2, (Sign)2), new((Level)6, (Sign)(-2))];
        var fitted = LevelFeatures.Fit(rows);
        using var monitor = fitted.Monitor();
        foreach (var row in rows)
        {
            fitted.Transform(row, monitor);
        }

        foreach (var statistics in new FeatureSetStatistics[] { fitted.Statistics, monitor.Snapshot() })
        {
            var level = Assert.IsType<CategoricalStatistics>(statistics.Features[0]);
            Assert.Equal(["Low", "Mid", "High"], level.Categories);
            Assert.Equal([1L, 0L, 2L], level.CategoryCounts);
            Assert.Equal(2, level.Missing);
            var sign = Assert.IsType<CategoricalStatistics>(statistics.Features[1]);
            Assert.Equal([1L, 1L, 1L], sign.CategoryCounts);
            Assert.Equal(2, sign.Missing);
        }
    }

    [Fact]
    public void Vocabulary_and_hash_one_hots_overwrite_a_reused_buffer()
    {
        var flights = Transforms.RealData.Flights.Take(500).ToArray();
        var fitted = Flights.FlightFeatures.Fit(flights);
        var reused = Dirty(Flights.FlightFeatures.Vector.Width);
        foreach (var flight in flights)
        {
            var fresh = new float[Flights.FlightFeatures.Vector.Width];
            fitted.Transform(flight, fresh);
            fitted.Transform(flight, reused);
            Assert.Equal(fresh, reused[..^1]);
        }
    }

    [Fact]
    public void Vector_keeps_typed_values() =>
        Assert.Equal(Weather.Snow, Fitted.Transform(new Reading(0, 0, 0, false, Weather.Snow)).Weather);

    [Fact]
    public void CopyTo_refuses_a_short_destination()
    {
        var error = Assert.Throws<ArgumentException>(() => Fitted.Transform(default(Reading)).CopyTo(new float[7]));
        Assert.Contains("needs 8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_transform_refuses_a_short_matrix()
    {
        var rows = new Reading[3];
        var error = Assert.Throws<ArgumentException>(() => Fitted.Transform(rows, new float[23]));
        Assert.Contains("3 rows of width 8 need 24", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accumulators_merge_their_row_counts()
    {
        var first = new KindFeatures.Accumulator();
        var second = new KindFeatures.Accumulator();
        first.Add(default);
        second.Add(default);
        second.Add(default);
        first.Merge(second);
        Assert.Equal(3, first.Rows);
        Assert.Equal(3, first.Complete().TrainingRows);
        Assert.Throws<ArgumentNullException>(() => first.Merge(null!));
    }

    [Fact]
    public void The_generator_and_runtime_agree_on_feature_kinds_and_transforms()
    {
        Assert.Equal(Enum.GetNames<FeatureKind>(), Enum.GetNames<Skewless.Analyzers.Model.FeatureKind>());
        Assert.Equal(Enum.GetNames<FeatureTransform>(), Enum.GetNames<Skewless.Analyzers.Model.FeatureTransform>());
    }

    [Fact]
    public void Schema_refuses_features_that_do_not_tile_the_vector()
    {
        var feature = new FeatureDescriptor("A", FeatureKind.Single, FeatureTransform.None, 1, 1, Array.Empty<string>());
        Assert.Throws<ArgumentException>(() => new FeatureSchema("S", "S", 1, "f", "T", new[] { feature }, Array.Empty<System.Reflection.Assembly>()));
        Assert.Throws<ArgumentException>(() => new FeatureDescriptor("B", FeatureKind.Enum, FeatureTransform.None, 0, 2, Array.Empty<string>(), new[] { "B=x" }));
    }
}
