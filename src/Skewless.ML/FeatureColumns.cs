namespace Skewless.ML;

/// <summary>The column names Skewless gives ML.NET, which are ML.NET trainers' defaults.</summary>
public static class FeatureColumns
{
    /// <summary>The feature vector column.</summary>
    public const string Features = "Features";

    /// <summary>The label column.</summary>
    public const string Label = "Label";

}
