using Flights;
using Skewless.Tests.Runtime;
using Xunit;

namespace Skewless.Tests.Transforms;

/// <summary>
/// The sparse form holds exactly the dense form's slots: expanded, every row has the dense row's bits, on real data, odd
/// rows and every kind of one-hot, and the parallel overload writes what one core does.
/// </summary>
public sealed class SparseTests
{
    private static readonly Lazy<FlightFeatures.Fitted> Flights = new(() => FlightFeatures.Fit(RealData.Flights));
    private static readonly Lazy<ZipFeatures.Fitted> Zips = new(() => ZipFeatures.Fit(RealData.Zips));

    /// <summary>Scatters sparse rows into a zeroed dense matrix, checking that each row lists distinct slots in ascending order.</summary>
    public static float[] Expand(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, int rows, FeatureSchema schema)
    {
        var dense = new float[rows * schema.Width];
        for (var row = 0; row < rows; row++)
        {
            var previous = -1;
            for (var entry = row * schema.SparseWidth; entry < (row + 1) * schema.SparseWidth; entry++)
            {
                Assert.True(indices[entry] > previous && indices[entry] < schema.Width, $"Row {row} lists slot {indices[entry]} after {previous}.");
                dense[(row * schema.Width) + indices[entry]] = values[entry];
                previous = indices[entry];
            }
        }

        return dense;
    }

    private static void SameAsDense<TRow>(IFittedFeatureSet<TRow> fitted, TRow[] rows)
    {
        var schema = fitted.Schema;
        var dense = new float[rows.Length * schema.Width];
        fitted.Transform(rows, dense);
        var indices = Enumerable.Repeat(-1, rows.Length * schema.SparseWidth).ToArray();
        var values = Enumerable.Repeat(float.NaN, indices.Length).ToArray();
        fitted.Transform(rows, indices, values);
        Same.Bits(dense, Expand(indices, values, rows.Length, schema), schema.Width);
    }

    [Fact]
    public void Sparse_width_counts_the_features_with_slots()
    {
        Assert.Equal(FlightFeatures.Vector.SparseWidth, FlightFeatures.Schema.SparseWidth);
        Assert.Equal(FlightFeatures.Vector.SparseWidth, FlightFeatures.Schema.Features.Count);
        Assert.Equal(ZipFeatures.Vector.SparseWidth, ZipFeatures.Schema.SparseWidth);
        Assert.Equal(KindFeatures.Vector.SparseWidth, KindFeatures.Schema.SparseWidth);
        Assert.Equal(6, KindFeatures.Vector.SparseWidth);
    }

    [Fact]
    public void Sparse_flights_expand_to_the_dense_flights() => SameAsDense(Flights.Value, RealData.Flights);

    [Fact]
    public void Sparse_zips_with_missing_unseen_and_odd_values_expand_to_the_dense_zips()
    {
        var zips = RealData.Zips;
        var odd = new[]
        {
            zips[0] with { City = "Atlantis", State = "", Code = null!, Latitude = double.NaN, Longitude = double.PositiveInfinity },
            zips[1] with { City = null!, State = "ZZ", County = "", Latitude = double.NegativeInfinity, Longitude = double.NaN },
            zips[2] with { State = null!, Code = "", County = null!, Latitude = -0.0, Longitude = double.MaxValue },
        };
        SameAsDense(Zips.Value, zips.Concat(odd).ToArray());
    }

    [Fact]
    public void Sparse_enums_declared_or_not_expand_to_the_dense_enums()
    {
        SameAsDense(KindFeatures.Fit(Array.Empty<Reading>()), new[]
        {
            new Reading(3, 12345678901, 2.5, true, Weather.Rain),
            new Reading(-1, 0, double.NaN, false, Weather.Snow),
            new Reading(0, 0, 0, false, (Weather)3),
            new Reading(0, 0, 0, false, (Weather)0),
        });
        SameAsDense(LevelFeatures.Fit(Array.Empty<Levels>()), new[]
        {
            new Levels(Level.Low, Sign.Negative),
            new Levels(Level.High, Sign.Positive),
            new Levels((Level)2, (Sign)(-2)),
            new Levels((Level)6, (Sign)2),
        });
    }

    [Fact]
    public void A_missing_one_hot_feature_is_its_first_slot_holding_zero()
    {
        var indices = new int[FlightFeatures.Vector.SparseWidth];
        var values = new float[FlightFeatures.Vector.SparseWidth];
        Flights.Value.Transform(new Flight { Origin = "", Destination = "SFO" }).CopyTo(indices, values);

        var origin = FlightFeatures.Schema.Find("Origin")!;
        var entry = FlightFeatures.Schema.Features.ToList().IndexOf(origin);
        Assert.Equal(origin.Offset, indices[entry]);
        Assert.Equal(0f, values[entry]);
    }

    public static TheoryData<int> DegreesOfParallelism() => new() { 1, 2, 3, 7, -1 };

    [Theory]
    [MemberData(nameof(DegreesOfParallelism))]
    public void The_parallel_sparse_transform_writes_what_one_core_does(int degree)
    {
        var rows = RealData.Flights;
        var entries = rows.Length * FlightFeatures.Vector.SparseWidth;
        var (indices, values) = (new int[entries], new float[entries]);
        Flights.Value.Transform(rows, indices, values);

        var (parallelIndices, parallelValues) = (new int[entries + 1], new float[entries + 1]);
        Flights.Value.Transform(rows, parallelIndices, parallelValues, new ParallelOptions { MaxDegreeOfParallelism = degree });

        Same.Sequence(indices, parallelIndices.Take(entries));
        Same.Bits(values, parallelValues.AsSpan(0, entries), FlightFeatures.Vector.SparseWidth);
        Assert.Equal(0, parallelIndices[entries]);
    }

    [Fact]
    public void Sparse_transforms_refuse_short_buffers()
    {
        var fitted = KindFeatures.Fit(Array.Empty<Reading>());
        var rows = new Reading[3];
        var error = Assert.Throws<ArgumentException>(() => fitted.Transform(rows, new int[17], new float[18]));
        Assert.Contains("3 rows of 6 need 18", error.Message, StringComparison.Ordinal);
        Assert.Equal("indices", error.ParamName);
        error = Assert.Throws<ArgumentException>(() => fitted.Transform(rows, new int[18], new float[17], new ParallelOptions()));
        Assert.Equal("values", error.ParamName);
        error = Assert.Throws<ArgumentException>(() => fitted.Transform(default(Reading)).CopyTo(new int[6], new float[5]));
        Assert.Contains("needs 6", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => fitted.Transform(rows, new int[18], new float[18], null!));
    }
}
