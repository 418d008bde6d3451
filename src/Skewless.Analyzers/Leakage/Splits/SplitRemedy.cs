using Microsoft.CodeAnalysis;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Leakage.Splits;

/// <summary>
/// What a SKW203 or SKW204 message tells the user to do instead: the generated split that honours the
/// rows' axes, named on the feature set that generates it when there is one. It is the method the code
/// fix picks: <c>SplitByTimeAndGroup</c> for rows with both a group key and an event time, otherwise
/// <c>SplitByGroup</c> or <c>SplitByTime</c>; for cross-validation, the <c>FoldsBy…</c> of the same axes.
/// </summary>
internal sealed class SplitRemedy
{
    private readonly Compilation _compilation;
    private readonly KnownSymbols _symbols;

    // Looked up on the first report that needs it only: most compilations never get one, and a feature set's own
    // one-axis split names its feature set.
    private readonly Lazy<ILookup<ISymbol, INamedTypeSymbol>> _featureSets;

    public SplitRemedy(Compilation compilation, KnownSymbols symbols)
    {
        _compilation = compilation;
        _symbols = symbols;
        _featureSets = new Lazy<ILookup<ISymbol, INamedTypeSymbol>>(() => FeatureSetTypes.Of(compilation, symbols, CancellationToken.None)
            .ToLookup(pair => (ISymbol)pair.Rows, pair => pair.FeatureSet, SymbolEqualityComparer.Default));
    }

    /// <summary>The remedy for rows of <paramref name="rowType"/> reported under the rule that protects <paramref name="byTime"/>'s axis.</summary>
    /// <param name="rowType">The rows split.</param>
    /// <param name="byTime">Whether the rule is SKW204's, for time, rather than SKW203's.</param>
    /// <param name="splitOwner">The type whose split was called, tried before every type of the compilation: a feature set's own one-axis split names it.</param>
    /// <param name="folds">Whether the rows were cut into folds for cross-validation, whose remedy is the generated folds, not a split.</param>
    public string For(ITypeSymbol rowType, bool byTime, INamedTypeSymbol? splitOwner, bool folds = false)
    {
        var (verb, prefix) = folds ? ("fold", "FoldsBy") : ("split", "SplitBy");
        var single = prefix + (byTime ? "Time" : "Group");
        var bothAxes = prefix + "TimeAndGroup";
        var both = KnownSymbols.FindMember(rowType, _symbols.GroupKeyAttribute) is not null && KnownSymbols.FindMember(rowType, _symbols.EventTimeAttribute) is not null;
        if (splitOwner is not null && KnownSymbols.Find(splitOwner, _symbols.FeatureSetAttribute) is not null
            && Generates(splitOwner, byTime) && (!both || Generates(splitOwner, !byTime)))
        {
            return $"{verb} with {splitOwner.Name}.{(both ? bothAxes : single)} instead";
        }

        var featureSets = _featureSets.Value[rowType].ToList();
        if (both && featureSets.FirstOrDefault(type => Generates(type, byTime: true) && Generates(type, byTime: false)) is { } full)
        {
            return $"{verb} with {full.Name}.{bothAxes} instead";
        }

        if (featureSets.FirstOrDefault(type => Generates(type, byTime)) is { } featureSet)
        {
            return $"{verb} with {featureSet.Name}.{single} instead";
        }

        // No feature set generates it (none of these rows, or a member of a type the generated split cannot compare,
        // such as an int year): the runtime's split takes any comparable time and any key.
        var time = KnownSymbols.FindMember(rowType, _symbols.EventTimeAttribute)?.Name;
        var key = KnownSymbols.FindMember(rowType, _symbols.GroupKeyAttribute)?.Name;
        var (runtime, cutoff, share) = folds ? ("FoldsBy", "", "folds") : ("By", "cutoff, ", "testFraction");
        return both ? $"{verb} with DeterministicSplit.{runtime}TimeAndGroup(rows, row => row.{time}, {cutoff}row => row.{key}, {share}) instead"
            : byTime && time is not null ? $"{verb} with DeterministicSplit.{runtime}Time(rows, row => row.{time}, {(folds ? share : "cutoff")}) instead"
            : !byTime && key is not null ? $"{verb} with DeterministicSplit.{runtime}Group(rows, row => row.{key}, {share}) instead"
            : $"{verb} with the {single} a [FeatureSet] of '{rowType.Name}' generates";
    }

    private bool Generates(INamedTypeSymbol featureSet, bool byTime) => FeatureSetParser.GeneratesSplit(featureSet, byTime, _symbols, _compilation, CancellationToken.None);
}
