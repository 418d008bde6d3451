using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Skewless.Analyzers.Leakage.Lineage;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Leakage.Splits;

/// <summary>
/// The rows a body's data view was loaded from, for the rules on ML.NET splits: the calls that loaded it (see
/// <see cref="RandomSplitAnalyzer.LoadedRowType"/> and <see cref="TextLoaderRows"/>) and the row types they load.
/// </summary>
internal sealed class LoadedRows
{
    // Calls whose elements are not one row each of their source: groups, joins, windows, expansions.
    private static readonly string[] ManyToOne = { "GroupBy", "GroupJoin", "Join", "Aggregate", "Chunk", "Zip", "SelectMany", "Distinct", "DistinctBy", "CountBy", "AggregateBy", "ToLookup" };

    private readonly ImmutableArray<IOperation> _blocks;
    private readonly KnownSymbols _symbols;
    private readonly DataSymbols _data;
    private readonly TextLoaderRows _textLoaders;
    private readonly bool _intoOtherMethods;
    private readonly CancellationToken _cancellationToken;
    private LocalLineage? _lineage;
    private ClassMethods? _classMethods;

    /// <param name="intoOtherMethods">Whether to follow the rows into the class's other methods, which a generic helper's own analysis does not.</param>
    public LoadedRows(ImmutableArray<IOperation> blocks, KnownSymbols symbols, DataSymbols data, TextLoaderRows textLoaders, bool intoOtherMethods, CancellationToken cancellationToken)
    {
        _blocks = blocks;
        _symbols = symbols;
        _data = data;
        _textLoaders = textLoaders;
        _intoOtherMethods = intoOtherMethods;
        _cancellationToken = cancellationToken;
    }

    public LocalLineage Lineage => _lineage ??= new LocalLineage(_blocks, _data);

    /// <summary>
    /// The calls a data view was loaded by from rows, followed through locals; into the method of the file that returns
    /// it, as a private LoadData() or Model Builder's LoadIDataViewFromFile loads them; and, for rows that are the
    /// parameter of a private method the class calls once, into its caller, as Model Builder's Evaluate(mlContext,
    /// trainingDataView, pipeline) cross-validates the rows CreateModel loads.
    /// </summary>
    public List<Load> Loads(IOperation rows) => Loads(rows, Lineage, hops: 2);

    /// <summary>The row types of a data view, through <see cref="Loads(IOperation)"/>.</summary>
    public List<ITypeSymbol> RowTypes(IOperation rows) => RowTypesOf(Loads(rows));

    public List<ITypeSymbol> RowTypesOf(List<Load> loads) =>
        loads.SelectMany(RowTypesLoadedBy).Distinct(SymbolEqualityComparer.Default).OfType<ITypeSymbol>().ToList();

    // The type a call loads, and, for a LoadFromEnumerable of a type that is no data source, the data sources whose
    // rows it projects one to one (sales.Select(s => new Input { … })): its rows are theirs, in their groups and times.
    // The projection may be in the one caller of a private method handed it. Rows of a helper's type parameter are
    // named at each call to it (see ProjectHelpers), not in its body.
    private IEnumerable<ITypeSymbol> RowTypesLoadedBy(Load load)
    {
        var loaded = load.RowType;
        if (_symbols.DataSourceOf(loaded) is not null || load.Call.TargetMethod.Name != "LoadFromEnumerable" || loaded is ITypeParameterSymbol)
        {
            return new[] { loaded };
        }

        var local = load.Call.Arguments.Where(argument => _data.HoldsRows(argument.Value.Type)).SelectMany(argument => load.Lineage.Sources(argument.Value)).ToList();
        var sources = local.Concat(Handed(local).SelectMany(handed => handed.Lineage.Sources(handed.Argument))).ToList();
        if (sources.Any(source => source is IInvocationOperation { TargetMethod.Name: var name } && ManyToOne.Contains(name)))
        {
            return new[] { loaded };
        }

        return sources.Select(source => _data.ElementOf(source.Type)).OfType<ITypeSymbol>()
            .Where(element => _symbols.DataSourceOf(element) is not null)
            .Prepend(loaded);
    }

    private List<Load> Loads(IOperation rows, LocalLineage lineage, int hops)
    {
        var sources = lineage.Sources(rows);
        var loads = sources.OfType<IInvocationOperation>()
            .Select(source => (RandomSplitAnalyzer.LoadedRowType(source, _data) ?? _textLoaders.RowType(source, lineage)) is { } rowType ? new Load(source, rowType, lineage) : (Load?)null)
            .OfType<Load>()
            .ToList();
        if (loads.Count > 0 || hops == 0 || !_intoOtherMethods)
        {
            return loads;
        }

        var returned = sources.OfType<IInvocationOperation>()
            .Where(source => source.Type is { } type && DataSymbols.Implements(type, _data.DataView))
            .Select(source => ClassMethods.SameFileBody(source, _cancellationToken))
            .OfType<IOperation>()
            .Select(body => (Body: body, Value: ClassMethods.OnlyReturn(body)))
            .Where(found => found.Value is not null)
            .SelectMany(found => Loads(found.Value!, new LocalLineage(new[] { found.Body }, _data), hops - 1));
        var handed = Handed(sources).SelectMany(caller => Loads(caller.Argument, caller.Lineage, hops - 1));
        return returned.Concat(handed).ToList();
    }

    // For the parameters among the sources of rows, of a private method the class calls once, the argument of that call
    // with the lineage of the caller. The class is read only when a parameter is among the sources.
    private IEnumerable<(IOperation Argument, LocalLineage Lineage)> Handed(IEnumerable<IOperation> sources) =>
        sources.OfType<IParameterReferenceOperation>()
            .Select(parameter => (_classMethods ??= ClassMethods.Of(_blocks, _cancellationToken)).ArgumentOf(parameter.Parameter))
            .OfType<IOperation>()
            .Select(argument => (argument, new LocalLineage(new[] { ClassMethods.Root(argument) }, _data)));

    /// <summary>A call that loads rows into a data view, the type of its rows, and the lineage of the method it is in.</summary>
    internal readonly record struct Load(IInvocationOperation Call, ITypeSymbol RowType, LocalLineage Lineage);
}
