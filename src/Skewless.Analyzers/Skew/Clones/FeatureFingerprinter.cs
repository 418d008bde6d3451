using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Skewless.Analyzers.Model;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Skew.Clones;

/// <summary>One value a feature returns, with its search key. Its shape is worked out only when needed.</summary>
/// <param name="Method">The feature method's name.</param>
/// <param name="Key">The search key.</param>
/// <param name="Returned">The returned expression.</param>
internal sealed record FeatureReturn(string Method, ulong Key, ExpressionSyntax Returned);

/// <summary>A feature set's returned values, and what their shapes are worked out with.</summary>
internal sealed record FeatureSetReturns(ITypeSymbol InputType, string MetadataName, string InputTypeName, IReadOnlyList<FeatureReturn> Returns);

/// <summary>
/// Fingerprints the features of a feature set: the search key and the semantic shape of every value
/// each returns, with private helpers inlined. The generator writes all of them into the assembly.
/// The analyzer needs only the keys up front, which come from syntax, and works out a shape when a key
/// matches, so that a project with thousands of features does not bind each of them again.
/// </summary>
internal static class FeatureFingerprinter
{
    private static readonly SymbolDisplayFormat NameWithoutGlobal =
        SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted);

    /// <summary>Every fingerprint of feature set <paramref name="type"/>, or <see langword="null"/> when its input type cannot be named in another compilation.</summary>
    public static FeatureSetFingerprintsModel? Fingerprint(INamedTypeSymbol type, KnownSymbols symbols, SemanticModels models, CancellationToken cancellationToken)
    {
        if (Returns(type, symbols, models, cancellationToken) is not { } set)
        {
            return null;
        }

        var helpers = new PrivateHelpers(type, symbols.FeatureAttribute, cancellationToken);
        // Only a feature that divides floats has a copy that divides integers instead, so only its untyped shape is recorded.
        var fingerprints = set.Returns
            .Select(returned => Shape(returned, set.InputType, models, helpers, cancellationToken) is { } shape
                ? new FingerprintModel(returned.Method, SearchKey.Format(returned.Key), shape.Exact, shape.Shape, shape.Literals.ToEquatableArray(),
                    shape.IntegerDivisions.Contains(false) && Shape(returned, set.InputType, models, helpers, cancellationToken, eraseNumericTypes: true) is { } erased
                        ? UntypedShape.Of(erased).Format()
                        : null)
                : null)
            .OfType<FingerprintModel>()
            .Distinct();
        return new FeatureSetFingerprintsModel(type.ToDisplayString(NameWithoutGlobal), set.MetadataName, set.InputTypeName, fingerprints.ToEquatableArray());
    }

    /// <summary>The values the features of <paramref name="type"/> return, with their search keys, from syntax.</summary>
    public static FeatureSetReturns? Returns(INamedTypeSymbol type, KnownSymbols symbols, SemanticModels models, CancellationToken cancellationToken)
    {
        if (KnownSymbols.Find(type, symbols.FeatureSetAttribute) is not { ConstructorArguments.Length: 1 } attribute
            || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol { IsGenericType: false } inputType || inputType.TypeKind == TypeKind.Error)
        {
            return null;
        }

        var helpers = new PrivateHelpers(type, symbols.FeatureAttribute, cancellationToken);
        var inputs = new InputTypes(new[] { inputType });
        var names = new QualifiedNames(models);
        var returns = new List<FeatureReturn>();
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            if (method is not { IsStatic: true, Parameters.Length: 1 } || !SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, inputType)
                || KnownSymbols.Find(method, symbols.FeatureAttribute) is null)
            {
                continue;
            }

            foreach (var declaration in method.DeclaringSyntaxReferences.Select(reference => reference.GetSyntax(cancellationToken)).OfType<MethodDeclarationSyntax>())
            {
                var keys = new Dictionary<SyntaxNode, ulong>();
                if ((declaration.ExpressionBody ?? (SyntaxNode?)declaration.Body) is { } body)
                {
                    new SyntaxShape(models, names, inputs, helpers, (expression, key) => keys[expression] = key).Hash(body);
                }

                returns.AddRange(ReturnedExpressions(declaration).Where(keys.ContainsKey).Select(returned => new FeatureReturn(method.Name, keys[returned], returned)));
            }
        }

        return new FeatureSetReturns(inputType, MetadataName(type), MetadataName(inputType), returns);
    }

    /// <summary>The shape of a returned value, or <see langword="null"/> when it is too small to protect or does not read the row.</summary>
    public static OperationShape? Shape(FeatureReturn returned, ITypeSymbol inputType, SemanticModels models, PrivateHelpers helpers, CancellationToken cancellationToken, bool eraseNumericTypes = false) =>
        models.For(returned.Returned.SyntaxTree)?.GetOperation(returned.Returned, cancellationToken) is { } operation
        && OperationShape.Of(operation, inputType, models, helpers, isResult: true, cancellationToken, eraseNumericTypes) is { Inputs.Count: > 0, Size: >= OperationShape.MinimumSize } shape
            ? shape
            : null;

    /// <summary>How a feature set appears in messages: its class, within any classes it is nested in.</summary>
    public static string DisplayName(string metadataName)
    {
        var nested = metadataName.IndexOf('+');
        var lastDot = metadataName.LastIndexOf('.', nested >= 0 ? nested : metadataName.Length - 1);
        return metadataName.Substring(lastDot + 1).Replace('+', '.');
    }

    // The expression body, or the returns of the block that are not in its lambdas and local functions.
    private static IEnumerable<ExpressionSyntax> ReturnedExpressions(MethodDeclarationSyntax declaration) =>
        declaration.ExpressionBody is { } arrow
            ? new[] { arrow.Expression }
            : declaration.Body?.DescendantNodes(node => node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                .OfType<ReturnStatementSyntax>()
                .Select(statement => statement.Expression)
                .OfType<ExpressionSyntax>() ?? Enumerable.Empty<ExpressionSyntax>();

    private static string MetadataName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            name = container.MetadataName + "+" + name;
        }

        return type.ContainingNamespace is { IsGlobalNamespace: false } space ? space.ToDisplayString() + "." + name : name;
    }
}
