using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using Skewless.Analyzers.Dependencies;
using Skewless.Analyzers.Diagnostics;

namespace Skewless.CodeFixes.Dependencies;

/// <summary>
/// Fixes SKW400 and SKW401 by writing, in place of the floating or ranged version, the version that
/// restore resolved today (the analyzer passes it, from the lock or assets file). The version is in
/// the project file or <c>Directory.Packages.props</c>, an additional document; every additional
/// document of that path in the solution gets the same edit. Offered only when the version is
/// written in the item itself and every target resolved one version.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PinPackageVersionCodeFix)), Shared]
public sealed class PinPackageVersionCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = "SkewlessPinPackageVersion";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.FloatingVersion, DiagnosticIds.VersionRange);

    public override FixAllProvider GetFixAllProvider() => PinAll.Instance;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var solution = context.TextDocument.Project.Solution;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Pin(diagnostic) is { } pin)
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Pin to {pin.Change.NewText}, the version restore resolved", cancellationToken => PinAsync(solution, new[] { diagnostic }, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The file and the edit that pins one diagnostic's version, or <see langword="null"/> when it cannot be pinned.</summary>
    private static (string Path, TextChange Change)? Pin(Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(PackageVersionAnalyzer.ResolvedProperty, out var resolved) || string.IsNullOrEmpty(resolved)
            || diagnostic.AdditionalLocations.Count != 1 || diagnostic.AdditionalLocations[0].GetLineSpan().Path is not { Length: > 0 } path)
        {
            return null;
        }

        return (path, new TextChange(diagnostic.AdditionalLocations[0].SourceSpan, resolved!));
    }

    private static async Task<Solution> PinAsync(Solution solution, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var edits = diagnostics
            .Select(Pin)
            .Where(pin => pin is not null)
            .Select(pin => pin!.Value)
            .GroupBy(pin => pin.Path, pin => pin.Change, StringComparer.OrdinalIgnoreCase);
        foreach (var file in edits)
        {
            var changes = file.GroupBy(change => change.Span).Select(group => group.First()).OrderBy(change => change.Span.Start).ToList();
            foreach (var document in solution.Projects.SelectMany(project => project.AdditionalDocuments).Where(document => string.Equals(document.FilePath, file.Key, StringComparison.OrdinalIgnoreCase)).ToList())
            {
                var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                if (changes.All(change => change.Span.End <= text.Length))
                {
                    solution = solution.WithAdditionalDocumentText(document.Id, text.WithChanges(changes));
                }
            }
        }

        return solution;
    }

    /// <summary>Pins every fixable version in the project (or solution) at once. The built-in fixers edit C# documents only.</summary>
    private sealed class PinAll : FixAllProvider
    {
        public static readonly PinAll Instance = new();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var projects = fixAllContext.Scope == FixAllScope.Solution ? fixAllContext.Solution.Projects : new[] { fixAllContext.Project };
            var diagnostics = new List<Diagnostic>();
            foreach (var project in projects)
            {
                var all = await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
                diagnostics.AddRange(all.Where(diagnostic => fixAllContext.DiagnosticIds.Contains(diagnostic.Id) && Pin(diagnostic) is not null));
            }

            return diagnostics.Count == 0
                ? null
                : CodeAction.Create("Pin every floating or ranged version to the version restore resolved", cancellationToken => PinAsync(fixAllContext.Solution, diagnostics, cancellationToken), EquivalenceKey);
        }
    }
}
