using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Skewless.Analyzers.Leakage.Dependencies;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Leakage.Lineage;

/// <summary>
/// The row type of a view ML.NET's text loader reads. <c>CreateTextLoader&lt;T&gt;(…).Load(path)</c> reads T's columns. A
/// loader given its columns by name (<c>CreateTextLoader(new TextLoader.Options { Columns = … }).Load(path)</c>, or
/// <c>LoadFromTextFile(path, columns)</c>) reads rows of the one <c>[DataSource]</c> type of the project that has a column
/// of each of those names: the columns are then that type's members, with their group key and event time.
/// </summary>
internal sealed class TextLoaderRows
{
    private readonly DataSymbols _data;

    // Looked up on the first loader given its columns by name only: most compilations have none.
    private readonly Lazy<List<INamedTypeSymbol>> _dataSources;

    public TextLoaderRows(Compilation compilation, KnownSymbols symbols, DataSymbols data)
    {
        _data = data;
        _dataSources = new Lazy<List<INamedTypeSymbol>>(() => compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type, CancellationToken.None)
            .OfType<INamedTypeSymbol>()
            .Where(type => symbols.DataSourceOf(type) is not null)
            .ToList());
    }

    /// <summary>The rows a call reads through a text loader, its locals followed in <paramref name="lineage"/>; <see langword="null"/> for any other call.</summary>
    public ITypeSymbol? RowType(IInvocationOperation call, LocalLineage lineage)
    {
        var method = call.TargetMethod;
        if (method.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.ML", StringComparison.Ordinal) != true || !DataSymbols.Implements(method.ReturnType, _data.DataView))
        {
            return null;
        }

        if (method is { Name: "LoadFromTextFile", TypeArguments.Length: 0 })
        {
            return ByColumns(call, lineage);
        }

        // loader.Load(path) or its extension Load(loader, path): the loader is the instance or the first argument.
        if (method.Name != "Load" || (call.Instance ?? call.Arguments.FirstOrDefault()?.Value) is not { } loader
            || lineage.Sources(loader).OfType<IInvocationOperation>().FirstOrDefault(source => source.TargetMethod.Name == "CreateTextLoader" && _data.OnDataCatalog(source.TargetMethod)) is not { } create)
        {
            return null;
        }

        return create.TargetMethod.TypeArguments.Length == 1 ? create.TargetMethod.TypeArguments[0] : ByColumns(create, lineage);
    }

    // The one data source with a column of every name the call's TextLoader.Columns give, in its arguments or the locals
    // they read (an options object or an array of columns built first). A name that is not a constant is not guessed at.
    // A name may be the member's own where the row type renames its column (round 17's readings load will_fail_within_2h,
    // which the row type calls Label, and copy it across after loading).
    private ITypeSymbol? ByColumns(IInvocationOperation call, LocalLineage lineage)
    {
        var parts = call.Arguments.SelectMany(argument => lineage.Sources(argument.Value)).SelectMany(source => source.DescendantsAndSelf()).ToList();
        var names = parts.Concat(parts.OfType<ILocalReferenceOperation>().SelectMany(local => lineage.Sources(local)).SelectMany(source => source.DescendantsAndSelf()))
            .OfType<IObjectCreationOperation>()
            .Where(creation => creation.Type is { Name: "Column", ContainingType.Name: "TextLoader" })
            .Distinct()
            .Select(ColumnName)
            .ToList();
        if (names.Count == 0 || names.Contains(null))
        {
            return null;
        }

        var rows = _dataSources.Value.Where(type => names.All(name => PipelineColumns.ColumnMember(type, name!, _data.ColumnName) is not null
            || PipelineColumns.ColumnMember(type, name!, columnName: null) is not null)).Take(2).ToList();
        return rows.Count == 1 ? rows[0] : null;
    }

    // new TextLoader.Column("At", DataKind.DateTime, 1), or new TextLoader.Column { Name = "At", … }.
    private static string? ColumnName(IObjectCreationOperation column) =>
        column.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == "name")?.Value.ConstantValue.Value as string
        ?? column.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>()
            .FirstOrDefault(assignment => assignment.Target is IMemberReferenceOperation { Member.Name: "Name" })?.Value.ConstantValue.Value as string;
}
