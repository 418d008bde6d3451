using Microsoft.CodeAnalysis;

namespace Skewless.Analyzers.Parsing;

/// <summary>The <c>[FeatureSet]</c> classes a compilation can call: its own, and the public ones of the referenced assemblies built with Skewless.</summary>
internal static class FeatureSetTypes
{
    /// <summary>Every feature set class and the row type its attribute names, ordered by full name; the compilation's own first.</summary>
    public static IEnumerable<(INamedTypeSymbol FeatureSet, ITypeSymbol Rows)> Of(Compilation compilation, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        // A features library, where a team usually keeps its feature sets, is an assembly that references Skewless.
        var referenced = compilation.SourceModule.ReferencedAssemblySymbols
            .Where(assembly => assembly.Modules.Any(module => module.ReferencedAssemblySymbols.Any(reference => reference.Name == "Skewless")))
            .SelectMany(assembly => PublicTypes(assembly.GlobalNamespace));
        return Ordered(compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type, cancellationToken).OfType<INamedTypeSymbol>(), symbols)
            .Concat(Ordered(referenced, symbols));
    }

    private static IEnumerable<(INamedTypeSymbol, ITypeSymbol)> Ordered(IEnumerable<INamedTypeSymbol> types, KnownSymbols symbols) => types
        .Select(type => (Type: type, Rows: KnownSymbols.Find(type, symbols.FeatureSetAttribute) is { ConstructorArguments: { Length: 1 } arguments } ? arguments[0].Value as ITypeSymbol : null))
        .Where(pair => pair.Rows is not null)
        .OrderBy(pair => pair.Type.ToDisplayString(), StringComparer.Ordinal)
        .Select(pair => (pair.Type, pair.Rows!));

    private static IEnumerable<INamedTypeSymbol> PublicTypes(INamespaceSymbol space)
    {
        foreach (var type in space.GetTypeMembers().Where(type => type.DeclaredAccessibility == Accessibility.Public))
        {
            yield return type;
        }

        foreach (var inner in space.GetNamespaceMembers().SelectMany(PublicTypes))
        {
            yield return inner;
        }
    }
}
