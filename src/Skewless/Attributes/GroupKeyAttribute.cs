namespace Skewless;

/// <summary>
/// Marks the member that groups related rows, such as the same author, patient or aircraft. Rows
/// that share a key must stay on one side of a train/test split.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class GroupKeyAttribute : Attribute
{
}
