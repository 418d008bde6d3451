namespace Skewless;

/// <summary>
/// Replaces a numeric feature by the index of its quantile bucket, with bucket boundaries fitted on
/// the training rows and frozen for serving.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class QuantileBucketsAttribute : Attribute
{
    /// <summary>Splits the feature's training distribution into <paramref name="count"/> buckets of equal mass.</summary>
    /// <param name="count">The number of buckets, at least 2.</param>
    public QuantileBucketsAttribute(int count) => Count = count;

    /// <summary>The number of buckets.</summary>
    public int Count { get; }
}
