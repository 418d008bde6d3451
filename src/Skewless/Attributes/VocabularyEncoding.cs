namespace Skewless;

/// <summary>How a <see cref="VocabularyAttribute"/> feature appears in the feature vector.</summary>
public enum VocabularyEncoding
{
    /// <summary>
    /// One slot per vocabulary term and per out-of-vocabulary bucket; the row's slot is 1, the rest 0. A missing value
    /// (null or empty) sets no slot.
    /// </summary>
    OneHot,

    /// <summary>
    /// One slot holding the term's index in the vocabulary, for trainers that take categorical indices. A value outside
    /// the vocabulary holds <see cref="VocabularyAttribute.MaxSize"/> (the vocabulary's size when that is zero) plus its
    /// out-of-vocabulary bucket, or -1 without buckets; a missing value (null or empty) holds -1. With
    /// <see cref="HashBucketsAttribute"/>, the bucket's index, or -1 when missing.
    /// </summary>
    Index,
}
