namespace Skewless;

/// <summary>
/// Replaces a numeric feature by the index of its quantile bucket, with bucket boundaries fitted on
/// the training rows and frozen for serving.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class QuantileBucketsAttribute : Attribute
{
    /// <summary>
    /// Splits the feature's training distribution into <paramref name="count"/> buckets of equal mass: a value
    /// equal to a boundary goes to the bucket above it. Where one value fills more than a bucket's share (most
    /// days without rain are 0), it gets a bucket of its own instead of several empty ones, and the other values
    /// share the buckets left evenly. With no more distinct values than buckets, each value gets a bucket of its
    /// own, the largest the last, and the buckets between stay empty. Past 4,096 distinct training values the boundaries are estimates, each
    /// within 0.5% of the exact quantile's magnitude or within the width of a grid of at most 4,096 cells over the
    /// values, whichever is smaller (see <see cref="Transforms.QuantileSketch"/>).
    /// </summary>
    /// <param name="count">The number of buckets, at least 2.</param>
    public QuantileBucketsAttribute(int count) => Count = count;

    /// <summary>The number of buckets.</summary>
    public int Count { get; }
}
