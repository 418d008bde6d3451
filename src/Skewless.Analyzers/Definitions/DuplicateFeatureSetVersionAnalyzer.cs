using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Definitions;

/// <summary>
/// Reports classes that declare the same logical feature set name and version (SKW109), which the
/// generated registry could not tell apart. Needs every feature set, so it reports when the
/// compilation ends.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DuplicateFeatureSetVersionAnalyzer : SkewlessAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DuplicateFeatureSetVersion);

    private protected override void Start(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        var featureSets = new ConcurrentBag<(string Name, int Version, INamedTypeSymbol Type)>();
        context.RegisterSymbolAction(
            symbol =>
            {
                var type = (INamedTypeSymbol)symbol.Symbol;
                if (KnownSymbols.Find(type, symbols.FeatureSetAttribute) is { } attribute)
                {
                    var (name, version) = FeatureSetParser.Identity(type, attribute);
                    featureSets.Add((name, version, type));
                }
            },
            SymbolKind.NamedType);
        context.RegisterCompilationEndAction(end => Report(end, featureSets));
    }

    private static void Report(CompilationAnalysisContext context, IEnumerable<(string Name, int Version, INamedTypeSymbol Type)> featureSets)
    {
        foreach (var group in featureSets.GroupBy(featureSet => (featureSet.Name, featureSet.Version)))
        {
            var classes = group.Select(featureSet => featureSet.Type).OrderBy(type => type.ToDisplayString(), StringComparer.Ordinal).ToList();
            if (classes.Count < 2)
            {
                continue;
            }

            // Each class names another one, so every duplicate is marked and says where its twin is. Full
            // names, since the logical name defaults to the class name: twins often differ only in namespace.
            foreach (var type in classes)
            {
                var other = classes.First(candidate => !SymbolEqualityComparer.Default.Equals(candidate, type));
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.DuplicateFeatureSetVersion, type.Locations.FirstOrDefault(), type.ToDisplayString(), group.Key.Name, group.Key.Version, other.ToDisplayString()));
            }
        }
    }
}
