using Microsoft.CodeAnalysis;
using Skewless.Analyzers.Model;

namespace Skewless.Analyzers.Parsing;

/// <summary>The Skewless attribute types of one compilation, looked up once.</summary>
internal sealed class KnownSymbols
{
    public const string FeatureSetAttributeName = "Skewless.FeatureSetAttribute";
    public const string FeatureAttributeName = "Skewless.FeatureAttribute";
    public const string DataSourceAttributeName = "Skewless.DataSourceAttribute";
    public const string LabelAttributeName = "Skewless.LabelAttribute";
    public const string NotAtServingAttributeName = "Skewless.NotAtServingAttribute";
    public const string ModelOutputAttributeName = "Skewless.ModelOutputAttribute";
    public const string GroupKeyAttributeName = "Skewless.GroupKeyAttribute";
    public const string EventTimeAttributeName = "Skewless.EventTimeAttribute";

    private static readonly (string Name, FeatureTransform Transform)[] TransformAttributeNames =
    {
        ("Skewless.ZScoreAttribute", FeatureTransform.ZScore),
        ("Skewless.MinMaxAttribute", FeatureTransform.MinMax),
        ("Skewless.VocabularyAttribute", FeatureTransform.Vocabulary),
        ("Skewless.QuantileBucketsAttribute", FeatureTransform.QuantileBuckets),
        ("Skewless.HashBucketsAttribute", FeatureTransform.HashBuckets),
    };

    private readonly Dictionary<INamedTypeSymbol, FeatureTransform> _transforms;

    private KnownSymbols(Compilation compilation, INamedTypeSymbol featureSet, INamedTypeSymbol feature)
    {
        FeatureSetAttribute = featureSet;
        FeatureAttribute = feature;
        DataSourceAttribute = compilation.GetTypeByMetadataName(DataSourceAttributeName);
        LabelAttribute = compilation.GetTypeByMetadataName(LabelAttributeName);
        NotAtServingAttribute = compilation.GetTypeByMetadataName(NotAtServingAttributeName);
        ModelOutputAttribute = compilation.GetTypeByMetadataName(ModelOutputAttributeName);
        GroupKeyAttribute = compilation.GetTypeByMetadataName(GroupKeyAttributeName);
        EventTimeAttribute = compilation.GetTypeByMetadataName(EventTimeAttributeName);
        _transforms = new Dictionary<INamedTypeSymbol, FeatureTransform>(SymbolEqualityComparer.Default);
        foreach (var (name, transform) in TransformAttributeNames)
        {
            if (compilation.GetTypeByMetadataName(name) is { } attribute)
            {
                _transforms.Add(attribute, transform);
            }
        }
    }

    public INamedTypeSymbol FeatureSetAttribute { get; }

    public INamedTypeSymbol FeatureAttribute { get; }

    public INamedTypeSymbol? DataSourceAttribute { get; }

    public INamedTypeSymbol? LabelAttribute { get; }

    public INamedTypeSymbol? NotAtServingAttribute { get; }

    public INamedTypeSymbol? ModelOutputAttribute { get; }

    public INamedTypeSymbol? GroupKeyAttribute { get; }

    public INamedTypeSymbol? EventTimeAttribute { get; }

    /// <summary>Returns the symbols, or <see langword="null"/> when the compilation does not reference Skewless.</summary>
    public static KnownSymbols? TryCreate(Compilation compilation)
    {
        var featureSet = compilation.GetTypeByMetadataName(FeatureSetAttributeName);
        var feature = compilation.GetTypeByMetadataName(FeatureAttributeName);
        return featureSet is null || feature is null ? null : new KnownSymbols(compilation, featureSet, feature);
    }

    /// <summary>The transform an attribute declares, or <see langword="null"/> when it is not a transform attribute.</summary>
    public FeatureTransform? TransformOf(AttributeData attribute) =>
        attribute.AttributeClass is { } type && _transforms.TryGetValue(type, out var transform) ? transform : null;

    /// <summary>
    /// The first member of <paramref name="type"/> or its base types that carries <paramref name="attribute"/>,
    /// or <see langword="null"/> when none does.
    /// </summary>
    public static ISymbol? FindMember(ITypeSymbol type, INamedTypeSymbol? attribute)
    {
        if (attribute is null)
        {
            return null;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol or IFieldSymbol && Find(member, attribute) is not null)
                {
                    return member;
                }
            }
        }

        return null;
    }

    public static bool Is(AttributeData attribute, INamedTypeSymbol? type) =>
        type is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type);

    /// <summary>
    /// The <c>[DataSource]</c> of <paramref name="type"/> or of its nearest base type that has one: a type derived from a
    /// data source's rows (with columns added by a join, say) is rows of that source.
    /// </summary>
    public AttributeData? DataSourceOf(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (Find(current, DataSourceAttribute) is { } attribute)
            {
                return attribute;
            }
        }

        return null;
    }

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
