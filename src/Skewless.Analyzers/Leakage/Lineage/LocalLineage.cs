using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Skewless.Analyzers.Leakage.Lineage;

/// <summary>
/// Where the rows in a method come from, followed through its locals: a value derives from what was assigned to the
/// locals it reads (and to the fields and properties of its own object or type that the method assigns, as
/// <c>_dataView = ml.Data.LoadFromEnumerable(rows)</c> holds a view for other methods, or added to a list with
/// <c>AddRange</c>), from the data it was computed from (a receiver or argument that holds rows, never a model or a
/// lambda), and a split's side from the split.
/// </summary>
/// <remarks>Method-local and flow-insensitive: a local derives from everything ever assigned to it in the method.</remarks>
internal sealed class LocalLineage
{
    public static readonly string[] TrainSides = { "Train", "TrainSet" };
    public static readonly string[] TestSides = { "Test", "TestSet" };

    /// <summary>The side a member or tuple element of a split is named for, as spelled in <see cref="TrainSides"/> or <see cref="TestSides"/>, in any case.</summary>
    public static string? Side(string name) =>
        TrainSides.Concat(TestSides).FirstOrDefault(side => string.Equals(side, name, StringComparison.OrdinalIgnoreCase));

    private readonly DataSymbols _symbols;
    private readonly Dictionary<ISymbol, List<(IOperation Value, string? Side)>> _assignments = new(SymbolEqualityComparer.Default);

    public LocalLineage(IEnumerable<IOperation> blocks, DataSymbols symbols)
    {
        _symbols = symbols;
        foreach (var operation in blocks.SelectMany(block => block.DescendantsAndSelf()))
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    Add(declarator.Symbol, initializer.Value, null);
                    break;
                case ISimpleAssignmentOperation assignment when Referenced(assignment.Target) is { } target:
                    Add(target, assignment.Value, null);
                    break;
                case IForEachLoopOperation loop:
                    foreach (var local in loop.Locals)
                    {
                        Add(local, loop.Collection, null);
                    }

                    break;
                case IDeconstructionAssignmentOperation deconstruction:
                    AddDeconstruction(deconstruction.Target, deconstruction.Value);
                    break;
                case IInvocationOperation { TargetMethod.Name: "AddRange", Instance: { } list, Arguments.Length: 1 } fill when Referenced(list) is { } filled && symbols.HoldsRows(fill.Arguments[0].Value.Type):
                    // A list filled with rows holds them, as one assigned them does.
                    Add(filled, fill.Arguments[0].Value, null);
                    break;
                case IInvocationOperation { TargetMethod.Name: "Add", Instance: { } list, Arguments.Length: 1 } fill when Referenced(list) is { } filled && symbols.HoldsRows(list.Type):
                    // testRows.Add(rows[i]) in a fold loop written by hand: the list holds what it is given, one row at a time.
                    Add(filled, fill.Arguments[0].Value, null);
                    break;
                case IInvocationOperation call:
                    // SplitList(rows, out train, out test, 600): what a call hands back through an out argument is drawn from its other inputs.
                    foreach (var argument in call.Arguments)
                    {
                        if (argument.Parameter?.RefKind == RefKind.Out && Referenced(Declared(argument.Value)) is { } output && symbols.HoldsRows(output switch { ILocalSymbol local => local.Type, IParameterSymbol parameter => parameter.Type, _ => null }))
                        {
                            Add(output, call, null);
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>The values assigned to a local or parameter, each with the split side it was taken from, if any.</summary>
    private IReadOnlyList<(IOperation Value, string? Side)> AssignmentsOf(ISymbol symbol) =>
        _assignments.TryGetValue(symbol, out var values) ? values : Array.Empty<(IOperation, string?)>();

    /// <summary>
    /// Whether a local or parameter holds the test side of a split, as <c>test</c> does after <c>var (train, test) = split</c>,
    /// or held-out rows by its name, as a split written by hand (<c>var test = flights.Where(…)</c>) says which side is which.
    /// </summary>
    public bool HoldsTestSide(ISymbol variable) =>
        AssignmentsOf(variable).Any(assignment => assignment.Side is { } side && TestSides.Contains(side))
        || (NamesHeldOutRows(variable.Name) && _symbols.HoldsRows(variable switch { ILocalSymbol local => local.Type, IParameterSymbol parameter => parameter.Type, _ => null }));

    private static readonly string[] HeldOutWords = { "test", "testing", "holdout", "validation", "eval", "evaluation" };

    private static readonly string[] TestWords = { "test", "testing", "holdout" };

    /// <summary>
    /// Whether a name says it holds held-out rows: its first or last word is one of <see cref="HeldOutWords"/>, in any case
    /// (<c>test</c>, <c>testFlights</c>, <c>marchTest</c>, <c>holdout_rows</c>; not <c>latest</c> or <c>validRows</c>).
    /// </summary>
    public static bool NamesHeldOutRows(string name) => Names(name, HeldOutWords);

    /// <summary>As <see cref="NamesHeldOutRows"/>, for the rows kept for the final score only (<c>test</c>, <c>holdout</c>), not a validation side.</summary>
    public static bool NamesTestRows(string name) => Names(name, TestWords);

    private static bool Names(string name, string[] words)
    {
        // Called for every identifier a screened body has, so it allocates nothing.
        var firstEnd = 1;
        while (firstEnd < name.Length && !char.IsUpper(name[firstEnd]) && name[firstEnd] != '_')
        {
            firstEnd++;
        }

        var lastStart = name.Length - 1;
        while (lastStart > 0 && !char.IsUpper(name[lastStart]) && name[lastStart - 1] != '_')
        {
            lastStart--;
        }

        return IsWord(name, 0, firstEnd, words) || IsWord(name, lastStart, name.Length, words);
    }

    private static bool IsWord(string name, int start, int end, string[] words)
    {
        foreach (var word in words)
        {
            if (word.Length == end - start && string.Compare(name, start, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the method assigns the local or parameter anywhere (a parameter's value on entry does not count).</summary>
    public bool IsAssigned(ISymbol symbol) => AssignmentsOf(symbol).Count > 0;

    /// <summary>The single value assigned to a local or parameter, when it has exactly one and not from a split side.</summary>
    public IOperation? OnlyValueOf(ISymbol symbol) =>
        AssignmentsOf(symbol) is { Count: 1 } assignments && assignments[0].Side is null ? assignments[0].Value : null;

    /// <summary>The node a value is: its local, its split side, or itself.</summary>
    public DataNode NodeOf(IOperation value)
    {
        value = Unconverted(value);
        return value switch
        {
            _ when Referenced(value) is { } variable => DataNode.Variable(variable),
            IMemberReferenceOperation { Instance: { } split } member when SideName(member) is { } side => DataNode.SideOf(NodeOf(split), side),
            _ => DataNode.Expression(value),
        };
    }

    /// <summary>Every node <paramref name="value"/> derives from, itself included.</summary>
    public HashSet<DataNode> Ancestors(IOperation value)
    {
        var nodes = new HashSet<DataNode>();
        Walk(value, nodes, operations: null);
        return nodes;
    }

    /// <summary>Every operation <paramref name="value"/> derives from, itself included, such as the invocations that loaded or shuffled its rows.</summary>
    public List<IOperation> Sources(IOperation value)
    {
        var operations = new List<IOperation>();
        Walk(value, new HashSet<DataNode>(), operations);
        return operations;
    }

    /// <summary>The name of a split side this member reference reads, such as <c>split.Test</c>.</summary>
    public string? SideName(IMemberReferenceOperation member) =>
        member.Instance is { } instance && _symbols.IsSplit(instance.Type) ? Side(member.Member.Name) : null;

    public static IOperation Unconverted(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private void Walk(IOperation value, HashSet<DataNode> nodes, List<IOperation>? operations)
    {
        value = Unconverted(value);
        if (!nodes.Add(NodeOf(value)))
        {
            return;
        }

        operations?.Add(value);
        switch (value)
        {
            case ILocalReferenceOperation or IParameterReferenceOperation or IMemberReferenceOperation when Referenced(value) is { } symbol:
                foreach (var (assigned, side) in AssignmentsOf(symbol))
                {
                    if (side is not null)
                    {
                        nodes.Add(DataNode.SideOf(NodeOf(assigned), side));
                    }

                    Walk(assigned, nodes, operations);
                }

                break;
            case IMemberReferenceOperation { Instance: { } instance } when _symbols.HoldsRows(instance.Type):
                Walk(instance, nodes, operations);
                break;
            case IInvocationOperation invocation:
                foreach (var input in Inputs(invocation))
                {
                    if (input is not null && _symbols.HoldsRows(Unconverted(input).Type))
                    {
                        Walk(input, nodes, operations);
                    }
                }

                break;
            case IArrayElementReferenceOperation element:
                Walk(element.ArrayReference, nodes, operations);
                break;
            case IImplicitIndexerReferenceOperation indexer:
                // list[..n], span[i]: the rows the indexer reads.
                Walk(indexer.Instance, nodes, operations);
                break;
            case ITranslatedQueryOperation query:
                // from e in rows orderby ... select e: the method calls it stands for.
                Walk(query.Operation, nodes, operations);
                break;
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                Walk(conditional.WhenTrue, nodes, operations);
                Walk(whenFalse, nodes, operations);
                break;
            case ICoalesceOperation coalesce:
                Walk(coalesce.Value, nodes, operations);
                Walk(coalesce.WhenNull, nodes, operations);
                break;
        }
    }

    // The rows an invocation's result can hold: its instance's and its arguments', except the rows Except and ExceptBy take
    // away, and what its out arguments receive (the two sides a split helper hands back are not each other's inputs).
    private static IEnumerable<IOperation?> Inputs(IInvocationOperation invocation) =>
        invocation.TargetMethod.Name is "Except" or "ExceptBy" && invocation.TargetMethod.ContainingNamespace?.ToDisplayString() == "System.Linq"
            ? invocation.Arguments.Where(argument => argument.Parameter?.Ordinal == 0).Select(argument => argument.Value)
            : invocation.Arguments.Where(argument => argument.Parameter?.RefKind != RefKind.Out).Select(argument => argument.Value).Prepend(invocation.Instance);

    private static IOperation Declared(IOperation value) => value is IDeclarationExpressionOperation declaration ? declaration.Expression : value;

    // A Split<T> deconstructs into its training side, then its test side; a tuple element by element.
    private void AddDeconstruction(IOperation target, IOperation value)
    {
        target = Declared(target);
        if (target is not ITupleOperation targets)
        {
            if (Referenced(target) is { } symbol)
            {
                Add(symbol, value, null);
            }

            return;
        }

        var unconverted = Unconverted(value);
        for (var i = 0; i < targets.Elements.Length; i++)
        {
            if (unconverted is ITupleOperation values && values.Elements.Length == targets.Elements.Length)
            {
                AddDeconstruction(targets.Elements[i], values.Elements[i]);
            }
            else if (Referenced(Declared(targets.Elements[i])) is { } symbol)
            {
                Add(symbol, value, SideAt(unconverted.Type, i));
            }
        }
    }

    // A Split<T> deconstructs into its training side, then its test side; a split written as a tuple into the elements named for them.
    private string? SideAt(ITypeSymbol? split, int position) => split switch
    {
        INamedTypeSymbol { IsTupleType: true } tuple => position < tuple.TupleElements.Length ? Side(tuple.TupleElements[position].Name) : null,
        _ when DataSymbols.Is(split?.OriginalDefinition, _symbols.Split) && position < 2 => position == 0 ? "Train" : "Test",
        _ => null,
    };

    private void Add(ISymbol? symbol, IOperation value, string? side)
    {
        if (symbol is null)
        {
            return;
        }

        if (!_assignments.TryGetValue(symbol, out var values))
        {
            values = new List<(IOperation, string?)>();
            _assignments.Add(symbol, values);
        }

        values.Add((value, side));
    }

    // A local, a parameter, or a field or property without arguments of the method's own object or type, which the
    // method reads and assigns as it would a local.
    private static ISymbol? Referenced(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } field => field.Field,
        IPropertyReferenceOperation { Arguments.Length: 0, Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } property => property.Property,
        _ => null,
    };
}
