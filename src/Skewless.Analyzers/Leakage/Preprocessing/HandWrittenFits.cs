using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Skewless.Analyzers.Leakage.Lineage;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Leakage.Preprocessing;

/// <summary>
/// Fits written by hand: statistics taken with LINQ (<c>flights.Average(f => f.DistanceMiles)</c>, <c>distances.Max()</c>)
/// and a <c>Fit</c> of the project's own (a scaler ported from Python), which learn from rows as much as a normaliser's:
/// a z-score, a range or a share computed over every row carries the test rows into the values it is applied to. Only
/// over rows of a <c>[DataSource]</c> and of members other than its <c>[Label]</c>, whose statistics over the test rows
/// are how metrics are computed (R² divides by the label's variance there).
/// </summary>
internal static class HandWrittenFits
{
    /// <summary>LINQ's statistics that fit, with what the message calls them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Average"] = "mean",
        ["Sum"] = "sum",
        ["Min"] = "minimum",
        ["Max"] = "maximum",
    };

    // LINQ calls whose result keeps some of their source's rows, or reorders them, unchanged.
    private static readonly string[] ChoosingLinq =
    {
        "Where", "TakeWhile", "SkipWhile", "Take", "Skip", "TakeLast", "SkipLast", "OrderBy", "OrderByDescending", "ThenBy",
        "ThenByDescending", "First", "FirstOrDefault", "Last", "LastOrDefault", "Single", "SingleOrDefault",
    };

    // Calls that only change the form of rows, which the statistic is taken through.
    private static readonly string[] SameValues = { "ToArray", "ToList", "AsEnumerable" };

    /// <summary>
    /// When <paramref name="invocation"/> takes one of the statistics over rows of a data source, the rows (looked
    /// through <c>Select</c>, <c>ToList</c> and locals assigned once) and the statistic's name; otherwise <see langword="null"/>.
    /// </summary>
    public static (IOperation Rows, string Name)? Statistic(IInvocationOperation invocation, KnownSymbols symbols, DataSymbols data, LocalLineage lineage)
    {
        var method = invocation.TargetMethod;
        return Names.TryGetValue(method.Name, out var name) && DataSymbols.Is(method.ContainingType, data.Enumerable) && invocation.Arguments.Length > 0
            && RowsOf(invocation.Arguments[0].Value, invocation.Arguments.Skip(1).Select(argument => argument.Value), symbols, data, lineage) is { } rows
            ? (rows, name)
            : null;
    }

    /// <summary>
    /// When <paramref name="invocation"/> is a method named <c>Fit</c> that no library's rule covers, given rows of a data
    /// source (looked through as for statistics), the first such argument; otherwise <see langword="null"/>.
    /// </summary>
    public static IOperation? Fit(IInvocationOperation invocation, KnownSymbols symbols, DataSymbols data, LocalLineage lineage) =>
        invocation.TargetMethod.Name == "Fit"
            ? invocation.Arguments.Select(argument => RowsOf(argument.Value, Enumerable.Empty<IOperation>(), symbols, data, lineage)).FirstOrDefault(rows => rows is not null)
            : null;

    // The rows a statistic or fit learns from, when they are a data source's and what is selected from them is not its label.
    private static IOperation? RowsOf(IOperation rows, IEnumerable<IOperation> selecting, KnownSymbols symbols, DataSymbols data, LocalLineage lineage)
    {
        var selectors = selecting.ToList();
        var seen = new HashSet<IOperation>();
        while (seen.Add(rows = LocalLineage.Unconverted(rows)))
        {
            var next = rows switch
            {
                IInvocationOperation { Arguments.Length: 2 } select when select.TargetMethod.Name == "Select" && DataSymbols.Is(select.TargetMethod.ContainingType, data.Enumerable) =>
                    Selecting(select, selectors),
                IInvocationOperation call when SameValues.Contains(call.TargetMethod.Name) => call.Instance ?? call.Arguments.FirstOrDefault()?.Value,
                ILocalReferenceOperation local => lineage.OnlyValueOf(local.Local),
                _ => null,
            };
            if (next is null)
            {
                break;
            }

            rows = next;
        }

        return data.ElementOf(rows.Type) is { } row && symbols.DataSourceOf(row) is not null && !selectors.Any(selector => ReadsLabel(selector, symbols)) ? rows : null;

        static IOperation Selecting(IInvocationOperation select, List<IOperation> selectors)
        {
            selectors.Add(select.Arguments[1].Value);
            return select.Arguments[0].Value;
        }
    }

    /// <summary>
    /// Whether a call keeps or orders some of its source's rows unchanged, as a filter, a sort or a split does: a
    /// statistic that decides which rows it keeps (a cutoff from every row's time) computes none of their values.
    /// </summary>
    public static bool ChoosesRows(IInvocationOperation invocation, DataSymbols data)
    {
        var method = invocation.TargetMethod;
        return (ChoosingLinq.Contains(method.Name) && method.ContainingNamespace?.ToDisplayString() == "System.Linq")
            || data.IsSplit(invocation.Type)
            || (DataSymbols.Is(method.ContainingType, data.DataCatalog) && (method.Name.StartsWith("Filter", StringComparison.Ordinal) || method.Name is "TakeRows" or "SkipRows"));
    }

    private static bool ReadsLabel(IOperation selector, KnownSymbols symbols) =>
        selector.DescendantsAndSelf().OfType<IMemberReferenceOperation>().Any(member => KnownSymbols.Find(member.Member, symbols.LabelAttribute) is not null);
}
