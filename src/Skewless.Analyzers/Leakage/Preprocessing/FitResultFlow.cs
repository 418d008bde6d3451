using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Skewless.Analyzers.Leakage.Lineage;

namespace Skewless.Analyzers.Leakage.Preprocessing;

/// <summary>
/// Where the result of one fit goes in a method: the values computed with what it fitted (the fitted
/// feature set, the transformer, the model trained on its output), followed through locals, fields,
/// properties and the elements of collections. A fit leaks only into an evaluation these values take
/// part in; a refit on all rows for deployment, made after the evaluation with other locals, takes
/// part in none.
/// </summary>
/// <remarks>
/// Flow-sensitive by position only: a value stored in a variable reaches the reads after the store,
/// and every read in the same loop or in a lambda or local function, which can run later. So
/// <c>fitted = FlightFeatures.Fit(all)</c> after the evaluation does not reach the evaluation's
/// earlier reads of <c>fitted</c>.
/// </remarks>
internal sealed class FitResultFlow
{
    private readonly IOperation _fit;
    private readonly ISymbol? _accumulator;
    private readonly Func<IInvocationOperation, bool>? _choosesRows;

    // The elements of enclosing lambdas or loops whose group of rows the fit is taken over (RowsSharingKey), found once.
    private readonly List<ISymbol> _keyedOn;

    // The parameters the fit reads, of its own lambdas and of those around it.
    private readonly List<IParameterSymbol> _reads;
    private readonly Dictionary<ISymbol, List<IOperation>> _stored = new(SymbolEqualityComparer.Default);

    private FitResultFlow(IOperation fit, ISymbol? accumulator, Func<IInvocationOperation, bool>? choosesRows)
    {
        _fit = fit;
        _accumulator = accumulator;
        _choosesRows = choosesRows;
        _reads = fit.DescendantsAndSelf().OfType<IParameterReferenceOperation>().Select(reference => reference.Parameter).ToList();
        _keyedOn = Learnt().SelectMany(part => part.DescendantsAndSelf()).OfType<IInvocationOperation>().Select(RowsSharingKey.Of).Where(keyed => keyed is not null).Select(keyed => keyed!.Value.Element).ToList();
    }

    // The fit, and the rows given to each enclosing lambda whose element it is taken of: a group's count in MaxBy(s => s.Count())
    // learns from the rows grouped, which may be an element's own group (zips.Where(x => x.City == z.City).GroupBy(…)).
    private IEnumerable<IOperation> Learnt()
    {
        yield return _fit;
        for (var parent = _fit.Parent; parent is not null && _reads.Count > 0; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation lambda && ReadsElementOf(lambda) && RowPredicate.SourceOf(lambda) is { } source)
            {
                yield return source;
            }
        }
    }

    private bool ReadsElementOf(IAnonymousFunctionOperation lambda) => lambda.Symbol.Parameters.Intersect(_reads, SymbolEqualityComparer.Default).Any();

    /// <summary>
    /// The flow of <paramref name="fit"/>'s result through <paramref name="operations"/>, every
    /// operation of the method. A fit that returns nothing (an accumulator's <c>Add</c>, a scaler's
    /// <c>Fit</c>) leaves its result in the object it was called on, from that call on, and a sum kept
    /// by hand (<c>sum += f.DistanceMiles</c>) in the variable it adds to.
    /// <paramref name="choosesRows"/>, when given, picks out calls that only choose rows: of those, the
    /// result is followed only through the rows they choose from, not through what decides the choice.
    /// </summary>
    public static FitResultFlow Of(IOperation fit, IReadOnlyList<IOperation> operations, Func<IInvocationOperation, bool>? choosesRows = null)
    {
        var accumulator = fit is IInvocationOperation { TargetMethod.ReturnsVoid: true, Instance: { } instance } ? Referenced(instance) : null;
        var flow = new FitResultFlow(fit, accumulator, choosesRows);
        if ((accumulator ?? (fit is IAssignmentOperation sum ? Holder(sum.Target) : null)) is { } holder)
        {
            flow.Store(holder, fit);
        }

        var stores = operations.SelectMany(Stores).ToList();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (target, value) in stores)
            {
                if (!flow.IsStored(target, value) && flow.Carries(value))
                {
                    flow.Store(target, value);
                    changed = true;
                }
            }
        }

        return flow;
    }

    /// <summary>
    /// Whether <paramref name="operation"/> applies what the fit learnt: it is computed with the fit's
    /// result. Feeding the accumulator more rows is the fit itself, not an application of it, and so is a
    /// call that runs the fit in a lambda, once for each element (<c>ToDictionary(g => g.Key, g => g.Average(…))</c>),
    /// unless the fit is over the rows that share that element's key, which gives the element its own group's statistic
    /// (<c>test.Select(f => flights.Where(x => x.Origin == f.Origin).Average(…))</c>).
    /// </summary>
    public bool Applies(IOperation operation) => !IsPartOfFit(operation) && !RunsFitPerElement(operation) && Carries(operation);

    /// <summary>
    /// The rows of the loops whose variable's group the fit is taken over, each row given its own group's statistic
    /// (<c>foreach (var f in test) encoded.Add(flights.Where(x => x.Origin == f.Origin).Average(…))</c>).
    /// </summary>
    public IEnumerable<IOperation> LoopsKeyedOn()
    {
        for (var parent = _fit.Parent; parent is not null && _keyedOn.Count > 0; parent = parent.Parent)
        {
            if (parent is IForEachLoopOperation loop && loop.Locals.Intersect(_keyedOn, SymbolEqualityComparer.Default).Any())
            {
                yield return loop.Collection;
            }
        }
    }

    /// <summary>Whether the operation's value is computed with the fit's result: it contains the fit, or reads a variable the result reached.</summary>
    public bool Carries(IOperation operation) => Parts(operation).Any(part =>
        part == _fit || (Referenced(part) is { } symbol && !IsWrite(part) && _stored.TryGetValue(symbol, out var values) && values.Any(value => Reaches(value, part))));

    // The operation and its parts, but only the rows a choosing call chooses from, when the flow skips the rest.
    private IEnumerable<IOperation> Parts(IOperation operation)
    {
        var pending = new Stack<IOperation>();
        pending.Push(operation);
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            yield return part;
            var children = part is IInvocationOperation call && _choosesRows?.Invoke(call) == true && !RanksByFit(call)
                ? new[] { call.Instance, call.Arguments.FirstOrDefault()?.Value }.OfType<IOperation>()
                : part.ChildOperations;
            foreach (var child in children)
            {
                pending.Push(child);
            }
        }
    }

    // A sort by the fit taken of each element it sorts (groups by their size) ranks by what was fitted: its first element
    // is the fit's answer, the most common value of a group (g.GroupBy(x => x.State).OrderByDescending(s => s.Count()).First().Key).
    private bool RanksByFit(IInvocationOperation sort) =>
        (sort.TargetMethod.Name.StartsWith("OrderBy", StringComparison.Ordinal) || sort.TargetMethod.Name.StartsWith("ThenBy", StringComparison.Ordinal))
        && sort.Arguments.Skip(1).SelectMany(argument => argument.Value.DescendantsAndSelf().OfType<IAnonymousFunctionOperation>().Take(1)).Any(key =>
            key.Syntax.SyntaxTree == _fit.Syntax.SyntaxTree && key.Syntax.Span.Contains(_fit.Syntax.Span) && ReadsElementOf(key));

    private bool IsPartOfFit(IOperation operation) =>
        operation == _fit
        || (_accumulator is not null && _fit is IInvocationOperation fit && operation is IInvocationOperation { Instance: { } instance } call && call.TargetMethod.Name == fit.TargetMethod.Name
            && SymbolEqualityComparer.Default.Equals(Referenced(instance), _accumulator));

    private bool RunsFitPerElement(IOperation operation)
    {
        var inLambda = false;
        for (var parent = _fit.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent == operation)
            {
                return inLambda;
            }

            // A lambda over the element the fit is keyed on applies it, whatever lambdas inside it run the fit for.
            if (parent is IAnonymousFunctionOperation lambda)
            {
                inLambda = !(_keyedOn.Count > 0 && _keyedOn.Intersect(lambda.Symbol.Parameters, SymbolEqualityComparer.Default).Any());
            }
        }

        return false;
    }

    private bool IsStored(ISymbol target, IOperation value) => _stored.TryGetValue(target, out var values) && values.Contains(value);

    private void Store(ISymbol target, IOperation value)
    {
        if (!_stored.TryGetValue(target, out var values))
        {
            values = new List<IOperation>();
            _stored.Add(target, values);
        }

        values.Add(value);
    }

    // A value stored before a read reaches it; so does one stored in the same loop, a local function's body, which can be
    // called before it is declared, or any value for a read in a lambda or local function, which may run at any time.
    private static bool Reaches(IOperation value, IOperation read)
    {
        if (value.Syntax.SyntaxTree != read.Syntax.SyntaxTree || value.Syntax.Span.End <= read.Syntax.SpanStart || value.Parent is ILocalFunctionOperation)
        {
            return true;
        }

        for (var container = read.Parent; container is not null; container = container.Parent)
        {
            if (container is IAnonymousFunctionOperation or ILocalFunctionOperation
                || (container is ILoopOperation && container.Syntax.Span.Contains(value.Syntax.Span)))
            {
                return true;
            }
        }

        return false;
    }

    // Every store of a value into a variable: declarations, assignments (to an element, into its collection), values added
    // to a collection, foreach variables, and each variable of a deconstruction (from the whole value: which element is
    // which does not matter here).
    private static IEnumerable<(ISymbol Target, IOperation Value)> Stores(IOperation operation)
    {
        switch (operation)
        {
            case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                yield return (declarator.Symbol, initializer.Value);
                break;
            case IAssignmentOperation assignment and not IDeconstructionAssignmentOperation when Holder(assignment.Target) is { } target:
                yield return (target, assignment.Value);
                break;
            case IInvocationOperation { TargetMethod.Name: "Add" or "TryAdd", Instance: { } collection } add when Referenced(collection) is { } target:
                foreach (var argument in add.Arguments)
                {
                    yield return (target, argument.Value);
                }

                break;
            // A local function is the value of its name wherever it is called or given as a delegate.
            case ILocalFunctionOperation { Body: { } body } function:
                yield return (function.Symbol, body);
                break;
            case IForEachLoopOperation loop:
                foreach (var local in loop.Locals)
                {
                    yield return (local, loop.Collection);
                }

                break;
            case IDeconstructionAssignmentOperation deconstruction:
                foreach (var target in deconstruction.Target.DescendantsAndSelf().Select(Referenced).OfType<ISymbol>())
                {
                    yield return (target, deconstruction.Value);
                }

                break;
        }
    }

    /// <summary>The variable an assignment stores into: the target's own, or for an element, its collection's.</summary>
    public static ISymbol? Holder(IOperation target) => LocalLineage.Unconverted(target) switch
    {
        IPropertyReferenceOperation { Arguments.Length: > 0, Instance: { } collection } => Referenced(collection),
        IArrayElementReferenceOperation element => Referenced(element.ArrayReference),
        var variable => Referenced(variable),
    };

    private static bool IsWrite(IOperation reference) =>
        reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference
        || reference is ILocalReferenceOperation { IsDeclaration: true };

    /// <summary>The variable, member or local function an operation names, looked through conversions.</summary>
    public static ISymbol? Referenced(IOperation operation) => LocalLineage.Unconverted(operation) switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation { Arguments.Length: 0 } property => property.Property,
        IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } function => function.Method,
        IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction } call => call.TargetMethod,
        _ => null,
    };
}
