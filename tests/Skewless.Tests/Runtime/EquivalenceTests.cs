using Flights;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Runtime;

/// <summary>On all 20,000 real flights, the batch path, the single-row path and a saved-then-loaded artifact compute the same bits.</summary>
public sealed class EquivalenceTests
{
    private static readonly Lazy<Flight[]> AllFlights = new(() => FlightData.Load(RepositoryPaths.Flights20k));

    [Fact]
    public void Batch_and_single_row_paths_are_bit_identical_on_20000_flights()
    {
        var flights = AllFlights.Value;
        Assert.Equal(20_000, flights.Length);
        var fitted = FlightFeatures.Fit(flights);

        var batch = Batch(fitted, flights);
        var single = SingleRows(fitted, flights);

        Assert.Equal(ToBits(batch), ToBits(single));
    }

    [Fact]
    public void A_list_transforms_as_its_span_does()
    {
        var flights = AllFlights.Value.Take(1_000).ToArray();
        var fitted = FlightFeatures.Fit(flights);
        var list = flights.ToList();

        var matrix = new float[list.Count * FlightFeatures.Vector.Width];
        fitted.Transform(list, matrix);
        var indices = new int[list.Count * FlightFeatures.Vector.SparseWidth];
        var values = new float[indices.Length];
        fitted.Transform(list, indices, values);

        var spanIndices = new int[indices.Length];
        var spanValues = new float[indices.Length];
        fitted.Transform(flights, spanIndices, spanValues);
        Assert.Equal(ToBits(Batch(fitted, flights)), ToBits(matrix));
        Assert.Equal(spanIndices, indices);
        Assert.Equal(ToBits(spanValues), ToBits(values));
    }

    [Fact]
    public void Save_then_load_gives_identical_output_and_identical_bytes()
    {
        var flights = AllFlights.Value;
        var fitted = FlightFeatures.Fit(flights);
        var saved = Save(fitted);

        var loaded = FlightFeatures.Fitted.Load(new MemoryStream(saved));

        Assert.Equal(fitted.TrainingRows, loaded.TrainingRows);
        Assert.Equal(saved, Save(loaded));
        Assert.Equal(ToBits(Batch(fitted, flights)), ToBits(SingleRows(loaded, flights)));
    }

    [Fact]
    public void Merged_partitions_fit_the_same_as_one_pass()
    {
        var flights = AllFlights.Value;
        var accumulators = flights.Chunk(7_000).Select(partition =>
        {
            var accumulator = new FlightFeatures.Accumulator();
            foreach (var flight in partition)
            {
                accumulator.Add(flight);
            }

            return accumulator;
        }).ToArray();
        foreach (var other in accumulators.Skip(1))
        {
            accumulators[0].Merge(other);
        }

        Assert.Equal(Save(FlightFeatures.Fit(flights)), Save(accumulators[0].Complete()));
    }

    private static float[] Batch(FlightFeatures.Fitted fitted, Flight[] flights)
    {
        var matrix = new float[flights.Length * FlightFeatures.Vector.Width];
        fitted.Transform(flights, matrix);
        return matrix;
    }

    private static float[] SingleRows(FlightFeatures.Fitted fitted, Flight[] flights)
    {
        var width = FlightFeatures.Vector.Width;
        var matrix = new float[flights.Length * width];
        for (var i = 0; i < flights.Length; i++)
        {
            fitted.Transform(flights[i]).CopyTo(matrix.AsSpan(i * width, width));
        }

        return matrix;
    }

    private static int[] ToBits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();

    private static byte[] Save(FlightFeatures.Fitted fitted)
    {
        using var stream = new MemoryStream();
        fitted.Save(stream);
        return stream.ToArray();
    }
}
