using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Skew;

/// <summary>A use of an API that a feature must not reach, as a rule describes it.</summary>
/// <param name="Description">The message arguments between the feature's name and the path.</param>
/// <param name="Properties">Diagnostic properties for a code fix.</param>
/// <param name="At">Where to report it, when not at the operation found: a change to a static object is reported at the change, not at the static field.</param>
internal sealed record FeatureUse(ImmutableArray<object> Description, ImmutableDictionary<string, string?> Properties, SyntaxNode? At = null);

/// <summary>
/// Reports uses of APIs in the code that features reach: their own bodies, and the source helpers,
/// properties and other features they call (followed by <see cref="DefinitionWalker"/>). Which code
/// features reach is worked out once per compilation; each use is then reported where it is, from the
/// analysis of its own method, naming the first feature that reaches it and the shortest path.
/// </summary>
internal sealed class FeatureUses
{
    private readonly Dictionary<ISymbol, (string Feature, string Via)> _reached;

    private FeatureUses(Dictionary<ISymbol, (string Feature, string Via)> reached) => _reached = reached;

    // Several rules (SKW302, SKW303) search the same reached code, so a compilation's walk is shared between them.
    private static readonly ConditionalWeakTable<Compilation, Once<FeatureUses?>> Walks = new();

    /// <summary>The source members that features reach, themselves included.</summary>
    public IEnumerable<ISymbol> Reached => _reached.Keys;

    /// <summary>Whether some feature reaches <paramref name="symbol"/>.</summary>
    public bool Reaches(ISymbol symbol) => _reached.ContainsKey(symbol.OriginalDefinition);

    /// <summary>Registers <paramref name="find"/> on the code features reach, if the compilation has features.</summary>
    public static void Register(CompilationStartAnalysisContext start, DiagnosticDescriptor descriptor, Func<IOperation, FeatureUse?> find, params OperationKind[] kinds) =>
        Register(start, descriptor, _ => find, kinds);

    /// <summary>
    /// Registers the search <paramref name="findFor"/> makes, given what features reach, on the code features reach,
    /// if the compilation has features. <paramref name="findFor"/> is called once per compilation.
    /// </summary>
    public static void Register(CompilationStartAnalysisContext start, DiagnosticDescriptor descriptor, Func<FeatureUses, Func<IOperation, FeatureUse?>> findFor, params OperationKind[] kinds)
    {
        if (KnownSymbols.TryCreate(start.Compilation) is not { } symbols
            || Walks.GetValue(start.Compilation, _ => new Once<FeatureUses?>()).Get(() => Build(start.Compilation, symbols, start.CancellationToken)) is not { } uses)
        {
            return;
        }

        var find = findFor(uses);

        start.RegisterOperationBlockStartAction(block =>
        {
            // An instance field or property initializer builds the row; what a feature reads from it is data.
            var owner = block.OwningSymbol is IMethodSymbol { AssociatedSymbol: IPropertySymbol property } ? property : block.OwningSymbol;
            if (block.OwningSymbol is IFieldSymbol { IsStatic: false } or IPropertySymbol { IsStatic: false }
                || !uses._reached.TryGetValue(owner.OriginalDefinition, out var reached))
            {
                return;
            }

            block.RegisterOperationAction(
                operation =>
                {
                    if (find(operation.Operation) is { } use)
                    {
                        operation.ReportDiagnostic(Diagnostic.Create(
                            descriptor,
                            (use.At ?? operation.Operation.Syntax).GetLocation(),
                            use.Properties,
                            new object[] { reached.Feature }.Concat(use.Description).Append(reached.Via).ToArray()));
                    }
                },
                kinds);
        });
    }

    private static FeatureUses? Build(Compilation compilation, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        var reached = new Dictionary<ISymbol, (string Feature, string Via)>(SymbolEqualityComparer.Default);
        var alsoReaching = new Dictionary<ISymbol, List<string>>(SymbolEqualityComparer.Default);
        var models = new SemanticModels(compilation);
        foreach (var type in SourceFeatureSets.Find(compilation, symbols, models, cancellationToken))
        {
            if (KnownSymbols.Find(type, symbols.FeatureSetAttribute) is not { ConstructorArguments.Length: 1 } attribute
                || attribute.ConstructorArguments[0].Value is not ITypeSymbol inputType)
            {
                continue;
            }

            var walker = new DefinitionWalker(compilation, models, inputType, cancellationToken);
            foreach (var feature in type.GetMembers().OfType<IMethodSymbol>().Where(method => KnownSymbols.Find(method, symbols.FeatureAttribute) is not null))
            {
                foreach (var (symbol, path) in walker.ReachableWithPaths(feature))
                {
                    if (!reached.TryGetValue(symbol, out var first))
                    {
                        reached.Add(symbol, (feature.Name, path.Count == 0 ? "" : " via " + string.Join(" -> ", path.Select(Display))));
                    }
                    else if (first.Feature != feature.Name)
                    {
                        (alsoReaching.TryGetValue(symbol, out var others) ? others : alsoReaching[symbol] = new List<string>()).Add(feature.Name);
                    }
                }
            }
        }

        // A helper several features share is named with all of them, so that fixing the feature named first does not
        // leave the others reaching it (round 13: a year helper behind both the year and the age).
        foreach (var pair in alsoReaching)
        {
            var (feature, via) = reached[pair.Key];
            reached[pair.Key] = (feature, via + AlsoReachedBy(pair.Value.Distinct().ToList()));
        }

        return reached.Count == 0 ? null : new FeatureUses(reached);
    }

    private static string AlsoReachedBy(List<string> features)
    {
        const int Named = 3;
        var names = string.Join(", ", features.Take(Named).Select(name => $"'{name}'"));
        var more = features.Count > Named ? $" and {features.Count - Named} more" : "";
        return features.Count == 1 ? $", as does feature {names}" : $", as do features {names}{more}";
    }

    /// <summary>A member as messages name it: <c>Helpers.Today()</c>, <c>Clock.Now</c>, <c>new Random()</c>.</summary>
    public static string Display(ISymbol member) => member switch
    {
        IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => $"new {TypeName(constructor.ContainingType)}()",
        IMethodSymbol method => $"{TypeName(method.ContainingType)}.{method.Name}()",
        _ => $"{TypeName(member.ContainingType)}.{member.Name}",
    };

    /// <summary>A type's name with its namespace, without <c>global::</c>, type arguments or nullable annotations.</summary>
    public static string FullName(ITypeSymbol type) => type.ToDisplayString(FullNameFormat);

    /// <summary>Whether <paramref name="type"/> or one of its base types has one of the full names in <paramref name="names"/>.</summary>
    public static bool DerivesFromAny(ITypeSymbol type, ICollection<string> names)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (names.Contains(FullName(current)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The value type of a <c>Nullable&lt;T&gt;</c>, else the type itself: a null formats and hashes like nothing else.</summary>
    public static ITypeSymbol Underlying(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    private static readonly SymbolDisplayFormat FullNameFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted)
        .WithGenericsOptions(SymbolDisplayGenericsOptions.None);

    private static string TypeName(ITypeSymbol? type) => type?.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) ?? "";
}
