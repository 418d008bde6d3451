using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Skewless.Analyzers.Leakage.Lineage;

/// <summary>
/// LINQ's <c>Where</c> when it drops only rows or values that are missing (<c>p => p.FlipperLength.HasValue</c>,
/// <c>m => m != null</c>, <c>f => !float.IsNaN(f.DistanceMiles)</c>): what it keeps is every row that has a value, so
/// a statistic over it is taken over all the rows. Any other <c>Where</c> may be the training side chosen by hand
/// (<c>f => f.Departure &lt; cutoff</c>), and is not looked through.
/// </summary>
internal static class MissingValueFilter
{
    /// <summary>The rows <paramref name="invocation"/> filters, when it is a <c>Where</c> that only drops missing values; otherwise <see langword="null"/>.</summary>
    public static IOperation? Source(IInvocationOperation invocation) =>
        invocation.TargetMethod.Name == "Where" && RowPredicate.Of(invocation) is var (rows, condition, element) && ChecksPresence(condition, element) ? rows : null;

    // Every part of a conjunction tests that a value of the lambda's parameter is there.
    private static bool ChecksPresence(IOperation condition, IParameterSymbol value) => LocalLineage.Unconverted(condition) switch
    {
        IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both => ChecksPresence(both.LeftOperand, value) && ChecksPresence(both.RightOperand, value),
        IPropertyReferenceOperation { Property.Name: "HasValue", Instance: { } nullable } => IsOf(nullable, value),
        IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals } compare =>
            (IsNull(compare.RightOperand) && IsOf(compare.LeftOperand, value)) || (IsNull(compare.LeftOperand) && IsOf(compare.RightOperand, value)),
        IIsPatternOperation { Value: var tested, Pattern: var pattern } => KeepsEveryValue(pattern) && IsOf(tested, value),
        IIsTypeOperation { IsNegated: false, ValueOperand: var tested } => IsOf(tested, value),
        IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, Operand: IInvocationOperation { TargetMethod.Name: "IsNaN" or "IsNullOrEmpty" or "IsNullOrWhiteSpace" } test } =>
            IsValueTest(test) && IsOf(test.Arguments[0].Value, value),
        IInvocationOperation { TargetMethod.Name: "IsFinite" } test => IsValueTest(test) && IsOf(test.Arguments[0].Value, value),
        _ => false,
    };

    // is not null, is { }, is double mass.
    private static bool KeepsEveryValue(IPatternOperation pattern) => pattern switch
    {
        INegatedPatternOperation { Pattern: IConstantPatternOperation constant } => IsNull(constant.Value),
        IRecursivePatternOperation { PropertySubpatterns.Length: 0, DeconstructionSubpatterns.Length: 0 } => true,
        ITypePatternOperation or IDeclarationPatternOperation => true,
        _ => false,
    };

    private static bool IsValueTest(IInvocationOperation test) =>
        test.Arguments.Length == 1 && test.TargetMethod.ContainingType.SpecialType is SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_String;

    private static bool IsNull(IOperation operand) => LocalLineage.Unconverted(operand) is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } };

    private static bool IsOf(IOperation tested, IParameterSymbol value) => SymbolEqualityComparer.Default.Equals(RowPredicate.VariableBehind(tested), value);
}
