using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Definitions;

/// <summary>
/// Reports misuse of the feature attributes (SKW1xx) by running the generator's own parser, so the
/// diagnostics describe exactly what the generator left out.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FeatureSetDefinitionAnalyzer : SkewlessAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.FeatureSetShape,
        Descriptors.FeatureSignature,
        Descriptors.UnsupportedFeatureType,
        Descriptors.TransformMisuse,
        Descriptors.FeatureName,
        Descriptors.InputWithoutDataSource,
        Descriptors.FeatureOutsideFeatureSet,
        Descriptors.ReservedName,
        Descriptors.TransformWithoutFeature);

    private protected override void Start(CompilationStartAnalysisContext context, KnownSymbols symbols) =>
        context.RegisterSymbolAction(symbol => AnalyzeType(symbol, symbols), SymbolKind.NamedType);

    private static void AnalyzeType(SymbolAnalysisContext context, KnownSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (KnownSymbols.Find(type, symbols.FeatureSetAttribute) is null)
        {
            ReportStrayFeatures(context, type, symbols);
            return;
        }

        foreach (var diagnostic in FeatureSetParser.ParseOnce(type, symbols, context.Compilation, context.CancellationToken).Diagnostics)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }

    private static void ReportStrayFeatures(SymbolAnalysisContext context, INamedTypeSymbol type, KnownSymbols symbols)
    {
        var diagnostics = new List<Diagnostic>();
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            if (KnownSymbols.Find(method, symbols.FeatureAttribute) is not null)
            {
                diagnostics.Add(Diagnostic.Create(Descriptors.FeatureOutsideFeatureSet, method.Locations.FirstOrDefault(), method.Name, type.Name));
            }
            else
            {
                FeatureSetParser.ReportStrayTransform(method, symbols, diagnostics);
            }
        }

        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }
}
