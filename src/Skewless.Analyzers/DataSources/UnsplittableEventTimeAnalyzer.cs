using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.DataSources;

/// <summary>
/// Reports an <c>[EventTime]</c> member of a type the generated <c>SplitByTime</c> cannot take (SKW112): without it the
/// feature sets of those rows get no time split, though SKW204 still asks for one.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnsplittableEventTimeAnalyzer : SkewlessAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnsplittableEventTime);

    private protected override void Start(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        if (symbols.EventTimeAttribute is { } eventTime)
        {
            context.RegisterSymbolAction(symbol => Analyze(symbol, eventTime), SymbolKind.Property, SymbolKind.Field);
        }
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol eventTime)
    {
        var type = context.Symbol switch
        {
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            _ => null,
        };
        if (type is null || type.TypeKind == TypeKind.Error || FeatureSetParser.IsComparableTime(type)
            || KnownSymbols.Find(context.Symbol, eventTime) is not { } attribute)
        {
            return;
        }

        var location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? context.Symbol.Locations.FirstOrDefault();
        var member = $"{context.Symbol.ContainingType.Name}.{context.Symbol.Name}";
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnsplittableEventTime, location, member, type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat), context.Symbol.ContainingType.Name, Advice(type)));
    }

    private static string Advice(ITypeSymbol type) => type switch
    {
        { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } => "Give every row a time, or leave out the rows without one before splitting.",
        { SpecialType: SpecialType.System_Int64 or SpecialType.System_Int32 or SpecialType.System_Double } =>
            "Mark a property that converts it instead, such as DateTimeOffset.FromUnixTimeSeconds for Unix seconds.",
        _ => "Mark a property of one of those types instead.",
    };
}
