using Flights;

namespace Skewless.Benchmarks;

/// <summary>The order rows arrive in, which decides how predictable the per-row branches are.</summary>
public enum RowOrder
{
    /// <summary>A seeded random draw from the whole quarter: day of week and hour change on every row, as for a service fed from many sources.</summary>
    Shuffled,

    /// <summary>Consecutive rows of the time-sorted file: the day of week changes only every ~55 rows, so branches are easy to predict.</summary>
    Chronological,
}

/// <summary>Real flights for the serving benchmarks, and the fitted feature set a serving process would load.</summary>
public static class ServingRows
{
    public const int PerInvoke = 1024;

    /// <summary>Every flight of the sample's data.</summary>
    public static Flight[] All() => FlightData.Load(FlightData.SamplePath);

    /// <summary><see cref="PerInvoke"/> rows of <paramref name="all"/> in the given order.</summary>
    public static T[] Select<T>(T[] all, RowOrder order)
    {
        switch (order)
        {
            case RowOrder.Shuffled:
                var copy = (T[])all.Clone();
                new Random(2001).Shuffle(copy);
                return copy[..PerInvoke];
            case RowOrder.Chronological:
                return all[..PerInvoke];
            default:
                throw new ArgumentOutOfRangeException(nameof(order), order, null);
        }
    }

    /// <summary>Fits on <paramref name="training"/>, saves the artifact and loads it back, as training and serving do.</summary>
    public static FlightFeatures.Fitted FitSaveLoad(Flight[] training)
    {
        using var artifact = new MemoryStream();
        FlightFeatures.Fit(training).Save(artifact);
        artifact.Position = 0;
        return FlightFeatures.Fitted.Load(artifact);
    }

    /// <summary>Throws unless <paramref name="candidate"/> writes the same bits as the hand-written features for every row: a benchmark must never compare unequal work.</summary>
    public static void RequireBitIdentical(string name, Flight[] rows, HandWrittenFlightFeatures handWritten, SpanAction candidate)
    {
        Span<float> expected = stackalloc float[HandWrittenFlightFeatures.Width];
        Span<float> actual = stackalloc float[HandWrittenFlightFeatures.Width];
        var slots = FlightFeatures.Schema.Features.SelectMany(feature => feature.Slots).ToArray();
        foreach (var row in rows)
        {
            // Poison both buffers, so a slot one side forgets to write cannot match by accident.
            expected.Fill(float.NaN);
            actual.Fill(-1f);
            handWritten.Write(row, expected);
            candidate(row, actual);
            for (var slot = 0; slot < expected.Length; slot++)
            {
                if (BitConverter.SingleToInt32Bits(expected[slot]) != BitConverter.SingleToInt32Bits(actual[slot]))
                {
                    throw new InvalidOperationException(
                        $"{name} differs from the hand-written features for {row} in slot {slot} ({slots[slot]}): {actual[slot]:R} vs {expected[slot]:R}.");
                }
            }
        }
    }

    public delegate void SpanAction(Flight row, Span<float> destination);
}
