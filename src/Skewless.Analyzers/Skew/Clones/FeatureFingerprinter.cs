using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Skewless.Analyzers.Model;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Skew.Clones;

/// <summary>
/// Fingerprints each feature of a feature set: the search key and the semantic shape of every value
/// it returns, with private helpers inlined. The generator writes these into the assembly; the
/// analyzer computes the same for the features of its own compilation.
/// </summary>
internal static class FeatureFingerprinter
{
    private static readonly SymbolDisplayFormat NameWithoutGlobal =
        SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted);

    /// <summary>The fingerprints of feature set <paramref name="type"/>, or <see langword="null"/> when its input type cannot be named in another compilation.</summary>
    public static FeatureSetFingerprintsModel? Fingerprint(INamedTypeSymbol type, KnownSymbols symbols, SemanticModels models, CancellationToken cancellationToken)
    {
        if (KnownSymbols.Find(type, symbols.FeatureSetAttribute) is not { ConstructorArguments.Length: 1 } attribute
            || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol { IsGenericType: false } inputType || inputType.TypeKind == TypeKind.Error)
        {
            return null;
        }

        var helpers = new PrivateHelpers(models, symbols.FeatureAttribute);
        var inputs = new InputTypes(new[] { inputType });
        var fingerprints = new List<FingerprintModel>();
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            if (method is { IsStatic: true, Parameters.Length: 1 } && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, inputType)
                && KnownSymbols.Find(method, symbols.FeatureAttribute) is not null)
            {
                fingerprints.AddRange(OfFeature(method, inputType, inputs, models, helpers, cancellationToken));
            }
        }

        return new FeatureSetFingerprintsModel(type.ToDisplayString(NameWithoutGlobal), MetadataName(type), MetadataName(inputType), fingerprints.Distinct().ToEquatableArray());
    }

    /// <summary>How a feature set appears in messages: its class, within any classes it is nested in.</summary>
    public static string DisplayName(string metadataName)
    {
        var nested = metadataName.IndexOf('+');
        var lastDot = metadataName.LastIndexOf('.', nested >= 0 ? nested : metadataName.Length - 1);
        return metadataName.Substring(lastDot + 1).Replace('+', '.');
    }

    private static IEnumerable<FingerprintModel> OfFeature(IMethodSymbol method, ITypeSymbol inputType, InputTypes inputs, SemanticModels models, PrivateHelpers helpers, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not MethodDeclarationSyntax declaration
                || (declaration.ExpressionBody ?? (SyntaxNode?)declaration.Body) is not { } body
                || models.For(reference.SyntaxTree)?.GetOperation(declaration, cancellationToken) is not IMethodBodyOperation operation)
            {
                continue;
            }

            var keys = new Dictionary<SyntaxNode, ulong>();
            new SyntaxShape(models, inputs, helpers, (expression, key) => keys[expression] = key).Hash(body);
            foreach (var returned in Returns(operation))
            {
                if (keys.TryGetValue(returned.Syntax, out var key)
                    && OperationShape.Of(returned, inputType, models, helpers, isResult: true, cancellationToken) is { Inputs.Count: > 0, Size: >= OperationShape.MinimumSize } shape)
                {
                    yield return new FingerprintModel(method.Name, SearchKey.Format(key), shape.Exact, shape.Shape, shape.Literals.ToEquatableArray());
                }
            }
        }
    }

    // The values a method returns, leaving out returns of the lambdas and local functions inside it.
    private static IEnumerable<IOperation> Returns(IOperation body) =>
        body.Descendants()
            .OfType<IReturnOperation>()
            .Where(returned => returned.Kind == OperationKind.Return && returned.ReturnedValue is not null && !InNestedFunction(returned, body))
            .Select(returned => returned.ReturnedValue!);

    private static bool InNestedFunction(IOperation operation, IOperation body)
    {
        for (var current = operation.Parent; current is not null && current != body; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

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
