using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Skew.Clones;

/// <summary>
/// Reports code outside feature sets that computes a feature again (SKW300) or computes it with other
/// constants or another date part (SKW301). Every expression is hashed once and looked up in the table of feature
/// fingerprints, so the search is linear in the size of the code; only a match is checked semantically.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReimplementedFeatureAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the metadata name of the copied feature's feature set.</summary>
    public const string FeatureSetProperty = "FeatureSet";

    /// <summary>Diagnostic property: the copied feature's method.</summary>
    public const string MethodProperty = "Method";

    /// <summary>Diagnostic property, present when the copy divides integers where the feature divides floats: calling the feature changes the copy's type, which a fix cannot choose for the code around it.</summary>
    public const string IntegerDivisionProperty = "IntegerDivision";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.ReimplementedFeature, Descriptors.NearCopyOfFeature, Descriptors.ReimplementedOverLookAlike);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownSymbols.TryCreate(start.Compilation) is not { } symbols
                || FingerprintTable.Build(start.Compilation, symbols, start.CancellationToken) is not { } table)
            {
                return;
            }

            start.RegisterSemanticModelAction(analysis =>
            {
                foreach (var diagnostic in Search(analysis.SemanticModel, table, analysis.CancellationToken))
                {
                    analysis.ReportDiagnostic(diagnostic);
                }
            });
        });
    }

    /// <summary>The copies of features in one tree: what the analyzer reports for it, and what the benchmarks time.</summary>
    internal static IEnumerable<Diagnostic> Search(SemanticModel model, FingerprintTable table, CancellationToken cancellationToken)
    {
        var models = new SemanticModels(model);
        var matches = new List<(ExpressionSyntax Expression, List<FeatureFingerprint> Fingerprints)>();
        var shape = new SyntaxShape(models, new QualifiedNames(models), table.Inputs, helpers: null, (expression, key) =>
        {
            // Casts and parentheses hash like what they contain, which is looked up on its own; a
            // local hashes like its initializer, where a copy is reported, not at every use.
            if (expression is not (ParenthesizedExpressionSyntax or CastExpressionSyntax or IdentifierNameSyntax) && table.TryGet(key, out var fingerprints))
            {
                matches.Add((expression, fingerprints));
            }
        });

        var root = model.SyntaxTree.GetRoot(cancellationToken);
        foreach (var node in root.DescendantNodes(node => node is not (ExpressionSyntax or AttributeListSyntax) && !table.FeatureSetDeclarations.Contains(node)))
        {
            if (node is BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or BaseFieldDeclarationSyntax)
            {
                shape.ForgetLocals();
            }
            else if (node is ExpressionSyntax and not TypeSyntax)
            {
                shape.Hash(node);
            }
        }

        // Outermost first: a copy inside a reported copy is part of it.
        var reported = new List<TextSpan>();
        foreach (var (expression, fingerprints) in matches.OrderBy(match => match.Expression.SpanStart).ThenByDescending(match => match.Expression.Span.Length))
        {
            // Training code is asked about last: it is rarely needed, and the first time it walks the features' call graph.
            if (!reported.Any(span => span.Contains(expression.Span)) && Check(model, models, table, expression, fingerprints, cancellationToken) is { } diagnostic
                && !table.Training.Contains(expression, model, cancellationToken))
            {
                reported.Add(expression.Span);
                yield return diagnostic;
            }
        }
    }

    private static Diagnostic? Check(SemanticModel model, SemanticModels models, FingerprintTable table, ExpressionSyntax expression, List<FeatureFingerprint> fingerprints, CancellationToken cancellationToken)
    {
        // Features too small to protect share keys with much ordinary code: rule them out before binding it.
        var live = fingerprints.Where(fingerprint => fingerprint.Hashes is not null).ToList();
        if (live.Count == 0 || model.GetOperation(expression, cancellationToken) is not { } operation)
        {
            return null;
        }

        foreach (var inputType in live.Select(fingerprint => fingerprint.InputType).Distinct<ITypeSymbol>(SymbolEqualityComparer.Default))
        {
            // A feature reads one row: a computation over two different rows is not a copy of it.
            if (OperationShape.Of(operation, inputType, models, helpers: null, isResult: false, cancellationToken) is not { Inputs.Count: > 0 } shape
                || shape.Inputs.Any(input => !SyntaxFactory.AreEquivalent(input.Syntax, shape.Inputs[0].Syntax)))
            {
                continue;
            }

            var row = shape.Inputs[0];
            var candidates = live.Where(fingerprint => SymbolEqualityComparer.Default.Equals(fingerprint.InputType, inputType)).ToList();
            if (candidates.FirstOrDefault(fingerprint => fingerprint.Hashes!.Exact == shape.Exact) is { } copied)
            {
                return Report(Descriptors.ReimplementedFeature, expression, row, copied, integerDivision: false, copied.DisplayName, Advice(model.Compilation, table.Symbols, copied));
            }

            // Date parts share the shape as numbers do, so several features may have it: the first that the copy's
            // differences are evidence of is the one it copies.
            var nearlyCopied = candidates.Where(fingerprint => fingerprint.Hashes!.Shape == shape.Shape).ToList();
            if (nearlyCopied.Count > 0)
            {
                foreach (var feature in nearlyCopied)
                {
                    if (NearCopy(shape, feature) is { } differences)
                    {
                        return Report(Descriptors.NearCopyOfFeature, expression, row, feature, integerDivision: false, feature.DisplayName, differences);
                    }
                }

                continue;
            }

            // n / 7 against the feature's n / 7f: the numbers differ only in type, which the shape keeps, and the
            // result silently loses its fraction.
            if (Truncated(operation, inputType, mirrored: null, models, shape, candidates, cancellationToken) is { } truncated)
            {
                if (truncated.Values.Count > 0 && !NearCopyEvidence.Suffices(truncated.Untyped, truncated.Values))
                {
                    continue;
                }

                return Report(Descriptors.NearCopyOfFeature, expression, row, truncated.Feature, integerDivision: true, truncated.Feature.DisplayName, OtherConstants + DescribeTruncation(truncated));
            }
        }

        return LookAlikeCopy(models, expression, operation, live, cancellationToken);
    }

    // The copy compared again with numeric types left out, only when it divides integers at all; the feature found, the
    // copy's untyped shape, and the numbers whose values (not only types) differ.
    private static (FeatureFingerprint Feature, OperationShape Untyped, List<(string Feature, string Copy)> Values)? Truncated(
        IOperation operation, ITypeSymbol inputType, ITypeSymbol? mirrored, SemanticModels models, OperationShape shape, IEnumerable<FeatureFingerprint> candidates, CancellationToken cancellationToken, IMethodSymbol? parametersOf = null)
    {
        if (!shape.IntegerDivisions.Contains(true)
            || OperationShape.Of(operation, inputType, models, helpers: null, isResult: false, cancellationToken, eraseNumericTypes: true, mirrored, parametersOf) is not { } untyped
            || candidates.FirstOrDefault(fingerprint => fingerprint.Hashes!.Untyped?.Value is { } feature && feature.Shape == untyped.Shape
                && DividesIntegersInstead(untyped.IntegerDivisions, feature.IntegerDivisions)) is not { } truncated)
        {
            return null;
        }

        return (truncated, untyped, Differences(truncated.Hashes!.Literals, untyped.Literals));
    }

    private static string DescribeTruncation((FeatureFingerprint Feature, OperationShape Untyped, List<(string Feature, string Copy)> Values) truncated)
    {
        var typed = Differences(truncated.Feature.Hashes!.Untyped!.Value!.TypedLiterals, truncated.Untyped.TypedLiterals);
        const string Division = "integer division here against float division in the feature";
        return typed.Count == 0 ? Division : $"{Describe(typed, truncated.Feature)}: {Division}";
    }

    // Serving code often gets a request type of its own with the row's members, or the row's values as parameters, and
    // recomputes a feature from them. An exact copy counts, and one that only divides integers where the feature divides
    // floats, or reads another part of the same date: over another type, other numbers are too weak a sign that the code
    // means the feature, but the same numbers with the fraction dropped, or applied to another date part, are its bug. When features of several row types compute the same, the copy is of the row
    // type the look-alike mirrors most members of.
    private static Diagnostic? LookAlikeCopy(SemanticModels models, ExpressionSyntax expression, IOperation operation, List<FeatureFingerprint> live, CancellationToken cancellationToken)
    {
        var method = ServingMethod(models, expression, cancellationToken);
        (Diagnostic Diagnostic, int Mirrored)? best = null;
        foreach (var rowType in live.Select(fingerprint => fingerprint.InputType).Distinct<ITypeSymbol>(SymbolEqualityComparer.Default))
        {
            var candidates = live.Where(fingerprint => SymbolEqualityComparer.Default.Equals(fingerprint.InputType, rowType)).ToList();
            if (OperationShape.LookAlikeOf(operation, rowType, models, cancellationToken) is { } lookAlike
                && OperationShape.Of(operation, lookAlike, models, helpers: null, isResult: false, cancellationToken, mirrored: rowType) is { Inputs.Count: > 0 } shape
                && shape.Inputs.All(input => SyntaxFactory.AreEquivalent(input.Syntax, shape.Inputs[0].Syntax))
                && Copy(shape, lookAlike, null, $"{lookAlike.Name}, whose members mirror the row type {rowType.Name}") is { } overType)
            {
                Keep(overType, lookAlike.GetMembers().Count(member => member is IPropertySymbol or IFieldSymbol && OperationShape.RowMember(member, rowType) is not null));
            }
            else if (method is not null && IsServing(method, rowType, candidates, cancellationToken)
                && OperationShape.Of(operation, rowType, models, helpers: null, isResult: false, cancellationToken, mirrored: rowType, parametersOf: method) is { Inputs.Count: > 0 } byParameters
                && byParameters.Inputs.All(input => input is IParameterReferenceOperation { Type: var type } && !SymbolEqualityComparer.Default.Equals(type, rowType))
                && Copy(byParameters, rowType, method, $"the parameters of {method.Name}, named and typed like members of the row type {rowType.Name}") is { } overParameters)
            {
                Keep(overParameters, method.Parameters.Count(parameter => OperationShape.RowMemberOf(parameter, rowType) is not null));
            }

            Diagnostic? Copy(OperationShape shape, ITypeSymbol inputType, IMethodSymbol? parametersOf, string over) =>
                candidates.FirstOrDefault(fingerprint => fingerprint.Hashes!.Exact == shape.Exact) is { } copied
                    ? Report(Descriptors.ReimplementedOverLookAlike, expression, shape.Inputs[0], copied, integerDivision: false, copied.DisplayName, over, rowType.Name, "")
                    : candidates.FirstOrDefault(fingerprint => fingerprint.Hashes!.Shape == shape.Shape && NearCopyEvidence.IsOtherDatePart(shape, Differences(fingerprint.Hashes.Literals, shape.Literals))) is { } otherPart
                    ? Report(Descriptors.ReimplementedOverLookAlike, expression, shape.Inputs[0], otherPart, integerDivision: false, otherPart.DisplayName, over, rowType.Name, $" ({AnotherDatePart}{Describe(Differences(otherPart.Hashes!.Literals, shape.Literals), otherPart)})")
                    : Truncated(operation, inputType, rowType, models, shape, candidates, cancellationToken, parametersOf) is { Values.Count: 0 } truncated
                    ? Report(Descriptors.ReimplementedOverLookAlike, expression, shape.Inputs[0], truncated.Feature, integerDivision: true, truncated.Feature.DisplayName, over, rowType.Name, $" ({DescribeTruncation(truncated)})")
                    : null;
        }

        return best?.Diagnostic;

        void Keep(Diagnostic diagnostic, int mirrored)
        {
            if (best is null || mirrored > best.Value.Mirrored)
            {
                best = (diagnostic, mirrored);
            }
        }
    }

    // Parameters named like a row's members are a row in disguise when there are several of them, or when the method's
    // type names a prediction, the row type or the feature set: a scheduler's lone `hour` is not the reading's Hour.
    private static bool IsServing(IMethodSymbol method, ITypeSymbol rowType, List<FeatureFingerprint> features, CancellationToken cancellationToken)
    {
        if (method.Parameters.Count(parameter => OperationShape.RowMemberOf(parameter, rowType) is not null) >= 2)
        {
            return true;
        }

        var featureSets = new HashSet<string>(features.Select(feature => feature.FeatureSet.Substring(feature.FeatureSet.LastIndexOf('.') + 1)), StringComparer.Ordinal);
        return method.ContainingType.DeclaringSyntaxReferences.Any(reference => reference.GetSyntax(cancellationToken).DescendantTokens()
            .Any(token => token.IsKind(SyntaxKind.IdentifierToken)
                && (token.ValueText.Contains("Predict") || token.ValueText == rowType.Name || featureSets.Contains(token.ValueText))));
    }

    // The method whose parameters a copy may read for the row's members: the one the expression is in, past its lambdas.
    private static IMethodSymbol? ServingMethod(SemanticModels models, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        var symbol = models.For(expression.SyntaxTree)?.GetEnclosingSymbol(expression.SpanStart, cancellationToken);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol as IMethodSymbol is { Parameters.Length: > 0 } method ? method : null;
    }

    private const string OtherConstants = "other constants: ";
    private const string AnotherDatePart = "another date part: ";

    // How a copy with the feature's shape differs from it, as the message says, if that is evidence enough of a near copy.
    private static string? NearCopy(OperationShape copy, FeatureFingerprint feature)
    {
        var differences = Differences(feature.Hashes!.Literals, copy.Literals);
        return NearCopyEvidence.Suffices(copy, differences) ? OtherConstants + Describe(differences, feature)
            : NearCopyEvidence.IsOtherDatePart(copy, differences) ? AnotherDatePart + Describe(differences, feature)
            : null;
    }

    private static List<(string Feature, string Copy)> Differences(ImmutableArray<string> feature, ImmutableArray<string> copy) =>
        feature.Zip(copy, (inFeature, inCopy) => (Feature: inFeature, Copy: inCopy)).Where(pair => pair.Feature != pair.Copy).ToList();

    private static string Describe(List<(string Feature, string Copy)> differences, FeatureFingerprint feature) =>
        string.Join("; ", differences.Select(pair => $"{pair.Feature} in {feature.DisplayName} against {pair.Copy} here"));

    private static bool DividesIntegersInstead(ImmutableArray<bool> copy, ImmutableArray<bool> feature) =>
        copy.Length == feature.Length && copy.Where((integers, i) => integers && !feature[i]).Any();

    // A feature with a fitted transform is served scaled, bucketed or looked up: the raw value the copy
    // computes is not what the model was trained on, so the advice names Transform instead.
    private static string Advice(Compilation compilation, KnownSymbols symbols, FeatureFingerprint feature)
    {
        var transform = compilation.GetTypeByMetadataName(feature.FeatureSet)?.GetMembers(feature.Method)
            .SelectMany(member => member.GetAttributes())
            .Select(symbols.TransformOf)
            .FirstOrDefault(found => found is not null);
        return transform is { } fitted
            ? $"serve it with fitted.Transform(row) instead, which applies the feature's fitted [{fitted}]"
            : "call the feature instead";
    }

    // The row's expression goes along as an additional location, so the code fix can pass it to the feature.
    private static Diagnostic Report(DiagnosticDescriptor descriptor, ExpressionSyntax expression, IOperation row, FeatureFingerprint fingerprint, bool integerDivision, params object[] arguments)
    {
        var properties = ImmutableDictionary<string, string?>.Empty.Add(FeatureSetProperty, fingerprint.FeatureSet).Add(MethodProperty, fingerprint.Method);
        return Diagnostic.Create(
            descriptor,
            expression.GetLocation(),
            new[] { row.Syntax.GetLocation() },
            integerDivision ? properties.Add(IntegerDivisionProperty, "true") : properties,
            arguments);
    }
}
