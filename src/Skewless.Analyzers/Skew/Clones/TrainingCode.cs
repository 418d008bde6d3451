using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Skew.Clones;

/// <summary>
/// Code that computes a feature's logic without being a copy in serving: what the features call
/// (a helper of another class, which is the feature's own code), and unit tests (an oracle such as
/// <c>var expected = MathF.Log(1 + row.Price * 100f)</c>). Asked only about a member with a match,
/// so the call graph of the features is walked once per compilation, and only if something matched.
/// </summary>
internal sealed class TrainingCode
{
    // By name, so no test framework has to be referenced; an attribute derived from one (Theory from Fact) counts too.
    private static readonly HashSet<string> TestAttributeNames = new(StringComparer.Ordinal)
    {
        "FactAttribute", "TheoryAttribute",                                 // xUnit
        "TestAttribute", "TestCaseAttribute", "TestCaseSourceAttribute",    // NUnit
        "TestMethodAttribute", "DataTestMethodAttribute",                   // MSTest
    };

    private readonly Lazy<HashSet<ISymbol>> _featureCode;

    public TrainingCode(Compilation compilation, IReadOnlyList<INamedTypeSymbol> featureSets, INamedTypeSymbol featureAttribute) =>
        _featureCode = new Lazy<HashSet<ISymbol>>(() => Reachable(compilation, featureSets, featureAttribute), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Whether <paramref name="expression"/> is in a test method or in a member some feature reaches.</summary>
    public bool Contains(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (expression.FirstAncestorOrSelf<MemberDeclarationSyntax>(node => node is BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or BaseFieldDeclarationSyntax) is not { } member)
        {
            return false;
        }

        var symbol = member is BaseFieldDeclarationSyntax
            ? expression.FirstAncestorOrSelf<VariableDeclaratorSyntax>() is { } variable ? model.GetDeclaredSymbol(variable, cancellationToken) : null
            : model.GetDeclaredSymbol(member, cancellationToken);
        return symbol is not null && (IsTest(symbol) || IsFeatureCode(symbol));
    }

    private bool IsFeatureCode(ISymbol symbol) =>
        _featureCode.Value.Contains(symbol.OriginalDefinition)
        || (symbol is IMethodSymbol { PartialImplementationPart: { } implementation } && _featureCode.Value.Contains(implementation.OriginalDefinition));

    private static bool IsTest(ISymbol symbol) =>
        symbol is IMethodSymbol method && method.GetAttributes().Any(attribute =>
        {
            for (var type = attribute.AttributeClass; type is not null; type = type.BaseType)
            {
                if (TestAttributeNames.Contains(type.Name))
                {
                    return true;
                }
            }

            return false;
        });

    // The same walk the generator fingerprints definitions with. Its input type only selects the member
    // reads it collects, which are not needed here: object collects none.
    private static HashSet<ISymbol> Reachable(Compilation compilation, IReadOnlyList<INamedTypeSymbol> featureSets, INamedTypeSymbol featureAttribute)
    {
        var walker = new DefinitionWalker(compilation, new SemanticModels(compilation), compilation.ObjectType, CancellationToken.None);
        var reachable = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var feature in featureSets.SelectMany(type => type.GetMembers()).Where(member => KnownSymbols.Find(member, featureAttribute) is not null))
        {
            if (!reachable.Contains(feature))
            {
                reachable.UnionWith(walker.Reachable(feature));
            }
        }

        return reachable;
    }
}
