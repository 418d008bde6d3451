using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Skew.Clones;

/// <summary>
/// Code that computes a feature's logic without being a copy in serving: what the features call
/// (a helper of another class, which is the feature's own code), and unit tests (an oracle such as
/// <c>var expected = MathF.Log(1 + row.Price * 100f)</c>). Asked only about a member with a match,
/// so the call graph of the features is walked once per compilation, and only if something matched.
/// </summary>
internal sealed class TrainingCode
{
    private readonly Lazy<HashSet<ISymbol>> _featureCode;

    public TrainingCode(Compilation compilation, IReadOnlyList<INamedTypeSymbol> featureSets, HashSet<SyntaxNode> featureSetDeclarations, INamedTypeSymbol featureAttribute) =>
        _featureCode = new Lazy<HashSet<ISymbol>>(() => Reachable(compilation, featureSets, featureSetDeclarations, featureAttribute), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Whether <paramref name="expression"/> is in a test method or in a member some feature reaches.</summary>
    public bool Contains(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (expression.FirstAncestorOrSelf<MemberDeclarationSyntax>(node => node is BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or BaseFieldDeclarationSyntax) is not { } member)
        {
            return false;
        }

        var symbol = member is BaseFieldDeclarationSyntax
            ? expression.FirstAncestorOrSelf<VariableDeclaratorSyntax>() is { } variable ? model.GetDeclaredSymbol(variable, cancellationToken) : null
            : model.GetDeclaredSymbol(member, cancellationToken);
        return symbol is not null && (TestMethods.IsTest(symbol) || IsFeatureCode(symbol));
    }

    private bool IsFeatureCode(ISymbol symbol) =>
        _featureCode.Value.Contains(symbol.OriginalDefinition)
        || (symbol is IMethodSymbol { PartialImplementationPart: { } implementation } && _featureCode.Value.Contains(implementation.OriginalDefinition));

    // The same walk the generator fingerprints definitions with. Its input type only selects the member
    // reads it collects, which are not needed here: object collects none. Binding thousands of features
    // would cost more than the whole search, so only the features of a feature set that names a member
    // with code outside the feature sets are walked: the others can reach nothing that is searched.
    private static HashSet<ISymbol> Reachable(Compilation compilation, IReadOnlyList<INamedTypeSymbol> featureSets, HashSet<SyntaxNode> featureSetDeclarations, INamedTypeSymbol featureAttribute)
    {
        var walker = new DefinitionWalker(compilation, new SemanticModels(compilation), compilation.ObjectType, CancellationToken.None);
        var reachable = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var names = MembersWithCode(compilation, featureSetDeclarations);
        foreach (var type in featureSets)
        {
            if (!type.DeclaringSyntaxReferences.Any(reference => !GeneratedCode.Contains(reference.SyntaxTree)
                && reference.GetSyntax().DescendantNodes().OfType<SimpleNameSyntax>().Any(name => names.Contains(name.Identifier.ValueText))))
            {
                continue;
            }

            foreach (var feature in type.GetMembers().Where(member => !reachable.Contains(member) && KnownSymbols.Find(member, featureAttribute) is not null))
            {
                reachable.UnionWith(walker.Reachable(feature));
            }
        }

        return reachable;
    }

    // The names of the members declared outside feature sets that have code a walk could enter, from
    // declarations alone: methods, properties with accessor bodies, constructors (named by their type),
    // fields with initializers. Auto-properties, such as the row's, have none.
    private static HashSet<string> MembersWithCode(Compilation compilation, HashSet<SyntaxNode> featureSetDeclarations)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees.Where(tree => !GeneratedCode.Contains(tree)))
        {
            var members = tree.GetRoot().DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax
                || (node is TypeDeclarationSyntax && !featureSetDeclarations.Contains(node)));
            foreach (var member in members)
            {
                switch (member)
                {
                    case MethodDeclarationSyntax method when method.Body is not null || method.ExpressionBody is not null:
                        names.Add(method.Identifier.ValueText);
                        break;
                    case ConstructorDeclarationSyntax constructor when constructor.Body is not null || constructor.ExpressionBody is not null:
                        names.Add(constructor.Identifier.ValueText);
                        break;
                    case PropertyDeclarationSyntax property when property.ExpressionBody is not null
                        || property.AccessorList?.Accessors.Any(accessor => accessor.Body is not null || accessor.ExpressionBody is not null) == true:
                        names.Add(property.Identifier.ValueText);
                        break;
                    case BaseFieldDeclarationSyntax field:
                        names.UnionWith(field.Declaration.Variables.Where(variable => variable.Initializer is not null).Select(variable => variable.Identifier.ValueText));
                        break;
                }
            }
        }

        return names;
    }
}
