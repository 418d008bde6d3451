using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Skew;

/// <summary>The feature sets declared in a compilation's own source, which skew analyzers need before they analyze anything else.</summary>
internal static class SourceFeatureSets
{
    /// <summary>
    /// Classes with an attribute named like <c>[FeatureSet]</c>, found from type declarations alone and
    /// then checked against the real attribute, so no method body is bound to find them. In
    /// compilation order, so that whatever is reported first is the same on every build.
    /// </summary>
    public static IEnumerable<INamedTypeSymbol> Find(Compilation compilation, KnownSymbols symbols, SemanticModels models, CancellationToken cancellationToken)
    {
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var classes = tree.GetRoot(cancellationToken)
                .DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
                .OfType<ClassDeclarationSyntax>()
                .Where(declaration => declaration.AttributeLists.SelectMany(list => list.Attributes).Any(IsNamedFeatureSet));
            foreach (var declaration in classes)
            {
                if (models.For(tree)?.GetDeclaredSymbol(declaration, cancellationToken) is INamedTypeSymbol type
                    && KnownSymbols.Find(type, symbols.FeatureSetAttribute) is not null && seen.Add(type))
                {
                    yield return type;
                }
            }
        }
    }

    private static bool IsNamedFeatureSet(AttributeSyntax attribute)
    {
        var name = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => "",
        };
        return name is "FeatureSet" or "FeatureSetAttribute";
    }
}
