using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Skewless.Analyzers.Diagnostics;

namespace Skewless.Analyzers.Dependencies;

/// <summary>SKW406: an input of the dependency rules is empty, truncated or not well-formed. It is skipped, and said so once, here.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnreadableDependencyFileAnalyzer : DependencyAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supports(Descriptors.UnreadableDependencyFile);

    private protected override void Analyze(DependencyInputs inputs, List<Diagnostic> diagnostics)
    {
        foreach (var (path, kind, location, error) in inputs.Unreadable)
        {
            diagnostics.Add(Diagnostic.Create(Descriptors.UnreadableDependencyFile, location, Describe(kind), path, error));
        }
    }

    private static string Describe(string kind) => kind switch
    {
        DependencyFileKind.ProjectFile => "project file",
        DependencyFileKind.PackagesProps => "central package versions file",
        DependencyFileKind.Assets => "NuGet assets file",
        DependencyFileKind.LockFile => "NuGet lock file",
        DependencyFileKind.PeerLockFile => "peer lock file",
        _ => "file",
    };
}
