namespace Skewless;

/// <summary>
/// Marks a member that is present in the training data but unknown when the model serves a
/// prediction, such as a fact recorded after the outcome. No feature may depend on it.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class NotAtServingAttribute : Attribute
{
    /// <summary>Marks the member as unavailable at serving time.</summary>
    /// <param name="reason">Why the value is not known at prediction time, for example "known only after landing".</param>
    public NotAtServingAttribute(string reason) => Reason = reason;

    /// <summary>Why the value is not known at prediction time.</summary>
    public string Reason { get; }
}
