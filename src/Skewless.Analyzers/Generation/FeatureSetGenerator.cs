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
/// and fitted transform; records the fingerprints of its features' code, for SKW300 in other projects,
/// and, as <c>[assembly: FeatureLibrary(...)]</c>, the version of each library its features call, for
/// SKW405 where the assembly is referenced. Definition errors are reported by
/// <c>FeatureSetDefinitionAnalyzer</c>, not here: the generator only leaves invalid parts out.
/// </summary>
/// <remarks>
/// All three read the same feature bodies, so one step parses a class for all of them with one set of
/// semantic models, and binds each body once; each output then follows its own value-equal part.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class FeatureSetGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownSymbols.FeatureSetAttributeName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (context, cancellationToken) => Parse(context, cancellationToken))
            .Where(static parsed => parsed is not null)
            .Select(static (parsed, _) => parsed!);

        // Every feature set's file name depends on the others' only when two would clash, which this step alone decides;
        // its result is nearly always empty, so adding or editing a feature set leaves the other outputs cached.
        var clashingNames = parsed
            .Select(static (parsed, _) => parsed.FullName)
            .Collect()
            .Select(static (names, _) => HintNames.Clashing(names))
            .WithTrackingName(TrackingNames.ClashingNames);

        var featureSets = parsed
            .Where(static parsed => parsed.Model is not null)
            .Select(static (parsed, _) => parsed.Model!)
            .WithTrackingName(TrackingNames.FeatureSets);

        var nullableEnabled = context.ParseOptionsProvider
            .Select(static (options, _) => options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp8 })
            .WithTrackingName(TrackingNames.NullableEnabled);

        context.RegisterSourceOutput(
            featureSets.Combine(nullableEnabled).Combine(clashingNames).WithTrackingName(TrackingNames.Output),
            static (output, input) => output.AddSource(
                FeatureSetEmitter.HintName(input.Left.Left, input.Right), FeatureSetEmitter.Emit(input.Left.Left, input.Left.Right)));

        FeatureSetRegistryPipeline.Register(context, featureSets);

        var fingerprints = parsed
            .Where(static parsed => parsed.Fingerprints is { Fingerprints.Length: > 0 })
            .Select(static (parsed, _) => parsed.Fingerprints!)
            .WithTrackingName(TrackingNames.Fingerprints);

        context.RegisterSourceOutput(
            fingerprints.Combine(clashingNames),
            static (output, input) => output.AddSource(FingerprintEmitter.HintName(input.Left, input.Right), FingerprintEmitter.Emit(input.Left)));

        var libraries = parsed
            .Where(static parsed => parsed.Libraries is { Libraries.Length: > 0 })
            .Select(static (parsed, _) => parsed.Libraries!)
            .WithTrackingName(TrackingNames.FeatureLibraries);

        context.RegisterSourceOutput(
            libraries.Combine(clashingNames),
            static (output, input) => output.AddSource(FeatureLibraryEmitter.HintName(input.Left, input.Right), FeatureLibraryEmitter.Emit(input.Left)));
    }

    private static Parsed? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var compilation = context.SemanticModel.Compilation;
        if (context.TargetSymbol is not INamedTypeSymbol type || KnownSymbols.TryCreate(compilation) is not { } symbols
            || !IsFirstApplication(type, symbols, context.TargetNode))
        {
            return null;
        }

        var models = new SemanticModels(compilation);
        var model = FeatureSetParser.Parse(type, symbols, compilation, models, diagnostics: null, cancellationToken);
        var fingerprints = FeatureFingerprinter.Fingerprint(type, symbols, models, cancellationToken);

        // Libraries are recorded only where Skewless defines the attribute that records them, and only for a feature set the generator completes.
        var libraries = model is not null && compilation.GetTypeByMetadataName(FeatureLibraries.AttributeName) is not null
            ? FeatureLibraries.Of(model, compilation)
            : null;
        return new Parsed(type.ToDisplayString(FeatureSetParser.NameWithoutGlobal), model, fingerprints, libraries);
    }

    // A partial class may carry [FeatureSet] on more than one part, which the compiler reports as an
    // error; generating once keeps that the only error.
    private static bool IsFirstApplication(INamedTypeSymbol type, KnownSymbols symbols, SyntaxNode target)
    {
        var first = KnownSymbols.Find(type, symbols.FeatureSetAttribute)?.ApplicationSyntaxReference;
        return first is not null && first.SyntaxTree == target.SyntaxTree && target.Span.Contains(first.Span);
    }

    /// <summary>What one class yields: its full name, which names its files, and a part for each output, null when that output has nothing to emit for it.</summary>
    private sealed record Parsed(string FullName, FeatureSetModel? Model, FeatureSetFingerprintsModel? Fingerprints, FeatureLibrariesModel? Libraries);
}
