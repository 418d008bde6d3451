using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Skewless.Analyzers.Skew.Purity;

/// <summary>A change, through a static field or property, to the object it holds.</summary>
/// <param name="At">The operation that changes it: the write's target, or the call.</param>
/// <param name="Description">What it does, as SKW302's message says it: <c>calls List&lt;float&gt;.Add() on static field 'Stats.Seen'</c>.</param>
internal sealed record StaticMutation(IOperation At, string Description);

/// <summary>
/// The objects a static field or property holds for the whole process, and what changes them. A
/// <c>static readonly</c> field fixes which object it holds, not what is in it: a list, an array or
/// an object of the project's own filled while rows are computed is state carried from row to row.
/// </summary>
internal static class StaticObjects
{
    // The BCL's mutable collections, and the interfaces through which they are changed, by full name without type arguments.
    private static readonly HashSet<string> CollectionTypes = new(StringComparer.Ordinal)
    {
        "System.Collections.Generic.List",
        "System.Collections.Generic.Dictionary",
        "System.Collections.Generic.HashSet",
        "System.Collections.Generic.Queue",
        "System.Collections.Generic.Stack",
        "System.Collections.Generic.PriorityQueue",
        "System.Collections.Generic.SortedDictionary",
        "System.Collections.Generic.SortedList",
        "System.Collections.Generic.SortedSet",
        "System.Collections.Generic.LinkedList",
        "System.Collections.Generic.OrderedDictionary",
        "System.Collections.Generic.ICollection",
        "System.Collections.Generic.IList",
        "System.Collections.Generic.IDictionary",
        "System.Collections.Generic.ISet",
        "System.Collections.Concurrent.ConcurrentDictionary",
        "System.Collections.Concurrent.ConcurrentBag",
        "System.Collections.Concurrent.ConcurrentQueue",
        "System.Collections.Concurrent.ConcurrentStack",
        "System.Collections.Concurrent.BlockingCollection",
        "System.Collections.Concurrent.IProducerConsumerCollection",
        "System.Collections.ObjectModel.Collection",
        "System.Collections.ObjectModel.ObservableCollection",
        "System.Collections.ObjectModel.KeyedCollection",
        "System.Collections.ArrayList",
        "System.Collections.Hashtable",
        "System.Collections.Queue",
        "System.Collections.Stack",
        "System.Collections.SortedList",
        "System.Collections.BitArray",
        "System.Collections.IList",
        "System.Collections.IDictionary",
        "System.Span",
    };

    // The members of those types that change what the collection holds (besides every Remove...). Not GetOrAdd: a memo
    // returns for a key what its factory makes, the same on every call when the factory is pure, and a factory that is
    // not (a counter handing out ids in order of arrival) is reported in its own code.
    private static readonly HashSet<string> MutatingMembers = new(StringComparer.Ordinal)
    {
        "Add", "AddRange", "Insert", "InsertRange", "Clear", "Fill", "Set", "SetAll", "SetValueAtIndex", "Move",
        "TryAdd", "TryRemove", "TryUpdate", "AddOrUpdate", "Take", "TryTake",
        "Enqueue", "EnqueueRange", "Dequeue", "TryDequeue", "EnqueueDequeue", "DequeueEnqueue",
        "Push", "PushRange", "Pop", "TryPop", "TryPopRange",
        "AddFirst", "AddLast", "AddBefore", "AddAfter",
        "UnionWith", "IntersectWith", "ExceptWith", "SymmetricExceptWith",
        "Sort", "Reverse", "And", "Or", "Xor", "Not", "LeftShift", "RightShift",
    };

    // Static methods that change the collection or array passed to one of their parameters: type, methods, parameters.
    private static readonly (string Type, string[] Methods, string[] Parameters)[] MutatingArguments =
    {
        ("System.Array", new[] { "Fill", "Clear", "Sort", "Reverse", "Copy", "ConstrainedCopy" }, new[] { "array", "keys", "items", "destinationArray" }),
        ("System.MemoryExtensions", new[] { "Sort", "Reverse" }, new[] { "span", "keys", "items" }),
        ("System.Collections.Generic.CollectionExtensions", new[] { "TryAdd", "Remove", "AddRange", "InsertRange", "RemoveRange" }, new[] { "dictionary", "list" }),
        ("System.Runtime.InteropServices.CollectionsMarshal", new[] { "GetValueRefOrAddDefault", "SetCount" }, new[] { "dictionary", "list" }),
    };

    // Static methods that return a view of what they are given, through which it can be written: type, methods.
    private static readonly (string Type, string[] Methods)[] Views =
    {
        ("System.MemoryExtensions", new[] { "AsSpan", "AsMemory" }),
        ("System.Runtime.InteropServices.CollectionsMarshal", new[] { "AsSpan", "GetValueRefOrNullRef" }),
    };

    /// <summary>
    /// The static field or property whose object <paramref name="operation"/> reads, or <see langword="null"/>:
    /// a static field that is not a constant, or a static auto-property declared in source, which keeps one
    /// object like a field. A property with a body can make a new object on every read.
    /// </summary>
    public static ISymbol? Holder(IOperation operation) => operation switch
    {
        IFieldReferenceOperation { Field: { IsStatic: true, IsConst: false } field } => field,
        IPropertyReferenceOperation { Property: { IsStatic: true, IsIndexer: false } property } when IsAutoProperty(property) => property,
        _ => null,
    };

    /// <summary>Whether <paramref name="holder"/> cannot be given another object after it is initialised: a <c>readonly</c> field or a get-only auto-property.</summary>
    public static bool IsReadOnly(ISymbol holder) => holder switch
    {
        IFieldSymbol field => field.IsReadOnly,
        IPropertySymbol property => property.SetMethod is null || property.SetMethod.IsInitOnly,
        _ => false,
    };

    /// <summary>
    /// What <paramref name="reference"/>, a reference to <paramref name="holder"/>, changes in the object the
    /// holder keeps: an element or member written through it, or a call of a member of a BCL collection that
    /// changes the collection. A write of the holder itself is not one (SKW302 reports it as a static write).
    /// The object is followed through <c>?.</c> and into the locals it is put in (see <see cref="AliasOf"/>).
    /// </summary>
    public static StaticMutation? Through(IOperation reference, ISymbol holder) =>
        Follow(reference, holder, depth: 0, inside: false, stored: null, local: null, aliases: MaxAliases);

    // Locals followed one into another at most (var a = Seen; var b = a; ...), which also ends a local read in its own initializer.
    private const int MaxAliases = 4;

    // From start, which stands for the holder's object (inside: false) or for a place in it (inside: true, stored: that place as
    // first reached, for the message), depth members or elements away from the holder, reached through local, if any.
    private static StaticMutation? Follow(IOperation start, ISymbol holder, int depth, bool inside, IOperation? stored, ILocalSymbol? local, int aliases)
    {
        var current = start;
        while (current.Parent is { } parent)
        {
            switch (parent)
            {
                case IConversionOperation conversion when conversion.Operand == current && KeepsObject(conversion):
                    current = parent;
                    continue;
                case IConditionalAccessOperation conditional when conditional.Operation == current:
                    // Seen?.Add(x): the call's receiver is the conditional access's instance, not Seen.
                    if (Receiver(conditional) is not { } receiver)
                    {
                        return null;
                    }

                    current = receiver;
                    continue;
                case IFieldReferenceOperation field when field.Instance == current:
                case IPropertyReferenceOperation property when property.Instance == current:
                case IArrayElementReferenceOperation element when element.ArrayReference == current:
                    current = parent;
                    stored = null;
                    inside = true;
                    depth++;
                    continue;
                case IInvocationOperation invocation when invocation.Instance == current:
                    return IsMutatingMember(invocation.TargetMethod) ? Calls(invocation, depth, holder, local) : null;
                case IArgumentOperation { Parent: IInvocationOperation invocation, Parameter: { } parameter } argument when argument.Value == current:
                    if (parameter.RefKind is RefKind.Ref or RefKind.Out && inside)
                    {
                        return new StaticMutation(current, $"passes {Written(stored ?? current, depth, holder)}{Local(local)} by reference to {FeatureUses.Display(invocation.TargetMethod)}");
                    }

                    if (parameter.Ordinal == 0 && IsView(invocation.TargetMethod))
                    {
                        current = invocation;
                        stored = null;
                        inside = true;
                        continue;
                    }

                    return MutatesArgument(invocation.TargetMethod, parameter) ? Calls(invocation, depth, holder, local) : null;
                case IAssignmentOperation assignment when assignment.Target == current && inside:
                case IIncrementOrDecrementOperation when inside:
                    return new StaticMutation(current, $"writes {Written(stored ?? current, depth, holder)}{Local(local)}");
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { } declared } } initializer
                    when initializer.Value == current && aliases > 0 && AliasOf(declared, initializer, inside) is { } references:
                    // A ref local stands for the place it refers to, another local for the object.
                    var isRef = declared.RefKind != RefKind.None;
                    foreach (var alias in references)
                    {
                        if (Follow(alias, holder, depth, isRef && inside, isRef ? stored ?? current : null, declared, aliases - 1) is { } mutation)
                        {
                            return mutation;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// The references to <paramref name="local"/>, declared with <paramref name="initializer"/>, when it holds the same
    /// object as its initializer for as long as it is in scope, or <see langword="null"/>. It must be assigned only
    /// there: a local given another object later, even before it is changed, is not followed, and neither is one
    /// that copies a struct (a span or memory over an array refers to the array).
    /// </summary>
    private static List<ILocalReferenceOperation>? AliasOf(ILocalSymbol local, IVariableInitializerOperation initializer, bool inside)
    {
        if (local.RefKind == RefKind.None
            && !(local.Type is { IsReferenceType: true } or { IsRefLikeType: true }
                || (local.Type is INamedTypeSymbol type && FeatureUses.FullName(type.OriginalDefinition) == "System.Memory")))
        {
            return null;
        }

        if (local.RefKind != RefKind.None && !inside)
        {
            // ref var seen = ref Seen: a write of it writes the field, which SKW302 reports as static state when the field is not readonly.
            return null;
        }

        IOperation top = initializer;
        while (top.Parent is { } parent)
        {
            top = parent;
        }

        var references = new List<ILocalReferenceOperation>();
        foreach (var reference in top.Descendants().OfType<ILocalReferenceOperation>())
        {
            if (!SymbolEqualityComparer.Default.Equals(reference.Local, local) || initializer.Syntax.Span.Contains(reference.Syntax.Span))
            {
                continue;
            }

            if (Reassigns(reference, local.RefKind != RefKind.None))
            {
                return null;
            }

            references.Add(reference);
        }

        return references;
    }

    // Whether reference gives its local another object (or, for a ref local, another place): assigned, incremented,
    // passed by ref or out, deconstructed into, or ref-assigned.
    private static bool Reassigns(ILocalReferenceOperation reference, bool isRef)
    {
        IOperation current = reference;
        while (current.Parent is ITupleOperation tuple)
        {
            current = tuple;
        }

        return current.Parent switch
        {
            ISimpleAssignmentOperation assignment when assignment.Target == current => !isRef || assignment.IsRef,
            IAssignmentOperation assignment when assignment.Target == current => !isRef,
            IIncrementOrDecrementOperation => !isRef,
            IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } => !isRef,
            _ => false,
        };
    }

    // The instance that stands for conditional's receiver in what it does when the receiver is not null: the first in
    // the order operations are visited, as a receiver comes before what is done with it.
    private static IConditionalAccessInstanceOperation? Receiver(IConditionalAccessOperation conditional) =>
        conditional.WhenNotNull.DescendantsAndSelf().OfType<IConditionalAccessInstanceOperation>().FirstOrDefault();

    // A call that changes the object, reported at Seen?.Add(x) as a whole, not at its .Add(x).
    private static StaticMutation Calls(IInvocationOperation invocation, int depth, ISymbol holder, ILocalSymbol? local)
    {
        IOperation at = invocation;
        while (at.Parent is IConditionalAccessOperation conditional && conditional.WhenNotNull == at)
        {
            at = conditional;
        }

        return new StaticMutation(at, $"calls {FeatureUses.Display(invocation.TargetMethod)} {(depth == 0 ? "on" : "through")} {Name(holder)}{Local(local)}");
    }

    private static string Local(ILocalSymbol? local) => local is null ? "" : $" through local '{local.Name}'";

    /// <summary>
    /// Whether the expression <paramref name="node"/>, naming a static field or property, may be changed by the
    /// code around it, judged from syntax alone so that only such names are bound: a superset of what
    /// <see cref="Through"/> finds.
    /// </summary>
    public static bool MaybeChanged(ExpressionSyntax node)
    {
        SyntaxNode current = node;
        while (current.Parent is { } parent)
        {
            switch (parent)
            {
                case MemberAccessExpressionSyntax access when access.Expression == current:
                    if (access.Parent is InvocationExpressionSyntax invocation && invocation.Expression == access)
                    {
                        var name = access.Name.Identifier.ValueText;
                        if (IsView(name))
                        {
                            current = invocation;
                            continue;
                        }

                        return MutatingMembers.Contains(name) || name.StartsWith("Remove", StringComparison.Ordinal) || MutatesArgument(name);
                    }

                    current = access;
                    continue;
                case ElementAccessExpressionSyntax element when element.Expression == current:
                case RefExpressionSyntax:
                case ParenthesizedExpressionSyntax:
                case CastExpressionSyntax:
                case PostfixUnaryExpressionSyntax when parent.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    current = parent;
                    continue;
                case ArgumentSyntax argument:
                    if (!argument.RefKindKeyword.IsKind(SyntaxKind.None))
                    {
                        return current != node;
                    }

                    if (argument.Parent?.Parent is InvocationExpressionSyntax { Expression: var called } call)
                    {
                        var name = called switch
                        {
                            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                            SimpleNameSyntax simple => simple.Identifier.ValueText,
                            _ => "",
                        };
                        if (IsView(name))
                        {
                            current = call;
                            continue;
                        }

                        return MutatesArgument(name);
                    }

                    return false;
                case AssignmentExpressionSyntax assignment:
                    return assignment.Left == current && current != node;

                // Put in a local, or reached with ?.: whether it is changed is left to the binding.
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax }:
                case ConditionalAccessExpressionSyntax conditional when conditional.Expression == current:
                    return true;
                case PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax:
                    return current != node && parent.Kind() is SyntaxKind.PreIncrementExpression or SyntaxKind.PreDecrementExpression
                        or SyntaxKind.PostIncrementExpression or SyntaxKind.PostDecrementExpression;
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>How messages name a holder: <c>static field 'Stats.Seen'</c>.</summary>
    public static string Name(ISymbol holder) => $"static {(holder is IFieldSymbol ? "field" : "property")} '{FeatureUses.Display(holder)}'";

    // What a write changes, and how it is reached from the holder: "an element of static field 'Stats.Counter'", "Running.Sum of static field 'Running.Instance'".
    private static string Written(IOperation target, int depth, ISymbol holder)
    {
        var what = target switch
        {
            IFieldReferenceOperation field => FeatureUses.Display(field.Field),
            IPropertyReferenceOperation { Property.IsIndexer: false } property => FeatureUses.Display(property.Property),
            _ => "an element",
        };
        return $"{what} {(depth <= 1 ? "of" : "through")} {Name(holder)}";
    }

    private static bool IsMutatingMember(IMethodSymbol method) =>
        (MutatingMembers.Contains(method.Name) || method.Name.StartsWith("Remove", StringComparison.Ordinal))
        && method.OriginalDefinition.ContainingType is { } type
        && CollectionTypes.Contains(FeatureUses.FullName(type));

    private static bool MutatesArgument(IMethodSymbol method, IParameterSymbol parameter)
    {
        method = method.ReducedFrom ?? method;
        var type = FeatureUses.FullName(method.OriginalDefinition.ContainingType);
        foreach (var (mutatingType, methods, parameters) in MutatingArguments)
        {
            if (type == mutatingType && methods.Contains(method.Name) && parameters.Contains(parameter.Name))
            {
                return true;
            }
        }

        return false;
    }

    // A reference conversion keeps the object, and so does an array's to a span or memory over it; boxing or
    // another user-defined conversion makes another one.
    private static bool KeepsObject(IConversionOperation conversion) =>
        (conversion.OperatorMethod is null && conversion.Operand.Type is { IsValueType: false } && conversion.Type is { IsValueType: false })
        || (conversion.Operand.Type is IArrayTypeSymbol && conversion.Type is INamedTypeSymbol target
            && FeatureUses.FullName(target.OriginalDefinition) is "System.Span" or "System.Memory");

    private static bool IsView(string name) => Views.Any(view => view.Methods.Contains(name));

    private static bool MutatesArgument(string name) => MutatingArguments.Any(mutating => mutating.Methods.Contains(name));

    private static bool IsView(IMethodSymbol method)
    {
        method = method.ReducedFrom ?? method;
        var type = FeatureUses.FullName(method.OriginalDefinition.ContainingType);
        return Views.Any(view => view.Type == type && view.Methods.Contains(method.Name));
    }

    // A property with no accessor bodies: its getter returns the one object in its backing field.
    private static bool IsAutoProperty(IPropertySymbol property) =>
        property.DeclaringSyntaxReferences.Length > 0
        && property.DeclaringSyntaxReferences.All(reference => reference.GetSyntax() is PropertyDeclarationSyntax { ExpressionBody: null, AccessorList: { } accessors }
            && accessors.Accessors.All(accessor => accessor.Body is null && accessor.ExpressionBody is null));
}
