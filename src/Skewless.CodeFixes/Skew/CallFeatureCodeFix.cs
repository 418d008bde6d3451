using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Skewless.Analyzers.Diagnostics;

namespace Skewless.CodeFixes.Skew;

/// <summary>
/// Fixes SKW300 by calling the feature the code copies. The copy computes what the feature does, so
/// every copy can be fixed at once.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CallFeatureCodeFix)), Shared]
public sealed class CallFeatureCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ReimplementedFeature);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => CallFeature.RegisterAsync(context, nameof(CallFeatureCodeFix));
}
