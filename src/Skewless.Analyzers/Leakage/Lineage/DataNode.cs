using Microsoft.CodeAnalysis;

namespace Skewless.Analyzers.Leakage.Lineage;

/// <summary>
/// One set of rows in a method: a local or parameter, one side of a split (<c>split.Test</c>), or the
/// value of one expression. Two mentions of the same local or side are the same node.
/// </summary>
internal sealed class DataNode : IEquatable<DataNode>
{
    private DataNode(ISymbol? symbol, IOperation? operation, DataNode? parent, string? side)
    {
        Symbol = symbol;
        Operation = operation;
        Parent = parent;
        Side = side;
    }

    public ISymbol? Symbol { get; }

    public IOperation? Operation { get; }

    /// <summary>For a side, the split it is a side of.</summary>
    public DataNode? Parent { get; }

    /// <summary>For a side, its name: <c>Train</c>, <c>Test</c>, <c>TrainSet</c> or <c>TestSet</c>.</summary>
    public string? Side { get; }

    public static DataNode Variable(ISymbol symbol) => new(symbol, null, null, null);

    public static DataNode Expression(IOperation operation) => new(null, operation, null, null);

    public static DataNode SideOf(DataNode split, string side) => new(null, null, split, side);

    public bool Equals(DataNode? other) =>
        other is not null
        && SymbolEqualityComparer.Default.Equals(Symbol, other.Symbol)
        && ReferenceEquals(Operation, other.Operation)
        && Equals(Parent, other.Parent)
        && Side == other.Side;

    public override bool Equals(object? obj) => Equals(obj as DataNode);

    public override int GetHashCode() =>
        unchecked((SymbolEqualityComparer.Default.GetHashCode(Symbol) * 31) + (Operation?.GetHashCode() ?? 0) * 17 + (Parent?.GetHashCode() ?? 0) + (Side?.GetHashCode() ?? 0));
}
