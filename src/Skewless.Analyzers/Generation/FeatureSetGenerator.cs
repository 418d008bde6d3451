using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Skewless.Analyzers.Emitting;
using Skewless.Analyzers.Model;
using Skewless.Analyzers.Parsing;
using Skewless.Analyzers.Skew.Clones;

namespace Skewless.Analyzers.Generation;

/// <summary>
/// Completes each <c>[FeatureSet]</c> class with its fingerprint, schema, vector, fit, accumulator
/// and fitted transform. Definition errors are reported by <c>FeatureSetDefinitionAnalyzer</c>, not
/// here: the generator only leaves invalid parts out.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class FeatureSetGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var featureSets = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownSymbols.FeatureSetAttributeName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (context, cancellationToken) => Parse(context, cancellationToken))
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.FeatureSets);

        var nullableEnabled = context.ParseOptionsProvider
            .Select(static (options, _) => options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp8 })
            .WithTrackingName(TrackingNames.NullableEnabled);

        context.RegisterSourceOutput(
            featureSets.Combine(nullableEnabled).WithTrackingName(TrackingNames.Output),
            static (output, input) => output.AddSource(FeatureSetEmitter.HintName(input.Left), FeatureSetEmitter.Emit(input.Left, input.Right)));

        FeatureSetRegistryPipeline.Register(context, featureSets);

        var fingerprints = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownSymbols.FeatureSetAttributeName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (context, cancellationToken) => ParseFingerprints(context, cancellationToken))
            .Where(static model => model is { Fingerprints.Length: > 0 })
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.Fingerprints);

        context.RegisterSourceOutput(
            fingerprints,
            static (output, model) => output.AddSource(FingerprintEmitter.HintName(model), FingerprintEmitter.Emit(model)));
    }

    internal static FeatureSetModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var compilation = context.SemanticModel.Compilation;
        if (context.TargetSymbol is not INamedTypeSymbol type || KnownSymbols.TryCreate(compilation) is not { } symbols
            || !IsFirstApplication(type, symbols, context.TargetNode))
        {
            return null;
        }

        return FeatureSetParser.Parse(type, symbols, compilation, diagnostics: null, cancellationToken);
    }

    private static FeatureSetFingerprintsModel? ParseFingerprints(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var compilation = context.SemanticModel.Compilation;
        if (context.TargetSymbol is not INamedTypeSymbol type || KnownSymbols.TryCreate(compilation) is not { } symbols
            || !IsFirstApplication(type, symbols, context.TargetNode))
        {
            return null;
        }

        return FeatureFingerprinter.Fingerprint(type, symbols, new SemanticModels(compilation), cancellationToken);
    }

    // A partial class may carry [FeatureSet] on more than one part, which the compiler reports as an
    // error; generating once keeps that the only error.
    private static bool IsFirstApplication(INamedTypeSymbol type, KnownSymbols symbols, SyntaxNode target)
    {
        var first = KnownSymbols.Find(type, symbols.FeatureSetAttribute)?.ApplicationSyntaxReference;
        return first is not null && first.SyntaxTree == target.SyntaxTree && target.Span.Contains(first.Span);
    }
}
