using Microsoft.CodeAnalysis;

namespace Skewless.Analyzers.Leakage.DataFlow;

/// <summary>What a value can depend on.</summary>
internal enum OriginKind
{
    /// <summary>A parameter of the method being summarised (ordinal -1 is <c>this</c>); the caller maps it to an argument.</summary>
    Parameter,

    /// <summary>A read of a member marked <c>[Label]</c>, <c>[NotAtServing]</c> or <c>[ModelOutput]</c>.</summary>
    MarkedMember,

    /// <summary>Inside one body only: a local, a parameter, or the return of a lambda, local function or call, resolved when the body is done.</summary>
    Variable,

    /// <summary>Inside one body only: a lambda, local function or method group the value may be, for when it is invoked.</summary>
    Delegate,
}

/// <summary>One thing a value can depend on. Compared by kind and symbol (or operation), so values can be merged as sets.</summary>
internal sealed class Origin : IEquatable<Origin>
{
    private static readonly Origin This = new(OriginKind.Parameter, null, null, -1, isReturn: false);

    private Origin(OriginKind kind, ISymbol? symbol, IOperation? operation, int ordinal, bool isReturn)
    {
        Kind = kind;
        Symbol = symbol;
        Operation = operation;
        Ordinal = ordinal;
        IsReturn = isReturn;
    }

    public OriginKind Kind { get; }

    /// <summary>The marked member, the variable's symbol, the function whose return this is, or the delegate's target.</summary>
    public ISymbol? Symbol { get; }

    /// <summary>For the result of a call resolved late (a delegate invocation): the invocation.</summary>
    public IOperation? Operation { get; }

    /// <summary>
    /// For <see cref="OriginKind.Parameter"/>: the parameter's ordinal, -1 for <c>this</c>. For a
    /// <see cref="OriginKind.Variable"/> of a tuple type: 0 for what flows into the whole variable, or
    /// the position (from 1) of the element that values flow into one by one.
    /// </summary>
    public int Ordinal { get; }

    /// <summary>For <see cref="OriginKind.Variable"/>: whether this is the return value of <see cref="Symbol"/>.</summary>
    public bool IsReturn { get; }

    public static Origin Parameter(int ordinal) => ordinal == -1 ? This : new(OriginKind.Parameter, null, null, ordinal, isReturn: false);

    public static Origin Member(ISymbol member) => new(OriginKind.MarkedMember, member.OriginalDefinition, null, 0, isReturn: false);

    public static Origin Variable(ISymbol symbol) => new(OriginKind.Variable, symbol, null, 0, isReturn: false);

    /// <summary>Element <paramref name="index"/> (from 0) of a local or parameter of a tuple type.</summary>
    public static Origin Element(ISymbol variable, int index) => new(OriginKind.Variable, variable, null, index + 1, isReturn: false);

    public static Origin ReturnOf(ISymbol function) => new(OriginKind.Variable, function, null, 0, isReturn: true);

    public static Origin ResultOf(IOperation invocation) => new(OriginKind.Variable, null, invocation, 0, isReturn: true);

    public static Origin Delegate(IMethodSymbol target) => new(OriginKind.Delegate, target.OriginalDefinition, null, 0, isReturn: false);

    /// <summary>How a path through this variable reads in a message, or <see langword="null"/> when it adds nothing.</summary>
    public string? Step => (Kind, Symbol, IsReturn) switch
    {
        (OriginKind.Variable, ILocalSymbol local, _) => $"local '{local.Name}{ElementName(local.Type)}'",
        (OriginKind.Variable, IParameterSymbol parameter, _) => $"parameter '{parameter.Name}{ElementName(parameter.Type)}'",
        (OriginKind.Variable, IMethodSymbol { MethodKind: MethodKind.AnonymousFunction }, true) => "lambda",
        (OriginKind.Variable, IMethodSymbol { MethodKind: MethodKind.LocalFunction } function, true) => $"{function.Name}(…)",
        _ => null,
    };

    // ".d" for element d of a tuple variable, by the name the variable's type gives it.
    private string ElementName(ITypeSymbol type) =>
        Ordinal > 0 && type is INamedTypeSymbol { IsTupleType: true } tuple && Ordinal <= tuple.TupleElements.Length ? "." + tuple.TupleElements[Ordinal - 1].Name : "";

    public bool Equals(Origin? other) =>
        other is not null
        && Kind == other.Kind
        && Ordinal == other.Ordinal
        && IsReturn == other.IsReturn
        && ReferenceEquals(Operation, other.Operation)
        && SymbolEqualityComparer.Default.Equals(Symbol, other.Symbol);

    public override bool Equals(object? obj) => Equals(obj as Origin);

    public override int GetHashCode() =>
        unchecked((((((int)Kind * 31) + Ordinal) * 31) + SymbolEqualityComparer.Default.GetHashCode(Symbol)) * 31 + (Operation?.GetHashCode() ?? 0));
}
