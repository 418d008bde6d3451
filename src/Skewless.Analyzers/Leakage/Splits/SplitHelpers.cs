using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Skewless.Analyzers.Leakage.Lineage;

namespace Skewless.Analyzers.Leakage.Splits;

/// <summary>
/// The project's generic methods that split rows of one of their type parameters at random, such as a
/// <c>TrainTestSplit&lt;T&gt;(IEnumerable&lt;T&gt; rows, double testFraction)</c> utility that shuffles and cuts. Inside
/// it the rows have no group key or event time; a call with rows that have one is the random split, reported at the call.
/// </summary>
/// <remarks>Only one level is followed: a helper's own calls to other helpers are not looked into.</remarks>
internal sealed class SplitHelpers
{
    private readonly Compilation _compilation;
    private readonly Func<IOperation, IMethodSymbol, ImmutableArray<HelperSplit>> _find;
    private readonly Lazy<HashSet<string>> _names;
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<HelperSplit>> _splits = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();

    /// <param name="compilation">The compilation whose methods are looked at.</param>
    /// <param name="draws">What a helper's body must name to be looked at: its random draws and splits.</param>
    /// <param name="find">The random splits of a helper's body, given its operation and the helper.</param>
    public SplitHelpers(Compilation compilation, NameScreen draws, Func<IOperation, IMethodSymbol, ImmutableArray<HelperSplit>> find)
    {
        _compilation = compilation;
        _find = find;
        _names = new Lazy<HashSet<string>>(() => GenericMethodsMentioning(compilation, draws));
    }

    /// <summary>The names of the generic methods whose bodies pass the screen for draws: a body that calls none of them cannot call a helper that splits.</summary>
    public HashSet<string> Names => _names.Value;

    /// <summary>The random splits <paramref name="method"/> makes of rows of its type parameters, or none when it is not a generic method of the project.</summary>
    public ImmutableArray<HelperSplit> Of(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var definition = method.OriginalDefinition;
        if (!definition.IsGenericMethod || definition.DeclaringSyntaxReferences.Length == 0 || !Names.Contains(definition.Name))
        {
            return ImmutableArray<HelperSplit>.Empty;
        }

        return _splits.GetOrAdd(definition, helper => Find(helper, cancellationToken));
    }

    private ImmutableArray<HelperSplit> Find(IMethodSymbol helper, CancellationToken cancellationToken)
    {
        foreach (var reference in helper.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (syntax is MethodDeclarationSyntax { Body: not null } or MethodDeclarationSyntax { ExpressionBody: not null }
                && _models.GetOrAdd(syntax.SyntaxTree, tree => _compilation.GetSemanticModel(tree)).GetOperation(syntax, cancellationToken) is { } body)
            {
                return _find(body, helper);
            }
        }

        return ImmutableArray<HelperSplit>.Empty;
    }

    // Syntax only: the members of types, not their bodies, are walked to find the methods, whose bodies' tokens are then read.
    private static HashSet<string> GenericMethodsMentioning(Compilation compilation, NameScreen draws)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var methods = tree.GetRoot().DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
                .OfType<MethodDeclarationSyntax>();
            foreach (var method in methods)
            {
                SyntaxNode? body = method.Body ?? (SyntaxNode?)method.ExpressionBody;
                if (method.TypeParameterList is not null && body is not null && draws.Passes(body))
                {
                    names.Add(method.Identifier.ValueText);
                }
            }
        }

        return names;
    }
}

/// <summary>A random split a helper makes of rows of its type parameter at <paramref name="TypeParameter"/>: how, in the words of the diagnostic, and for which rule.</summary>
internal readonly record struct HelperSplit(int TypeParameter, string How, bool ByTime);
