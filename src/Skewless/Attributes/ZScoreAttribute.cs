namespace Skewless;

/// <summary>
/// Standardises a numeric feature: <c>(x - mean) / standardDeviation</c>, with the mean and the
/// population standard deviation fitted in one pass over the training rows and frozen for serving.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ZScoreAttribute : Attribute
{
}
