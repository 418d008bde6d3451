using Flights;
using Skewless.Transforms;
using Xunit;

namespace Skewless.Tests.Transforms;

/// <summary>
/// Rows no training set had, through the generated FlightFeatures: Transform never throws, every
/// fitted slot holds the value its transform documents for a missing or unseen input, and the
/// single-row, batch and sparse forms agree bit for bit.
/// </summary>
public sealed class AdversarialServingTests
{
    private static readonly int LogDistanceSlot = FlightFeatures.Schema.Find("LogDistance")!.Offset;
    private static readonly int DecileSlot = FlightFeatures.Schema.Find("DistanceDecile")!.Offset;
    private static readonly int OriginSlots = FlightFeatures.Schema.Find("Origin")!.Offset;
    private static readonly int VocabularyWidth = FlightFeatures.Schema.Find("Origin")!.Width;
    private static readonly int DestinationSlots = FlightFeatures.Schema.Find("Destination")!.Offset;
    private static readonly int DestinationBuckets = FlightFeatures.Schema.Find("Destination")!.Width;

    private static readonly Lazy<FlightFeatures.Fitted> Fitted = new(() => FlightFeatures.Fit(RealData.Flights));

    private static readonly Flight Ordinary = new() { Departure = new DateTime(2001, 2, 3, 14, 30, 0), Origin = "LAX", Destination = "SFO", DistanceMiles = 337 };

    public static TheoryData<float> OddDistances() => new() { float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.MaxValue, -float.MaxValue, float.Epsilon, -1, 0, -0f };

    public static TheoryData<string?> OddStrings() => new()
    {
        null,
        "",
        new string('Q', 100_000),
        "東京",
        "😀",
        "\uD800",
        "\0",
        "lax",
        "LAX ",
        "ZZZ",
    };

    private static float[] Vector(Flight flight)
    {
        Span<float> slots = stackalloc float[FlightFeatures.Vector.Width];
        Fitted.Value.Transform(flight, slots);
        var single = slots.ToArray();

        var batch = new float[FlightFeatures.Vector.Width];
        Fitted.Value.Transform(new[] { flight }, batch);
        Assert.Equal(single.Select(BitConverter.SingleToInt32Bits), batch.Select(BitConverter.SingleToInt32Bits));

        var indices = new int[FlightFeatures.Vector.SparseWidth];
        var values = new float[FlightFeatures.Vector.SparseWidth];
        Fitted.Value.Transform(new[] { flight }, indices, values);
        Same.Bits(single, SparseTests.Expand(indices, values, 1, FlightFeatures.Schema), FlightFeatures.Vector.Width);
        return single;
    }

    private static int[] SetSlots(float[] vector, int start, int width) =>
        Enumerable.Range(0, width).Where(slot => vector[start + slot] != 0).ToArray();

    private static Vocabulary OriginVocabulary => (Vocabulary)Fitted.Value.Transforms[6]!;

    [Theory]
    [MemberData(nameof(OddDistances))]
    public void Odd_distances_give_documented_values(float distance)
    {
        var vector = Vector(Ordinary with { DistanceMiles = distance });

        var fitted = Fitted.Value;
        var zScore = (ZScore)fitted.Transforms[4]!;
        var deciles = (QuantileBuckets)fitted.Transforms[5]!;
        var logDistance = MathF.Log(1 + distance);
        Assert.Equal(float.IsFinite(logDistance) ? zScore.Apply(logDistance) : 0f, vector[LogDistanceSlot]);
        Assert.True(float.IsFinite(vector[LogDistanceSlot]));

        var expectedDecile = float.IsNaN(distance) ? -1
            : distance == float.NegativeInfinity ? 0
            : distance == float.PositiveInfinity ? 9
            : deciles.Boundaries.Count(boundary => boundary <= distance);
        Assert.Equal(expectedDecile, vector[DecileSlot]);
    }

    [Fact]
    public void Nan_and_infinite_distances_are_missing()
    {
        Assert.Equal((0f, -1f), (Vector(Ordinary with { DistanceMiles = float.NaN })[LogDistanceSlot], Vector(Ordinary with { DistanceMiles = float.NaN })[DecileSlot]));
        Assert.Equal((0f, 9f), (Vector(Ordinary with { DistanceMiles = float.PositiveInfinity })[LogDistanceSlot], Vector(Ordinary with { DistanceMiles = float.PositiveInfinity })[DecileSlot]));
        Assert.Equal((0f, 0f), (Vector(Ordinary with { DistanceMiles = float.NegativeInfinity })[LogDistanceSlot], Vector(Ordinary with { DistanceMiles = float.NegativeInfinity })[DecileSlot]));
        Assert.Equal(9f, Vector(Ordinary with { DistanceMiles = float.MaxValue })[DecileSlot]);
    }

    [Theory]
    [MemberData(nameof(OddStrings))]
    public void Odd_airports_set_no_slot_when_missing_and_their_bucket_when_unseen(string? airport)
    {
        var vector = Vector(Ordinary with { Origin = airport!, Destination = airport! });

        var missing = string.IsNullOrEmpty(airport);
        Assert.Equal(missing ? Array.Empty<int>() : new[] { 50 + StableHash.Bucket(airport, 2) }, SetSlots(vector, OriginSlots, VocabularyWidth));
        Assert.Equal(missing ? Array.Empty<int>() : new[] { StableHash.Bucket(airport, DestinationBuckets) }, SetSlots(vector, DestinationSlots, DestinationBuckets));
        Assert.All(vector, slot => Assert.True(float.IsFinite(slot)));
    }

    [Fact]
    public void A_known_airport_sets_its_term_slot()
    {
        var vector = Vector(Ordinary);

        Assert.Equal(new[] { OriginVocabulary.IndexOf("LAX") }, SetSlots(vector, OriginSlots, VocabularyWidth));
        Assert.InRange(OriginVocabulary.IndexOf("LAX"), 0, 49);
    }

    [Fact]
    public void Every_origin_sets_exactly_one_slot_within_the_vocabulary_width()
    {
        foreach (var flight in RealData.Flights.DistinctBy(flight => flight.Origin))
        {
            var slots = SetSlots(Vector(flight), OriginSlots, VocabularyWidth);

            Assert.Single(slots);
            Assert.Equal(OriginVocabulary.IndexOf(flight.Origin), slots[0]);
        }
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00")]
    [InlineData("9999-12-31T23:59:59.9999999")]
    public void Extreme_dates_transform(string departure)
    {
        var date = DateTime.Parse(departure, System.Globalization.CultureInfo.InvariantCulture);

        var vector = Vector(Ordinary with { Departure = date });

        Assert.Equal(date.Hour + (date.Minute / 60f), vector[0]);
        Assert.Equal(1f, vector[1 + (int)date.DayOfWeek]);
        Assert.Equal(Vector(Ordinary)[LogDistanceSlot..].Select(BitConverter.SingleToInt32Bits), vector[LogDistanceSlot..].Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void The_worst_row_of_all_transforms()
    {
        var worst = new Flight { Departure = DateTime.MaxValue, Origin = null!, Destination = new string('\uFFFF', 100_000), DistanceMiles = float.NaN, DelayMinutes = float.NaN };

        var vector = Vector(worst);

        Assert.Equal((0f, -1f), (vector[LogDistanceSlot], vector[DecileSlot]));
        Assert.Empty(SetSlots(vector, OriginSlots, VocabularyWidth));
        Assert.Single(SetSlots(vector, DestinationSlots, DestinationBuckets));
    }

    [Fact]
    public void A_null_row_is_named_as_the_argument_at_fault_not_a_failure_inside_a_feature()
    {
        using var monitor = Fitted.Value.Monitor();
        var failures = new Action[]
        {
            () => Fitted.Value.Transform(null!),
            () => Fitted.Value.Transform((Flight)null!, new float[FlightFeatures.Vector.Width]),
            () => Fitted.Value.Transform(null!, monitor),
            () => Fitted.Value.Transform(new Flight[] { Ordinary, null! }, new float[2 * FlightFeatures.Vector.Width]),
            () => FlightFeatures.Fit(new Flight[] { Ordinary, null! }),
        };

        Assert.All(failures, failure =>
        {
            var error = Assert.Throws<ArgumentNullException>(failure);
            Assert.Equal("row", error.ParamName);
            Assert.StartsWith("A Flight row is null", error.Message, StringComparison.Ordinal);
        });
        Assert.Equal(0, monitor.Snapshot().Rows);
    }
}
