using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Skewless.Analyzers.Diagnostics;

namespace Skewless.CodeFixes.Skew;

/// <summary>
/// Fixes SKW301 by calling the feature the code nearly copies. That changes what the code computes,
/// which is right for a typo and wrong for a computation that only looks like the feature, so each
/// copy is fixed on its own, after someone has looked at it: there is no Fix All.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CallFeatureForNearCopyCodeFix)), Shared]
public sealed class CallFeatureForNearCopyCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NearCopyOfFeature);

    // No Fix All: a behaviour-changing fix is applied one copy at a time.
    public override FixAllProvider? GetFixAllProvider() => null;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => CallFeature.RegisterAsync(context, nameof(CallFeatureForNearCopyCodeFix));
}
