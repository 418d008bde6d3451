using BenchmarkDotNet.Attributes;
using Skewless.Transforms;

namespace Skewless.Benchmarks;

/// <summary>
/// One served value through a fitted <see cref="Vocabulary"/>, against the <c>Dictionary&lt;string, int&gt;</c> a hand-written
/// serving path would use, on real values of two lengths: the city names of <c>zipcodes.csv</c> longer than four code
/// units (found by <c>TermIndex</c>), and the flights' three-letter airport codes (found by <c>ShortTermIndex</c>).
/// Every value looked up is a term, as most served values are, and a fresh string equal to it, as a request's would be.
/// </summary>
public class VocabularyLookupBenchmarks
{
    private string[] _values = [];
    private Vocabulary _vocabulary = null!;
    private Dictionary<string, int> _dictionary = null!;
    public int Sink { get; private set; }

    public enum Terms
    {
        CityNames,
        AirportCodes,
    }

    [Params(Terms.CityNames, Terms.AirportCodes)]
    public Terms Kind { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var values = Kind == Terms.CityNames ? CityNames() : ServingRows.All().Select(flight => flight.Origin).ToArray();
        var accumulator = new VocabularyAccumulator(new VocabularySettings(2000, 1, 1, VocabularyEncoding.Index));
        foreach (var value in values)
        {
            accumulator.Add(value);
        }

        _vocabulary = accumulator.Complete();
        _dictionary = _vocabulary.Terms.Select((term, index) => (term, index)).ToDictionary(pair => pair.term, pair => pair.index, StringComparer.Ordinal);
        var random = new Random(1);
        var drawn = Enumerable.Range(0, ServingRows.Distinct)
            .Select(_ => new string(_vocabulary.Terms[random.Next(_vocabulary.Terms.Count)].ToCharArray()))
            .ToArray();
        _values = ServingRows.Select(drawn, RowOrder.Shuffled);
        if (_values.Any(value => _vocabulary.IndexOf(value) != _dictionary[value]))
        {
            throw new InvalidOperationException("The vocabulary and the dictionary disagree.");
        }

        Console.WriteLine($"// {Kind}: {_vocabulary.Terms.Count} terms, mean length {_values.Average(value => value.Length):F1}.");
    }

    private static string[] CityNames() =>
        File.ReadLines(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(TrainingData.Path)!, "zipcodes.csv"))
            .Skip(1)
            .Select(line => line.Split(',')[3])
            .Where(city => city.Length > 4)
            .ToArray();

    [Benchmark(Baseline = true, OperationsPerInvoke = ServingRows.PerInvoke, Description = "Dictionary.TryGetValue")]
    public void Dictionary()
    {
        var sum = 0;
        foreach (var value in _values)
        {
            sum += _dictionary.TryGetValue(value, out var index) ? index : -1;
        }

        Sink = sum;
    }

    [Benchmark(OperationsPerInvoke = ServingRows.PerInvoke, Description = "Vocabulary.IndexOf")]
    public void Vocabulary()
    {
        var sum = 0;
        foreach (var value in _values)
        {
            sum += _vocabulary.IndexOf(value);
        }

        Sink = sum;
    }
}
