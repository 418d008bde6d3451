using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Leakage.Lineage;

/// <summary>
/// LINQ's <c>Where</c> when it keeps the rows whose keys equal those of an element of an enclosing lambda or loop
/// (<c>flights.Where(x => x.Origin == f.Origin)</c> in <c>test.Select(f => …)</c> or <c>foreach (var f in test)</c>): the rows of that element's group,
/// taken anew for each element, as a <c>GroupBy</c> gives them; and <c>Count</c> when it counts them, the group's size.
/// A condition on the row's <c>[Label]</c> beside the keys (<c>x.DelayMinutes &gt; 15</c>) keeps the group's rows with
/// that label, whose count is a share of the group. Any other condition beside the keys (<c>x.Departure &lt; f.Departure</c>,
/// only the rows before the element) makes a window, not a group, and is not matched.
/// </summary>
internal static class RowsSharingKey
{
    /// <summary>
    /// When <paramref name="invocation"/> is such a <c>Where</c> or <c>Count</c>, the rows it reads, the element whose keys
    /// they share, and whether a condition on the label also filters them.
    /// </summary>
    public static (IOperation Rows, ISymbol Element, bool ByLabel)? Of(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.Name is not ("Where" or "Count" or "LongCount") || RowPredicate.Of(invocation) is not var (rows, condition, row))
        {
            return null;
        }

        ISymbol? element = null;
        var byLabel = false;
        return AllKeysMatch(condition, row, ref element, ref byLabel) && element is not null ? (rows, element, byLabel) : null;
    }

    // Every part of a conjunction compares a key of the row with the same enclosing element's, or tests the row's label.
    private static bool AllKeysMatch(IOperation condition, IParameterSymbol row, ref ISymbol? element, ref bool byLabel)
    {
        condition = LocalLineage.Unconverted(condition);
        if (condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both)
        {
            return AllKeysMatch(both.LeftOperand, row, ref element, ref byLabel) && AllKeysMatch(both.RightOperand, row, ref element, ref byLabel);
        }

        if (TestsLabel(condition, row))
        {
            byLabel = true;
            return true;
        }

        var (left, right) = condition switch
        {
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equal => (equal.LeftOperand, equal.RightOperand),
            IInvocationOperation { TargetMethod.Name: "Equals", Instance: { } instance, Arguments.Length: >= 1 } call => (instance, call.Arguments[0].Value),
            IInvocationOperation { TargetMethod.Name: "Equals", Instance: null, Arguments.Length: >= 2 } call => (call.Arguments[0].Value, call.Arguments[1].Value),
            _ => default,
        };
        if (left is null || right is null)
        {
            return false;
        }

        var (leftVariable, rightVariable) = (RowPredicate.VariableBehind(left), RowPredicate.VariableBehind(right));
        var other = SymbolEqualityComparer.Default.Equals(leftVariable, row) ? rightVariable
            : SymbolEqualityComparer.Default.Equals(rightVariable, row) ? leftVariable
            : null;
        var isElement = other is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } } or ILocalSymbol { IsForEach: true };
        if (!isElement || SymbolEqualityComparer.Default.Equals(other, row) || (element is not null && !SymbolEqualityComparer.Default.Equals(element, other)))
        {
            return false;
        }

        element = other;
        return true;
    }

    // A condition that reads the row's [Label] and no element of an enclosing lambda or loop: of the row, constants and
    // thresholds (a method's parameter, a local) alone.
    private static bool TestsLabel(IOperation condition, IParameterSymbol row)
    {
        var readsLabel = false;
        foreach (var part in condition.DescendantsAndSelf())
        {
            switch (part)
            {
                case IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } } parameter when !SymbolEqualityComparer.Default.Equals(parameter.Parameter, row):
                case ILocalReferenceOperation { Local.IsForEach: true }:
                    return false;
                case IMemberReferenceOperation { Instance: { } instance } member when SymbolEqualityComparer.Default.Equals(RowPredicate.VariableBehind(instance), row):
                    readsLabel |= member.Member.GetAttributes().Any(attribute => attribute.AttributeClass?.ToDisplayString() == KnownSymbols.LabelAttributeName);
                    break;
            }
        }

        return readsLabel;
    }
}
