using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Leakage.Lineage;

/// <summary>
/// What the project's own methods do with the rows they are given, found once per method and reported at its calls: a
/// generic <c>TrainTestSplit&lt;T&gt;(IEnumerable&lt;T&gt; rows, double testFraction)</c> utility that shuffles and cuts, or
/// a <c>Mean(IEnumerable&lt;float&gt; values)</c> or a scaler's constructor that takes a statistic of them.
/// </summary>
/// <remarks>
/// Only one level is followed: a helper's own calls to other helpers are not looked into. Generated code is not looked
/// into: Skewless's own generated <c>Fit</c> and <c>Transform</c> sum rows by design, and the rules know them by name.
/// </remarks>
/// <typeparam name="TFinding">What is found in a helper's body.</typeparam>
internal sealed class ProjectHelpers<TFinding>
{
    private readonly Compilation _compilation;
    private readonly Func<BaseMethodDeclarationSyntax, bool> _candidate;
    private readonly Func<IOperation, IMethodSymbol, ImmutableArray<TFinding>> _find;
    private readonly Lazy<HashSet<string>> _names;
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<TFinding>> _findings = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();

    /// <param name="compilation">The compilation whose methods are looked at.</param>
    /// <param name="candidate">Which methods and constructors can be helpers, by their declarations.</param>
    /// <param name="screen">What a helper's body must name to be looked at.</param>
    /// <param name="find">What a helper's body does, given its operation and the helper.</param>
    public ProjectHelpers(Compilation compilation, Func<BaseMethodDeclarationSyntax, bool> candidate, NameScreen screen, Func<IOperation, IMethodSymbol, ImmutableArray<TFinding>> find)
    {
        _compilation = compilation;
        _candidate = candidate;
        _find = find;
        _names = new Lazy<HashSet<string>>(() => Mentioning(compilation, candidate, screen));
    }

    /// <summary>
    /// The names of the candidates whose bodies pass the screen (a constructor by its type's name, as <c>new</c> names it):
    /// a body that names none of them cannot call a helper.
    /// </summary>
    public HashSet<string> Names => _names.Value;

    /// <summary>What <paramref name="method"/> does, or nothing when it is not a candidate of the project whose body passes the screen.</summary>
    public ImmutableArray<TFinding> Of(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var definition = method.OriginalDefinition;
        if (definition.DeclaringSyntaxReferences.All(reference => GeneratedCode.Contains(reference.SyntaxTree)) || !Names.Contains(definition.MethodKind == MethodKind.Constructor ? definition.ContainingType.Name : definition.Name))
        {
            return ImmutableArray<TFinding>.Empty;
        }

        return _findings.GetOrAdd(definition, helper => Find(helper, cancellationToken));
    }

    private ImmutableArray<TFinding> Find(IMethodSymbol helper, CancellationToken cancellationToken)
    {
        foreach (var reference in helper.DeclaringSyntaxReferences)
        {
            if (!GeneratedCode.Contains(reference.SyntaxTree) && reference.GetSyntax(cancellationToken) is BaseMethodDeclarationSyntax syntax && BodyOf(syntax) is not null && _candidate(syntax)
                && _models.GetOrAdd(syntax.SyntaxTree, tree => _compilation.GetSemanticModel(tree)).GetOperation(syntax, cancellationToken) is { } body)
            {
                return _find(body, helper);
            }
        }

        return ImmutableArray<TFinding>.Empty;
    }

    private static SyntaxNode? BodyOf(BaseMethodDeclarationSyntax method) => method.Body ?? (SyntaxNode?)method.ExpressionBody;

    // Syntax only: the members of types, not their bodies, are walked to find the candidates, whose bodies' tokens are then read.
    private static HashSet<string> Mentioning(Compilation compilation, Func<BaseMethodDeclarationSyntax, bool> candidate, NameScreen screen)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees.Where(tree => !GeneratedCode.Contains(tree)))
        {
            var methods = tree.GetRoot().DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
                .OfType<BaseMethodDeclarationSyntax>();
            foreach (var method in methods)
            {
                if (NameOf(method) is { } name && BodyOf(method) is { } body && candidate(method) && screen.Passes(body))
                {
                    names.Add(name);
                }
            }
        }

        return names;

        static string? NameOf(BaseMethodDeclarationSyntax method) => method switch
        {
            MethodDeclarationSyntax named => named.Identifier.ValueText,
            ConstructorDeclarationSyntax constructor => constructor.Identifier.ValueText,
            _ => null,
        };
    }
}
