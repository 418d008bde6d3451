using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Skewless.Analyzers.Leakage.Lineage;

/// <summary>The condition a LINQ call such as <c>Where</c> or <c>Count</c> is given on one element, written as a lambda, read as what it returns.</summary>
internal static class RowPredicate
{
    /// <summary>
    /// When <paramref name="invocation"/> is a LINQ call given one condition, as <c>Where(x => …)</c>, the rows it reads, the
    /// condition and the lambda's parameter; <c>Where((row, index) => …)</c>, which takes rows by their position, and
    /// block bodies are not read.
    /// </summary>
    public static (IOperation Rows, IOperation Condition, IParameterSymbol Element)? Of(IInvocationOperation invocation) =>
        invocation.Arguments.Length == 2 && invocation.TargetMethod.ContainingNamespace?.ToDisplayString() == "System.Linq"
        && LocalLineage.Unconverted(invocation.Arguments[1].Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
        && lambda.Symbol.Parameters.Length == 1
        && lambda.Body.Operations.Length == 1 && lambda.Body.Operations[0] is IReturnOperation { ReturnedValue: { } condition }
            ? (invocation.Arguments[0].Value, condition, lambda.Symbol.Parameters[0])
            : null;

    /// <summary>
    /// The rows a call gives a lambda the elements of, as LINQ does: the call's first argument, when the lambda is another
    /// of its arguments (<c>groups</c> in <c>groups.MaxBy(s => s.Count())</c>); otherwise <see langword="null"/>.
    /// </summary>
    public static IOperation? SourceOf(IAnonymousFunctionOperation lambda)
    {
        var argument = lambda.Parent is IDelegateCreationOperation creation ? creation.Parent : lambda.Parent;
        return argument is IArgumentOperation { Parent: IInvocationOperation call } && call.Arguments.Length > 0 && call.Arguments[0] != argument
            ? call.Arguments[0].Value
            : null;
    }

    /// <summary>The parameter or local a value is read from, itself or through members however deep (<c>m</c>, <c>p.BodyMass</c>, <c>f.Weather.Temperature</c>).</summary>
    public static ISymbol? VariableBehind(IOperation value)
    {
        var operation = LocalLineage.Unconverted(value);
        while (operation is IMemberReferenceOperation { Instance: { } instance })
        {
            operation = LocalLineage.Unconverted(instance);
        }

        return operation switch
        {
            IParameterReferenceOperation parameter => parameter.Parameter,
            ILocalReferenceOperation local => local.Local,
            _ => null,
        };
    }
}
