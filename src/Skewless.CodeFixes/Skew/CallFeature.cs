using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;
using Skewless.Analyzers.Skew.Clones;

namespace Skewless.CodeFixes.Skew;

/// <summary>
/// Replaces a copy of a feature (SKW300, SKW301) with a call to the feature, passing the expression the
/// copy reads the row from. For a near copy this drops the copy's constant, which is the point: it is
/// probably the bug.
/// </summary>
internal static class CallFeature
{
    /// <summary>Offers the fix for each diagnostic of <paramref name="context"/> that names its feature and row.</summary>
    public static async Task RegisterAsync(CodeFixContext context, string equivalenceKey)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            // An integer division's copy has another type than the feature: casting the call back would
            // truncate again, and dropping the cast changes the code around it; that is the author's call.
            if (diagnostic.Properties.ContainsKey(ReimplementedFeatureAnalyzer.IntegerDivisionProperty)
                || diagnostic.AdditionalLocations.Count != 1
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
                CodeAction.Create(title, cancellationToken => FixAsync(context.Document, copy, row, featureSet, method, cancellationToken), equivalenceKey),
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

        var editor = new SyntaxEditor(root, document.Project.Solution.Workspace.Services);
        editor.ReplaceNode(copy, call.WithTriviaFrom(copy));
        foreach (var dead in LocalsLeftDead(copy, row, model, cancellationToken))
        {
            editor.RemoveNode(dead);
        }

        var fixedDocument = document.WithSyntaxRoot(editor.GetChangedRoot());
        return await ImportAdder.AddImportsAsync(fixedDocument, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The declarations of locals that only the copy read (a copy split into locals), and then of the locals that only
    /// those read, so the fix leaves no dead reads of the row behind. A local whose initializer might do more than read
    /// (a call, an assignment, a new object) stays, and so does a local the row expression names, which the call reads.
    /// </summary>
    private static List<LocalDeclarationStatementSyntax> LocalsLeftDead(ExpressionSyntax copy, ExpressionSyntax row, SemanticModel model, CancellationToken cancellationToken)
    {
        var dead = new List<LocalDeclarationStatementSyntax>();
        if (copy.FirstAncestorOrSelf<BlockSyntax>() is not { } body)
        {
            return dead;
        }

        var passed = row.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
            .Select(name => model.GetSymbolInfo(name, cancellationToken).Symbol)
            .OfType<ILocalSymbol>()
            .ToImmutableHashSet<ILocalSymbol>(SymbolEqualityComparer.Default);

        var gone = new List<TextSpan> { copy.Span };
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var statement in body.DescendantNodes().OfType<LocalDeclarationStatementSyntax>())
            {
                if (dead.Contains(statement)
                    || statement.Declaration.Variables.Count != 1
                    || statement.Declaration.Variables[0] is not { Initializer.Value: var value } variable
                    || !ReadsOnly(value)
                    || model.GetDeclaredSymbol(variable, cancellationToken) is not ILocalSymbol local
                    || passed.Contains(local))
                {
                    continue;
                }

                var reads = body.DescendantNodes().OfType<IdentifierNameSyntax>()
                    .Where(name => name.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, local))
                    .ToList();
                if (reads.Count > 0 && reads.All(read => gone.Any(span => span.Contains(read.Span))))
                {
                    dead.Add(statement);
                    gone.Add(statement.Span);
                    changed = true;
                }
            }
        }

        return dead;
    }

    private static bool ReadsOnly(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or LiteralExpressionSyntax or ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax access => ReadsOnly(access.Expression),
        ParenthesizedExpressionSyntax parenthesized => ReadsOnly(parenthesized.Expression),
        CastExpressionSyntax cast => ReadsOnly(cast.Expression),
        PrefixUnaryExpressionSyntax unary => (unary.IsKind(SyntaxKind.UnaryMinusExpression) || unary.IsKind(SyntaxKind.LogicalNotExpression)) && ReadsOnly(unary.Operand),
        BinaryExpressionSyntax binary => ReadsOnly(binary.Left) && ReadsOnly(binary.Right),
        ConditionalExpressionSyntax conditional => ReadsOnly(conditional.Condition) && ReadsOnly(conditional.WhenTrue) && ReadsOnly(conditional.WhenFalse),
        _ => false,
    };

    private static TypeSyntax TypeName(ITypeSymbol type) =>
        SyntaxFactory.ParseTypeName(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
}
