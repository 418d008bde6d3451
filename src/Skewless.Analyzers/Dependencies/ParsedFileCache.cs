using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.Text;

namespace Skewless.Analyzers.Dependencies;

/// <summary>What reading one file gave: its model, or why it could not be read.</summary>
internal sealed class ParseResult<T>
    where T : class
{
    public ParseResult(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public string? Error { get; }
}

/// <summary>
/// Parses each file once per content, not once per compilation. The same <see cref="SourceText"/>
/// (an editor keeps it while the file is unchanged) is found by reference; an equal text read again
/// (the next build in the same compiler server) is found by its checksum. The checksum table is
/// bounded: past <see cref="Capacity"/> entries the oldest go.
/// </summary>
internal sealed class ParsedFileCache<T>
    where T : class
{
    public const int Capacity = 32;

    private readonly Func<SourceText, T> _parse;
    private readonly ConditionalWeakTable<SourceText, ParseResult<T>> _byText = new();
    private readonly Dictionary<string, ParseResult<T>> _byChecksum = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly object _gate = new();

    public ParsedFileCache(Func<SourceText, T> parse) => _parse = parse;

    /// <summary>How many times a file was actually parsed, for tests of the cache.</summary>
    public int ParseCount { get; private set; }

    public ParseResult<T> Get(SourceText text) => _byText.GetValue(text, ByChecksum);

    private ParseResult<T> ByChecksum(SourceText text)
    {
        var checksum = Convert.ToBase64String(text.GetChecksum().ToArray()) + ":" + text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        lock (_gate)
        {
            if (_byChecksum.TryGetValue(checksum, out var known))
            {
                return known;
            }
        }

        var result = Parse(text);
        lock (_gate)
        {
            ParseCount++;
            if (_byChecksum.TryGetValue(checksum, out var raced))
            {
                return raced;
            }

            while (_order.Count >= Capacity)
            {
                _byChecksum.Remove(_order.Dequeue());
            }

            _byChecksum.Add(checksum, result);
            _order.Enqueue(checksum);
        }

        return result;
    }

    private ParseResult<T> Parse(SourceText text)
    {
        try
        {
            return new ParseResult<T>(_parse(text), null);
        }
        catch (FormatException exception)
        {
            return new ParseResult<T>(null, exception.Message);
        }
    }
}
