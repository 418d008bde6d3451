using BenchmarkDotNet.Attributes;
using Flights;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using Skewless.Transforms;

namespace Skewless.Benchmarks;

/// <summary>
/// Issue 3's serving benchmark: one raw <see cref="Flight"/> through the generated <c>Transform(in row, span)</c>, against
/// ML.NET's <see cref="PredictionEngine{TSrc,TDst}"/> running the nearest equivalent transform chain over the same raw row,
/// fitted on the same 5,000 flights: a CustomMapping for hour, day, weekend, red-eye and log distance; OneHotEncoding of the
/// day; NormalizeMeanVariance (fixZero: false) of the log distance; NormalizeBinning of the distance into 10 bins;
/// OneHotEncoding of the origin (50 keys); OneHotHashEncoding of the destination (6 bits); Concatenate into Features.
/// The chain is equivalent in work, not identical in output: NormalizeBinning writes a bin scaled to [0, 1] from ML.NET's
/// own bin edges, not the quantile bucket index; its origin vocabulary is the first 50 airports by occurrence, not the 50
/// most frequent, with no OOV buckets; its hash is MurmurHash3, not StableHash. So it has 126 slots to our 128.
/// </summary>
public class MlNetServingBenchmarks : PredictionEngineBenchmarks<Flight>
{
    private FlightFeatures.Fitted _fitted = null!;
    private HandWrittenFlightFeatures _handWritten = null!;
    private readonly float[] _buffer = new float[FlightFeatures.Vector.Width];

    /// <summary>The columns the custom mapping reads from the raw row.</summary>
    public sealed class Calendar
    {
        public DateTime Departure { get; set; }

        public float DistanceMiles { get; set; }
    }

    /// <summary>What the custom mapping computes: the same expressions as FlightFeatures, as floats for ML.NET.</summary>
    public sealed class CalendarFeatures
    {
        public float Hour { get; set; }

        public float Day { get; set; }

        public float Weekend { get; set; }

        public float RedEye { get; set; }

        public float LogDistance { get; set; }
    }

    // SKW304 is right: ML.NET's side of the comparison has to compute the features again, over its own input type.
#pragma warning disable SKW304
    public static void MapCalendar(Calendar input, CalendarFeatures output)
    {
        var hour = input.Departure.Hour;
        var day = input.Departure.DayOfWeek;
        output.Hour = hour + input.Departure.Minute / 60f;
        output.Day = (float)day;
        output.Weekend = day is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1f : 0f;
        output.RedEye = hour < 5 || hour >= 22 ? 1f : 0f;
        output.LogDistance = MathF.Log(1 + input.DistanceMiles);
    }
#pragma warning restore SKW304

    /// <summary>The ML.NET chain, unfitted.</summary>
    public static IEstimator<ITransformer> Pipeline(MLContext ml) =>
        ml.Transforms.CustomMapping<Calendar, CalendarFeatures>(MapCalendar, contractName: null)
            .Append(ml.Transforms.Categorical.OneHotEncoding("DayOneHot", "Day", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue))
            .Append(ml.Transforms.NormalizeMeanVariance("LogDistanceZ", "LogDistance", fixZero: false))
            .Append(ml.Transforms.NormalizeBinning("DistanceBin", nameof(Flight.DistanceMiles), fixZero: false, maximumBinCount: 10))
            .Append(ml.Transforms.Categorical.OneHotEncoding("OriginOneHot", nameof(Flight.Origin), maximumNumberOfKeys: 50))
            .Append(ml.Transforms.Categorical.OneHotHashEncoding("DestinationHash", nameof(Flight.Destination), numberOfBits: 6))
            .Append(ml.Transforms.Concatenate("Features", "Hour", "DayOneHot", "Weekend", "RedEye", "LogDistanceZ", "DistanceBin", "OriginOneHot", "DestinationHash"));

    [GlobalSetup]
    public void Setup()
    {
        var all = ServingRows.All();
        Rows = ServingRows.Select(all, Order);
        _fitted = ServingRows.FitSaveLoad(all);
        _handWritten = new HandWrittenFlightFeatures(_fitted);

        var ml = new MLContext(seed: 1);
        var model = Pipeline(ml).Fit(ml.Data.LoadFromEnumerable(all));
        Engine = ml.Model.CreatePredictionEngine<Flight, MlFeatures>(model);

        // Sanity: the unfitted features agree exactly, the z-score to float rounding, and the widths are as documented.
        var zScore = (ZScore)_fitted.Transforms[4]!;
        double largest = 0;
        var width = 0;
        foreach (var row in all)
        {
            var features = Predict(row).DenseValues().ToArray();
            var ours = _fitted.Transform(row);
            width = features.Length;
            if (features[0] != ours.Hour || features[1 + (int)ours.Day] != 1f || features[8] != (ours.Weekend ? 1f : 0f) || features[9] != (ours.RedEye ? 1f : 0f))
            {
                throw new InvalidOperationException($"ML.NET's calendar features differ from Skewless's for {row}.");
            }

            largest = Math.Max(largest, Math.Abs(features[10] - ours.LogDistance));
        }

        Console.WriteLine($"// ML.NET Features: {width} slots (Skewless {FlightFeatures.Vector.Width}); z-score of the log distance differs from Skewless's by at most {largest:E2}.");
        if (width != 126 || largest > 1e-5)
        {
            throw new InvalidOperationException($"ML.NET's chain is not the documented equivalent: {width} slots, z-score off by {largest}.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ServingRows.PerInvoke, Description = "Skewless: Transform(in row, span)")]
    public void Skewless()
    {
        var rows = Rows;
        var fitted = _fitted;
        var buffer = _buffer.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            fitted.Transform(in rows[i], buffer);
        }
    }

    /// <summary>The floor: what any implementation of these features costs (see ServingBenchmarks), to tell the emitter's share of the ratio from the features' own.</summary>
    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Hand-written: write floats")]
    public void HandWritten()
    {
        var rows = Rows;
        var handWritten = _handWritten;
        var buffer = _buffer.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            handWritten.Write(rows[i], buffer);
        }
    }
}
