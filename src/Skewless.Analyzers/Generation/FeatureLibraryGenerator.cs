using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Skewless.Analyzers.Emitting;
using Skewless.Analyzers.Model;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Generation;

/// <summary>
/// Records in the compiled assembly, as <c>[assembly: FeatureLibrary(...)]</c>, each library the
/// features of each valid feature set call and the version compiled against, so that a project
/// referencing the assembly with other versions gets SKW405. Separate from
/// <see cref="FeatureSetGenerator"/>, whose output it leaves as it is; nothing is emitted for
/// feature sets that call only the target framework.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class FeatureLibraryGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var libraries = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownSymbols.FeatureSetAttributeName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (context, cancellationToken) => Parse(context, cancellationToken))
            .Where(static model => model is { Libraries.Length: > 0 })
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.FeatureLibraries);

        context.RegisterSourceOutput(libraries, static (output, model) => output.AddSource(FeatureLibraryEmitter.HintName(model), FeatureLibraryEmitter.Emit(model)));
    }

    // The feature set the main generator completes, if any; then the libraries its valid features call.
    private static FeatureLibrariesModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var compilation = context.SemanticModel.Compilation;
        if (compilation.GetTypeByMetadataName(FeatureLibraries.AttributeName) is null
            || FeatureSetGenerator.Parse(context, cancellationToken) is not { } model
            || context.TargetSymbol is not INamedTypeSymbol type
            || context.Attributes.FirstOrDefault()?.ConstructorArguments.FirstOrDefault().Value is not ITypeSymbol inputType)
        {
            return null;
        }

        return FeatureLibraries.Of(model, type, compilation, inputType, cancellationToken);
    }
}
