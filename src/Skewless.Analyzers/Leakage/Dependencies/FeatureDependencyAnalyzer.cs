using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Leakage.DataFlow;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Leakage.Dependencies;

/// <summary>
/// Reports a feature whose value can depend on the label (SKW200), on a member unknown at serving
/// time (SKW201), or on a model's output (SKW202), with the path the dependency takes.
/// </summary>
/// <remarks>
/// The diagnostic is on the feature method's name: that is what must change, and it is in the
/// feature's own file even when the member is read in a helper elsewhere. Where the member is read
/// is the diagnostic's additional location.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FeatureDependencyAnalyzer : SkewlessAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.LabelDependency,
        Descriptors.NotAtServingDependency,
        Descriptors.ModelOutputDependency);

    private protected override void Start(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        // One engine per compilation: every feature shares the summaries of the helpers they call.
        var engine = new DataFlowEngine(context.Compilation, new[] { symbols.LabelAttribute, symbols.NotAtServingAttribute, symbols.ModelOutputAttribute });
        var screen = new SharedScreen(context.Compilation, engine);
        context.RegisterSymbolAction(symbol => AnalyzeFeature(symbol, symbols, engine, screen), SymbolKind.Method);
    }

    private static void AnalyzeFeature(SymbolAnalysisContext context, KnownSymbols symbols, DataFlowEngine engine, SharedScreen screen)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (KnownSymbols.Find(method, symbols.FeatureAttribute) is null || KnownSymbols.Find(method.ContainingType, symbols.FeatureSetAttribute) is null
            || method.Locations.FirstOrDefault() is not { IsInSource: true } location)
        {
            return;
        }

        if (!screen.Get(context.CancellationToken).MayDependOnMarkedMember(method))
        {
            return;
        }

        // A member a marked property is computed from stands for that property; reading both reports the property once.
        var dependencies = engine.SummaryOf(method, context.CancellationToken).Return.Items
            .Where(item => item.Key.Kind == OriginKind.MarkedMember && item.Key.Symbol is not null)
            .Select(item => (Read: item.Key.Symbol!, Member: engine.MarkingMember(item.Key.Symbol!), Path: item.Value))
            .OrderBy(dependency => dependency.Member.ToDisplayString(), StringComparer.Ordinal)
            .ThenBy(dependency => SymbolEqualityComparer.Default.Equals(dependency.Read, dependency.Member) ? 0 : 1)
            .GroupBy(dependency => dependency.Member, SymbolEqualityComparer.Default)
            .Select(group => group.First());
        foreach (var (readMember, member, original) in dependencies)
        {
            var path = SymbolEqualityComparer.Default.Equals(readMember, member)
                ? original.ToString()
                : $"{original} through '{readMember.ContainingType.Name}.{readMember.Name}', from which alone it is computed";
            var read = original.Read is { IsInSource: true } readLocation ? new[] { readLocation } : null;
            foreach (var diagnostic in DependencyDiagnostics(symbols, member, method.Name, path, location, read))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }
    }

    /// <summary>What a feature depending on <paramref name="member"/> along <paramref name="path"/> is reported with, for each marker the member has.</summary>
    internal static IEnumerable<Diagnostic> DependencyDiagnostics(KnownSymbols symbols, ISymbol member, string feature, string path, Location location, IEnumerable<Location>? read)
    {
        var name = $"{member.ContainingType.Name}.{member.Name}";
        if (KnownSymbols.Find(member, symbols.LabelAttribute) is not null)
        {
            yield return Diagnostic.Create(Descriptors.LabelDependency, location, read, feature, name, path);
        }

        if (KnownSymbols.Find(member, symbols.NotAtServingAttribute) is { } notAtServing)
        {
            var reason = notAtServing.ConstructorArguments.FirstOrDefault().Value as string;
            yield return Diagnostic.Create(Descriptors.NotAtServingDependency, location, read, feature, name, string.IsNullOrWhiteSpace(reason) ? "no reason given" : reason, path);
        }

        if (KnownSymbols.Find(member, symbols.ModelOutputAttribute) is not null)
        {
            yield return Diagnostic.Create(Descriptors.ModelOutputDependency, location, read, feature, name, path);
        }
    }

    /// <summary>One screen per compilation, built by the first feature that needs it; a cancelled build leaves none behind.</summary>
    private sealed class SharedScreen
    {
        private readonly Compilation _compilation;
        private readonly DataFlowEngine _engine;
        private readonly object _lock = new();
        private FeatureScreen? _screen;

        public SharedScreen(Compilation compilation, DataFlowEngine engine)
        {
            _compilation = compilation;
            _engine = engine;
        }

        public FeatureScreen Get(CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                return _screen ??= FeatureScreen.Create(_compilation, _engine, cancellationToken);
            }
        }
    }
}
