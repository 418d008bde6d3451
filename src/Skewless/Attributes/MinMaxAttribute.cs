namespace Skewless;

/// <summary>
/// Rescales a numeric feature to <c>[0, 1]</c> with the minimum and maximum fitted on the training
/// rows and frozen for serving.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class MinMaxAttribute : Attribute
{
}
