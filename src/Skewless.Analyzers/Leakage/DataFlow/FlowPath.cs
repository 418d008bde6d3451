using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Skewless.Analyzers.Leakage.DataFlow;

/// <summary>
/// How a value came to depend on an origin, outermost step first (such as
/// <c>Helper.Bucket(…)</c>, then <c>local 'd'</c>), and where the marked member was read.
/// </summary>
internal sealed class FlowPath
{
    public static readonly FlowPath Direct = new(ImmutableArray<string>.Empty, null);

    private FlowPath(ImmutableArray<string> steps, Location? read)
    {
        Steps = steps;
        Read = read;
    }

    public ImmutableArray<string> Steps { get; }

    /// <summary>Where the marked member was read, when it was read in source.</summary>
    public Location? Read { get; }

    public static FlowPath ReadAt(Location? location) => location is null ? Direct : new(ImmutableArray<string>.Empty, location);

    public FlowPath Prepend(string? step) => step is null ? this : new(Steps.Insert(0, step), Read);

    /// <summary>This path followed by <paramref name="rest"/>, which says where the member was read.</summary>
    public FlowPath Then(FlowPath rest) => rest.Steps.IsEmpty && Steps.IsEmpty ? rest : new(Steps.AddRange(rest.Steps), rest.Read);

    /// <summary>Whether this path is the one to keep over <paramref name="other"/>: fewer steps, then ordinal order, so the choice never depends on the order code is walked in.</summary>
    public bool IsBetterThan(FlowPath other)
    {
        if (Steps.Length != other.Steps.Length)
        {
            return Steps.Length < other.Steps.Length;
        }

        for (var i = 0; i < Steps.Length; i++)
        {
            var order = string.CompareOrdinal(Steps[i], other.Steps[i]);
            if (order != 0)
            {
                return order < 0;
            }
        }

        return false;
    }

    public bool SameAs(FlowPath other) => Steps.SequenceEqual(other.Steps, StringComparer.Ordinal) && Equals(Read, other.Read);

    public override string ToString() => Steps.IsEmpty ? "directly" : "via " + string.Join(" → ", Steps);
}
