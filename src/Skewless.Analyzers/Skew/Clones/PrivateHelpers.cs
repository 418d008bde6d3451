using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Skew.Clones;

/// <summary>
/// Private helpers of feature code whose bodies stand in for their calls. Serving code cannot call
/// a private helper, so a copy of a feature contains the helper's body, not a call to it. A helper
/// qualifies when it is a private static method whose body is one expression, optionally after
/// locals, so both hashes can substitute its arguments for its parameters.
/// </summary>
internal sealed class PrivateHelpers
{
    private readonly SemanticModels _models;
    private readonly INamedTypeSymbol _featureAttribute;
    private readonly HashSet<IMethodSymbol> _inlining = new(SymbolEqualityComparer.Default);

    public PrivateHelpers(SemanticModels models, INamedTypeSymbol featureAttribute)
    {
        _models = models;
        _featureAttribute = featureAttribute;
    }

    public SemanticModels Models => _models;

    /// <summary>The declaration of the helper <paramref name="invocation"/> calls, or <see langword="null"/> when the call stays a call.</summary>
    public MethodDeclarationSyntax? Find(InvocationExpressionSyntax invocation, IMethodSymbol? target)
    {
        if (target is not { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Private, IsStatic: true, IsGenericMethod: false, ReturnsVoid: false, ReturnsByRef: false }
            || target.Parameters.Any(parameter => parameter.RefKind != RefKind.None || parameter.IsParams)
            || invocation.ArgumentList.Arguments.Count != target.Parameters.Length
            || invocation.ArgumentList.Arguments.Any(argument => argument.NameColon is not null || !argument.RefKindKeyword.IsKind(SyntaxKind.None))
            || _inlining.Contains(target)
            || KnownSymbols.Find(target, _featureAttribute) is not null
            || target.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        return target.DeclaringSyntaxReferences[0].GetSyntax() is MethodDeclarationSyntax declaration && ReturnExpression(declaration) is not null
            && _models.For(declaration.SyntaxTree) is not null
            ? declaration
            : null;
    }

    /// <summary>The one expression a helper returns, after any locals it declares.</summary>
    public static ExpressionSyntax? ReturnExpression(MethodDeclarationSyntax declaration)
    {
        if (declaration.ExpressionBody is { } arrow)
        {
            return arrow.Expression;
        }

        if (declaration.Body is not { Statements: { Count: > 0 } statements } || statements.Last() is not ReturnStatementSyntax { Expression: { } returned })
        {
            return null;
        }

        for (var i = 0; i < statements.Count - 1; i++)
        {
            if (statements[i] is not LocalDeclarationStatementSyntax local || local.Declaration.Variables.Any(variable => variable.Initializer is null))
            {
                return null;
            }
        }

        return returned;
    }

    /// <summary>Marks <paramref name="helper"/> as being inlined, so that recursion stays a call.</summary>
    public void Enter(IMethodSymbol helper) => _inlining.Add(helper);

    public void Exit(IMethodSymbol helper) => _inlining.Remove(helper);
}
