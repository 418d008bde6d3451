using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Skewless.Analyzers.Contracts;
using Skewless.Analyzers.Diagnostics;

namespace Skewless.CodeFixes.Contracts;

/// <summary>
/// Fixes SKW502 by bumping the feature set's <c>Version</c> and recording the new version, keeping the
/// old version's entry for the models that may still be served with it; or by updating the entry,
/// when the change is compatible. Fixes SKW503 by recording the version, creating
/// <c>FeatureSets.Shipped.txt</c> if the project has none. Fix All edits the contract file once.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FeatureContractCodeFix)), Shared]
public sealed class FeatureContractCodeFix : CodeFixProvider
{
    public const string BumpKey = "Skewless.BumpFeatureSetVersion";
    public const string UpdateKey = "Skewless.UpdateFeatureContract";
    public const string RecordKey = "Skewless.RecordFeatureSet";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.ChangedWithoutNewVersion, DiagnosticIds.UnrecordedFeatureSet);

    public override FixAllProvider GetFixAllProvider() => new ContractFixAllProvider();

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var project = context.Document.Project;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(FeatureContractAnalyzer.EntryProperty, out var entry) || entry is null
                || FeatureContract.IdentityOf(entry) is not { } identity)
            {
                continue;
            }

            var (name, version) = identity;
            var fixes = new[] { diagnostic };
            if (diagnostic.Id == DiagnosticIds.UnrecordedFeatureSet)
            {
                Register(context, $"Record {name} v{version} in {FeatureContract.FileName}", RecordKey, fixes);
                continue;
            }

            var contract = FeatureContract.Parse(await ContractTextAsync(project, context.CancellationToken).ConfigureAwait(false));
            Register(context, $"Bump {name} to v{NextVersion(contract, name, version)} and record it", BumpKey, fixes);
            Register(context, $"Update the entry of {name} v{version}: the change is compatible", UpdateKey, fixes);
        }
    }

    private static void Register(CodeFixContext context, string title, string key, Diagnostic[] diagnostics) =>
        context.RegisterCodeFix(
            CodeAction.Create(title, cancellationToken => FixAsync(context.Document.Project.Solution, new[] { (context.Document.Project.Id, diagnostics.ToImmutableArray()) }, key, cancellationToken), key),
            diagnostics[0]);

    // A version one past every version of the name recorded so far, so a bump never lands on an old entry.
    private static int NextVersion(FeatureContract contract, string name, int version) => Math.Max(contract.HighestVersion(name), version) + 1;

    private static TextDocument? ContractDocument(Project project) =>
        project.AdditionalDocuments.FirstOrDefault(document => FeatureContract.IsContract(document.FilePath ?? document.Name));

    private static async Task<string> ContractTextAsync(Project project, CancellationToken cancellationToken) =>
        ContractDocument(project) is { } document ? (await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString() : FeatureContract.NewFileHeader;

    private static async Task<Solution> FixAsync(Solution solution, IEnumerable<(ProjectId Project, ImmutableArray<Diagnostic> Diagnostics)> work, string key, CancellationToken cancellationToken)
    {
        foreach (var (projectId, diagnostics) in work)
        {
            solution = await FixProjectAsync(solution, projectId, diagnostics, key, cancellationToken).ConfigureAwait(false);
        }

        return solution;
    }

    private static async Task<Solution> FixProjectAsync(Solution solution, ProjectId projectId, ImmutableArray<Diagnostic> diagnostics, string key, CancellationToken cancellationToken)
    {
        var project = solution.GetProject(projectId)!;
        var text = await ContractTextAsync(project, cancellationToken).ConfigureAwait(false);
        var bumps = new List<(Diagnostic Diagnostic, int Version)>();
        var fixable = diagnostics
            .Where(diagnostic => diagnostic.Id == (key == RecordKey ? DiagnosticIds.UnrecordedFeatureSet : DiagnosticIds.ChangedWithoutNewVersion))
            .Where(diagnostic => diagnostic.Properties.TryGetValue(FeatureContractAnalyzer.EntryProperty, out var entry) && entry is not null && FeatureContract.IdentityOf(entry) is not null)
            .OrderBy(diagnostic => diagnostic.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(diagnostic => diagnostic.Location.SourceSpan.Start)
            .ToList();

        // Fix All in a solution visits every project: one with nothing to record keeps its files as they are (and gets no
        // contract file, which tools such as dotnet format cannot even add).
        if (fixable.Count == 0)
        {
            return solution;
        }

        foreach (var diagnostic in fixable)
        {
            var entry = diagnostic.Properties[FeatureContractAnalyzer.EntryProperty]!;
            var contract = FeatureContract.Parse(text);
            if (key == BumpKey)
            {
                var (name, version) = FeatureContract.IdentityOf(entry)!.Value;
                var next = NextVersion(contract, name, version);
                entry = FeatureContract.WithVersion(entry, next);
                bumps.Add((diagnostic, next));
            }

            text = contract.With(entry);
        }

        if (ContractDocument(project) is { } document)
        {
            var old = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            solution = solution.WithAdditionalDocumentText(document.Id, old.Replace(new TextSpan(0, old.Length), text));
        }
        else
        {
            solution = project.AddAdditionalDocument(FeatureContract.FileName, SourceText.From(text)).Project.Solution;
        }

        foreach (var inDocument in bumps.GroupBy(bump => bump.Diagnostic.Location.SourceTree))
        {
            if (inDocument.Key is not null && solution.GetDocument(inDocument.Key) is { } source)
            {
                solution = await BumpVersionsAsync(source, inDocument, cancellationToken).ConfigureAwait(false);
            }
        }

        return solution;
    }

    private static async Task<Solution> BumpVersionsAsync(Document document, IEnumerable<(Diagnostic Diagnostic, int Version)> bumps, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document.Project.Solution;
        }

        var versions = new Dictionary<AttributeSyntax, int>();
        foreach (var (diagnostic, version) in bumps)
        {
            var declaration = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<ClassDeclarationSyntax>();
            var attribute = declaration?.AttributeLists.SelectMany(list => list.Attributes)
                .FirstOrDefault(candidate => model.GetSymbolInfo(candidate, cancellationToken).Symbol?.ContainingType.ToDisplayString() == "Skewless.FeatureSetAttribute");
            if (attribute is not null)
            {
                versions[attribute] = version;
            }
        }

        var bumped = root.ReplaceNodes(versions.Keys, (original, rewritten) => WithVersion(rewritten, versions[original]));
        return document.WithSyntaxRoot(bumped).Project.Solution;
    }

    // Sets the attribute's Version argument, adding it after the others when it is not there.
    private static AttributeSyntax WithVersion(AttributeSyntax attribute, int version)
    {
        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(version));
        var arguments = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
        if (arguments.Arguments.FirstOrDefault(argument => argument.NameEquals?.Name.Identifier.ValueText == "Version") is { } existing)
        {
            return attribute.ReplaceNode(existing.Expression, literal.WithTriviaFrom(existing.Expression));
        }

        var added = SyntaxFactory.AttributeArgument(
            SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName("Version"), SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space)),
            nameColon: null,
            literal);
        var items = arguments.Arguments.Count == 0
            ? SyntaxFactory.NodeOrTokenList(added)
            : arguments.Arguments.GetWithSeparators().Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space)).Add(added);
        return attribute.WithArgumentList(arguments.WithArguments(SyntaxFactory.SeparatedList<AttributeArgumentSyntax>(items)));
    }

    /// <summary>Fixes every diagnostic in scope in one pass, so the contract file is read and written once per project.</summary>
    private sealed class ContractFixAllProvider : FixAllProvider
    {
        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var work = new List<(ProjectId, ImmutableArray<Diagnostic>)>();
            switch (fixAllContext.Scope)
            {
                case FixAllScope.Document when fixAllContext.Document is { } document:
                    work.Add((document.Project.Id, await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false)));
                    break;
                case FixAllScope.Project:
                    work.Add((fixAllContext.Project.Id, await fixAllContext.GetAllDiagnosticsAsync(fixAllContext.Project).ConfigureAwait(false)));
                    break;
                case FixAllScope.Solution:
                    // A project built for several frameworks appears once per framework, sharing one file.
                    foreach (var project in fixAllContext.Solution.Projects.GroupBy(project => project.FilePath ?? project.Name).Select(group => group.First()))
                    {
                        work.Add((project.Id, await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false)));
                    }

                    break;
            }

            var key = fixAllContext.CodeActionEquivalenceKey ?? "";
            var title = key switch
            {
                BumpKey => "Bump the Version of every changed feature set and record it",
                UpdateKey => "Update the entry of every changed feature set",
                _ => $"Record every unrecorded feature set version in {FeatureContract.FileName}",
            };
            return CodeAction.Create(title, cancellationToken => FixAsync(fixAllContext.Solution, work, key, cancellationToken), key);
        }
    }
}
