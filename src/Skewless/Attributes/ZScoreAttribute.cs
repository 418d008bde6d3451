namespace Skewless;

/// <summary>
/// Standardises a numeric feature: <c>(x - mean) / standardDeviation</c>, with the mean and the
/// population standard deviation fitted in one pass over the training rows and frozen for serving.
/// A missing value (NaN or infinite) becomes 0, the training mean: the model cannot tell it from an
/// average value, so add a separate <c>bool</c> feature when whether it is missing matters.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ZScoreAttribute : Attribute
{
}
