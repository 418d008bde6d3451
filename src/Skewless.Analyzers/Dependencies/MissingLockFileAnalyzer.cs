using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Skewless.Analyzers.Diagnostics;

namespace Skewless.Analyzers.Dependencies;

/// <summary>
/// SKW402: an application (<c>OutputType</c> Exe, or <c>IsPackable</c> false) that has packages but
/// restores without a lock file. Libraries are left alone: apps pin, libraries keep their ranges.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingLockFileAnalyzer : DependencyAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supports(Descriptors.ApplicationWithoutLockFile);

    private protected override void Analyze(DependencyInputs inputs, List<Diagnostic> diagnostics)
    {
        var properties = inputs.Properties;
        if (inputs.Lock is not null || properties.RestorePackagesWithLockFile || !(properties.IsExe || !properties.IsPackable) || !HasPackages(inputs))
        {
            return;
        }

        var (property, why) = properties.IsExe ? ("OutputType", "OutputType " + properties.OutputType) : ("IsPackable", "IsPackable false");
        if (inputs.ProjectProperty(property) is { } location)
        {
            diagnostics.Add(Diagnostic.Create(Descriptors.ApplicationWithoutLockFile, location, Path.GetFileName(inputs.Project!.Path), why));
        }
    }

    private static bool HasPackages(DependencyInputs inputs) =>
        inputs.Assets?.Value?.Frameworks.Any(framework => framework.Dependencies.Values.Any(dependency => !dependency.AutoReferenced)) == true
        || inputs.Project?.Value?.Items.Any(item => item.ItemType == MsBuildFile.PackageReference && !item.IsUpdate) == true;
}
