using System.Runtime.CompilerServices;
using System.Text.Json;
using Skewless.Artifacts;

namespace Skewless.Transforms;

/// <summary>The settings of a vocabulary, from its <see cref="VocabularyAttribute"/>.</summary>
public sealed class VocabularySettings
{
    /// <summary>Records the settings. Called by generated code.</summary>
    /// <param name="maxSize">The largest number of terms kept; zero keeps all (index encoding only).</param>
    /// <param name="minCount">The fewest rows a value needs to become a term.</param>
    /// <param name="oovBuckets">The number of buckets unseen values are hashed into.</param>
    /// <param name="encoding">One-hot slots or a single index.</param>
    public VocabularySettings(int maxSize, int minCount, int oovBuckets, VocabularyEncoding encoding)
    {
        MaxSize = maxSize;
        MinCount = minCount;
        OovBuckets = oovBuckets;
        Encoding = encoding;
    }

    /// <summary>The largest number of terms kept; zero keeps all (index encoding only).</summary>
    public int MaxSize { get; }

    /// <summary>The fewest rows a value needs to become a term.</summary>
    public int MinCount { get; }

    /// <summary>The number of buckets unseen values are hashed into.</summary>
    public int OovBuckets { get; }

    /// <summary>One-hot slots or a single index.</summary>
    public VocabularyEncoding Encoding { get; }
}

/// <summary>Counts values exactly, to fit a <see cref="Vocabulary"/>. Counts of merged partitions add up to the counts of one pass.</summary>
public sealed class VocabularyAccumulator
{
    private readonly VocabularySettings _settings;
    private readonly StringCounts _counts = new();
    private long _missing;

    /// <summary>Starts an empty count.</summary>
    public VocabularyAccumulator(VocabularySettings settings)
    {
        Guard.NotNull(settings, nameof(settings));
        _settings = settings;
    }

    /// <summary>Adds one training value. Null and empty count as missing.</summary>
    public void Add(string? value)
    {
        if (MissingValues.IsMissing(value))
        {
            _missing++;
            return;
        }

        _counts.Add(value!, 1);
    }

    /// <summary>Adds everything another accumulator has counted.</summary>
    public void Merge(VocabularyAccumulator other)
    {
        Guard.NotNull(other, nameof(other));
        _missing += other._missing;
        _counts.AddAll(other._counts);
    }

    /// <summary>The settings the vocabulary is fitted with.</summary>
    internal VocabularySettings Settings => _settings;

    /// <summary>The number of missing values added so far.</summary>
    internal long Missing => _missing;

    /// <summary>The exact count of every value added so far, which training statistics read rather than count a second time.</summary>
    internal StringCounts Counts => _counts;

    /// <summary>Keeps the most frequent values, by count descending and then by ordinal string order.</summary>
    public Vocabulary Complete()
    {
        var kept = Rank(_counts.Pairs(), _settings.MinCount, _settings.MaxSize > 0 ? _settings.MaxSize : int.MaxValue);
        return new Vocabulary(
            _settings,
            _counts.Total() + _missing,
            _missing,
            kept.Select(pair => pair.Key).ToArray(),
            kept.Select(pair => pair.Value).ToArray());
    }

    /// <summary>At most <paramref name="take"/> values counted at least <paramref name="minCount"/> times, by count descending and then by ordinal string order: the same data always ranks the same.</summary>
    internal static KeyValuePair<string, long>[] Rank(IEnumerable<KeyValuePair<string, long>> counts, long minCount, int take) => counts
        .Where(pair => pair.Value >= minCount)
        .OrderByDescending(pair => pair.Value)
        .ThenBy(pair => pair.Key, StringComparer.Ordinal)
        .Take(take)
        .ToArray();
}

/// <summary>
/// Maps a value to its index in a fitted vocabulary. An unseen value goes to one of the
/// out-of-vocabulary buckets after the terms, chosen by <see cref="StableHash"/> (or -1 with no
/// buckets); a missing value (null or empty) is -1.
/// </summary>
public sealed class Vocabulary : IFittedTransform
{
    private readonly ShortTermIndex _shortTerms;
    private readonly TermIndex _indices;
    private readonly int _firstBucket;
    private readonly string[] _terms;
    private readonly long[] _termCounts;

    internal Vocabulary(VocabularySettings settings, long rows, long missing, string[] terms, long[] termCounts)
    {
        Settings = settings;
        Rows = rows;
        Missing = missing;
        _terms = terms;
        _termCounts = termCounts;

        // Buckets follow the slots reserved for terms, so a one-hot layout never depends on the data.
        _firstBucket = settings.MaxSize > 0 ? settings.MaxSize : terms.Length;
        _shortTerms = new ShortTermIndex(terms);
        _indices = new TermIndex(terms);
    }

    /// <summary>The settings the vocabulary was fitted with.</summary>
    public VocabularySettings Settings { get; }

    /// <summary>The number of training rows, missing ones included.</summary>
    public long Rows { get; }

    /// <summary>The number of training rows whose value was missing.</summary>
    public long Missing { get; }

    /// <summary>The terms, most frequent first.</summary>
    public IReadOnlyList<string> Terms => _terms;

    /// <summary>How many training rows had each term.</summary>
    public IReadOnlyList<long> TermCounts => _termCounts;

    /// <inheritdoc />
    public FeatureTransform Kind => FeatureTransform.Vocabulary;

    /// <summary>The index of <paramref name="value"/>: a term's position, an out-of-vocabulary bucket after the terms, or -1 when missing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexOf(string? value)
    {
        // Inlined into the generated kernel, so a short term, the common served value, costs no call. Null and the
        // empty string do not fit: they are left, as missing, to the rest.
        if (value is not null && ShortStrings.Fits(value))
        {
            var key = ShortStrings.Pack(value);
            var index = _shortTerms.Probe(key);
            return index >= 0 ? index : IndexOfShortMiss(value, key);
        }

        return IndexOfRest(value);
    }

    // A short value the first level does not hold: a rarer term left to the overflow, or not a term.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int IndexOfShortMiss(string value, ulong key)
    {
        var index = _shortTerms.IndexOfLeftOut(key);
        return index >= 0 ? index : OutOfVocabulary(value);
    }

    // Missing, or too long (or ending in U+0000) for a packed key.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int IndexOfRest(string? value)
    {
        if (MissingValues.IsMissing(value))
        {
            return -1;
        }

        var index = _indices.IndexOf(value!);
        return index >= 0 ? index : OutOfVocabulary(value!);
    }

    private int OutOfVocabulary(string value) =>
        Settings.OovBuckets == 0 ? -1 : _firstBucket + StableHash.BucketOf(StableHash.Of(value), Settings.OovBuckets);

    /// <inheritdoc />
    public void WriteTo(Utf8JsonWriter writer)
    {
        Guard.NotNull(writer, nameof(writer));
        writer.WriteStartObject();
        writer.WriteNumber("maxSize", Settings.MaxSize);
        writer.WriteNumber("minCount", Settings.MinCount);
        writer.WriteNumber("oovBuckets", Settings.OovBuckets);
        writer.WriteString("encoding", Settings.Encoding.ToString());
        writer.WriteNumber("rows", Rows);
        writer.WriteNumber("missing", Missing);
        writer.WriteNumber("size", _terms.Length);
        writer.WriteStartArray("terms");
        foreach (var term in _terms)
        {
            writer.WriteStringValue(term);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("termCounts");
        foreach (var count in _termCounts)
        {
            writer.WriteNumberValue(count);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Reads the vocabulary of feature number <paramref name="feature"/> from a validated artifact, checking it against the settings compiled into the definition.</summary>
    public static Vocabulary Read(ArtifactContents artifact, int feature, VocabularySettings settings)
    {
        Guard.NotNull(artifact, nameof(artifact));
        Guard.NotNull(settings, nameof(settings));
        var state = artifact.State(feature);
        state.Expect("maxSize", state.Fields.Int32("maxSize"), settings.MaxSize);
        state.Expect("minCount", state.Fields.Int32("minCount"), settings.MinCount);
        state.Expect("oovBuckets", state.Fields.Int32("oovBuckets"), settings.OovBuckets);
        state.Expect("encoding", state.Fields.String("encoding"), settings.Encoding.ToString());

        var rows = state.Fields.Int64("rows");
        var missing = state.Fields.Int64("missing");
        var size = state.Fields.Int32("size");
        var terms = state.Fields.Strings("terms");
        var counts = state.Fields.Int64s("termCounts");
        if (terms.Length != size || counts.Length != size)
        {
            throw state.Tampered($"its size is {size}, but it holds {terms.Length} terms and {counts.Length} term counts.");
        }

        if (settings.MaxSize > 0 && size > settings.MaxSize)
        {
            throw state.Tampered($"it holds {size} terms, more than its maximum of {settings.MaxSize}.");
        }

        // Order alone catches a term repeated next to itself only when both counts are equal; any other repeat would otherwise reach the term index, where its second copy could never be found.
        var positions = new Dictionary<string, int>(size, StringComparer.Ordinal);
        for (var i = 0; i < size; i++)
        {
            if (positions.TryGetValue(terms[i], out var first))
            {
                throw state.Tampered($"term {i} ('{terms[i]}') repeats term {first}.");
            }

            positions.Add(terms[i], i);
            if (terms[i].Length == 0 || counts[i] < settings.MinCount)
            {
                throw state.Tampered($"term {i} ('{terms[i]}', counted {counts[i]} times) is empty or below the minimum count of {settings.MinCount}.");
            }

            if (i > 0 && (counts[i] > counts[i - 1] || (counts[i] == counts[i - 1] && string.CompareOrdinal(terms[i - 1], terms[i]) >= 0)))
            {
                throw state.Tampered($"terms {i - 1} and {i} ('{terms[i - 1]}', '{terms[i]}') are out of order or repeated.");
            }
        }

        if (missing < 0 || rows < missing + counts.Sum())
        {
            throw state.Tampered($"it counts {rows} rows, fewer than its {missing} missing values and {counts.Sum()} term occurrences.");
        }

        return new Vocabulary(settings, rows, missing, terms, counts);
    }
}
