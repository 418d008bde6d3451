using System.Numerics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.ML;
using Microsoft.ML.Data;
using Skewless.Transforms;

namespace Skewless.Benchmarks;

/// <summary>
/// Issue 3's training benchmark on the 3,000,000 rows of flights-3m.parquet, read once per process in setup (and timed
/// there, apart from everything measured). Each "fit + transform" benchmark fits the z-score of the distance and the two
/// airport vocabularies in full passes, then transforms every row and consumes it, all without materialising 3M rows of
/// features: Skewless and the hand-written loop write dense rows into one reusable chunk of <see cref="ChunkRows"/> rows
/// and sum it; ML.NET runs Fit, Transform and a full cursor pass over its Features column, summing each row's values. All
/// three sums are about 6,000,000 (two ones a row; the z-scores add up to about 0), which setup checks.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class TrainingBenchmarks
{
    /// <summary>Rows a chunk (SKEWLESS_CHUNK_ROWS overrides it, to explore).</summary>
    public static readonly int ChunkRows = int.TryParse(Environment.GetEnvironmentVariable("SKEWLESS_CHUNK_ROWS"), out var rows) ? rows : 1024;

    private TrainingFlight[] _rows = [];
    private float[] _chunk = [];
    private MLContext _ml = null!;
    private IDataView _mlData = null!;
    private IEstimator<ITransformer> _mlPipeline = null!;
    private TrainingFeatures.Fitted _fitted = null!;
    private HandWrittenTraining _handWritten = null!;

    [GlobalSetup]
    public void Setup()
    {
        if (_mlPipeline is not null)
        {
            return; // already set up: the paired runner calls every setup method
        }

        _rows = TrainingData.Rows();
        _chunk = new float[ChunkRows * TrainingFeatures.Vector.Width];
        if (TrainingFeatures.Vector.Width != HandWrittenTraining.Width)
        {
            throw new InvalidOperationException($"The hand-written loop writes {HandWrittenTraining.Width} slots; the feature set has {TrainingFeatures.Vector.Width}.");
        }

        _fitted = TrainingFeatures.Fit(_rows);
        _handWritten = HandWrittenTraining.Fit(_rows);
        RequireEveryAirportKept();
        RequireSameVectors();
        AllProposals();
        var (zScore, origins, destinations) = _proposalFit;
        var fitted = (ZScore)_fitted.Transforms[0]!;
        if (zScore.Mean != fitted.Mean || zScore.StandardDeviation != fitted.StandardDeviation
            || !origins.SequenceEqual(((Vocabulary)_fitted.Transforms[1]!).Terms) || !destinations.SequenceEqual(((Vocabulary)_fitted.Transforms[2]!).Terms))
        {
            throw new InvalidOperationException("The all-proposals variant fits other constants than TrainingFeatures.Fit.");
        }

        _ml = new MLContext(seed: 1);
        _mlData = _ml.Data.LoadFromEnumerable(_rows);
        _mlPipeline = _ml.Transforms.NormalizeMeanVariance("DistanceZ", nameof(TrainingFlight.Distance), fixZero: false)
            .Append(_ml.Transforms.Categorical.OneHotEncoding("OriginOneHot", nameof(TrainingFlight.Origin)))
            .Append(_ml.Transforms.Categorical.OneHotEncoding("DestinationOneHot", nameof(TrainingFlight.Destination)))
            .Append(_ml.Transforms.Concatenate("Features", "DistanceZ", "OriginOneHot", "DestinationOneHot"));
    }

    /// <summary>Only for the ML.NET benchmark's process (the fit takes seconds): its z-score against ours, and the checksums.</summary>
    [GlobalSetup(Target = nameof(MlNetFitTransformCursor))]
    public void SetupMlNet()
    {
        Setup();
        var model = _mlPipeline.Fit(_mlData);
        var transformed = model.Transform(_mlData);
        var zScore = (ZScore)_fitted.Transforms[0]!;
        var column = transformed.Schema["DistanceZ"];
        using var cursor = transformed.GetRowCursor([column]);
        var getter = cursor.GetGetter<float>(column);
        double largest = 0;
        for (var i = 0; cursor.MoveNext(); i++)
        {
            float ml = 0;
            getter(ref ml);
            largest = Math.Max(largest, Math.Abs(ml - zScore.Apply(_rows[i].Distance)));
        }

        var width = ((VectorDataViewType)transformed.Schema["Features"].Type).Size;
        Console.WriteLine($"// ML.NET z-score vs Skewless: largest difference {largest:E2} over {_rows.Length:N0} rows; ML.NET Features has {width} slots, Skewless {TrainingFeatures.Vector.Width} (one OOV slot per vocabulary).");
        if (largest > 1e-5)
        {
            throw new InvalidOperationException($"ML.NET's z-score differs from Skewless's by {largest}: not the same work.");
        }

        var skewless = SkewlessFitTransform();
        var mlNet = MlNetFitTransformCursor();
        Console.WriteLine($"// Checksums: Skewless {skewless:R}, ML.NET {mlNet:R}.");
        if (Math.Abs(skewless - mlNet) > 1)
        {
            throw new InvalidOperationException($"Checksums differ: Skewless {skewless}, ML.NET {mlNet}.");
        }
    }

    [Benchmark(Baseline = true, Description = "Hand-written: fit + transform")]
    [BenchmarkCategory("Fit+transform")]
    public double HandWrittenFitTransform()
    {
        var rows = _rows.AsSpan();
        var fitted = HandWrittenTraining.Fit(rows);
        double checksum = 0;
        for (var start = 0; start < rows.Length; start += ChunkRows)
        {
            var chunk = rows.Slice(start, Math.Min(ChunkRows, rows.Length - start));
            var matrix = _chunk.AsSpan(0, chunk.Length * HandWrittenTraining.Width);
            fitted.Transform(chunk, matrix);
            checksum += Checksum(matrix);
        }

        return checksum;
    }

    [Benchmark(Description = "Skewless: Fit + Transform")]
    [BenchmarkCategory("Fit+transform")]
    public double SkewlessFitTransform()
    {
        var rows = _rows;
        var fitted = TrainingFeatures.Fit(rows);
        double checksum = 0;
        for (var start = 0; start < rows.Length; start += ChunkRows)
        {
            var chunk = rows.AsSpan(start, Math.Min(ChunkRows, rows.Length - start));
            var matrix = _chunk.AsSpan(0, chunk.Length * TrainingFeatures.Vector.Width);
            fitted.Transform(chunk, matrix);
            checksum += Checksum(matrix);
        }

        return checksum;
    }

    [Benchmark(Description = "ML.NET: Fit + Transform + cursor")]
    [BenchmarkCategory("Fit+transform")]
    public double MlNetFitTransformCursor()
    {
        var model = _mlPipeline.Fit(_mlData);
        var transformed = model.Transform(_mlData);
        var column = transformed.Schema["Features"];
        using var cursor = transformed.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var features = default(VBuffer<float>);
        double checksum = 0;
        while (cursor.MoveNext())
        {
            getter(ref features);
            checksum += Checksum(features.GetValues());
        }

        return checksum;
    }

    /// <summary>
    /// A hand-made variant, not a generated API: the same fit, then the typed <c>Transform(in row)</c> (the z-score and the
    /// two vocabulary indices, which is all a one-hot row holds) consumed without writing the dense one-hot. This is what
    /// ML.NET's sparse Features rows amount to, and what a sparse or index output of the batch Transform would cost.
    /// </summary>
    [Benchmark(Description = "Variant: Fit + typed Transform (indices)")]
    [BenchmarkCategory("Fit+transform")]
    public double SkewlessFitTypedTransform()
    {
        var rows = _rows;
        var fitted = TrainingFeatures.Fit(rows);
        double checksum = 0;
        foreach (var row in rows)
        {
            var vector = fitted.Transform(in row);
            checksum += vector.Distance + (vector.Origin >= 0 ? 1 : 0) + (vector.Destination >= 0 ? 1 : 0);
        }

        return checksum;
    }

    /// <summary>
    /// A hand-made variant of all three proposals together: the fit fed from a span (a <c>Fit(ReadOnlySpan&lt;T&gt;)</c>
    /// overload), vocabularies counted with one dictionary lookup a value (<see cref="OneLookupVocabulary"/>, a copy of
    /// VocabularyAccumulator with CollectionsMarshal), and the typed, sparse transform. VocabularyAccumulator cannot hand
    /// its counts to a Vocabulary from outside src/, so the transform runs on the setup's fit, whose terms setup checks are
    /// the same as these.
    /// </summary>
    [Benchmark(Description = "Variant: span fit, one-lookup counts, typed Transform")]
    [BenchmarkCategory("Fit+transform")]
    public double AllProposals()
    {
        var rows = _rows.AsSpan();
        var distance = new ZScoreAccumulator();
        var origins = new OneLookupVocabulary();
        var destinations = new OneLookupVocabulary();
        foreach (var row in rows)
        {
            distance.Add(TrainingFeatures.Distance(row));
            origins.Add(TrainingFeatures.Origin(row));
            destinations.Add(TrainingFeatures.Destination(row));
        }

        var fit = (distance.Complete(), origins.Terms(TrainingFeatures.MaxAirports), destinations.Terms(TrainingFeatures.MaxAirports));
        _proposalFit = fit;
        var fitted = _fitted; // the same constants, checked in setup
        double checksum = 0;
        foreach (var row in rows)
        {
            var vector = fitted.Transform(in row);
            checksum += vector.Distance + (vector.Origin >= 0 ? 1 : 0) + (vector.Destination >= 0 ? 1 : 0);
        }

        return checksum;
    }

    private (ZScore, string[], string[]) _proposalFit;

    /// <summary>VocabularyAccumulator's counting and ordering, with one dictionary lookup a value instead of two.</summary>
    public sealed class OneLookupVocabulary
    {
        private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
        private long _missing;

        public void Add(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                _missing++;
                return;
            }

            CollectionsMarshal.GetValueRefOrAddDefault(_counts, value, out _)++;
        }

        public string[] Terms(int maxSize) => _counts
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(maxSize)
            .Select(pair => pair.Key)
            .ToArray();
    }

    [Benchmark(Baseline = true, Description = "Hand-written: fit")]
    [BenchmarkCategory("Fit only")]
    public HandWrittenTraining HandWrittenFit() => HandWrittenTraining.Fit(_rows);

    [Benchmark(Description = "Skewless: Fit(rows)")]
    [BenchmarkCategory("Fit only")]
    public TrainingFeatures.Fitted SkewlessFit() => TrainingFeatures.Fit(_rows);

    /// <summary>A hand-made variant of what a <c>Fit(ReadOnlySpan&lt;T&gt;)</c> overload would do: the public accumulator, fed from a span, without IEnumerable's two interface calls a row.</summary>
    [Benchmark(Description = "Variant: Accumulator.Add over a span")]
    [BenchmarkCategory("Fit only")]
    public TrainingFeatures.Fitted SkewlessAccumulatorOverSpan()
    {
        var accumulator = new TrainingFeatures.Accumulator();
        foreach (ref readonly var row in _rows.AsSpan())
        {
            accumulator.Add(in row);
        }

        return accumulator.Complete();
    }

    [Benchmark(Description = "Skewless: Fit(rows, 1 core)")]
    [BenchmarkCategory("Fit only")]
    public TrainingFeatures.Fitted SkewlessFitOneCore() => TrainingFeatures.Fit(_rows, new ParallelOptions { MaxDegreeOfParallelism = 1 });

    [Benchmark(Description = "Skewless: Fit(rows, 2 cores)")]
    [BenchmarkCategory("Fit only")]
    public TrainingFeatures.Fitted SkewlessFitTwoCores() => TrainingFeatures.Fit(_rows, new ParallelOptions { MaxDegreeOfParallelism = 2 });

    [Benchmark(Baseline = true, Description = "Parts: double sum and sum of squares")]
    [BenchmarkCategory("Fit parts")]
    public double PartsDoubleMoments()
    {
        double sum = 0, squares = 0;
        foreach (var row in _rows)
        {
            double distance = row.Distance;
            if (double.IsFinite(distance))
            {
                sum += distance;
                squares += distance * distance;
            }
        }

        return sum + squares;
    }

    [Benchmark(Description = "Parts: ZScoreAccumulator (exact sums)")]
    [BenchmarkCategory("Fit parts")]
    public ZScore PartsZScoreAccumulator()
    {
        var accumulator = new ZScoreAccumulator();
        foreach (var row in _rows)
        {
            accumulator.Add(row.Distance);
        }

        return accumulator.Complete();
    }

    [Benchmark(Description = "Parts: Dictionary counts x2 (one lookup)")]
    [BenchmarkCategory("Fit parts")]
    public int PartsDictionaryCounts()
    {
        var origins = new Dictionary<string, long>(StringComparer.Ordinal);
        var destinations = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in _rows)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(origins, row.Origin, out _)++;
            CollectionsMarshal.GetValueRefOrAddDefault(destinations, row.Destination, out _)++;
        }

        return origins.Count + destinations.Count;
    }

    [Benchmark(Description = "Parts: VocabularyAccumulator x2")]
    [BenchmarkCategory("Fit parts")]
    public int PartsVocabularyAccumulators()
    {
        var settings = new VocabularySettings(TrainingFeatures.MaxAirports, 1, 1, VocabularyEncoding.OneHot);
        var origins = new VocabularyAccumulator(settings);
        var destinations = new VocabularyAccumulator(settings);
        foreach (var row in _rows)
        {
            origins.Add(row.Origin);
            destinations.Add(row.Destination);
        }

        return origins.Complete().Terms.Count + destinations.Complete().Terms.Count;
    }

    [Benchmark(Baseline = true, Description = "Hand-written: transform")]
    [BenchmarkCategory("Transform only")]
    public double HandWrittenTransform()
    {
        var rows = _rows.AsSpan();
        var fitted = _handWritten;
        double checksum = 0;
        for (var start = 0; start < rows.Length; start += ChunkRows)
        {
            var chunk = rows.Slice(start, Math.Min(ChunkRows, rows.Length - start));
            var matrix = _chunk.AsSpan(0, chunk.Length * HandWrittenTraining.Width);
            fitted.Transform(chunk, matrix);
            checksum += Checksum(matrix);
        }

        return checksum;
    }

    [Benchmark(Description = "Skewless: Transform")]
    [BenchmarkCategory("Transform only")]
    public double SkewlessTransform()
    {
        var rows = _rows;
        var fitted = _fitted;
        double checksum = 0;
        for (var start = 0; start < rows.Length; start += ChunkRows)
        {
            var chunk = rows.AsSpan(start, Math.Min(ChunkRows, rows.Length - start));
            var matrix = _chunk.AsSpan(0, chunk.Length * TrainingFeatures.Vector.Width);
            fitted.Transform(chunk, matrix);
            checksum += Checksum(matrix);
        }

        return checksum;
    }

    /// <summary>Consumes a chunk: the sum of its floats, in SIMD lanes, so reading it costs little next to writing it.</summary>
    public static double Checksum(ReadOnlySpan<float> values)
    {
        var lanes = MemoryMarshal.Cast<float, Vector<float>>(values);
        var sum = Vector<float>.Zero;
        foreach (var lane in lanes)
        {
            sum += lane;
        }

        double total = Vector.Sum(sum);
        for (var i = lanes.Length * Vector<float>.Count; i < values.Length; i++)
        {
            total += values[i];
        }

        return total;
    }

    private void RequireEveryAirportKept()
    {
        var origins = (Vocabulary)_fitted.Transforms[1]!;
        var destinations = (Vocabulary)_fitted.Transforms[2]!;
        var distinctOrigins = _rows.Select(row => row.Origin).Distinct().Count();
        var distinctDestinations = _rows.Select(row => row.Destination).Distinct().Count();
        if (origins.Terms.Count != distinctOrigins || destinations.Terms.Count != distinctDestinations)
        {
            throw new InvalidOperationException(
                $"The vocabularies keep {origins.Terms.Count} and {destinations.Terms.Count} airports of {distinctOrigins} and {distinctDestinations}: raise MaxAirports.");
        }
    }

    // Skewless and the hand-written loop must write the same bits, so the comparison is of equal work: every 97th row,
    // one chunk of consecutive rows at a time.
    private void RequireSameVectors()
    {
        var zScore = (ZScore)_fitted.Transforms[0]!;
        Console.WriteLine($"// Distance mean {zScore.Mean:R} (hand-written {_handWritten.Mean:R}), deviation {zScore.StandardDeviation:R} (hand-written {_handWritten.StandardDeviation:R}).");
        var width = HandWrittenTraining.Width;
        var expected = new float[ChunkRows * width];
        var actual = new float[ChunkRows * width];
        var sample = new TrainingFlight[ChunkRows];
        var checkedRows = 0;
        for (var start = 0; start < _rows.Length; start += 97 * ChunkRows)
        {
            for (var i = 0; i < ChunkRows; i++)
            {
                sample[i] = _rows[(start + (i * 97)) % _rows.Length];
            }

            expected.AsSpan().Fill(float.NaN);
            actual.AsSpan().Fill(-1f);
            _handWritten.Transform(sample, expected);
            _fitted.Transform(sample, actual);
            for (var i = 0; i < expected.Length; i++)
            {
                if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
                {
                    throw new InvalidOperationException($"Skewless and the hand-written loop differ in slot {i % width} of {sample[i / width].Origin}->{sample[i / width].Destination}: {actual[i]:R} vs {expected[i]:R}.");
                }
            }

            checkedRows += ChunkRows;
        }

        Console.WriteLine($"// Skewless and the hand-written loop wrote the same bits for {checkedRows:N0} sampled rows.");
    }
}
