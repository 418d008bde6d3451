using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Leakage.Lineage;

/// <summary>
/// The data source members that a member of a type of the project's own is copied from: a factory or constructor that
/// turns the loaded rows into the type the pipeline is given (<c>new StockData { High = input.High, Spread = input.High -
/// input.Low }</c>, or <c>High = row.High</c> in a constructor), so that <c>nameof(StockData.High)</c> in a pipeline reads
/// the <c>[NotAtServing]</c> <c>StockDataInput.High</c>. One level: a copy of a copy is not followed.
/// </summary>
/// <remarks>
/// The project's assignments are indexed by the member name they assign, syntax only, when the first member of a type
/// without <c>[DataSource]</c> is looked up; only assignments to that name are then bound.
/// </remarks>
internal sealed class CopiedMembers
{
    private readonly Compilation _compilation;
    private readonly KnownSymbols _symbols;
    private readonly object _lock = new();
    private Dictionary<string, List<AssignmentExpressionSyntax>>? _assignments;
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<Copy>> _copies = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();

    public CopiedMembers(Compilation compilation, KnownSymbols symbols)
    {
        _compilation = compilation;
        _symbols = symbols;
    }

    /// <summary>A data source member read by an assignment to the copy, and the method that assigns it.</summary>
    public readonly record struct Copy(ISymbol Source, string Where);

    /// <summary>The data source members whose values the project assigns to <paramref name="member"/>, a property or field of a type without <c>[DataSource]</c>.</summary>
    public ImmutableArray<Copy> Of(ISymbol member, CancellationToken cancellationToken)
    {
        if (member is not (IPropertySymbol or IFieldSymbol) || _symbols.DataSourceOf(member.ContainingType) is not null)
        {
            return ImmutableArray<Copy>.Empty;
        }

        var definition = member.OriginalDefinition;
        if (_copies.TryGetValue(definition, out var found))
        {
            return found;
        }

        found = Find(definition, Assignments(cancellationToken), cancellationToken);
        return _copies.GetOrAdd(definition, found);
    }

    private ImmutableArray<Copy> Find(ISymbol member, Dictionary<string, List<AssignmentExpressionSyntax>> assignments, CancellationToken cancellationToken)
    {
        if (!assignments.TryGetValue(member.Name, out var candidates))
        {
            return ImmutableArray<Copy>.Empty;
        }

        var copies = new Dictionary<ISymbol, Copy>(SymbolEqualityComparer.Default);
        foreach (var syntax in candidates)
        {
            var model = _models.GetOrAdd(syntax.SyntaxTree, tree => _compilation.GetSemanticModel(tree));
            if (model.GetOperation(syntax, cancellationToken) is not ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment
                || !SymbolEqualityComparer.Default.Equals(target.Member.OriginalDefinition, member))
            {
                continue;
            }

            var where = Where(model.GetEnclosingSymbol(syntax.SpanStart, cancellationToken));
            foreach (var read in assignment.Value.DescendantsAndSelf().OfType<IMemberReferenceOperation>())
            {
                // The first assignment found names where a member is copied; one report a source is enough.
                if (read.Member is IPropertySymbol or IFieldSymbol && _symbols.DataSourceOf(read.Member.ContainingType) is not null && !copies.ContainsKey(read.Member))
                {
                    copies.Add(read.Member, new Copy(read.Member, where));
                }
            }
        }

        return copies.Values.ToImmutableArray();
    }

    // The method the assignment is in, past the lambdas it may be written in (rows.Select(r => new StockData { … })).
    private static string Where(ISymbol? symbol)
    {
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol switch
        {
            IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => $"the constructor of {constructor.ContainingType.Name}",
            IMethodSymbol method => $"{method.ContainingType.Name}.{method.Name}",
            _ => symbol?.Name ?? "the project",
        };
    }

    // One pass over the project's syntax, made by the first lookup; a cancelled pass leaves nothing behind.
    private Dictionary<string, List<AssignmentExpressionSyntax>> Assignments(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_assignments is null)
            {
                var assignments = new Dictionary<string, List<AssignmentExpressionSyntax>>(StringComparer.Ordinal);
                foreach (var tree in _compilation.SyntaxTrees.Where(tree => !GeneratedCode.Contains(tree)))
                {
                    foreach (var assignment in tree.GetRoot(cancellationToken).DescendantNodes().OfType<AssignmentExpressionSyntax>())
                    {
                        // A copy reads a member of another object: input.High, not a constant or a local.
                        if (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && AssignedName(assignment.Left) is { } name
                            && assignment.Right.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>().Any())
                        {
                            if (!assignments.TryGetValue(name, out var named))
                            {
                                assignments.Add(name, named = new List<AssignmentExpressionSyntax>());
                            }

                            named.Add(assignment);
                        }
                    }
                }

                _assignments = assignments;
            }

            return _assignments;
        }
    }

    private static string? AssignedName(ExpressionSyntax left) => left switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        _ => null,
    };
}
