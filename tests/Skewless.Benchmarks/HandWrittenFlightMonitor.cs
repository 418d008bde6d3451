using Skewless.Monitoring;

namespace Skewless.Benchmarks;

/// <summary>
/// What a careful engineer would write by hand to keep the statistics a <see cref="FeatureMonitor{TRow}"/> keeps of the
/// flight features, for one serving thread: each row adds straight into fixed arrays (its bin by bisection of the training
/// edges, the sum and sum of squares less the training mean, the range; each category's count, the destination's by a
/// dictionary of the training top categories). No thread safety, windows or metrics, so it is a floor for what monitoring
/// these eight features costs. <see cref="RequireSameCounts"/> checks that it counts what the generated monitor counts.
/// </summary>
public sealed class HandWrittenFlightMonitor
{
    private static readonly string[] NumericFeatures = ["Hour", "LogDistance", "DistanceDecile"];
    private const int Hour = 0, LogDistance = 1, Distance = 2;

    private readonly double[][] _edges;
    private readonly double[] _shifts;

    // Slot 0 counts missing values; then each bin, or each category, the rest and (the origin's) out of vocabulary, as the generated monitor's slots.
    private readonly long[][] _bins;
    private readonly double[] _sums = new double[3], _squares = new double[3];
    private readonly double[] _minima = [double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity];
    private readonly double[] _maxima = [double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity];
    private readonly long[] _days = new long[9], _weekends = new long[4], _redEyes = new long[4];
    private readonly int _originCategories, _originTerms;
    private readonly long[] _origins;
    private readonly Dictionary<string, int> _destinationCategories;
    private readonly long[] _destinations;

    public HandWrittenFlightMonitor(TrainingStatistics training, int originTerms)
    {
        _originTerms = originTerms;
        var numeric = NumericFeatures.Select(name => (NumericStatistics)training.Find(name)!).ToArray();
        _edges = numeric.Select(feature => feature.Edges.ToArray()).ToArray();
        _shifts = numeric.Select(feature => feature.Mean).ToArray();
        _bins = _edges.Select(edges => new long[edges.Length + 2]).ToArray();
        _originCategories = ((CategoricalStatistics)training.Find("Origin")!).Categories.Count;
        _origins = new long[_originCategories + 3];
        var destination = (CategoricalStatistics)training.Find("Destination")!;
        _destinationCategories = destination.Categories.Select((category, index) => (category, index)).ToDictionary(pair => pair.category, pair => pair.index, StringComparer.Ordinal);
        _destinations = new long[_destinationCategories.Count + 2];
    }

    public long Rows { get; private set; }

    /// <summary>Counts one row's raw feature values; the origin as its vocabulary index (-1 when missing).</summary>
    public void Observe(float hour, DayOfWeek day, bool weekend, bool redEye, float logDistance, float miles, int origin, string? destination)
    {
        Rows++;
        Number(Hour, hour);
        _days[(uint)day < 7 ? 1 + (int)day : 0]++;
        _weekends[weekend ? 2 : 1]++;
        _redEyes[redEye ? 2 : 1]++;
        Number(LogDistance, logDistance);
        Number(Distance, miles);
        _origins[origin < 0 ? 0 : origin >= _originTerms ? _originCategories + 2 : 1 + Math.Min(origin, _originCategories)]++;
        _destinations[string.IsNullOrEmpty(destination) ? 0
            : 1 + (_destinationCategories.TryGetValue(destination, out var category) ? category : _destinationCategories.Count)]++;
    }

    /// <summary>Throws unless every count, and the range, mean and standard deviation, equal those of the generated monitor's snapshot of the same rows.</summary>
    public void RequireSameCounts(ServingStatistics generated)
    {
        Require(generated.Rows == Rows, "rows");
        for (var i = 0; i < NumericFeatures.Length; i++)
        {
            var feature = (NumericStatistics)generated.Find(NumericFeatures[i])!;
            Require(feature.Missing == _bins[i][0] && feature.BinCounts.SequenceEqual(_bins[i].Skip(1)), NumericFeatures[i] + " bins");
            Require(feature.Minimum == _minima[i] && feature.Maximum == _maxima[i], NumericFeatures[i] + " range");
            var shiftedMean = _sums[i] / feature.Count;
            var mean = _shifts[i] + shiftedMean;
            var deviation = Math.Sqrt(Math.Max(0, (_squares[i] / feature.Count) - (shiftedMean * shiftedMean)));
            Require(Math.Abs(feature.Mean - mean) <= 1e-9 * Math.Max(1, Math.Abs(mean)), NumericFeatures[i] + " mean");
            Require(Math.Abs(feature.StandardDeviation - deviation) <= 1e-9 * Math.Max(1, deviation), NumericFeatures[i] + " standard deviation");
        }

        foreach (var (name, counts) in new[] { ("Day", _days), ("Weekend", _weekends), ("RedEye", _redEyes), ("Origin", _origins), ("Destination", _destinations) })
        {
            var feature = (CategoricalStatistics)generated.Find(name)!;
            var rest = counts.Skip(1 + feature.Categories.Count).ToArray();
            Require(feature.Missing == counts[0] && feature.CategoryCounts.SequenceEqual(counts.Skip(1).Take(feature.Categories.Count)) && feature.Other == rest.Sum(), name + " counts");
            Require(feature.OutOfVocabulary == (rest.Length == 2 ? (long?)rest[1] : null), name + " out of vocabulary");
        }
    }

    private void Number(int feature, double value)
    {
        if (!double.IsFinite(value))
        {
            _bins[feature][0]++;
            return;
        }

        _bins[feature][1 + HandWrittenFlightFeatures.EdgesAtOrBelow(_edges[feature], value)]++;
        var shifted = value - _shifts[feature];
        _sums[feature] += shifted;
        _squares[feature] += shifted * shifted;
        _minima[feature] = Math.Min(_minima[feature], value);
        _maxima[feature] = Math.Max(_maxima[feature], value);
    }

    private static void Require(bool same, string what)
    {
        if (!same)
        {
            throw new InvalidOperationException($"The hand-written monitor's {what} differ from the generated monitor's.");
        }
    }
}
