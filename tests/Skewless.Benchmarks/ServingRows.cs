using Flights;

namespace Skewless.Benchmarks;

/// <summary>The order rows arrive in, which decides how predictable the per-row branches are.</summary>
public enum RowOrder
{
    /// <summary>
    /// A seeded random draw from the whole quarter, in a fresh order on every pass: day of week and hour change on every
    /// row, as for a service fed from many sources, and the sequence never repeats, so a branch predictor cannot learn it.
    /// </summary>
    Shuffled,

    /// <summary>Consecutive rows of the time-sorted file, the same on every pass: the day of week changes only every ~55 rows, so branches are easy to predict.</summary>
    Chronological,
}

/// <summary>Real flights for the serving benchmarks, and the fitted feature set a serving process would load.</summary>
public static class ServingRows
{
    /// <summary>Rows a call: <see cref="Distinct"/> rows, 64 times over.</summary>
    public const int PerInvoke = 64 * Distinct;

    /// <summary>
    /// Rows held: few enough to stay in the L1 and L2 caches, as a request's freshly read row is. Replayed in one order,
    /// they would be learnt by the branch predictor, which then hides the cost of every data-dependent branch: a
    /// bisection of ten buckets took 3 ns a value over 1,024 values replayed and 19 ns over fresh orders
    /// (<see cref="QuantileBucketLookupBenchmarks"/>).
    /// </summary>
    public const int Distinct = 1024;

    /// <summary>Every flight of the sample's data.</summary>
    public static Flight[] All() => FlightData.Load(FlightData.SamplePath);

    /// <summary><see cref="PerInvoke"/> rows of <paramref name="all"/> in the given order, drawn from <see cref="Distinct"/> of them.</summary>
    public static T[] Select<T>(T[] all, RowOrder order)
    {
        var random = new Random(2001);
        T[] distinct;
        switch (order)
        {
            case RowOrder.Shuffled:
                distinct = (T[])all.Clone();
                random.Shuffle(distinct);
                distinct = distinct[..Distinct];
                break;
            case RowOrder.Chronological:
                distinct = all[..Distinct];
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(order), order, null);
        }

        var rows = new T[PerInvoke];
        for (var pass = 0; pass < PerInvoke / Distinct; pass++)
        {
            var passRows = rows.AsSpan(pass * Distinct, Distinct);
            distinct.CopyTo(passRows);
            if (order == RowOrder.Shuffled)
            {
                random.Shuffle(passRows);
            }
        }

        return rows;
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
