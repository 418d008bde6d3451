using Microsoft.CodeAnalysis;
using Skewless.Analyzers.Model;
using Skewless.Analyzers.Parsing;

namespace Skewless.Tests.Infrastructure;

internal static class Parse
{
    /// <summary>Parses the one <c>[FeatureSet]</c> class in <paramref name="sources"/> the way the generator does.</summary>
    public static FeatureSetModel FeatureSet(params string[] sources)
    {
        var compilation = TestCompilation.Create(sources);
        var symbols = KnownSymbols.TryCreate(compilation)!;
        var type = compilation.SyntaxTrees
            .SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>()
                .Select(declaration => (INamedTypeSymbol)compilation.GetSemanticModel(tree).GetDeclaredSymbol(declaration)!))
            .Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default)
            .Single(candidate => KnownSymbols.Find(candidate, symbols.FeatureSetAttribute) is not null);
        return FeatureSetParser.Parse(type, symbols, compilation, diagnostics: null, CancellationToken.None)!;
    }
}
