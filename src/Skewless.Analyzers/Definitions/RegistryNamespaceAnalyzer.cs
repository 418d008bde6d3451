using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Emitting;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Definitions;

/// <summary>
/// Reports the type or namespace that takes the name of the generated <c>FeatureSets</c> registry (SKW114): a project
/// named after its row class gets a bare CS0101 otherwise, on the user's own class, with nothing saying why or what to set.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RegistryNamespaceAnalyzer : SkewlessAnalyzer
{
    private static readonly char[] Dot = { '.' };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RegistryNamespaceTaken);

    private protected override void Start(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        // Only the types along the namespace's path can clash, so the search is a few lookups; nearly always none.
        var compilation = context.Compilation;
        var name = FeatureSetRegistryEmitter.Namespace(
            FeatureSetRegistryEmitter.NamespaceProperty(context.Options.AnalyzerConfigOptionsProvider.GlobalOptions) ?? compilation.AssemblyName);
        var takers = Takers(compilation.Assembly.GlobalNamespace, name).ToDictionary(taker => taker.Taker, taker => taker.Description, SymbolEqualityComparer.Default);
        if (takers.Count == 0)
        {
            return;
        }

        // The registry is generated only for an assembly with a feature set.
        var hasFeatureSets = new Lazy<bool>(() => compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type)
            .Any(type => KnownSymbols.Find(type, symbols.FeatureSetAttribute) is not null));
        context.RegisterSymbolAction(
            symbol =>
            {
                if (takers.TryGetValue(symbol.Symbol, out var description) && hasFeatureSets.Value)
                {
                    symbol.ReportDiagnostic(Diagnostic.Create(Descriptors.RegistryNamespaceTaken, symbol.Symbol.Locations.FirstOrDefault(InSource), name, description));
                }
            },
            SymbolKind.NamedType);
    }

    // A source type named like the namespace or one of its leading parts, and a FeatureSets type or namespace of the
    // project's own inside it. Generated code is not the user's: the registry itself is a FeatureSets type there.
    private static IEnumerable<(ISymbol Taker, string Description)> Takers(INamespaceSymbol global, string name)
    {
        var space = global;
        var path = "";
        foreach (var part in name.Split(Dot, StringSplitOptions.RemoveEmptyEntries))
        {
            path = path.Length == 0 ? part : path + "." + part;
            foreach (var type in space.GetTypeMembers(part).Where(InSource))
            {
                yield return (type, $"type '{type.ToDisplayString()}'");
            }

            if (space.GetNamespaceMembers().FirstOrDefault(inner => inner.Name == part) is not { } next)
            {
                yield break;
            }

            space = next;
        }

        foreach (var type in space.GetTypeMembers("FeatureSets").Where(type => InSource(type) && !IsRegistryPart(type)))
        {
            yield return (type, $"type '{type.ToDisplayString()}'");
        }

        if (space.GetNamespaceMembers().FirstOrDefault(inner => inner.Name == "FeatureSets") is { } folder
            && folder.GetTypeMembers().FirstOrDefault(InSource) is { } member)
        {
            yield return (member, $"namespace '{folder.ToDisplayString()}'");
        }
    }

    // The README's way to make the registry public: another part of it, which the compiler merges rather than reports.
    private static bool IsRegistryPart(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.All(reference => reference.GetSyntax() is ClassDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    private static bool InSource(ISymbol symbol) => symbol.Locations.Any(InSource);

    private static bool InSource(Location location) => location.IsInSource && !GeneratedCode.Contains(location.SourceTree!);
}
