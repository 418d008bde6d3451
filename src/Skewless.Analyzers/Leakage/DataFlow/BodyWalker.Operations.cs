using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Skewless.Analyzers.Leakage.DataFlow;

/// <summary>The walk itself: what each kind of operation's value depends on, and what it makes flow where.</summary>
internal sealed partial class BodyWalker
{
    /// <summary>Walks <paramref name="operation"/> and returns what its value can depend on. Statements return nothing.</summary>
    private FlowValue Walk(IOperation? operation)
    {
        if (operation is null)
        {
            return FlowValue.Empty;
        }

        _cancellationToken.ThrowIfCancellationRequested();
        if (operation.ConstantValue.HasValue || operation is INameOfOperation or ITypeOfOperation or ISizeOfOperation or IDefaultValueOperation)
        {
            return FlowValue.Empty;
        }

        switch (operation)
        {
            case ILocalReferenceOperation local:
                return VariableRead(local.Local);
            case IParameterReferenceOperation parameter:
                return VariableRead(parameter.Parameter);
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                return Of(Origin.Parameter(-1));
            case IInstanceReferenceOperation:
                return FlowValue.Empty;
            case IConditionalAccessInstanceOperation:
                return _conditionalAccesses.Count > 0 ? _conditionalAccesses.Peek() : FlowValue.Empty;
            case IPropertyReferenceOperation property:
                return PropertyRead(property);
            case IFieldReferenceOperation field:
                return FieldRead(field);
            case IInvocationOperation invocation:
                return Invocation(invocation);
            case IDelegateCreationOperation { Target: IMethodReferenceOperation method }:
                return FlowValue.Union(Of(Origin.Delegate(Normalize(method.Method))), Walk(method.Instance));
            case IAnonymousFunctionOperation function:
                WalkFunction(function.Symbol, function.Body);
                return Of(Origin.Delegate(function.Symbol));
            case ILocalFunctionOperation function:
                WalkFunction(function.Symbol, (IOperation?)function.Body ?? function.IgnoredBody);
                return FlowValue.Empty;
            case IConditionalAccessOperation access:
                return ConditionalAccess(access);
            case IInterpolationOperation interpolation:
                return FlowValue.Union(WalkChildren(interpolation), WholeObject(interpolation.Expression, "string interpolation"));
            case IVariableDeclaratorOperation declarator:
                Declare(declarator);
                return FlowValue.Empty;
            case ISimpleAssignmentOperation assignment when TupleVariable(assignment.Target) is { } variable:
                return AssignTuple(variable, assignment.Value);
            case ISimpleAssignmentOperation assignment:
                return Assign(assignment.Target, Walk(assignment.Value));
            case ICompoundAssignmentOperation compound:
                return Assign(compound.Target, FlowValue.Union(Walk(compound.Target), Walk(compound.Value)));
            case ICoalesceAssignmentOperation coalesce:
                return Assign(coalesce.Target, FlowValue.Union(Walk(coalesce.Target), Walk(coalesce.Value)));
            case IIncrementOrDecrementOperation increment:
                return Assign(increment.Target, Walk(increment.Target));
            case IDeconstructionAssignmentOperation deconstruction:
                return Deconstruct(deconstruction.Target, deconstruction.Value, DeconstructionInfoOf(deconstruction));
            case IIsPatternOperation isPattern:
                return Match(isPattern.Pattern, Walk(isPattern.Value));
            case ISwitchExpressionOperation switchExpression:
                return SwitchExpression(switchExpression);
            case IReturnOperation @return:
                Return(@return);
                return FlowValue.Empty;
            case IThrowOperation @throw:
                Walk(@throw.Exception);
                _leavesMethod = true;
                return FlowValue.Empty;
            case IBranchOperation branch:
                if (branch.BranchKind is BranchKind.Break or BranchKind.Continue)
                {
                    _leavesLoop = true;
                }
                else
                {
                    _leavesMethod = true;
                }

                return FlowValue.Empty;
            case IConditionalOperation conditional:
                return Conditional(conditional);
            case ISwitchOperation @switch:
                Switch(@switch);
                return FlowValue.Empty;
            case IWhileLoopOperation loop:
                Loop(Walk(loop.Condition), loop.Body, loop.IgnoredCondition);
                return FlowValue.Empty;
            case IForLoopOperation loop:
                WalkAll(loop.Before);
                Loop(Walk(loop.Condition), loop.Body, loop.AtLoopBottom.ToArray());
                return FlowValue.Empty;
            case IForEachLoopOperation loop:
                var collection = Walk(loop.Collection);
                Assign(loop.LoopControlVariable, collection);
                Loop(collection, loop.Body);
                return FlowValue.Empty;
            case IBlockOperation or IExpressionStatementOperation or IVariableDeclarationGroupOperation:
                WalkChildren(operation);
                return FlowValue.Empty;
            default:
                return WalkChildren(operation);
        }
    }

    private FlowValue WalkChildren(IOperation operation) => FlowValue.Union(operation.ChildOperations.Select(Walk).ToList());

    private void WalkAll(IEnumerable<IOperation> operations)
    {
        foreach (var operation in operations)
        {
            Walk(operation);
        }
    }

    private FlowValue PropertyRead(IPropertyReferenceOperation reference)
    {
        var receiver = Walk(reference.Instance);
        var arguments = Arguments(reference.Arguments);
        var property = reference.Property;
        FlowValue value;
        if (property.GetMethod is { } getter && DataFlowEngine.HasBody(getter, _cancellationToken))
        {
            value = Map(_request.Get(getter.OriginalDefinition).Return, receiver, arguments, Step(getter));
        }
        else
        {
            value = FlowValue.Union(FlowValue.Union(arguments), receiver);
            if (property.IsStatic && DataFlowEngine.HasInitializer(property.OriginalDefinition, _cancellationToken))
            {
                value = FlowValue.Union(value, Map(_request.Get(property.OriginalDefinition).Return, FlowValue.Empty, Array.Empty<FlowValue>(), Step(property)));
            }
        }

        return _engine.IsMarked(property) && !SetByInitializer(reference.Instance, property)
            ? FlowValue.Union(value, FlowValue.Of(Origin.Member(property), FlowPath.ReadAt(reference.Syntax.GetLocation())))
            : value;
    }

    /// <summary>
    /// Whether the object read from is made right there (<c>row with { Delay = 0 }</c>, <c>new Row { Delay = 0 }</c>)
    /// and its initializer sets <paramref name="property"/>: the read gets the value set, which the
    /// receiver's value already includes, not the row's.
    /// </summary>
    private static bool SetByInitializer(IOperation? instance, IPropertySymbol property)
    {
        var initializer = Unconverted(instance) switch
        {
            IWithOperation with => with.Initializer,
            IObjectCreationOperation creation => creation.Initializer,
            _ => null,
        };
        return initializer is not null && initializer.Initializers.Any(assignment =>
            assignment is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target }
            && SymbolEqualityComparer.Default.Equals(target.Property.OriginalDefinition, property.OriginalDefinition));
    }

    private FlowValue FieldRead(IFieldReferenceOperation reference)
    {
        if (TupleElement(reference) is { } element)
        {
            return ElementRead(element);
        }

        var field = reference.Field;
        var value = Walk(reference.Instance);
        if (field.IsStatic && DataFlowEngine.HasInitializer(field.OriginalDefinition, _cancellationToken))
        {
            value = FlowValue.Union(value, Map(_request.Get(field.OriginalDefinition).Return, FlowValue.Empty, Array.Empty<FlowValue>(), Step(field)));
        }

        return _engine.IsMarked(field) ? FlowValue.Union(value, FlowValue.Of(Origin.Member(field), FlowPath.ReadAt(reference.Syntax.GetLocation()))) : value;
    }

    private FlowValue Invocation(IInvocationOperation invocation)
    {
        var method = Normalize(invocation.TargetMethod);
        var receiver = Walk(invocation.Instance);
        var arguments = Arguments(invocation.Arguments);
        switch (method.MethodKind)
        {
            case MethodKind.DelegateInvoke:
                var result = Origin.ResultOf(invocation);
                AddEdge(result, receiver);
                _delegateCalls.Add(new DelegateCall(result, receiver, arguments));
                return Of(result);
            case MethodKind.LocalFunction:
                for (var i = 0; i < method.Parameters.Length && i < arguments.Length; i++)
                {
                    Flow(Origin.Variable(method.Parameters[i]), arguments[i]);
                }

                AssignRefOut(invocation.Arguments, parameter => Of(Origin.Variable(method.Parameters[parameter.Ordinal])));
                return Of(Origin.ReturnOf(method));
        }

        if (DataFlowEngine.HasBody(method, _cancellationToken))
        {
            var summary = _request.Get(method);
            var step = Step(method);
            AssignRefOut(invocation.Arguments, parameter => Map(summary.RefOutAt(parameter.Ordinal), receiver, arguments, step));
            return Map(summary.Return, receiver, arguments, step);
        }

        return WithoutSource(method, invocation.Instance, receiver, invocation.Arguments, arguments);
    }

    /// <summary>
    /// A call to code without source: its result, and whatever it writes to <c>ref</c>/<c>out</c>
    /// arguments or a local receiver, depends on everything passed in, and an object passed whole
    /// counts as having every marked member read. A lambda passed in may be called with any of it.
    /// </summary>
    private FlowValue WithoutSource(IMethodSymbol method, IOperation? instance, FlowValue receiver, IEnumerable<IArgumentOperation> argumentOperations, FlowValue[] arguments)
    {
        var step = $"{method.ContainingType?.Name}.{method.Name}(…)";
        var inputs = new List<FlowValue> { receiver };
        inputs.AddRange(arguments);
        if (!ReadsIdentityOnly(method))
        {
            inputs.Add(WholeObject(instance, step));
            inputs.AddRange(argumentOperations.Select(argument => WholeObject(argument.Value, step)));
        }

        var result = FlowValue.Union(inputs);

        foreach (var argument in argumentOperations)
        {
            if (Unconverted(argument.Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
            {
                foreach (var parameter in lambda.Symbol.Parameters)
                {
                    Flow(Origin.Variable(parameter), result);
                }
            }
        }

        AssignRefOut(argumentOperations, _ => result);
        if (!method.IsStatic && ReceiverVariable(instance) is { } mutated && !arguments.All(argument => argument.IsEmpty))
        {
            Flow(mutated, FlowValue.Union(arguments));
        }

        return result;
    }

    // object.ReferenceEquals and GetType look at an object's identity and type, never at its members.
    private static bool ReadsIdentityOnly(IMethodSymbol method) =>
        method.ContainingType?.SpecialType == SpecialType.System_Object && method.Name is nameof(ReferenceEquals) or nameof(GetType);

    /// <summary>For an operand whose type has marked members, those members, as read by code without source.</summary>
    private FlowValue WholeObject(IOperation? operand, string step)
    {
        var unconverted = Unconverted(operand);
        var members = _engine.MarkedMembersOf(unconverted?.Type);
        if (members.IsEmpty)
        {
            return FlowValue.Empty;
        }

        var path = FlowPath.ReadAt(unconverted!.Syntax.GetLocation()).Prepend($"{step} without source, assumed to read every member of '{unconverted.Type!.Name}'");
        var builder = new FlowValue.Builder();
        foreach (var member in members)
        {
            builder.Add(Origin.Member(member), path);
        }

        return builder.ToValue();
    }

    private FlowValue[] Arguments(IEnumerable<IArgumentOperation> arguments)
    {
        var walked = arguments.Select(argument => (argument.Parameter, Value: Walk(argument.Value))).ToList();
        var values = new FlowValue[walked.Count == 0 ? 0 : walked.Max(argument => argument.Parameter?.Ordinal ?? -1) + 1];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = FlowValue.Empty;
        }

        foreach (var (parameter, value) in walked)
        {
            if (parameter is not null)
            {
                values[parameter.Ordinal] = FlowValue.Union(values[parameter.Ordinal], value);
            }
        }

        return values;
    }

    private void AssignRefOut(IEnumerable<IArgumentOperation> arguments, Func<IParameterSymbol, FlowValue> written)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { RefKind: RefKind.Ref or RefKind.Out } parameter)
            {
                Assign(argument.Value, written(parameter));
            }
        }
    }

    private FlowValue ConditionalAccess(IConditionalAccessOperation access)
    {
        var receiver = Walk(access.Operation);
        _conditionalAccesses.Push(receiver);
        var value = Walk(access.WhenNotNull);
        _conditionalAccesses.Pop();
        return FlowValue.Union(receiver, value);
    }

    private void Declare(IVariableDeclaratorOperation declarator)
    {
        WalkAll(declarator.IgnoredArguments);
        if (declarator.Initializer is { } initializer)
        {
            if (TupleArity(declarator.Symbol) > 0)
            {
                AssignTuple(declarator.Symbol, initializer.Value);
            }
            else
            {
                Flow(Origin.Variable(declarator.Symbol), Walk(initializer.Value));
            }
        }
    }

    /// <summary>
    /// A local or parameter of a tuple type is read as a whole: what flowed into it whole, and into
    /// each of its elements.
    /// </summary>
    private static FlowValue VariableRead(ISymbol variable)
    {
        var whole = Of(Origin.Variable(variable));
        var arity = TupleArity(variable);
        return arity == 0 ? whole : FlowValue.Union(Enumerable.Range(0, arity).Select(i => Of(Origin.Element(variable, i))).Append(whole).ToList());
    }

    /// <summary>
    /// Assigns into a tuple variable element by element when the value is a tuple literal or another
    /// tuple variable, so reading one element does not depend on what went into the others.
    /// </summary>
    private FlowValue AssignTuple(ISymbol variable, IOperation value)
    {
        var arity = TupleArity(variable);
        var elements = Unconverted(value) is ITupleOperation tuple && tuple.Elements.Length == arity ? tuple.Elements.Select(Walk).ToList()
            : TupleVariable(value) is { } source && TupleArity(source) == arity ? Enumerable.Range(0, arity).Select(i => ElementRead(Origin.Element(source, i))).ToList()
            : null;
        if (elements is null)
        {
            var whole = Walk(value);
            Flow(Origin.Variable(variable), whole);
            return whole;
        }

        for (var i = 0; i < arity; i++)
        {
            Flow(Origin.Element(variable, i), elements[i]);
        }

        return FlowValue.Union(elements);
    }

    /// <summary>An element of a tuple variable is read with what flowed into the variable whole.</summary>
    private static FlowValue ElementRead(Origin element) => FlowValue.Union(Of(Origin.Variable(element.Symbol!)), Of(element));

    /// <summary>The local or parameter of a tuple type that an operand is.</summary>
    private static ISymbol? TupleVariable(IOperation? operand) => Unconverted(operand) switch
    {
        ILocalReferenceOperation local when TupleArity(local.Local) > 0 => local.Local,
        IParameterReferenceOperation parameter when TupleArity(parameter.Parameter) > 0 => parameter.Parameter,
        _ => null,
    };

    private static int TupleArity(ISymbol variable) =>
        (variable switch { ILocalSymbol local => local.Type, IParameterSymbol parameter => parameter.Type, _ => null }) is INamedTypeSymbol { IsTupleType: true } tuple
            ? tuple.TupleElements.Length
            : 0;

    /// <summary>For <c>t.d</c> or <c>t.Item1</c> on a tuple local or parameter <c>t</c>, that element of <c>t</c>.</summary>
    private static Origin? TupleElement(IFieldReferenceOperation reference)
    {
        var variable = TupleVariable(reference.Instance);
        if (variable is null || reference.Field is not { CorrespondingTupleField: { } item, ContainingType.TupleElements: var elements }
            || elements.Length != TupleArity(variable))
        {
            return null;
        }

        for (var i = 0; i < elements.Length; i++)
        {
            if (SymbolEqualityComparer.Default.Equals(elements[i].CorrespondingTupleField, item))
            {
                return Origin.Element(variable, i);
            }
        }

        return null;
    }

    /// <summary>Makes <paramref name="value"/> flow into an assignment target, and returns it as the assignment's value.</summary>
    private FlowValue Assign(IOperation? target, FlowValue value)
    {
        switch (target)
        {
            case IDeclarationExpressionOperation declaration:
                Assign(declaration.Expression, value);
                break;
            case ITupleOperation tuple:
                foreach (var element in tuple.Elements)
                {
                    Assign(element, value);
                }

                break;
            case IVariableDeclaratorOperation declarator:
                Flow(Origin.Variable(declarator.Symbol), value);
                break;
            default:
                // A local, or a member or element of one: writing into an object held in a local changes what the local holds.
                if (ReceiverVariable(target) is { } variable)
                {
                    Flow(variable, value);
                }

                break;
        }

        return value;
    }

    /// <summary>The local or parameter that an operand is, or whose member or element it is.</summary>
    private static Origin? ReceiverVariable(IOperation? operand) => Unconverted(operand) switch
    {
        IFieldReferenceOperation field when TupleElement(field) is { } element => element,
        ILocalReferenceOperation local => Origin.Variable(local.Local),
        IParameterReferenceOperation parameter => Origin.Variable(parameter.Parameter),
        IMemberReferenceOperation member => ReceiverVariable(member.Instance),
        IArrayElementReferenceOperation element => ReceiverVariable(element.ArrayReference),
        _ => null,
    };

    private static IOperation? Unconverted(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static IMethodSymbol Normalize(IMethodSymbol method)
    {
        method = method.ReducedFrom ?? method;
        method = method.PartialImplementationPart ?? method;
        return method.OriginalDefinition;
    }

    private void Return(IReturnOperation @return)
    {
        var value = Walk(@return.ReturnedValue);
        if (@return.Kind != OperationKind.YieldBreak)
        {
            Flow(_returns.Peek(), value);
        }

        if (@return.Kind != OperationKind.YieldReturn)
        {
            _leavesMethod = true;
        }
    }

    private void WalkFunction(IMethodSymbol function, IOperation? body)
    {
        _functions.Add(function);
        var (pc, leavesMethod, leavesLoop) = (_pc, _leavesMethod, _leavesLoop);
        _pc = FlowValue.Empty;
        _returns.Push(Origin.ReturnOf(function));
        Walk(body);
        _returns.Pop();
        (_pc, _leavesMethod, _leavesLoop) = (pc, leavesMethod, leavesLoop);
    }

    private FlowValue Conditional(IConditionalOperation conditional)
    {
        var condition = Walk(conditional.Condition);
        var (whenTrue, whenFalse) = Branches(condition, () => (Walk(conditional.WhenTrue), Walk(conditional.WhenFalse)));
        return conditional.Type is null ? FlowValue.Empty : FlowValue.Union(new[] { condition, whenTrue, whenFalse });
    }

    /// <summary>
    /// Walks code guarded by <paramref name="condition"/>. When the guarded code can leave early,
    /// what follows is guarded too, so the condition stays in the program counter.
    /// </summary>
    private T Branches<T>(FlowValue condition, Func<T> walk)
    {
        var (pc, leavesMethod, leavesLoop) = (_pc, _leavesMethod, _leavesLoop);
        _pc = FlowValue.Union(_pc, condition.Prepend(BranchStep));
        (_leavesMethod, _leavesLoop) = (false, false);
        var result = walk();
        if (!_leavesMethod && !_leavesLoop)
        {
            _pc = pc;
        }

        (_leavesMethod, _leavesLoop) = (_leavesMethod || leavesMethod, _leavesLoop || leavesLoop);
        return result;
    }

    /// <summary>Walks a loop or switch body. A break or continue guards only the rest of the body; a return or throw guards the rest of the method.</summary>
    private void Loop(FlowValue condition, IOperation? body, params IOperation?[] more)
    {
        var (pc, leavesMethod, leavesLoop) = (_pc, _leavesMethod, _leavesLoop);
        _pc = FlowValue.Union(_pc, condition.Prepend(BranchStep));
        (_leavesMethod, _leavesLoop) = (false, false);
        Walk(body);
        WalkAll(more.Where(operation => operation is not null)!);
        if (!_leavesMethod)
        {
            _pc = pc;
        }

        (_leavesMethod, _leavesLoop) = (_leavesMethod || leavesMethod, leavesLoop);
    }

    private void Switch(ISwitchOperation @switch)
    {
        var value = Walk(@switch.Value);
        var conditions = new List<FlowValue> { value };
        foreach (var clause in @switch.Cases.SelectMany(@case => @case.Clauses))
        {
            conditions.Add(clause switch
            {
                IPatternCaseClauseOperation pattern => FlowValue.Union(Match(pattern.Pattern, value), Walk(pattern.Guard)),
                ISingleValueCaseClauseOperation single => Walk(single.Value),
                IRelationalCaseClauseOperation relational => Walk(relational.Value),
                _ => FlowValue.Empty,
            });
        }

        Loop(FlowValue.Union(conditions), null, @switch.Cases.SelectMany(@case => @case.Body).ToArray());
    }

    private FlowValue SwitchExpression(ISwitchExpressionOperation @switch)
    {
        var value = Walk(@switch.Value);
        var parts = new List<FlowValue> { value };
        foreach (var arm in @switch.Arms)
        {
            parts.Add(Match(arm.Pattern, value));
            parts.Add(Walk(arm.Guard));
            parts.Add(Walk(arm.Value));
        }

        return FlowValue.Union(parts);
    }

    /// <summary>
    /// Matches <paramref name="input"/> against a pattern: declared locals get the matched value,
    /// and the result depends on the input and on every member the pattern inspects.
    /// </summary>
    private FlowValue Match(IPatternOperation? pattern, FlowValue input)
    {
        switch (pattern)
        {
            case IDeclarationPatternOperation declaration:
                Declare(declaration.DeclaredSymbol, input);
                return input;
            case IRecursivePatternOperation recursive:
                Declare(recursive.DeclaredSymbol, input);
                var parts = new List<FlowValue> { input };
                parts.AddRange(recursive.DeconstructionSubpatterns.Select(subpattern => Match(subpattern, input)));
                parts.AddRange(recursive.PropertySubpatterns.Select(subpattern => Match(subpattern.Pattern, FlowValue.Union(input, Walk(subpattern.Member)))));
                return FlowValue.Union(parts);
            case IListPatternOperation list:
                Declare(list.DeclaredSymbol, input);
                return FlowValue.Union(list.Patterns.Select(element => Match(element, input)).Append(input).ToList());
            case ISlicePatternOperation slice:
                return Match(slice.Pattern, input);
            case IBinaryPatternOperation binary:
                return FlowValue.Union(Match(binary.LeftPattern, input), Match(binary.RightPattern, input));
            case INegatedPatternOperation negated:
                return Match(negated.Pattern, input);
            case IConstantPatternOperation constant:
                return FlowValue.Union(input, Walk(constant.Value));
            case IRelationalPatternOperation relational:
                return FlowValue.Union(input, Walk(relational.Value));
            default:
                return input;
        }
    }

    private void Declare(ISymbol? symbol, FlowValue value)
    {
        if (symbol is ILocalSymbol local)
        {
            Flow(Origin.Variable(local), value);
        }
    }

    /// <summary>
    /// A deconstruction: element by element from a tuple literal; through the <c>Deconstruct</c>
    /// method's summary when it has source; for a record's own <c>Deconstruct</c>, each element is
    /// its property; otherwise each element depends on the whole value.
    /// </summary>
    private FlowValue Deconstruct(IOperation target, IOperation value, DeconstructionInfo? info)
    {
        if (target is IDeclarationExpressionOperation declaration)
        {
            target = declaration.Expression;
        }

        if (target is not ITupleOperation targets)
        {
            return Assign(target, Walk(value));
        }

        if (Unconverted(value) is ITupleOperation values && values.Elements.Length == targets.Elements.Length)
        {
            return FlowValue.Union(targets.Elements.Select((element, i) => Deconstruct(element, values.Elements[i], Nested(info, i))).ToList());
        }

        var whole = Walk(value);
        var method = info?.Method is { } deconstruct ? Normalize(deconstruct) : null;
        var outputs = method?.Parameters.Where(parameter => parameter.RefKind == RefKind.Out).ToList();
        for (var i = 0; i < targets.Elements.Length; i++)
        {
            // A nested tuple target gets the element's value in each of its parts.
            var output = outputs is not null && i < outputs.Count ? outputs[i] : null;
            Assign(targets.Elements[i], output is null ? FlowValue.Union(whole, WholeObject(value, "Deconstruct")) : DeconstructedValue(method!, output, value, whole));
        }

        return whole;
    }

    private FlowValue DeconstructedValue(IMethodSymbol method, IParameterSymbol output, IOperation value, FlowValue whole)
    {
        if (DataFlowEngine.HasBody(method, _cancellationToken))
        {
            // An extension Deconstruct takes the value as its first argument; an instance one as its receiver.
            var arguments = method.IsExtensionMethod ? new[] { whole } : Array.Empty<FlowValue>();
            return Map(_request.Get(method).RefOutAt(output.Ordinal), method.IsExtensionMethod ? FlowValue.Empty : whole, arguments, Step(method));
        }

        if (method.IsImplicitlyDeclared && method.ContainingType is { IsRecord: true } record
            && record.GetMembers(output.Name).OfType<IPropertySymbol>().FirstOrDefault() is { } property)
        {
            return _engine.IsMarked(property)
                ? FlowValue.Union(whole, FlowValue.Of(Origin.Member(property), FlowPath.ReadAt(value.Syntax.GetLocation()).Prepend($"{record.Name}.Deconstruct(…)")))
                : whole;
        }

        return FlowValue.Union(whole, WholeObject(value, $"{method.ContainingType?.Name}.Deconstruct"));
    }

    private static DeconstructionInfo? Nested(DeconstructionInfo? info, int index) =>
        info is { Nested: { Length: > 0 } nested } && index < nested.Length ? nested[index] : null;

    private static DeconstructionInfo? DeconstructionInfoOf(IDeconstructionAssignmentOperation deconstruction) =>
        deconstruction.Syntax is AssignmentExpressionSyntax syntax && deconstruction.SemanticModel is { } model
            ? model.GetDeconstructionInfo(syntax)
            : null;
}
