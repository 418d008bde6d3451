using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.DataSources;

/// <summary>Reports a <c>[DataSource]</c> that does not say who owns the data or which version of it the code was written against (SKW501).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnownedDataSourceAnalyzer : SkewlessAnalyzer
{
    private static readonly string[] Required = { "Owner", "Version" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnownedDataSource);

    private protected override void Start(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        if (symbols.DataSourceAttribute is { } dataSource)
        {
            context.RegisterSymbolAction(symbol => Analyze(symbol, dataSource), SymbolKind.NamedType);
        }
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol dataSource)
    {
        if (KnownSymbols.Find(context.Symbol, dataSource) is not { } attribute)
        {
            return;
        }

        var missing = Required.Where(name => string.IsNullOrWhiteSpace(FeatureSetParser.NamedArgument(attribute, name) as string)).ToList();
        if (missing.Count > 0)
        {
            var location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? context.Symbol.Locations.FirstOrDefault();
            var name = DataSourceParser.UpstreamName(attribute) ?? context.Symbol.Name;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnownedDataSource, location, name, string.Join(" or ", missing)));
        }
    }
}
