namespace Skewless;

/// <summary>
/// Encodes a <see cref="string"/> or <see cref="Enum"/> feature through a vocabulary fitted on the
/// training rows: the most frequent values, ordered by count descending and then by ordinal string
/// order, so that the same data always gives the same vocabulary.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class VocabularyAttribute : Attribute
{
    /// <summary>
    /// The largest number of terms kept. A one-hot vocabulary needs it, because it fixes the
    /// feature's width: <c>MaxSize + OovBuckets</c> slots, whatever the data. Zero, allowed only with
    /// <see cref="VocabularyEncoding.Index"/>, keeps every term.
    /// </summary>
    public int MaxSize { get; set; }

    /// <summary>The fewest training rows a value must appear in to become a term.</summary>
    public int MinCount { get; set; } = 1;

    /// <summary>The number of buckets that values outside the vocabulary are hashed into. With zero, they are treated as missing.</summary>
    public int OovBuckets { get; set; } = 1;

    /// <summary>How the feature appears in the vector.</summary>
    public VocabularyEncoding Encoding { get; set; } = VocabularyEncoding.OneHot;
}
