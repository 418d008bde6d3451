using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
        Descriptors.TransformWithoutFeature,
        Descriptors.UnusableInputType,
        Descriptors.FeatureSetTooWide,
        Descriptors.DriftThresholdOutOfRange);

    private protected override void Start(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        context.RegisterSymbolAction(symbol => AnalyzeType(symbol, symbols), SymbolKind.NamedType);

        // Local functions and lambdas are not members, so the symbol action above never sees them.
        context.RegisterSyntaxNodeAction(node => AnalyzeFunction(node, symbols), SyntaxKind.LocalFunctionStatement, SyntaxKind.ParenthesizedLambdaExpression);
    }

    private static void AnalyzeFunction(SyntaxNodeAnalysisContext context, KnownSymbols symbols)
    {
        var (method, name, kind, location) = context.Node switch
        {
            LocalFunctionStatementSyntax local when local.AttributeLists.Count > 0 =>
                (context.SemanticModel.GetDeclaredSymbol(local, context.CancellationToken) as IMethodSymbol, local.Identifier.ValueText, "a local function", local.Identifier.GetLocation()),
            ParenthesizedLambdaExpressionSyntax lambda when lambda.AttributeLists.Count > 0 =>
                (context.SemanticModel.GetSymbolInfo(lambda, context.CancellationToken).Symbol as IMethodSymbol, "lambda", "a lambda", lambda.AttributeLists[0].GetLocation()),
            _ => (null, "", "", Location.None),
        };
        if (method is not null && KnownSymbols.Find(method, symbols.FeatureAttribute) is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.FeatureOutsideFeatureSet, location, name, $"it is {kind}, not a member of a [FeatureSet]"));
        }
    }

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
                diagnostics.Add(Diagnostic.Create(Descriptors.FeatureOutsideFeatureSet, method.Locations.FirstOrDefault(), method.Name, $"'{type.Name}' is not a [FeatureSet]"));
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
