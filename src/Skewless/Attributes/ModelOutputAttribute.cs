namespace Skewless;

/// <summary>
/// Marks a member whose value was produced by this or another model. A feature that reads it closes
/// a feedback loop: the model learns from its own decisions.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class ModelOutputAttribute : Attribute
{
}
