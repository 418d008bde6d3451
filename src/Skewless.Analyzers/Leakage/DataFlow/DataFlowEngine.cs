using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Leakage.DataFlow;

/// <summary>
/// Interprocedural data flow over <see cref="IOperation"/> for one compilation: which marked
/// members (<c>[Label]</c>, <c>[NotAtServing]</c>, <c>[ModelOutput]</c>) the result of a method
/// can depend on, through data and through branches. Each body is walked once into a
/// <see cref="MethodSummary"/>, which is memoised; analyzers run concurrently and share it.
/// </summary>
/// <remarks>
/// <para>Precision: values are followed, not reachability. A label read whose result is discarded,
/// or a helper no feature calls, adds nothing. Locals are flow-insensitive: a local depends on
/// everything ever assigned to it in its body, under the branches that guard the assignments.</para>
/// <para>Code without source in the compilation (other assemblies, compiler-generated members such as a
/// record's <c>ToString</c>, abstract and interface methods) is treated conservatively: its result
/// depends on its receiver and all its arguments, an object passed to it whole is assumed to have
/// every marked member read, and it may store its arguments in a local receiver. A property
/// without a body is a plain read of that property.</para>
/// <para>Not followed: values stored in fields or other objects and read back elsewhere (only static
/// initializers are), virtual dispatch to overrides, and exceptions as control flow.</para>
/// </remarks>
internal sealed class DataFlowEngine
{
    private readonly Compilation _compilation;
    private readonly ImmutableArray<INamedTypeSymbol> _markers;
    private readonly ConcurrentDictionary<ISymbol, MethodSummary> _summaries = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, bool> _marked = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, ImmutableArray<ISymbol>> _markedMembers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableDictionary<ISymbol, ISymbol>> _computedFrom = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();

    /// <param name="compilation">The compilation whose bodies are followed.</param>
    /// <param name="markers">The attributes that mark a member as one no feature may depend on.</param>
    public DataFlowEngine(Compilation compilation, IEnumerable<INamedTypeSymbol?> markers)
    {
        _compilation = compilation;
        _markers = markers.Where(marker => marker is not null).Select(marker => marker!).ToImmutableArray();
    }

    /// <summary>The summary of a source method, or of a static field or property's initializer.</summary>
    public MethodSummary SummaryOf(ISymbol symbol, CancellationToken cancellationToken) =>
        new SummaryRequest(this, cancellationToken).Get(symbol.OriginalDefinition);

    /// <summary>
    /// Whether <paramref name="member"/>, or a property it overrides, carries one of the markers, or is the one member a
    /// marked property of its type is computed from (see <see cref="MarkingMember"/>).
    /// </summary>
    public bool IsMarked(ISymbol member) => member is IPropertySymbol or IFieldSymbol && _marked.GetOrAdd(member.OriginalDefinition, symbol =>
        CarriesMarker(symbol) || ComputedFrom(symbol.ContainingType).ContainsKey(symbol));

    /// <summary>
    /// The member whose marker <paramref name="member"/> stands for: itself, or the marked property computed from it
    /// alone, as <c>[Label] float WeightPounds =&gt; WeightGrams / 453.592f</c> makes <c>WeightGrams</c> the label in grams.
    /// </summary>
    public ISymbol MarkingMember(ISymbol member) =>
        !CarriesMarker(member.OriginalDefinition) && ComputedFrom(member.OriginalDefinition.ContainingType).TryGetValue(member.OriginalDefinition, out var marked) ? marked : member;

    private bool CarriesMarker(ISymbol member)
    {
        for (var current = member; current is not null; current = (current as IPropertySymbol)?.OverriddenProperty)
        {
            if (current.GetAttributes().Any(attribute => _markers.Contains(attribute.AttributeClass!, SymbolEqualityComparer.Default)))
            {
                return true;
            }
        }

        return false;
    }

    // For each marked property of a type whose getter reads exactly one other member of its own instance, that member.
    // A property computed from two or more members (a ratio of the delay to the scheduled duration) marks none of
    // them: each may be an ordinary input.
    // Only a type in source has getters to read: a metadata type, such as string for every .Length, is not searched.
    private ImmutableDictionary<ISymbol, ISymbol> ComputedFrom(INamedTypeSymbol? type) => type is null || !type.Locations.Any(location => location.IsInSource)
        ? ImmutableDictionary<ISymbol, ISymbol>.Empty
        : _computedFrom.GetOrAdd(type.OriginalDefinition, key =>
        {
            var sources = ImmutableDictionary.CreateBuilder<ISymbol, ISymbol>(SymbolEqualityComparer.Default);
            foreach (var property in key.GetMembers().OfType<IPropertySymbol>().Where(CarriesMarker))
            {
                if (property.GetMethod is not { } getter || BodySyntax(getter, CancellationToken.None) is not { } body
                    || Model(body.SyntaxTree).GetOperation(body) is not { } operation)
                {
                    continue;
                }

                var read = operation.DescendantsAndSelf().OfType<IMemberReferenceOperation>()
                    .Where(reference => reference.Member is IPropertySymbol or IFieldSymbol && reference.Instance is IInstanceReferenceOperation
                        && !SymbolEqualityComparer.Default.Equals(reference.Member.OriginalDefinition, property))
                    .Select(reference => reference.Member.OriginalDefinition)
                    .Distinct(SymbolEqualityComparer.Default)
                    .ToList();
                if (read.Count == 1 && !CarriesMarker(read[0]))
                {
                    sources[read[0]!] = property;
                }
            }

            return sources.ToImmutable();
        });

    /// <summary>The marked members of <paramref name="type"/> and its base types, which code without source could read from a whole object.</summary>
    public ImmutableArray<ISymbol> MarkedMembersOf(ITypeSymbol? type)
    {
        if (type is null || type.SpecialType != SpecialType.None || type.TypeKind is TypeKind.Error or TypeKind.TypeParameter or TypeKind.Delegate)
        {
            return ImmutableArray<ISymbol>.Empty;
        }

        return _markedMembers.GetOrAdd(type, key =>
        {
            var members = ImmutableArray.CreateBuilder<ISymbol>();
            for (var current = key; current is not null; current = current.BaseType)
            {
                members.AddRange(current.GetMembers().Where(IsMarked));
            }

            return members.ToImmutable();
        });
    }

    /// <summary>Whether <paramref name="method"/> has a body in this compilation to summarise.</summary>
    public static bool HasBody(IMethodSymbol method, CancellationToken cancellationToken) => BodySyntax(method, cancellationToken) is not null;

    /// <summary>Whether <paramref name="member"/> is a static field or property whose initializer the engine follows.</summary>
    public static bool HasInitializer(ISymbol member, CancellationToken cancellationToken) => InitializerSyntax(member, cancellationToken) is not null;

    internal bool TryGetSummary(ISymbol symbol, out MethodSummary summary) => _summaries.TryGetValue(symbol, out summary!);

    internal MethodSummary Remember(ISymbol symbol, MethodSummary summary) => _summaries.GetOrAdd(symbol, summary);

    /// <summary>Walks the body or initializer of <paramref name="symbol"/>; callees are summarised through <paramref name="request"/>.</summary>
    internal MethodSummary Analyze(ISymbol symbol, SummaryRequest request, CancellationToken cancellationToken)
    {
        var syntax = FollowedSyntax(symbol, cancellationToken);
        var body = syntax is null ? null : Model(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) switch
        {
            IMethodBodyBaseOperation methodBody => (IOperation?)methodBody.BlockBody ?? methodBody.ExpressionBody,
            IBlockOperation block => block,
            ISymbolInitializerOperation initializer => initializer,
            _ => null,
        };

        return body is null ? MethodSummary.Empty : new BodyWalker(this, request, symbol, cancellationToken).Summarise(body);
    }

    /// <summary>What the engine walks of a member: a method's or accessor's body, or a static field or property's initializer.</summary>
    internal static SyntaxNode? FollowedSyntax(ISymbol member, CancellationToken cancellationToken) =>
        member is IMethodSymbol method ? BodySyntax(method, cancellationToken) : InitializerSyntax(member, cancellationToken);

    private static SyntaxNode? BodySyntax(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = method.PartialImplementationPart ?? method;
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (GeneratedCode.Contains(reference.SyntaxTree))
            {
                continue;
            }

            switch (reference.GetSyntax(cancellationToken))
            {
                case BaseMethodDeclarationSyntax declaration when declaration.Body is not null || declaration.ExpressionBody is not null:
                    return declaration;
                case AccessorDeclarationSyntax accessor when accessor.Body is not null || accessor.ExpressionBody is not null:
                    return accessor;
                case ArrowExpressionClauseSyntax arrow:
                    return arrow;
            }
        }

        return null;
    }

    private static EqualsValueClauseSyntax? InitializerSyntax(ISymbol member, CancellationToken cancellationToken)
    {
        if (!member.IsStatic || member is IFieldSymbol { IsConst: true })
        {
            return null;
        }

        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            switch (reference.GetSyntax(cancellationToken))
            {
                case VariableDeclaratorSyntax { Initializer: { } initializer } when !GeneratedCode.Contains(reference.SyntaxTree):
                    return initializer;
                case PropertyDeclarationSyntax { Initializer: { } initializer } when !GeneratedCode.Contains(reference.SyntaxTree):
                    return initializer;
            }
        }

        return null;
    }

    private SemanticModel Model(SyntaxTree tree) => _models.GetOrAdd(tree, key => _compilation.GetSemanticModel(key));
}
