namespace Skewless;

/// <summary>
/// Encodes a <see cref="string"/> feature as one of a fixed number of buckets by a stable hash that
/// is the same on every platform and in every process. Nothing is fitted.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class HashBucketsAttribute : Attribute
{
    /// <summary>Hashes the feature into <paramref name="count"/> buckets.</summary>
    /// <param name="count">The number of buckets, at least 1.</param>
    public HashBucketsAttribute(int count) => Count = count;

    /// <summary>The number of buckets.</summary>
    public int Count { get; }

    /// <summary>How the feature appears in the vector: one slot per bucket, or the bucket's index.</summary>
    public VocabularyEncoding Encoding { get; set; } = VocabularyEncoding.OneHot;
}
