using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Skew.Clones;

/// <summary>
/// The private helpers of a feature set whose bodies stand in for their calls. Serving code cannot
/// call a private helper, so a copy of a feature contains the helper's body, not a call to it. A
/// helper qualifies when it is a private static method of the feature set whose body is one
/// expression, optionally after locals, so both hashes can substitute its arguments for its parameters.
/// </summary>
internal sealed class PrivateHelpers
{
    private readonly Dictionary<string, List<(IMethodSymbol Method, MethodDeclarationSyntax Declaration)>> _byName = new(StringComparer.Ordinal);
    private readonly HashSet<IMethodSymbol> _inlining = new(SymbolEqualityComparer.Default);

    public PrivateHelpers(INamedTypeSymbol featureSet, INamedTypeSymbol featureAttribute, CancellationToken cancellationToken)
    {
        foreach (var method in featureSet.GetMembers().OfType<IMethodSymbol>())
        {
            if (method is { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Private, IsStatic: true, IsGenericMethod: false, ReturnsVoid: false, ReturnsByRef: false }
                && method.Parameters.All(parameter => parameter.RefKind == RefKind.None && !parameter.IsParams)
                && method.DeclaringSyntaxReferences.Length == 1
                && method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is MethodDeclarationSyntax declaration && ReturnExpression(declaration) is not null
                && KnownSymbols.Find(method, featureAttribute) is null)
            {
                if (!_byName.TryGetValue(method.Name, out var overloads))
                {
                    overloads = new List<(IMethodSymbol, MethodDeclarationSyntax)>();
                    _byName.Add(method.Name, overloads);
                }

                overloads.Add((method, declaration));
            }
        }
    }

    /// <summary>
    /// The helper a call names, from syntax alone, so that hashing feature code binds nothing: a
    /// helper without overloads, called with one positional argument per parameter.
    /// </summary>
    public (IMethodSymbol Method, MethodDeclarationSyntax Declaration)? Find(InvocationExpressionSyntax invocation)
    {
        var name = invocation.Expression switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            _ => null,
        };
        return name is not null && _byName.TryGetValue(name, out var overloads) && overloads.Count == 1 && IsInlinable(invocation, overloads[0].Method)
            ? overloads[0]
            : null;
    }

    /// <summary>The declaration of the helper a bound call calls, or <see langword="null"/> when the call stays a call.</summary>
    public MethodDeclarationSyntax? Find(InvocationExpressionSyntax invocation, IMethodSymbol target) =>
        Find(invocation) is { } helper && SymbolEqualityComparer.Default.Equals(helper.Method, target) ? helper.Declaration : null;

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

    private bool IsInlinable(InvocationExpressionSyntax invocation, IMethodSymbol method) =>
        !_inlining.Contains(method)
        && invocation.ArgumentList.Arguments.Count == method.Parameters.Length
        && invocation.ArgumentList.Arguments.All(argument => argument.NameColon is null && argument.RefKindKeyword.IsKind(SyntaxKind.None));
}
