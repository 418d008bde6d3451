using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Skew.Clones;

namespace Skewless.CodeFixes.Skew;

/// <summary>
/// Fixes SKW300 and SKW301 by replacing the copy with a call to the feature, passing the expression
/// the copy reads the row from. For a near copy this drops the copy's constant, which is the point:
/// it is probably the bug.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CallFeatureCodeFix)), Shared]
public sealed class CallFeatureCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = nameof(CallFeatureCodeFix);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ReimplementedFeature, DiagnosticIds.NearCopyOfFeature);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.AdditionalLocations.Count != 1
                || !diagnostic.Properties.TryGetValue(ReimplementedFeatureAnalyzer.FeatureSetProperty, out var featureSet) || featureSet is null
                || !diagnostic.Properties.TryGetValue(ReimplementedFeatureAnalyzer.MethodProperty, out var method) || method is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax copy
                || root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax row)
            {
                continue;
            }

            // A row read outside the copy can be passed only if it is a name, which is still in scope
            // here; anything else (a call) would be evaluated again.
            if (!copy.Span.Contains(row.Span) && row is not IdentifierNameSyntax)
            {
                continue;
            }

            var title = $"Call {FeatureFingerprinter.DisplayName(featureSet)}.{method} instead";
            context.RegisterCodeFix(
                CodeAction.Create(title, cancellationToken => FixAsync(context.Document, copy, row, featureSet, method, cancellationToken), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, ExpressionSyntax copy, ExpressionSyntax row, string featureSet, string method, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model?.Compilation.GetTypeByMetadataName(featureSet) is not { } type
            || type.GetMembers(method).OfType<IMethodSymbol>().FirstOrDefault() is not { } feature)
        {
            return document;
        }

        ExpressionSyntax call = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, TypeName(type), SyntaxFactory.IdentifierName(method)),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(row.WithoutTrivia()))));

        // The copy may have computed another type than the feature returns (an int where the feature
        // widens to float); the cast keeps the code around it compiling.
        if (model.GetTypeInfo(copy, cancellationToken).Type is { TypeKind: not TypeKind.Error } copyType
            && !SymbolEqualityComparer.Default.Equals(copyType, feature.ReturnType))
        {
            call = SyntaxFactory.ParenthesizedExpression(SyntaxFactory.CastExpression(TypeName(copyType), call)).WithAdditionalAnnotations(Simplifier.Annotation);
        }

        var fixedDocument = document.WithSyntaxRoot(root.ReplaceNode(copy, call.WithTriviaFrom(copy)));
        return await ImportAdder.AddImportsAsync(fixedDocument, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static TypeSyntax TypeName(ITypeSymbol type) =>
        SyntaxFactory.ParseTypeName(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
}
