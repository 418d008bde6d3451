namespace Skewless;

/// <summary>How a feature's value becomes slots of the vector.</summary>
public enum FeatureTransform
{
    /// <summary>As returned: numbers converted to float, bools as 1 or 0, enums one-hot. Nothing is fitted; NaN stays NaN.</summary>
    None,

    /// <summary><c>(x - mean) / standardDeviation</c> with both fitted. Missing (NaN or infinite) becomes 0, the training mean.</summary>
    ZScore,

    /// <summary><c>(x - minimum) / (maximum - minimum)</c> with both fitted. Missing (NaN or infinite) becomes the training mean's scaled value.</summary>
    MinMax,

    /// <summary>A fitted vocabulary, one-hot or as an index; unseen values go to hashed out-of-vocabulary buckets. Missing (null or empty) sets no slot, or index -1.</summary>
    Vocabulary,

    /// <summary>The index of the fitted quantile bucket. Missing (NaN) becomes -1.</summary>
    QuantileBuckets,

    /// <summary>A stable hash into a fixed number of buckets, one-hot or as an index. Missing (null or empty) sets no slot, or index -1.</summary>
    HashBuckets,
}
