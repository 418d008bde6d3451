using System.Collections.Immutable;

namespace Skewless.Analyzers.Leakage.DataFlow;

/// <summary>
/// What a method's results can depend on, in terms a caller can map onto its own arguments:
/// parameters (including <c>this</c>) and reads of marked members.
/// </summary>
/// <param name="Return">What the return value can depend on; for a field or property initializer, the initial value.</param>
/// <param name="RefOut">For each parameter by ordinal, what a <c>ref</c> or <c>out</c> parameter can hold when the method returns; empty for the others.</param>
internal sealed record MethodSummary(FlowValue Return, ImmutableArray<FlowValue> RefOut)
{
    public static MethodSummary Empty { get; } = new(FlowValue.Empty, ImmutableArray<FlowValue>.Empty);

    public FlowValue RefOutAt(int ordinal) => ordinal >= 0 && ordinal < RefOut.Length ? RefOut[ordinal] : FlowValue.Empty;

    public bool SameAs(MethodSummary other) =>
        Return.SameAs(other.Return)
        && RefOut.Length == other.RefOut.Length
        && RefOut.Zip(other.RefOut, (left, right) => left.SameAs(right)).All(same => same);
}
