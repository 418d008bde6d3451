using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Leakage.DataFlow;

/// <summary>
/// Decides from syntax and declarations alone, without binding a single body, which features could
/// depend on a marked member, so that the <see cref="DataFlowEngine"/> binds and walks only those.
/// Binding bodies is most of the engine's cost, and in most projects most features are clean.
/// </summary>
/// <remarks>
/// <para>It over-approximates what the engine follows. A member with a body is a <em>suspect</em> when
/// its body (with the lambdas and local functions in it):</para>
/// <list type="bullet">
/// <item>names a suspect member: a marked member, a member of a type with marked members, a member
/// whose type holds such a type (a source of rows), or a member whose own body is suspect;</item>
/// <item>names a type with marked members;</item>
/// <item>uses a row parameter (one whose type names such a type) for anything but reading one of the
/// row's properties or fields, or passing it to a method with source, whose body is then screened
/// in turn: code without source may read every marked member of an object passed to it whole.</item>
/// </list>
/// <para>Names are resolved the way the compiler would where that needs no binding: a simple name
/// among the members of the enclosing types, <c>Type.Member</c> among the source types of that name
/// in scope. Anything else is matched by name against every member, which only errs towards
/// binding. Members the compiler calls without their name appearing (indexers, <c>Deconstruct</c>,
/// a collection initializer's <c>Add</c>, query operators) turn the screen off when suspect.</para>
/// </remarks>
internal sealed class FeatureScreen
{
    private static readonly IReadOnlyList<ISymbol> NoMembers = Array.Empty<ISymbol>();

    private static readonly HashSet<string> CalledWithoutName = new(StringComparer.Ordinal)
    {
        "Deconstruct", "Add", "Select", "SelectMany", "Where", "Join", "GroupJoin", "GroupBy", "OrderBy",
        "OrderByDescending", "ThenBy", "ThenByDescending", "Cast",
    };

    private readonly Compilation _compilation;
    private readonly DataFlowEngine _engine;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<ITypeSymbol> _rowTypes = new(SymbolEqualityComparer.Default);
    private readonly HashSet<string> _rowTypeNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _rowPropertyNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _rowMethodNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _globalImports = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Namespace, string Name), List<INamedTypeSymbol>> _topLevelTypes = new();
    private readonly Dictionary<INamespaceSymbol, string> _namespaceNames = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<SyntaxNode, TypeContext> _contexts = new();
    private readonly HashSet<ISymbol> _suspects = new(SymbolEqualityComparer.Default);
    private readonly HashSet<string> _suspectNames = new(StringComparer.Ordinal);
    private readonly Dictionary<ISymbol, List<ISymbol>> _callersOf = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<string, List<ISymbol>> _callersOfName = new(StringComparer.Ordinal);
    private readonly Queue<ISymbol> _newSuspects = new();
    private bool _off;

    private FeatureScreen(Compilation compilation, DataFlowEngine engine, CancellationToken cancellationToken)
    {
        _compilation = compilation;
        _engine = engine;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Screens every body of <paramref name="compilation"/>.</summary>
    public static FeatureScreen Create(Compilation compilation, DataFlowEngine engine, CancellationToken cancellationToken)
    {
        var screen = new FeatureScreen(compilation, engine, cancellationToken);
        screen.Run();
        return screen;
    }

    /// <summary>Whether the engine must follow <paramref name="feature"/>: false only when it cannot depend on a marked member.</summary>
    public bool MayDependOnMarkedMember(IMethodSymbol feature) => _off || _suspects.Contains(Key(feature));

    private void Run()
    {
        var types = new List<INamedTypeSymbol>();
        CollectTypes(_compilation.Assembly.GlobalNamespace, types);
        foreach (var type in types)
        {
            if (type.ContainingType is null)
            {
                ListAt(_topLevelTypes, (NameOf(type.ContainingNamespace), type.Name)).Add(type);
            }

            AddIfRowType(type);
            foreach (var used in type.GetMembers().SelectMany(SignatureTypes))
            {
                AddRowTypesIn(used);
            }
        }

        foreach (var type in _rowTypes)
        {
            foreach (var member in _engine.MarkedMembersOf(type))
            {
                Suspect(member);
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    (member is IMethodSymbol ? _rowMethodNames : _rowPropertyNames).Add(member.Name);
                }
            }
        }

        // A member that hands out rows is a source of them, whatever its body.
        foreach (var member in types.SelectMany(type => type.GetMembers()))
        {
            if (ProducedType(member) is { } produced && HoldsRowType(produced))
            {
                Suspect(member);
            }
        }

        var trees = _compilation.SyntaxTrees.Where(tree => !GeneratedCode.Contains(tree)).ToList();
        var directives = trees.SelectMany(tree => tree.GetRoot(_cancellationToken)
            .DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>());
        foreach (var directive in directives)
        {
            if (directive.Alias is { } alias && directive.NamespaceOrType is { } target && MentionsRowType(target))
            {
                _rowTypeNames.Add(alias.Name.Identifier.ValueText);
            }
            else if (directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) && directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.Name is { } imported)
            {
                _globalImports.Add(imported.ToString());
            }
        }

        // Exactly the bodies the engine would walk, found from the members, so the two cannot disagree.
        foreach (var member in types.SelectMany(type => type.GetMembers()))
        {
            if (DataFlowEngine.FollowedSyntax(member, _cancellationToken) is { } followed)
            {
                Screen(member, followed);
            }
        }

        while (_newSuspects.Count > 0 && !_off)
        {
            var suspect = _newSuspects.Dequeue();
            if (_callersOf.TryGetValue(suspect, out var callers))
            {
                callers.ForEach(Suspect);
            }

            if (_callersOfName.TryGetValue(suspect.Name, out var namedBy))
            {
                namedBy.ForEach(Suspect);
            }
        }
    }

    private void CollectTypes(INamespaceOrTypeSymbol container, List<INamedTypeSymbol> types)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        foreach (var member in container.GetMembers())
        {
            if (member is INamedTypeSymbol type)
            {
                types.Add(type);
            }

            if (member is INamespaceOrTypeSymbol inner)
            {
                CollectTypes(inner, types);
            }
        }
    }

    private static IEnumerable<ITypeSymbol> SignatureTypes(ISymbol member) => member switch
    {
        IPropertySymbol property => property.Parameters.Select(parameter => parameter.Type).Prepend(property.Type),
        IMethodSymbol method => method.Parameters.Select(parameter => parameter.Type).Prepend(method.ReturnType),
        _ => ProducedType(member) is { } type ? new[] { type } : Array.Empty<ITypeSymbol>(),
    };

    private static ITypeSymbol? ProducedType(ISymbol member) => member switch
    {
        IPropertySymbol property => property.Type,
        IFieldSymbol field => field.Type,
        IMethodSymbol method => method.ReturnType,
        _ => null,
    };

    private void AddRowTypesIn(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                AddRowTypesIn(array.ElementType);
                break;
            case INamedTypeSymbol named:
                AddIfRowType(named);
                foreach (var argument in named.TypeArguments)
                {
                    AddRowTypesIn(argument);
                }

                break;
        }
    }

    private void AddIfRowType(INamedTypeSymbol type)
    {
        if (!_engine.MarkedMembersOf(type).IsEmpty && _rowTypes.Add(type.OriginalDefinition))
        {
            _rowTypeNames.Add(type.Name);
        }
    }

    private bool HoldsRowType(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => HoldsRowType(array.ElementType),
        INamedTypeSymbol named => _rowTypes.Contains(named.OriginalDefinition) || named.TypeArguments.Any(HoldsRowType),
        _ => false,
    };

    private void Screen(ISymbol member, SyntaxNode followed)
    {
        var type = member.ContainingType;
        if (_suspects.Contains(Key(member)) || followed.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { Parent: { } } declaration)
        {
            return;
        }

        if (_rowTypes.Contains(type.OriginalDefinition))
        {
            Suspect(member);
            return;
        }

        // A lambda's or local function's parameter typed as a row names a row type, which is suspect already.
        var rows = (member as IMethodSymbol)?.Parameters.Where(parameter => HoldsRowType(parameter.Type)).Select(parameter => parameter.Name).ToList();
        var scope = new Scope(ContextOf(declaration, type), declaration);
        foreach (var node in Executable(followed).DescendantNodes())
        {
            if (node is not SimpleNameSyntax name)
            {
                continue;
            }

            var text = name.Identifier.ValueText;
            if (_rowTypeNames.Contains(text) || (rows is { Count: > 0 } && rows.Contains(text) && Escapes(name, scope)))
            {
                Suspect(member);
                return;
            }

            var suspect = name.Parent switch
            {
                MemberAccessExpressionSyntax access when access.Name == name =>
                    DependOn(member, access.Expression is IdentifierNameSyntax qualifier ? scope.MembersOfTypesNamed(qualifier.Identifier.ValueText, text) : NoMembers, text),
                MemberBindingExpressionSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax => DependOnName(member, text),
                _ => DependOn(member, scope.Context.EnclosingMembersNamed(text), text),
            };
            if (suspect)
            {
                return;
            }
        }
    }

    // A method's syntax includes its signature, whose parameter types are not code that runs.
    private static SyntaxNode Executable(SyntaxNode followed) => followed switch
    {
        BaseMethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody!,
        AccessorDeclarationSyntax accessor => (SyntaxNode?)accessor.Body ?? accessor.ExpressionBody!,
        _ => followed,
    };

    private bool MentionsRowType(SyntaxNode type) =>
        type.DescendantNodesAndSelf().OfType<SimpleNameSyntax>().Any(name => _rowTypeNames.Contains(name.Identifier.ValueText));

    /// <summary>Whether this use of a row parameter can hand the whole row to code without source.</summary>
    private bool Escapes(SimpleNameSyntax row, Scope scope)
    {
        switch (row.Parent)
        {
            case MemberAccessExpressionSyntax access when access.Expression == row:
                var member = access.Name.Identifier.ValueText;
                return !_rowPropertyNames.Contains(member) || _rowMethodNames.Contains(member)
                    || (access.Parent is InvocationExpressionSyntax invoked && invoked.Expression == access);
            case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } }:
                var callees = call.Expression switch
                {
                    SimpleNameSyntax simple => scope.Context.EnclosingMembersNamed(simple.Identifier.ValueText),
                    MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax qualifier } access =>
                        scope.MembersOfTypesNamed(qualifier.Identifier.ValueText, access.Name.Identifier.ValueText),
                    _ => NoMembers,
                };
                return callees.Count == 0 || !callees.All(callee => callee is IMethodSymbol method && DataFlowEngine.HasBody(method, _cancellationToken));
            default:
                return true;
        }
    }

    /// <summary>Records that <paramref name="caller"/> names <paramref name="callees"/>; true when that makes it suspect.</summary>
    private bool DependOn(ISymbol caller, IReadOnlyList<ISymbol> callees, string name)
    {
        if (callees.Count == 0)
        {
            return DependOnName(caller, name);
        }

        foreach (var callee in callees)
        {
            var key = Key(callee);
            if (_suspects.Contains(key))
            {
                Suspect(caller);
                return true;
            }

            ListAt(_callersOf, key).Add(caller);
        }

        return false;
    }

    /// <summary>Records that <paramref name="caller"/> names some member it cannot resolve; true when that makes it suspect.</summary>
    private bool DependOnName(ISymbol caller, string name)
    {
        if (_suspectNames.Contains(name))
        {
            Suspect(caller);
            return true;
        }

        ListAt(_callersOfName, name).Add(caller);
        return false;
    }

    private static List<TValue> ListAt<TKey, TValue>(Dictionary<TKey, List<TValue>> index, TKey key)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var values))
        {
            values = new List<TValue>();
            index.Add(key, values);
        }

        return values;
    }

    private void Suspect(ISymbol member)
    {
        var key = Key(member);
        if (!_suspects.Add(key))
        {
            return;
        }

        _suspectNames.Add(key.Name);
        _newSuspects.Enqueue(key);
        if (key is IPropertySymbol { IsIndexer: true } || CalledWithoutName.Contains(key.Name))
        {
            _off = true;
        }
    }

    // A partial method's two halves are one member, an accessor is its property (which is what code names), and a generic member is its definition.
    private static ISymbol Key(ISymbol member) => member switch
    {
        IMethodSymbol { AssociatedSymbol: IPropertySymbol property } => property.OriginalDefinition,
        IMethodSymbol method => (method.PartialDefinitionPart ?? method).OriginalDefinition,
        _ => member.OriginalDefinition,
    };

    private TypeContext ContextOf(MemberDeclarationSyntax declaration, INamedTypeSymbol type)
    {
        var owner = declaration.Parent!;
        if (!_contexts.TryGetValue(owner, out var context))
        {
            context = new TypeContext(this, owner, type);
            _contexts.Add(owner, context);
        }

        return context;
    }

    private string NameOf(INamespaceSymbol ns)
    {
        if (!_namespaceNames.TryGetValue(ns, out var name))
        {
            name = ns.IsGlobalNamespace ? "" : ns.ToDisplayString();
            _namespaceNames.Add(ns, name);
        }

        return name;
    }

    /// <summary>The members by this name of a type and its base types.</summary>
    private static IReadOnlyList<ISymbol> MembersNamed(INamedTypeSymbol type, string name)
    {
        var members = NoMembers;
        for (var current = type; current is not null; current = current.BaseType)
        {
            var declared = current.GetMembers(name);
            if (!declared.IsEmpty)
            {
                members = members.Count == 0 ? declared : members.Concat(declared).ToList();
            }
        }

        return members;
    }

    /// <summary>
    /// Name lookups from the members of one type declaration, as far as they are known without
    /// binding, cached: a type's members use the same few names again and again.
    /// </summary>
    private sealed class TypeContext
    {
        private readonly FeatureScreen _screen;
        private readonly HashSet<string> _namespaces;
        private readonly HashSet<string> _aliases = new(StringComparer.Ordinal);
        private readonly Dictionary<string, IReadOnlyList<ISymbol>> _enclosingMembers = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<INamedTypeSymbol>> _types = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Type, string Member), IReadOnlyList<ISymbol>> _qualifiedMembers = new();

        public TypeContext(FeatureScreen screen, SyntaxNode declaration, INamedTypeSymbol type)
        {
            _screen = screen;
            Type = type;
            _namespaces = new HashSet<string>(screen._globalImports, StringComparer.Ordinal);
            for (var ns = type.ContainingNamespace; ns is not null; ns = ns.ContainingNamespace)
            {
                _namespaces.Add(screen.NameOf(ns));
            }

            foreach (var ancestor in declaration.AncestorsAndSelf())
            {
                foreach (var directive in UsingDirectives.Of(ancestor))
                {
                    if (directive.Alias is { } alias)
                    {
                        _aliases.Add(alias.Name.Identifier.ValueText);
                    }
                    else if (directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.Name is { } imported)
                    {
                        _namespaces.Add(imported.ToString());
                    }
                }
            }
        }

        public INamedTypeSymbol Type { get; }

        /// <summary>What a simple name can mean as a member: those of the innermost enclosing type (or its bases) that has one by that name.</summary>
        public IReadOnlyList<ISymbol> EnclosingMembersNamed(string name)
        {
            if (!_enclosingMembers.TryGetValue(name, out var members))
            {
                members = NoMembers;
                for (var current = Type; current is not null && members.Count == 0; current = current.ContainingType)
                {
                    members = MembersNamed(current, name);
                }

                _enclosingMembers.Add(name, members);
            }

            return members;
        }

        /// <summary>The members called <paramref name="member"/> of the source types <paramref name="type"/> can name here.</summary>
        public IReadOnlyList<ISymbol> MembersOfTypesNamed(string type, string member)
        {
            if (!_qualifiedMembers.TryGetValue((type, member), out var members))
            {
                var types = TypesNamed(type);
                members = types.Count == 1 ? MembersNamed(types[0], member) : types.SelectMany(candidate => MembersNamed(candidate, member)).ToList();
                _qualifiedMembers.Add((type, member), members);
            }

            return members;
        }

        /// <summary>
        /// The source types a name can mean here: those by that name in the enclosing or imported
        /// namespaces, or nested in the enclosing types. None when it could be an alias or a member.
        /// </summary>
        public List<INamedTypeSymbol> TypesNamed(string name)
        {
            if (_types.TryGetValue(name, out var types))
            {
                return types;
            }

            types = new List<INamedTypeSymbol>();
            if (!_aliases.Contains(name) && !EnclosingMembersNamed(name).Any(member => member is not INamedTypeSymbol))
            {
                foreach (var ns in _namespaces)
                {
                    if (_screen._topLevelTypes.TryGetValue((ns, name), out var declared))
                    {
                        types.AddRange(declared);
                    }
                }

                for (var enclosing = Type; enclosing is not null; enclosing = enclosing.ContainingType)
                {
                    types.AddRange(enclosing.GetTypeMembers(name));
                }
            }

            _types.Add(name, types);
            return types;
        }
    }

    /// <summary>What names mean inside one member: its type's lookups, unless a variable of the member hides a type.</summary>
    private sealed class Scope
    {
        private readonly SyntaxNode _declaration;
        private HashSet<string>? _variables;

        public Scope(TypeContext context, SyntaxNode declaration)
        {
            Context = context;
            _declaration = declaration;
        }

        public TypeContext Context { get; }

        public IReadOnlyList<ISymbol> MembersOfTypesNamed(string type, string member) =>
            Context.TypesNamed(type).Count == 0 || Variables().Contains(type) ? NoMembers : Context.MembersOfTypesNamed(type, member);

        // Any parameter, local or range variable of the member could shadow a type of the same name.
        private HashSet<string> Variables() => _variables ??= new HashSet<string>(
            _declaration.DescendantTokens()
                .Where(token => token.IsKind(SyntaxKind.IdentifierToken) && token.Parent is ParameterSyntax or VariableDeclaratorSyntax or SingleVariableDesignationSyntax
                    or ForEachStatementSyntax or FromClauseSyntax or LetClauseSyntax or JoinClauseSyntax or JoinIntoClauseSyntax or QueryContinuationSyntax
                    or CatchDeclarationSyntax or LocalFunctionStatementSyntax or TypeParameterSyntax)
                .Select(token => token.ValueText),
            StringComparer.Ordinal);
    }
}
