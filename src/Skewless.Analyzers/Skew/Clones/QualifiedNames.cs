using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Skew.Clones;

/// <summary>
/// Tells <see cref="SyntaxShape"/> which names mean a type, a namespace or a static member however
/// they are qualified, so that <c>Weather.Season.Winter</c>, <c>global::Weather.Season.Winter</c>,
/// <c>Season.Winter</c> and <c>Winter</c> under <c>using static Weather.Season</c> get one key.
/// </summary>
/// <remarks>
/// Most names never reach the semantic model, since the search hashes all code: a dotted receiver is
/// looked up only when it is alias-qualified or its first name is a top-level namespace or a using
/// alias, which ordinary code seldom writes (a lookup in a lambda binds its statement); a simple
/// name is taken for a static field or property, without a lookup, when it is not a local of the
/// expression and a <c>using static</c> of its file or namespace, or an enclosing type declaration,
/// declares one of that name. A wrong guess only changes a key; the semantic check still decides.
/// </remarks>
internal sealed class QualifiedNames
{
    private readonly SemanticModels _models;
    // Top-level namespace names, by compilation: the search makes one of these for every tree.
    private static readonly ConditionalWeakTable<Compilation, HashSet<string>> Namespaces = new();

    private readonly Dictionary<SyntaxNode, ScopeNames> _scopes = new();
    private readonly Dictionary<SyntaxTree, HashSet<string>> _anywhere = new();
    private HashSet<string>? _namespaces;
    private SyntaxTree? _lastTree;
    private HashSet<string>? _lastAnywhere;

    public QualifiedNames(SemanticModels models) => _models = models;

    /// <summary>Whether a dotted receiver (<c>N.T</c>, <c>global::N.T</c>, <c>Alias.T</c>) names a namespace or a type, which the key treats like a simple type name.</summary>
    public bool IsNamespaceOrType(ExpressionSyntax receiver)
    {
        var root = receiver;
        while (root is MemberAccessExpressionSyntax member && member.IsKind(SyntaxKind.SimpleMemberAccessExpression))
        {
            root = member.Expression;
        }

        // Most receivers are values (order.Lines): rule them out before asking for a model.
        if (root == receiver || root is not (AliasQualifiedNameSyntax or IdentifierNameSyntax)
            || (root is IdentifierNameSyntax { Identifier.ValueText: var first } && !IsNamespace(receiver.SyntaxTree, first) && !InScope(root, first, names => names.Aliases))
            || _models.For(receiver.SyntaxTree) is not { } model)
        {
            return false;
        }

        var scope = root switch
        {
            AliasQualifiedNameSyntax { Alias.Identifier.ValueText: "global" } qualified => Members(new[] { model.Compilation.GlobalNamespace }, qualified.Name),
            AliasQualifiedNameSyntax qualified => Members(Targets(model.LookupNamespacesAndTypes(qualified.SpanStart, name: qualified.Alias.Identifier.ValueText)), qualified.Name),
            _ => Found(model.LookupSymbols(root.SpanStart, name: ((IdentifierNameSyntax)root).Identifier.ValueText)),
        };

        for (var node = root.Parent; scope.Count > 0 && node is MemberAccessExpressionSyntax member && node != receiver.Parent; node = node.Parent)
        {
            scope = Members(scope, member.Name);
        }

        return scope.Count > 0;
    }

    /// <summary>Whether a simple name, not a local of the expression, names a static field or property that the key would otherwise see qualified by its type.</summary>
    public bool IsStaticMember(IdentifierNameSyntax identifier) => InScope(identifier, identifier.Identifier.ValueText, names => names.Statics);

    // What a simple name binds to, when it is a namespace or type: a local, parameter or member of that name hides them.
    private static List<INamespaceOrTypeSymbol> Found(IReadOnlyList<ISymbol> symbols) =>
        symbols.All(symbol => symbol is INamespaceOrTypeSymbol or IAliasSymbol) ? Targets(symbols) : new List<INamespaceOrTypeSymbol>();

    private static List<INamespaceOrTypeSymbol> Targets(IEnumerable<ISymbol> symbols) =>
        symbols.Select(symbol => symbol is IAliasSymbol alias ? alias.Target : symbol).OfType<INamespaceOrTypeSymbol>().ToList();

    private static List<INamespaceOrTypeSymbol> Members(IEnumerable<INamespaceOrTypeSymbol> scope, SimpleNameSyntax name)
    {
        var arity = name is GenericNameSyntax generic ? generic.Arity : 0;
        return scope.SelectMany(container => container.GetMembers(name.Identifier.ValueText))
            .OfType<INamespaceOrTypeSymbol>()
            .Where(member => member is not INamedTypeSymbol type || type.Arity == arity)
            .ToList();
    }

    private bool IsNamespace(SyntaxTree tree, string name)
    {
        if (_namespaces is null)
        {
            if (_models.For(tree) is not { } model)
            {
                return false;
            }

            _namespaces = Namespaces.GetValue(model.Compilation, compilation => new HashSet<string>(compilation.GlobalNamespace.GetNamespaceMembers().Select(space => space.Name), StringComparer.Ordinal));
        }

        return _namespaces.Contains(name);
    }

    // Whether an enclosing type, namespace or compilation unit has this name among the chosen names.
    // Asked of most simple names, so a name no scope of the tree has is ruled out by one lookup.
    private bool InScope(SyntaxNode node, string name, Func<ScopeNames, HashSet<string>> names)
    {
        var anywhere = Anywhere(node.SyntaxTree);
        if (anywhere.Count == 0 || !anywhere.Contains(name))
        {
            return false;
        }

        for (var scope = node.Parent; scope is not null; scope = scope.Parent)
        {
            if (scope is TypeDeclarationSyntax or BaseNamespaceDeclarationSyntax or CompilationUnitSyntax && names(Names(scope)).Contains(name))
            {
                return true;
            }
        }

        return false;
    }

    // Every name of every scope of the tree.
    private HashSet<string> Anywhere(SyntaxTree tree)
    {
        if (tree == _lastTree && _lastAnywhere is not null)
        {
            return _lastAnywhere;
        }

        if (!_anywhere.TryGetValue(tree, out var anywhere))
        {
            anywhere = new HashSet<string>(StringComparer.Ordinal);
            foreach (var scope in tree.GetRoot().DescendantNodesAndSelf(IsScope))
            {
                if (IsScope(scope))
                {
                    Collect(scope, anywhere, anywhere);
                }
            }

            _anywhere.Add(tree, anywhere);
        }

        (_lastTree, _lastAnywhere) = (tree, anywhere);
        return anywhere;
    }

    private static bool IsScope(SyntaxNode node) => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax;

    private ScopeNames Names(SyntaxNode scope)
    {
        if (!_scopes.TryGetValue(scope, out var names))
        {
            names = new ScopeNames();
            Collect(scope, names.Statics, names.Aliases);
            _scopes.Add(scope, names);
        }

        return names;
    }

    // The static fields and properties a type declares, read from its syntax (the search does this
    // for every type of every tree, and binding each would cost more than hashing it), or that the
    // using static directives of a namespace or compilation unit bring in; and the aliases they declare.
    private void Collect(SyntaxNode scope, HashSet<string> statics, HashSet<string> aliases)
    {
        if (scope is TypeDeclarationSyntax declaration)
        {
            foreach (var member in declaration.Members)
            {
                if (member is FieldDeclarationSyntax field && (field.Modifiers.Any(SyntaxKind.StaticKeyword) || field.Modifiers.Any(SyntaxKind.ConstKeyword)))
                {
                    foreach (var variable in field.Declaration.Variables)
                    {
                        statics.Add(variable.Identifier.ValueText);
                    }
                }
                else if (member is PropertyDeclarationSyntax property && property.Modifiers.Any(SyntaxKind.StaticKeyword))
                {
                    statics.Add(property.Identifier.ValueText);
                }
            }

            return;
        }

        foreach (var directive in UsingDirectives.Of(scope))
        {
            if (directive.Alias is { } alias)
            {
                aliases.Add(alias.Name.Identifier.ValueText);
            }
            else if (!directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.Name is { } name)
            {
                for (var type = _models.For(scope.SyntaxTree)?.GetSymbolInfo(name).Symbol as ITypeSymbol; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
                {
                    statics.UnionWith(type.GetMembers().Where(member => member.IsStatic && member is IFieldSymbol or IPropertySymbol).Select(member => member.Name));
                }
            }
        }
    }

    private sealed class ScopeNames
    {
        public HashSet<string> Statics { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Aliases { get; } = new(StringComparer.Ordinal);
    }
}
