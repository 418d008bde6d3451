namespace Skewless.ML;

/// <summary>The column names Skewless gives ML.NET, which are ML.NET trainers' defaults.</summary>
public static class FeatureColumns
{
    /// <summary>The feature vector column.</summary>
    public const string Features = "Features";

    /// <summary>The label column.</summary>
    public const string Label = "Label";

    /// <summary>
    /// The text column of each row's group key, for ML.NET's <c>samplingKeyColumnName</c>, so that a
    /// split or cross-validation keeps every row of a group on one side.
    /// </summary>
    public const string GroupKey = "GroupKey";

    /// <summary>
    /// The annotation on the <see cref="Features"/> column that records which fitted feature set the features came from:
    /// its logical name, version, definition fingerprint and a hash of its fitted constants, as four texts. Save a model
    /// with its training view's schema and ML.NET keeps it, so that serving can check it.
    /// </summary>
    public const string FeatureSetAnnotation = "Skewless.FeatureSet";
}
