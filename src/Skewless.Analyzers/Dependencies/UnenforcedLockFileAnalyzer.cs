using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Skewless.Analyzers.Diagnostics;

namespace Skewless.Analyzers.Dependencies;

/// <summary>SKW403: a project restores with a lock file, but a continuous-integration build does not enforce it with <c>RestoreLockedMode</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnenforcedLockFileAnalyzer : DependencyAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supports(Descriptors.LockFileNotEnforced);

    private protected override void Analyze(DependencyInputs inputs, List<Diagnostic> diagnostics)
    {
        var properties = inputs.Properties;
        var usesLockFile = inputs.Lock is not null || properties.RestorePackagesWithLockFile;
        if (usesLockFile && properties.ContinuousIntegrationBuild && !properties.RestoreLockedMode
            && inputs.ProjectProperty("RestorePackagesWithLockFile") is { } location)
        {
            diagnostics.Add(Diagnostic.Create(Descriptors.LockFileNotEnforced, location, Path.GetFileName(inputs.Project!.Path)));
        }
    }
}
