using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Skewless.Analyzers.Leakage.DataFlow;

/// <summary>
/// Walks one body (with the lambdas and local functions inside it) once, building a graph of what
/// flows into each variable, then resolves the graph into a <see cref="MethodSummary"/>.
/// </summary>
/// <remarks>
/// Control flow is followed structurally: inside a branch, every assignment and return also
/// depends on the branch's condition (the "program counter" value). A branch that can leave early
/// (return, throw, break, continue, goto) makes the rest of the enclosing code depend on its
/// condition as well, since reaching it depends on the condition.
/// </remarks>
internal sealed partial class BodyWalker
{
    private const string BranchStep = "a branch";

    private readonly DataFlowEngine _engine;
    private readonly SummaryRequest _request;
    private readonly ISymbol _root;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<Origin, List<FlowValue>> _edges = new();
    private readonly List<DelegateCall> _delegateCalls = new();
    private readonly HashSet<ISymbol> _functions = new(SymbolEqualityComparer.Default);
    private readonly Stack<Origin> _returns = new();
    private readonly Stack<FlowValue> _conditionalAccesses = new();
    private FlowValue _pc = FlowValue.Empty;
    private bool _leavesMethod;
    private bool _leavesLoop;

    public BodyWalker(DataFlowEngine engine, SummaryRequest request, ISymbol root, CancellationToken cancellationToken)
    {
        _engine = engine;
        _request = request;
        _root = root;
        _cancellationToken = cancellationToken;
    }

    public MethodSummary Summarise(IOperation body)
    {
        var result = Origin.ReturnOf(_root);
        _returns.Push(result);
        if (body is ISymbolInitializerOperation initializer)
        {
            Flow(result, Walk(initializer.Value));
        }
        else
        {
            Walk(body);
        }

        ConnectDelegateCalls();
        var refOut = _root is IMethodSymbol method && method.Parameters.Any(parameter => parameter.RefKind is RefKind.Ref or RefKind.Out)
            ? method.Parameters.Select(parameter => parameter.RefKind is RefKind.Ref or RefKind.Out ? Export(Resolve(Of(Origin.Variable(parameter)))) : FlowValue.Empty).ToImmutableArray()
            : ImmutableArray<FlowValue>.Empty;
        return new MethodSummary(Export(Resolve(Of(result))), refOut);
    }

    private static FlowValue Of(Origin origin) => FlowValue.Of(origin, FlowPath.Direct);

    /// <summary>Records that <paramref name="value"/> flows into <paramref name="variable"/> under the current branches.</summary>
    private void Flow(Origin variable, FlowValue value) => AddEdge(variable, FlowValue.Union(value, _pc));

    private void AddEdge(Origin variable, FlowValue value)
    {
        if (value.IsEmpty)
        {
            return;
        }

        if (!_edges.TryGetValue(variable, out var values))
        {
            values = new List<FlowValue>();
            _edges.Add(variable, values);
        }

        values.Add(value);
    }

    /// <summary>Replaces variables by what flows into them, transitively, keeping the best path to each origin.</summary>
    private FlowValue Resolve(FlowValue value)
    {
        var result = new FlowValue.Builder();
        var visited = new Dictionary<Origin, FlowPath>();
        var pending = new Queue<KeyValuePair<Origin, FlowPath>>(value.Items);
        while (pending.Count > 0)
        {
            var item = pending.Dequeue();
            var (origin, path) = (item.Key, item.Value);
            if (origin.Kind != OriginKind.Variable)
            {
                result.Add(origin, path);
                continue;
            }

            var here = path.Then(FlowPath.Direct.Prepend(origin.Step));
            if (visited.TryGetValue(origin, out var best) && !here.IsBetterThan(best))
            {
                continue;
            }

            visited[origin] = here;
            if (origin.Symbol is IParameterSymbol parameter && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, _root))
            {
                result.Add(Origin.Parameter(parameter.Ordinal), here);
            }

            if (_edges.TryGetValue(origin, out var values))
            {
                foreach (var flowing in values.SelectMany(flowing => flowing.Items))
                {
                    pending.Enqueue(new KeyValuePair<Origin, FlowPath>(flowing.Key, here.Then(flowing.Value)));
                }
            }
        }

        return result.ToValue();
    }

    /// <summary>
    /// Makes a resolved value fit for a summary: a delegate becomes what it can return, because a
    /// caller cannot connect its invocations to this body's lambdas.
    /// </summary>
    private FlowValue Export(FlowValue resolved, HashSet<ISymbol>? exporting = null)
    {
        if (resolved.Items.All(item => item.Key.Kind != OriginKind.Delegate))
        {
            return resolved;
        }

        var result = new FlowValue.Builder();
        foreach (var (origin, path) in resolved.Items.Select(item => (item.Key, item.Value)))
        {
            if (origin.Kind != OriginKind.Delegate)
            {
                result.Add(origin, path);
            }
            else if (origin.Symbol is IMethodSymbol target)
            {
                exporting ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                if (exporting.Add(target))
                {
                    result.Add(Prefixed(path, DelegateResult(target, exporting)));
                }
            }
        }

        return result.ToValue();
    }

    // What a delegate can return without knowing its arguments: a lambda's own return, or a method's reads of marked members.
    private FlowValue DelegateResult(IMethodSymbol target, HashSet<ISymbol> exporting)
    {
        if (_functions.Contains(target))
        {
            return Export(Resolve(Of(Origin.ReturnOf(target))), exporting);
        }

        if (DataFlowEngine.HasBody(target, _cancellationToken))
        {
            var summary = _request.Get(target);
            var builder = new FlowValue.Builder();
            foreach (var item in summary.Return.Items.Where(item => item.Key.Kind == OriginKind.MarkedMember))
            {
                builder.Add(item.Key, FlowPath.Direct.Prepend(Step(target)).Then(item.Value));
            }

            return builder.ToValue();
        }

        return FlowValue.Empty;
    }

    private static FlowValue Prefixed(FlowPath prefix, FlowValue value)
    {
        var builder = new FlowValue.Builder();
        foreach (var item in value.Items)
        {
            builder.Add(item.Key, prefix.Then(item.Value));
        }

        return builder.ToValue();
    }

    /// <summary>Connects each invocation of a delegate to the lambdas, local functions and methods it may be, until no new target turns up.</summary>
    private void ConnectDelegateCalls()
    {
        var connected = new HashSet<(DelegateCall Call, Origin Target)>();
        bool progress;
        do
        {
            progress = false;
            foreach (var call in _delegateCalls)
            {
                foreach (var target in Resolve(call.Delegate).Items.Where(item => item.Key.Kind == OriginKind.Delegate))
                {
                    if (connected.Add((call, target.Key)) && target.Key.Symbol is IMethodSymbol method)
                    {
                        Connect(call, method, target.Value);
                        progress = true;
                    }
                }
            }
        }
        while (progress);

        // A delegate from elsewhere (a parameter, a field) is code without source: its result depends on its arguments.
        foreach (var call in _delegateCalls.Where(call => !connected.Any(pair => pair.Call == call)))
        {
            AddEdge(call.Result, FlowValue.Union(call.Arguments));
        }
    }

    // The path to the target (such as "local 'g'") leads the way into what the target returns.
    private void Connect(DelegateCall call, IMethodSymbol target, FlowPath pathToTarget)
    {
        if (_functions.Contains(target))
        {
            for (var i = 0; i < target.Parameters.Length && i < call.Arguments.Length; i++)
            {
                AddEdge(Origin.Variable(target.Parameters[i]), call.Arguments[i]);
            }

            AddEdge(call.Result, FlowValue.Of(Origin.ReturnOf(target), pathToTarget));
        }
        else if (DataFlowEngine.HasBody(target, _cancellationToken))
        {
            AddEdge(call.Result, Prefixed(pathToTarget, Map(_request.Get(target).Return, FlowValue.Empty, call.Arguments, Step(target))));
        }
        else
        {
            AddEdge(call.Result, FlowValue.Union(call.Arguments));
        }
    }

    /// <summary>A callee's summary value in the caller's terms: each parameter becomes the caller's argument.</summary>
    private static FlowValue Map(FlowValue summary, FlowValue receiver, FlowValue[] arguments, string step)
    {
        var result = new FlowValue.Builder();
        foreach (var (origin, path) in summary.Items.Select(item => (item.Key, item.Value)))
        {
            var prefix = FlowPath.Direct.Prepend(step).Then(path);
            if (origin.Kind != OriginKind.Parameter)
            {
                result.Add(origin, prefix);
                continue;
            }

            var argument = origin.Ordinal == -1 ? receiver : origin.Ordinal < arguments.Length ? arguments[origin.Ordinal] : FlowValue.Empty;
            result.Add(Prefixed(prefix, argument));
        }

        return result.ToValue();
    }

    /// <summary>How a call into <paramref name="method"/> reads in a path: <c>Helper.Bucket(…)</c>, or <c>Flight.DelayHours</c> for a property.</summary>
    private static string Step(ISymbol method) => method switch
    {
        IMethodSymbol { AssociatedSymbol: IPropertySymbol property } => $"{property.ContainingType.Name}.{property.Name}",
        IMethodSymbol { MethodKind: MethodKind.LocalFunction } local => $"{local.Name}(…)",
        IMethodSymbol other => $"{other.ContainingType.Name}.{other.Name}(…)",
        _ => $"{method.ContainingType.Name}.{method.Name}",
    };

    /// <summary>An invocation of a delegate, connected to its targets once the whole body is known.</summary>
    private sealed class DelegateCall
    {
        public DelegateCall(Origin result, FlowValue @delegate, FlowValue[] arguments)
        {
            Result = result;
            Delegate = @delegate;
            Arguments = arguments;
        }

        public Origin Result { get; }

        public FlowValue Delegate { get; }

        public FlowValue[] Arguments { get; }
    }
}
