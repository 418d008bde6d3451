using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Skewless.Analyzers.Parsing;

/// <summary>
/// Follows feature code through the compilation: which members of the input type it reads, and
/// which source members (helpers, properties with bodies, constants, other features) its result
/// can depend on. Each body is walked once; closures are taken over the cached direct facts.
/// </summary>
/// <remarks>
/// This answers "what does the code touch", not "what can the value depend on": a helper that
/// reads a member counts even if its result is discarded. Members declared outside the
/// compilation (the BCL, other assemblies) are not followed.
/// </remarks>
internal sealed class DefinitionWalker
{
    private readonly Compilation _compilation;
    private readonly SemanticModels _models;
    private readonly ITypeSymbol _inputType;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<ISymbol, DirectFacts> _facts = new(SymbolEqualityComparer.Default);

    /// <param name="compilation">The compilation whose members are followed.</param>
    /// <param name="models">Its semantic models, shared with whatever else reads the same code, since binding the bodies is most of the cost.</param>
    /// <param name="inputType">The feature set's input type, whose member reads are collected.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public DefinitionWalker(Compilation compilation, SemanticModels models, ITypeSymbol inputType, CancellationToken cancellationToken)
    {
        _compilation = compilation;
        _models = models;
        _inputType = inputType;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The names of the input type's members that <paramref name="root"/> reads, directly or through what it reaches.</summary>
    public IReadOnlyCollection<string> ReadsOf(ISymbol root)
    {
        var reads = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var symbol in Reachable(root))
        {
            reads.UnionWith(Facts(symbol).Reads);
        }

        return reads;
    }

    /// <summary>
    /// For each assembly outside the compilation whose members <paramref name="root"/> reaches, a
    /// public type of that assembly, fully qualified for <c>typeof</c>, keyed by assembly name.
    /// </summary>
    public IReadOnlyDictionary<string, string> LibrariesOf(ISymbol root)
    {
        var libraries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var symbol in Reachable(root))
        {
            foreach (var library in Facts(symbol).Libraries)
            {
                AddLibrary(libraries, library.Key, library.Value);
            }
        }

        return libraries;
    }

    /// <summary><paramref name="root"/> and every source member it reaches, transitively.</summary>
    public IEnumerable<ISymbol> Reachable(ISymbol root)
    {
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default) { root };
        var pending = new Stack<ISymbol>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var symbol = pending.Pop();
            yield return symbol;
            foreach (var callee in Facts(symbol).Callees)
            {
                if (seen.Add(callee))
                {
                    pending.Push(callee);
                }
            }
        }
    }

    /// <summary>
    /// <paramref name="root"/> and every source member it reaches, breadth first, each with the members
    /// after <paramref name="root"/> on a shortest call path to it, for diagnostics that name the path.
    /// </summary>
    public IEnumerable<(ISymbol Symbol, IReadOnlyList<ISymbol> Path)> ReachableWithPaths(ISymbol root)
    {
        var callers = new Dictionary<ISymbol, ISymbol?>(SymbolEqualityComparer.Default) { [root] = null };
        var pending = new Queue<ISymbol>();
        pending.Enqueue(root);
        while (pending.Count > 0)
        {
            var symbol = pending.Dequeue();
            var path = new List<ISymbol>();
            for (var step = symbol; callers[step] is { } caller; step = caller)
            {
                path.Insert(0, step);
            }

            yield return (symbol, path);
            foreach (var callee in Facts(symbol).Callees)
            {
                if (!callers.ContainsKey(callee))
                {
                    callers.Add(callee, symbol);
                    pending.Enqueue(callee);
                }
            }
        }
    }

    /// <summary>The declarations of a source member, as the fingerprint hashes them.</summary>
    public static IEnumerable<SyntaxNode> Declarations(ISymbol symbol, CancellationToken cancellationToken) =>
        symbol.DeclaringSyntaxReferences
            .Where(reference => !GeneratedCode.Contains(reference.SyntaxTree))
            .Select(reference => reference.GetSyntax(cancellationToken) switch
            {
                VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } => declaration,
                var node => node,
            });

    private DirectFacts Facts(ISymbol symbol)
    {
        if (!_facts.TryGetValue(symbol, out var facts))
        {
            facts = new DirectFacts();
            _facts.Add(symbol, facts);
            foreach (var body in Bodies(symbol))
            {
                Collect(body, facts);
            }
        }

        return facts;
    }

    /// <summary>The operations of a source member's bodies (a property's getter, a field's initializer), leaving out generated code.</summary>
    public IEnumerable<IOperation> Bodies(ISymbol symbol)
    {
        var walked = symbol is IPropertySymbol property ? property.GetMethod : symbol;
        if (walked is null)
        {
            yield break;
        }

        foreach (var reference in walked.DeclaringSyntaxReferences)
        {
            if (GeneratedCode.Contains(reference.SyntaxTree))
            {
                continue;
            }

            var node = reference.GetSyntax(_cancellationToken);
            if (node is VariableDeclaratorSyntax declarator)
            {
                if (declarator.Initializer is null)
                {
                    continue;
                }

                node = declarator.Initializer;
            }

            if (_models.For(reference.SyntaxTree)?.GetOperation(node, _cancellationToken) is { } operation)
            {
                yield return operation;
            }
        }
    }

    private void Collect(IOperation body, DirectFacts facts)
    {
        foreach (var operation in body.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IPropertyReferenceOperation reference:
                    Read(reference.Property, facts);
                    Reach(reference.Property, facts);
                    break;
                case IFieldReferenceOperation reference:
                    Read(reference.Field, facts);
                    Reach(reference.Field, facts);
                    break;
                case IInvocationOperation invocation:
                    Reach(invocation.TargetMethod, facts);
                    break;
                case IMethodReferenceOperation reference:
                    Reach(reference.Method, facts);
                    break;
                case IObjectCreationOperation creation when creation.Constructor is not null:
                    Reach(creation.Constructor, facts);
                    break;
                case IBinaryOperation { OperatorMethod: { } method }:
                    Reach(method, facts);
                    break;
                case IUnaryOperation { OperatorMethod: { } method }:
                    Reach(method, facts);
                    break;
                case IConversionOperation { OperatorMethod: { } method }:
                    Reach(method, facts);
                    break;
            }
        }
    }

    private void Read(ISymbol member, DirectFacts facts)
    {
        for (var type = _inputType; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(member.ContainingType.OriginalDefinition, type.OriginalDefinition))
            {
                facts.Reads.Add(member.Name);
                return;
            }
        }
    }

    private void Reach(ISymbol target, DirectFacts facts)
    {
        target = target switch
        {
            IMethodSymbol { ReducedFrom: { } extension } => extension,
            IMethodSymbol { PartialImplementationPart: { } implementation } => implementation,
            _ => target,
        };
        target = target.OriginalDefinition;
        if (!SymbolEqualityComparer.Default.Equals(target.ContainingAssembly, _compilation.Assembly))
        {
            RecordLibrary(target, facts);
            return;
        }

        // Local functions and lambdas are walked as part of the body that declares them.
        if (target is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction })
        {
            return;
        }

        if (target.DeclaringSyntaxReferences.Any(reference => !GeneratedCode.Contains(reference.SyntaxTree)))
        {
            facts.Callees.Add(target);
        }
    }

    // A member from outside the compilation: remember a public type of its assembly, by which the
    // generated code can find the assembly loaded at run time and its version.
    private static void RecordLibrary(ISymbol target, DirectFacts facts)
    {
        var type = target as INamedTypeSymbol ?? target.ContainingType;
        if (type is null || type.ContainingAssembly is not { } assembly || !IsPublic(type))
        {
            return;
        }

        if (type.IsGenericType)
        {
            type = type.ConstructUnboundGenericType();
        }

        AddLibrary(facts.Libraries, assembly.Name, type.ToDisplayString(TypeOfFormat));
    }

    // Nullable<> written out: its shorthand, unbound, reads "T?", which typeof cannot take.
    private static readonly SymbolDisplayFormat TypeOfFormat =
        SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.ExpandNullable);

    /// <summary>Records <paramref name="type"/> for <paramref name="assembly"/>, keeping the ordinally first type so the choice never depends on the order code is walked.</summary>
    public static void AddLibrary(IDictionary<string, string> libraries, string assembly, string type)
    {
        if (!libraries.TryGetValue(assembly, out var existing) || string.CompareOrdinal(type, existing) < 0)
        {
            libraries[assembly] = type;
        }
    }

    private static bool IsPublic(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }
        }

        return true;
    }

    private sealed class DirectFacts
    {
        public HashSet<string> Reads { get; } = new(StringComparer.Ordinal);

        public HashSet<ISymbol> Callees { get; } = new(SymbolEqualityComparer.Default);

        public Dictionary<string, string> Libraries { get; } = new(StringComparer.Ordinal);
    }
}
