using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Skewless.Analyzers.Diagnostics;

namespace Skewless.CodeFixes.Definitions;

/// <summary>Fixes SKW100 by adding <c>static</c> and <c>partial</c> to the feature set, and <c>partial</c> to the types it is nested in.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeStaticPartialCodeFix)), Shared]
public sealed class MakeStaticPartialCodeFix : CodeFixProvider
{
    private const string Title = "Make the feature set static partial";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.FeatureSetShape);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span) is not { } node || node.FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } declaration
            || declaration.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().Any(type => type.TypeParameterList is not null || type.Modifiers.Any(SyntaxKind.FileKeyword))
            || !declaration.Modifiers.Any(SyntaxKind.StaticKeyword) && await HasInstanceMembersAsync(context.Document, declaration, context.CancellationToken).ConfigureAwait(false))
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(Title, cancellationToken => FixAsync(context.Document, declaration, cancellationToken), equivalenceKey: Title),
                diagnostic);
        }
    }

    // A class written to be instantiated (fields, constructors, instance methods, in any of its parts) needs rewriting
    // by hand: adding 'static' would only trade SKW100 for an error at every instance member and every 'new'.
    private static async Task<bool> HasInstanceMembersAsync(Document document, ClassDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return model?.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type
            || type.GetMembers().Any(member => !member.IsStatic && !member.IsImplicitlyDeclared && member is not INamedTypeSymbol);
    }

    private static async Task<Document> FixAsync(Document document, ClassDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var containers = declaration.Ancestors().OfType<TypeDeclarationSyntax>().ToList();
        var fixedRoot = root.ReplaceNodes(
            containers.Append<TypeDeclarationSyntax>(declaration),
            (original, rewritten) => original == declaration ? WithModifiers(rewritten, StaticClassForbids, SyntaxKind.StaticKeyword, SyntaxKind.PartialKeyword) : WithModifiers(rewritten, Array.Empty<SyntaxKind>(), SyntaxKind.PartialKeyword));
        return document.WithSyntaxRoot(fixedRoot);
    }

    // A static class cannot also be sealed or abstract (CS0441, CS0418).
    private static readonly SyntaxKind[] StaticClassForbids = { SyntaxKind.SealedKeyword, SyntaxKind.AbstractKeyword };

    // 'partial' must come last, straight before the type keyword, so it is taken out and put back at the end.
    private static TypeDeclarationSyntax WithModifiers(TypeDeclarationSyntax declaration, SyntaxKind[] forbidden, params SyntaxKind[] required)
    {
        var modifiers = declaration.Modifiers;
        var missing = required.Where(kind => !modifiers.Any(kind)).ToList();
        if (missing.Count == 0 && !forbidden.Any(kind => modifiers.Any(kind)))
        {
            return declaration;
        }

        // Whatever trivia stood before the first modifier (or the keyword) stays in front of the new first modifier.
        var first = modifiers.Count > 0 ? modifiers[0] : declaration.Keyword;
        var kept = modifiers.Where(modifier => !modifier.IsKind(SyntaxKind.PartialKeyword) && !forbidden.Contains(modifier.Kind()))
            .Select(modifier => modifier.WithLeadingTrivia()).ToList();
        kept.AddRange(missing.Where(kind => kind != SyntaxKind.PartialKeyword).Select(SyntaxFactory.Token));
        kept.Add(SyntaxFactory.Token(SyntaxKind.PartialKeyword));
        kept[0] = kept[0].WithLeadingTrivia(first.LeadingTrivia);

        var spaced = SyntaxFactory.TokenList(kept.Select(modifier => modifier.WithTrailingTrivia(SyntaxFactory.Space)));
        return declaration
            .WithKeyword(declaration.Keyword.WithLeadingTrivia())
            .WithModifiers(spaced);
    }
}
