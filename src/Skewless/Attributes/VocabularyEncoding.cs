namespace Skewless;

/// <summary>How a <see cref="VocabularyAttribute"/> feature appears in the feature vector.</summary>
public enum VocabularyEncoding
{
    /// <summary>One slot per vocabulary term and per out-of-vocabulary bucket; the row's slot is 1, the rest 0.</summary>
    OneHot,

    /// <summary>One slot holding the term's index in the vocabulary, for trainers that take categorical indices.</summary>
    Index,
}
