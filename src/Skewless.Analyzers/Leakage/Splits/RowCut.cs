using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using Skewless.Analyzers.Leakage.Lineage;

namespace Skewless.Analyzers.Leakage.Splits;

/// <summary>
/// One side cut from a sequence of rows: its head (<c>Take(n)</c>, <c>SkipLast(n)</c>, <c>[..n]</c>,
/// <c>GetRange(0, n)</c>, <c>AsSpan(0, n)</c>, ML.NET's <c>TakeRows</c>) or its tail (<c>Skip(n)</c>,
/// <c>TakeLast(n)</c>, <c>[n..]</c>, <c>GetRange(n, list.Count - n)</c>, <c>AsSpan(n)</c>, <c>SkipRows</c>).
/// A window such as <c>[i..j]</c> or <c>GetRange(i, 32)</c> is neither: it reads a batch, not a side.
/// </summary>
/// <param name="Operation">The operation that cuts.</param>
/// <param name="Rows">The value it cuts.</param>
/// <param name="RowType">The element type, or <see langword="null"/> for an ML.NET data view, whose rows are found where it was loaded.</param>
/// <param name="Head">Whether it keeps the head rather than the tail.</param>
/// <param name="Name">How the message names it.</param>
/// <param name="Bound">Where it cuts: the count of a head, the start of a tail.</param>
internal sealed record RowCut(IOperation Operation, IOperation Rows, ITypeSymbol? RowType, bool Head, string Name, IOperation? Bound)
{
    private static readonly string[] HeadPartitions = { "Take", "SkipLast" };
    private static readonly string[] TailPartitions = { "Skip", "TakeLast" };
    private static readonly string[] Slices = { "GetRange", "AsSpan", "AsMemory", "Slice" };

    /// <summary>
    /// The LINQ partitions, for deciding which bodies to look at. A slice needs a shuffle to matter, and
    /// a body with one names a random draw; a shuffle by a custom draw is still found through its Take or Skip.
    /// </summary>
    public static readonly string[] Partitions = HeadPartitions.Concat(TailPartitions).ToArray();

    /// <summary>The cut <paramref name="operation"/> makes, if it is one.</summary>
    public static RowCut? Of(IOperation operation, DataSymbols data) => operation switch
    {
        IInvocationOperation invocation => OfInvocation(invocation, data),
        IArrayElementReferenceOperation { Indices.Length: 1 } element when LocalLineage.Unconverted(element.Indices[0]) is IRangeOperation range
            => OfRange(element, element.ArrayReference, range, data),
        IImplicitIndexerReferenceOperation { Argument: var argument } indexer when LocalLineage.Unconverted(argument) is IRangeOperation range
            => OfRange(indexer, indexer.Instance, range, data),
        _ => null,
    };

    private static RowCut? OfInvocation(IInvocationOperation invocation, DataSymbols data)
    {
        var method = invocation.TargetMethod;
        if (method.Name is "TakeRows" or "SkipRows")
        {
            return DataSymbols.Is(method.ContainingType, data.DataCatalog) && invocation.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == "input")?.Value is { } view
                ? new RowCut(invocation, view, null, method.Name == "TakeRows", method.Name, invocation.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == "count")?.Value)
                : null;
        }

        var rows = method.IsStatic ? invocation.Arguments.FirstOrDefault()?.Value : invocation.Instance;
        if (rows is null || !data.HoldsRows(LocalLineage.Unconverted(rows).Type))
        {
            return null;
        }

        var bounds = invocation.Arguments.Where(argument => !ReferenceEquals(argument.Value, rows)).Select(argument => LocalLineage.Unconverted(argument.Value)).ToList();
        if (bounds.FirstOrDefault() is IRangeOperation range && (method.Name == "Take" || Slices.Contains(method.Name)))
        {
            return OfRange(invocation, rows, range, data);
        }

        if (HeadPartitions.Contains(method.Name) || TailPartitions.Contains(method.Name))
        {
            return DataSymbols.Is(method.ContainingType, data.Enumerable) && method.TypeArguments.Length == 1 && bounds.Count == 1
                ? new RowCut(invocation, rows, method.TypeArguments[0], HeadPartitions.Contains(method.Name), method.Name, bounds[0])
                : null;
        }

        if (!Slices.Contains(method.Name) || bounds.Count is 0 or > 2 || bounds.Any(bound => bound.Type?.SpecialType != SpecialType.System_Int32))
        {
            return null;
        }

        // From the start for some rows, or from some row to the end: a window in between reads a batch.
        var fromStart = IsZero(bounds[0]);
        var toEnd = bounds.Count == 1 || IsRest(bounds[1]);
        return fromStart == toEnd ? null : new RowCut(invocation, rows, data.ElementOf(LocalLineage.Unconverted(rows).Type), fromStart, method.Name, fromStart ? bounds[1] : bounds[0]);
    }

    private static RowCut? OfRange(IOperation operation, IOperation rows, IRangeOperation range, DataSymbols data)
    {
        var fromStart = range.LeftOperand is null || IsZero(LocalLineage.Unconverted(range.LeftOperand));
        var toEnd = range.RightOperand is null
            || (LocalLineage.Unconverted(range.RightOperand) is IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat } end && IsZero(LocalLineage.Unconverted(end.Operand)));
        return fromStart == toEnd ? null : new RowCut(operation, rows, data.ElementOf(LocalLineage.Unconverted(rows).Type), fromStart, fromStart ? "[..n]" : "[n..]", fromStart ? range.RightOperand : range.LeftOperand);
    }

    /// <summary>Whether two cuts are at the same place, written alike or of the same constant value.</summary>
    public static bool SameBound(RowCut first, RowCut second) =>
        first.Bound is { } one && second.Bound is { } other
        && (one.ConstantValue is { HasValue: true } constant && other.ConstantValue.HasValue
            ? Equals(constant.Value, other.ConstantValue.Value)
            : SyntaxFactory.AreEquivalent(one.Syntax, other.Syntax));

    private static bool IsZero(IOperation value) => value.ConstantValue is { HasValue: true, Value: 0 };

    // The rest of the rows: list.Count - n, array.Length - n.
    private static bool IsRest(IOperation length) =>
        length is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } difference
        && LocalLineage.Unconverted(difference.LeftOperand) is IPropertyReferenceOperation { Property.Name: "Count" or "Length" };
}
