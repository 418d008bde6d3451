using Microsoft.CodeAnalysis;

namespace Skewless.Analyzers.Leakage.Lineage;

/// <summary>
/// The types that hold rows of data (ML.NET data views, sequences, spans, Skewless splits) and the
/// ones that do not although they look alike (models and estimators), looked up once per compilation.
/// ML.NET is optional: without it those symbols are null and only the Skewless and LINQ shapes apply.
/// </summary>
internal sealed class DataSymbols
{
    public DataSymbols(Compilation compilation)
    {
        DataView = compilation.GetTypeByMetadataName("Microsoft.ML.IDataView");
        Estimator = compilation.GetTypeByMetadataName("Microsoft.ML.IEstimator`1");
        Transformer = compilation.GetTypeByMetadataName("Microsoft.ML.ITransformer");
        TrainTestData = compilation.GetTypeByMetadataName("Microsoft.ML.DataOperationsCatalog+TrainTestData");
        DataCatalog = compilation.GetTypeByMetadataName("Microsoft.ML.DataOperationsCatalog");
        ColumnName = compilation.GetTypeByMetadataName("Microsoft.ML.Data.ColumnNameAttribute");
        Split = compilation.GetTypeByMetadataName("Skewless.Split`1");
        FittedFeatureSetExtensions = compilation.GetTypeByMetadataName("Skewless.ML.FittedFeatureSetExtensions");
        Enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
        Random = compilation.GetTypeByMetadataName("System.Random");
        RandomNumberGenerator = compilation.GetTypeByMetadataName("System.Security.Cryptography.RandomNumberGenerator");
        Guid = compilation.GetTypeByMetadataName("System.Guid");
        NonGenericEnumerable = compilation.GetSpecialType(SpecialType.System_Collections_IEnumerable);
        Span = compilation.GetTypeByMetadataName("System.Span`1");
        ReadOnlySpan = compilation.GetTypeByMetadataName("System.ReadOnlySpan`1");
    }

    public INamedTypeSymbol? DataView { get; }

    /// <summary>ML.NET's <c>[ColumnName]</c>, which names the column a member is read as.</summary>
    public INamedTypeSymbol? ColumnName { get; }

    public INamedTypeSymbol? Estimator { get; }

    public INamedTypeSymbol? Transformer { get; }

    public INamedTypeSymbol? TrainTestData { get; }

    public INamedTypeSymbol? DataCatalog { get; }

    public INamedTypeSymbol? Split { get; }

    public INamedTypeSymbol? FittedFeatureSetExtensions { get; }

    public INamedTypeSymbol? Enumerable { get; }

    public INamedTypeSymbol? Random { get; }

    public INamedTypeSymbol? RandomNumberGenerator { get; }

    public INamedTypeSymbol? Guid { get; }

    private INamedTypeSymbol NonGenericEnumerable { get; }

    private INamedTypeSymbol? Span { get; }

    private INamedTypeSymbol? ReadOnlySpan { get; }

    /// <summary>Whether a value of this type holds rows: a data view, a sequence (not a string), a span, or a split. A model or estimator never does, even one that enumerates its parts.</summary>
    public bool HoldsRows(ITypeSymbol? type)
    {
        if (type is null || type.SpecialType == SpecialType.System_String || Implements(type, Transformer) || Implements(type, Estimator))
        {
            return false;
        }

        return Implements(type, DataView) || Implements(type, NonGenericEnumerable) || IsSplit(type)
            || Is(type.OriginalDefinition, Span) || Is(type.OriginalDefinition, ReadOnlySpan);
    }

    /// <summary>Whether a method is called on ML.NET's <c>ml.Data</c>: one of its own, or an extension of it (<c>LoadFromTextFile</c>, <c>CreateTextLoader</c>).</summary>
    public bool OnDataCatalog(IMethodSymbol method) =>
        Is(method.ContainingType, DataCatalog) || (method.IsExtensionMethod && method.Parameters.FirstOrDefault() is { } catalog && Is(catalog.Type, DataCatalog));

    /// <summary>Whether a method draws at random: <see cref="System.Random"/>'s, a cryptographic generator's, or <c>Guid.NewGuid</c>.</summary>
    public bool IsRandomSource(IMethodSymbol method) =>
        DerivesFrom(method.ContainingType, Random)
        || Is(method.ContainingType, RandomNumberGenerator)
        || (method.Name == "NewGuid" && Is(method.ContainingType, Guid));

    /// <summary>The type of the rows a sequence, array or span holds, or <see langword="null"/> when it holds none.</summary>
    public ITypeSymbol? ElementOf(ITypeSymbol? type) => type switch
    {
        IArrayTypeSymbol array => array.ElementType,
        INamedTypeSymbol span when Is(span.OriginalDefinition, Span) || Is(span.OriginalDefinition, ReadOnlySpan) => span.TypeArguments[0],
        INamedTypeSymbol named => named.AllInterfaces.Prepend(named)
            .FirstOrDefault(candidate => candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)?.TypeArguments[0],
        _ => null,
    };

    /// <summary>
    /// Whether the type is a split with a training and a test side: Skewless's <c>Split&lt;T&gt;</c>, ML.NET's
    /// <c>TrainTestData</c>, or a tuple with elements named for both, as a split written by hand returns
    /// (<c>(List&lt;T&gt; Train, List&lt;T&gt; Test)</c>).
    /// </summary>
    public bool IsSplit(ITypeSymbol? type) => type is not null && (Is(type.OriginalDefinition, Split) || Is(type, TrainTestData) || IsSplitTuple(type));

    private static bool IsSplitTuple(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsTupleType: true } tuple
        && tuple.TupleElements.Any(element => LocalLineage.TrainSides.Contains(LocalLineage.Side(element.Name)))
        && tuple.TupleElements.Any(element => LocalLineage.TestSides.Contains(LocalLineage.Side(element.Name)));

    public static bool Implements(ITypeSymbol type, INamedTypeSymbol? target) =>
        target is not null && (Is(type.OriginalDefinition, target) || type.AllInterfaces.Any(candidate => Is(candidate.OriginalDefinition, target)));

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? target) => target is not null && SymbolEqualityComparer.Default.Equals(type, target);

    /// <summary>Whether <paramref name="type"/> is <paramref name="target"/> or derives from it.</summary>
    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? target)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (Is(current, target))
            {
                return true;
            }
        }

        return false;
    }
}
