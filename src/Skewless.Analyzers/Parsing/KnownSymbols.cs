using Microsoft.CodeAnalysis;

namespace Skewless.Analyzers.Parsing;

/// <summary>The Skewless attribute types of one compilation, looked up once.</summary>
internal sealed class KnownSymbols
{
    public const string FeatureSetAttributeName = "Skewless.FeatureSetAttribute";
    public const string FeatureAttributeName = "Skewless.FeatureAttribute";
    public const string DataSourceAttributeName = "Skewless.DataSourceAttribute";

    private KnownSymbols(INamedTypeSymbol featureSet, INamedTypeSymbol feature, INamedTypeSymbol? dataSource)
    {
        FeatureSetAttribute = featureSet;
        FeatureAttribute = feature;
        DataSourceAttribute = dataSource;
    }

    public INamedTypeSymbol FeatureSetAttribute { get; }

    public INamedTypeSymbol FeatureAttribute { get; }

    public INamedTypeSymbol? DataSourceAttribute { get; }

    /// <summary>Returns the symbols, or <see langword="null"/> when the compilation does not reference Skewless.</summary>
    public static KnownSymbols? TryCreate(Compilation compilation)
    {
        var featureSet = compilation.GetTypeByMetadataName(FeatureSetAttributeName);
        var feature = compilation.GetTypeByMetadataName(FeatureAttributeName);
        return featureSet is null || feature is null
            ? null
            : new KnownSymbols(featureSet, feature, compilation.GetTypeByMetadataName(DataSourceAttributeName));
    }

    public static bool Is(AttributeData attribute, INamedTypeSymbol? type) =>
        type is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type);

    public static AttributeData? Find(ISymbol symbol, INamedTypeSymbol? type)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (Is(attribute, type))
            {
                return attribute;
            }
        }

        return null;
    }
}
