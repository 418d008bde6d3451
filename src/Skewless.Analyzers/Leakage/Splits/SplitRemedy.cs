using Microsoft.CodeAnalysis;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Leakage.Splits;

/// <summary>
/// What a SKW203 or SKW204 message tells the user to do instead: the generated split that honours the
/// rows' axes, named on the feature set that generates it when there is one. It is the method the code
/// fix picks: <c>SplitByTimeAndGroup</c> for rows with both a group key and an event time, otherwise
/// <c>SplitByGroup</c> or <c>SplitByTime</c>.
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
        _featureSets = new Lazy<ILookup<ISymbol, INamedTypeSymbol>>(() => compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type)
            .OfType<INamedTypeSymbol>()
            .Select(type => (Type: type, Rows: KnownSymbols.Find(type, symbols.FeatureSetAttribute) is { ConstructorArguments: { Length: 1 } arguments } ? arguments[0].Value as ITypeSymbol : null))
            .Where(pair => pair.Rows is not null)
            .OrderBy(pair => pair.Type.ToDisplayString(), StringComparer.Ordinal)
            .ToLookup(pair => (ISymbol)pair.Rows!, pair => pair.Type, SymbolEqualityComparer.Default));
    }

    /// <summary>The remedy for rows of <paramref name="rowType"/> reported under the rule that protects <paramref name="byTime"/>'s axis.</summary>
    /// <param name="rowType">The rows split.</param>
    /// <param name="byTime">Whether the rule is SKW204's, for time, rather than SKW203's.</param>
    /// <param name="splitOwner">The type whose split was called, tried before every type of the compilation: a feature set's own one-axis split names it.</param>
    public string For(ITypeSymbol rowType, bool byTime, INamedTypeSymbol? splitOwner)
    {
        var single = byTime ? "SplitByTime" : "SplitByGroup";
        var both = KnownSymbols.FindMember(rowType, _symbols.GroupKeyAttribute) is not null && KnownSymbols.FindMember(rowType, _symbols.EventTimeAttribute) is not null;
        if (splitOwner is not null && KnownSymbols.Find(splitOwner, _symbols.FeatureSetAttribute) is not null
            && Generates(splitOwner, byTime) && (!both || Generates(splitOwner, !byTime)))
        {
            return $"split with {splitOwner.Name}.{(both ? "SplitByTimeAndGroup" : single)} instead";
        }

        var featureSets = _featureSets.Value[rowType].ToList();
        if (both && featureSets.FirstOrDefault(type => Generates(type, byTime: true) && Generates(type, byTime: false)) is { } full)
        {
            return $"split with {full.Name}.SplitByTimeAndGroup instead";
        }

        return featureSets.FirstOrDefault(type => Generates(type, byTime)) is { } featureSet
            ? $"split with {featureSet.Name}.{single} instead"
            : $"split with the {(both ? "SplitByTimeAndGroup" : single)} a [FeatureSet] of '{rowType.Name}' generates";
    }

    private bool Generates(INamedTypeSymbol featureSet, bool byTime) => FeatureSetParser.GeneratesSplit(featureSet, byTime, _symbols, _compilation, CancellationToken.None);
}
