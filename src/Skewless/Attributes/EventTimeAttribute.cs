namespace Skewless;

/// <summary>
/// Marks the member that records when the facts of a row became known. Rows with an event time
/// must be split by time, never at random, so that the model is not evaluated on its own past.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class EventTimeAttribute : Attribute
{
}
