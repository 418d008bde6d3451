namespace Skewless.Analyzers.Model;

/// <summary>How a feature becomes slots. Member names match <c>Skewless.FeatureTransform</c> in the runtime; a test keeps the two in step.</summary>
internal enum FeatureTransform
{
    None,
    ZScore,
    MinMax,
    Vocabulary,
    QuantileBuckets,
    HashBuckets,
}
