namespace Skewless;

/// <summary>
/// Marks the member that holds the training target. No feature may depend on it, directly or
/// through helpers, locals, lambdas, other features or a branch on its value.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class LabelAttribute : Attribute
{
}
