using System.Runtime.InteropServices;

namespace Skewless.Benchmarks;

/// <summary>
/// The training features as a careful engineer would write them without Skewless: one pass for the distance's sum and sum of
/// squares and a <c>Dictionary</c> count per airport column, the vocabularies ordered as Skewless orders them (count
/// descending, then ordinal), then a transform loop writing the same floats, row-major, into the caller's chunk.
/// </summary>
public sealed class HandWrittenTraining
{
    public const int Terms = TrainingFeatures.MaxAirports;
    public const int OneHotWidth = Terms + 1; // the terms, then one out-of-vocabulary slot
    public const int Width = 1 + (2 * OneHotWidth);
    public const int SparseWidth = 3; // the distance and one entry per airport

    private readonly double _mean;
    private readonly double _scale;
    private readonly Dictionary<string, int> _origins;
    private readonly Dictionary<string, int> _destinations;

    private HandWrittenTraining(double mean, double standardDeviation, Dictionary<string, int> origins, Dictionary<string, int> destinations)
    {
        _mean = mean;
        StandardDeviation = standardDeviation;
        _scale = standardDeviation > 0 ? standardDeviation : 1;
        _origins = origins;
        _destinations = destinations;
    }

    public double Mean => _mean;

    public double StandardDeviation { get; }

    public IReadOnlyDictionary<string, int> Origins => _origins;

    public IReadOnlyDictionary<string, int> Destinations => _destinations;

    /// <summary>One pass over the rows: moments of the distance and the airport counts.</summary>
    public static HandWrittenTraining Fit(ReadOnlySpan<TrainingFlight> rows)
    {
        double sum = 0, squares = 0;
        long count = 0;
        var origins = new Dictionary<string, long>(StringComparer.Ordinal);
        var destinations = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            double distance = row.Distance;
            if (double.IsFinite(distance))
            {
                count++;
                sum += distance;
                squares += distance * distance;
            }

            if (!string.IsNullOrEmpty(row.Origin))
            {
                CollectionsMarshal.GetValueRefOrAddDefault(origins, row.Origin, out _)++;
            }

            if (!string.IsNullOrEmpty(row.Destination))
            {
                CollectionsMarshal.GetValueRefOrAddDefault(destinations, row.Destination, out _)++;
            }
        }

        var mean = count > 0 ? sum / count : 0;
        var variance = count > 0 ? Math.Max(0, (squares / count) - (mean * mean)) : 0;
        return new HandWrittenTraining(mean, Math.Sqrt(variance), Order(origins), Order(destinations));
    }

    /// <summary>Writes the <see cref="Width"/> floats of each row: distance z-score, origin one-hot, destination one-hot.</summary>
    public void Transform(ReadOnlySpan<TrainingFlight> rows, Span<float> matrix)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(matrix.Length, rows.Length * Width, nameof(matrix));
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            var destination = matrix.Slice(i * Width, Width);
            destination.Clear();
            double distance = row.Distance;
            destination[0] = double.IsFinite(distance) ? (float)((distance - _mean) / _scale) : 0f;
            var origin = IndexOf(_origins, row.Origin);
            if (origin >= 0)
            {
                destination[1 + origin] = 1f;
            }

            var arrival = IndexOf(_destinations, row.Destination);
            if (arrival >= 0)
            {
                destination[1 + OneHotWidth + arrival] = 1f;
            }
        }
    }

    /// <summary>The <see cref="SparseWidth"/> entries of each row, as slot indices and values: the distance z-score, then each airport's hot slot (or its first slot, holding 0, when missing).</summary>
    public void Transform(ReadOnlySpan<TrainingFlight> rows, Span<int> indices, Span<float> values)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(indices.Length, rows.Length * SparseWidth, nameof(indices));
        ArgumentOutOfRangeException.ThrowIfLessThan(values.Length, rows.Length * SparseWidth, nameof(values));
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            var entry = i * SparseWidth;
            double distance = row.Distance;
            indices[entry] = 0;
            values[entry] = double.IsFinite(distance) ? (float)((distance - _mean) / _scale) : 0f;
            var origin = IndexOf(_origins, row.Origin);
            indices[entry + 1] = 1 + Math.Max(origin, 0);
            values[entry + 1] = origin >= 0 ? 1f : 0f;
            var arrival = IndexOf(_destinations, row.Destination);
            indices[entry + 2] = 1 + OneHotWidth + Math.Max(arrival, 0);
            values[entry + 2] = arrival >= 0 ? 1f : 0f;
        }
    }

    // With one OOV bucket every unseen airport goes to the slot after the terms; missing: no slot.
    private static int IndexOf(Dictionary<string, int> vocabulary, string? airport) =>
        string.IsNullOrEmpty(airport) ? -1 : vocabulary.TryGetValue(airport, out var index) ? index : Terms;

    private static Dictionary<string, int> Order(Dictionary<string, long> counts)
    {
        var terms = counts.ToArray();
        Array.Sort(terms, (a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));
        var vocabulary = new Dictionary<string, int>(Math.Min(terms.Length, Terms), StringComparer.Ordinal);
        for (var i = 0; i < terms.Length && i < Terms; i++)
        {
            vocabulary.Add(terms[i].Key, i);
        }

        return vocabulary;
    }
}
