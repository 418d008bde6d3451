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
/// features: Skewless and the hand-written loop write rows into one reusable chunk of <see cref="ChunkRows"/> rows and sum
/// its values, either dense (461 floats a row) or sparse (3 slot indices and values a row, what ML.NET's one-hot rows
/// hold); ML.NET runs Fit, Transform and a full cursor pass over its (sparse) Features column, summing each row's values.
/// All the sums are about 6,000,000 (two ones a row; the z-scores add up to about 0), which setup checks.
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
    private int[] _sparseIndices = [];
    private float[] _sparseValues = [];
    private int[] _allIndices = [];
    private float[] _allValues = [];
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
        _sparseIndices = new int[ChunkRows * TrainingFeatures.Vector.SparseWidth];
        _sparseValues = new float[ChunkRows * TrainingFeatures.Vector.SparseWidth];
        _allIndices = new int[_rows.Length * TrainingFeatures.Vector.SparseWidth];
        _allValues = new float[_rows.Length * TrainingFeatures.Vector.SparseWidth];
        if (TrainingFeatures.Vector.Width != HandWrittenTraining.Width || TrainingFeatures.Vector.SparseWidth != HandWrittenTraining.SparseWidth)
        {
            throw new InvalidOperationException($"The hand-written loop writes {HandWrittenTraining.Width} slots, {HandWrittenTraining.SparseWidth} sparse; the feature set has {TrainingFeatures.Vector.Width}, {TrainingFeatures.Vector.SparseWidth}.");
        }

        _fitted = TrainingFeatures.Fit(_rows);
        _handWritten = HandWrittenTraining.Fit(_rows);
        RequireEveryAirportKept();
        RequireSameVectors();
        RequireSameSparseRows();

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
        var sparse = SkewlessFitSparseTransform();
        var mlNet = MlNetFitTransformCursor();
        Console.WriteLine($"// Checksums: Skewless {skewless:R} (sparse {sparse:R}), ML.NET {mlNet:R}.");
        if (Math.Abs(skewless - mlNet) > 1 || Math.Abs(sparse - mlNet) > 1)
        {
            throw new InvalidOperationException($"Checksums differ: Skewless {skewless} (sparse {sparse}), ML.NET {mlNet}.");
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

    [Benchmark(Description = "Hand-written: fit + sparse transform")]
    [BenchmarkCategory("Fit+transform")]
    public double HandWrittenFitSparseTransform()
    {
        var rows = _rows.AsSpan();
        var fitted = HandWrittenTraining.Fit(rows);
        return HandWrittenSparse(fitted);
    }

    [Benchmark(Description = "Skewless: Fit + sparse Transform")]
    [BenchmarkCategory("Fit+transform")]
    public double SkewlessFitSparseTransform() => SkewlessSparse(TrainingFeatures.Fit(_rows));

    // What a user with every core gets from the overloads that take ParallelOptions: both passes partitioned.
    [Benchmark(Description = "Skewless: Fit + sparse Transform, all cores")]
    [BenchmarkCategory("Fit+transform")]
    public double SkewlessFitSparseTransformAllCores()
    {
        var options = new ParallelOptions();
        var fitted = TrainingFeatures.Fit(_rows, options);
        fitted.Transform(_rows, _allIndices, _allValues, options);
        return Checksum(_allValues);
    }

    [Benchmark(Baseline = true, Description = "Hand-written: fit")]
    [BenchmarkCategory("Fit only")]
    public HandWrittenTraining HandWrittenFit() => HandWrittenTraining.Fit(_rows);

    [Benchmark(Description = "Skewless: Fit(rows)")]
    [BenchmarkCategory("Fit only")]
    public TrainingFeatures.Fitted SkewlessFit() => TrainingFeatures.Fit(_rows);

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

    /// <summary>What the distance's training statistics add to its z-score: the quantile sketch the histogram comes from.</summary>
    [Benchmark(Description = "Parts: QuantileSketch")]
    [BenchmarkCategory("Fit parts")]
    public double PartsQuantileSketch()
    {
        var sketch = new QuantileSketch();
        foreach (var row in _rows)
        {
            sketch.Add(row.Distance);
        }

        return sketch.Quantile(0.5);
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

    [Benchmark(Baseline = true, Description = "Hand-written: sparse transform")]
    [BenchmarkCategory("Sparse transform only")]
    public double HandWrittenSparseTransform() => HandWrittenSparse(_handWritten);

    [Benchmark(Description = "Skewless: sparse Transform")]
    [BenchmarkCategory("Sparse transform only")]
    public double SkewlessSparseTransform() => SkewlessSparse(_fitted);

    private double HandWrittenSparse(HandWrittenTraining fitted) => SparseChecksum(fitted.Transform);

    private double SkewlessSparse(TrainingFeatures.Fitted fitted) => SparseChecksum(fitted.Transform);

    private delegate void SparseTransform(ReadOnlySpan<TrainingFlight> rows, Span<int> indices, Span<float> values);

    // Transforms every row, a chunk at a time, into the reusable sparse chunk and sums its values. Both sides write
    // Vector.SparseWidth entries a row (checked in setup); the delegate costs one call a chunk of 1,024 rows.
    private double SparseChecksum(SparseTransform transform)
    {
        var rows = _rows.AsSpan();
        double checksum = 0;
        for (var start = 0; start < rows.Length; start += ChunkRows)
        {
            var chunk = rows.Slice(start, Math.Min(ChunkRows, rows.Length - start));
            var values = _sparseValues.AsSpan(0, chunk.Length * TrainingFeatures.Vector.SparseWidth);
            transform(chunk, _sparseIndices.AsSpan(0, values.Length), values);
            checksum += Checksum(values);
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

    // The same for the sparse form, over every row.
    private void RequireSameSparseRows()
    {
        var width = HandWrittenTraining.SparseWidth;
        var expectedIndices = new int[ChunkRows * width];
        var expectedValues = new float[ChunkRows * width];
        var actualIndices = new int[ChunkRows * width];
        var actualValues = new float[ChunkRows * width];
        for (var start = 0; start < _rows.Length; start += ChunkRows)
        {
            var chunk = _rows.AsSpan(start, Math.Min(ChunkRows, _rows.Length - start));
            var entries = chunk.Length * width;
            _handWritten.Transform(chunk, expectedIndices, expectedValues);
            _fitted.Transform(chunk, actualIndices, actualValues);
            if (!expectedIndices.AsSpan(0, entries).SequenceEqual(actualIndices.AsSpan(0, entries))
                || !MemoryMarshal.Cast<float, int>(expectedValues.AsSpan(0, entries)).SequenceEqual(MemoryMarshal.Cast<float, int>(actualValues.AsSpan(0, entries))))
            {
                throw new InvalidOperationException($"Skewless and the hand-written loop write different sparse rows in the chunk at row {start}.");
            }
        }

        Console.WriteLine($"// Skewless and the hand-written loop wrote the same sparse bits for all {_rows.Length:N0} rows.");
    }
}
