namespace Skewless;

/// <summary>
/// Rescales a numeric feature to <c>[0, 1]</c> with the minimum and maximum fitted on the training
/// rows and frozen for serving; values outside the training range are not clipped. A missing value
/// (NaN or infinite) becomes the training mean, scaled: the model cannot tell it from an average
/// value, so add a separate <c>bool</c> feature when whether it is missing matters.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class MinMaxAttribute : Attribute
{
}
