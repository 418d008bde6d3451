using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Skewless.Analyzers.Emitting;
using Skewless.Analyzers.Model;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Generation;

/// <summary>
/// The generator's steps for the one registry of a compilation: every feature set model the main
/// pipeline parsed, the data source each takes, and the namespace (the <c>SkewlessRegistryNamespace</c>
/// property, else the assembly name), combined into one value-equal
/// model, so an edit that changes none of them emits nothing again.
/// </summary>
internal static class FeatureSetRegistryPipeline
{
    public static void Register(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<FeatureSetModel> featureSets)
    {
        var inputs = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownSymbols.FeatureSetAttributeName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (context, _) => ParseInput(context))
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.RegistryInputs);

        var registry = featureSets.Collect()
            .Combine(inputs.Collect())
            .Combine(context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName)
                .Combine(context.AnalyzerConfigOptionsProvider.Select(static (options, _) => FeatureSetRegistryEmitter.NamespaceProperty(options.GlobalOptions)))
                .Select(static (names, _) => FeatureSetRegistryEmitter.Namespace(names.Right ?? names.Left)))
            .Select(static (input, _) => Model(input.Right, input.Left.Left, input.Left.Right))
            .WithTrackingName(TrackingNames.Registry);

        context.RegisterSourceOutput(registry, static (output, model) =>
        {
            if (model.FeatureSets.Length > 0)
            {
                output.AddSource(FeatureSetRegistryEmitter.RegistryHintName, FeatureSetRegistryEmitter.EmitRegistry(model));
                output.AddSource(FeatureSetRegistryEmitter.DependenciesHintName, FeatureSetRegistryEmitter.EmitDependencies(model));
            }
        });
    }

    private static RegistryInputModel? ParseInput(GeneratorAttributeSyntaxContext context)
    {
        var compilation = context.SemanticModel.Compilation;
        if (context.TargetSymbol is not INamedTypeSymbol type || KnownSymbols.TryCreate(compilation) is not { } symbols
            || context.Attributes.FirstOrDefault() is not { ConstructorArguments.Length: 1 } attribute
            || attribute.ConstructorArguments[0].Value is not ITypeSymbol { TypeKind: not TypeKind.Error } inputType)
        {
            return null;
        }

        var reachable = compilation.IsSymbolAccessibleWithin(type, compilation.Assembly) && compilation.IsSymbolAccessibleWithin(inputType, compilation.Assembly);
        return new RegistryInputModel(type.ToDisplayString(FeatureSetParser.NameWithoutGlobal), reachable, DataSourceParser.Parse(inputType, symbols));
    }

    // Sorted, so the output never depends on the order files are parsed in; only the data sources
    // some feature set takes, each once.
    private static FeatureSetRegistryModel Model(string @namespace, IEnumerable<FeatureSetModel> featureSets, IEnumerable<RegistryInputModel> inputs)
    {
        var sorted = featureSets
            .OrderBy(featureSet => featureSet.Name, StringComparer.Ordinal)
            .ThenBy(featureSet => featureSet.Version)
            .ThenBy(featureSet => featureSet.FullName, StringComparer.Ordinal)
            .ToEquatableArray();
        var types = new HashSet<string>(sorted.Select(featureSet => featureSet.InputTypeName), StringComparer.Ordinal);
        var inputList = inputs.ToList();
        var sources = inputList
            .Select(input => input.DataSource)
            .Where(source => types.Contains(source.TypeName))
            .GroupBy(source => source.TypeName, StringComparer.Ordinal)
            .Select(group => group.First())
            .OrderBy(source => source.TypeName, StringComparer.Ordinal)
            .ToEquatableArray();
        var unreachable = inputList
            .Where(input => !input.Reachable)
            .Select(input => input.FeatureSet)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToEquatableArray();
        return new FeatureSetRegistryModel(@namespace, sorted, sources, unreachable);
    }
}
