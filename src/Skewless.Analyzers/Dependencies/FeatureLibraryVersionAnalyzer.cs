using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Model;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Dependencies;

/// <summary>
/// SKW405: a referenced features assembly records (through the generator's
/// <c>[assembly: FeatureLibrary]</c>) a library version its feature code was compiled against, and
/// this compilation references another version of that library. Reported at the library's
/// <c>PackageReference</c> or <c>PackageVersion</c> when the project file names it, else at the
/// project, else without a location.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FeatureLibraryVersionAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.FeatureLibraryVersionMismatch);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationAction(compilation =>
        {
            if (!DependencyInputs.ReferencesSkewless(compilation.Compilation) || Mismatches(compilation.Compilation) is not { Count: > 0 } mismatches)
            {
                return;
            }

            var inputs = DependencyInputs.TryCreate(compilation.Compilation, compilation.Options, compilation.CancellationToken);
            foreach (var mismatch in mismatches)
            {
                var reference = inputs?.LocationOfPackage(mismatch.Recorded.Name, fallback: null);
                compilation.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.FeatureLibraryVersionMismatch,
                    reference ?? inputs?.ProjectRoot ?? Location.None,
                    mismatch.FeatureSet,
                    mismatch.FeaturesAssembly,
                    mismatch.Recorded.Name,
                    Describe(mismatch.Recorded),
                    Describe(mismatch.Current),
                    reference is null ? BroughtInBy(inputs, mismatch.Recorded.Name) : ""));
            }
        });
    }

    /// <summary>Each recorded library whose version this compilation references differently, once per features assembly and library.</summary>
    internal static List<(string FeatureSet, string FeaturesAssembly, LibraryModel Recorded, LibraryModel Current)> Mismatches(Compilation compilation)
    {
        var found = new List<(string, string, LibraryModel, LibraryModel)>();
        var referenced = FeatureLibraries.ReferencedByName(compilation);
        foreach (var assembly in referenced.Values)
        {
            // Only an assembly compiled against Skewless can carry the attribute; this skips the framework cheaply.
            if (!assembly.Modules.Any(module => module.ReferencedAssemblies.Any(reference => reference.Name == "Skewless")))
            {
                continue;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var attribute in assembly.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() != FeatureLibraries.AttributeName
                    || attribute.ConstructorArguments.Length != 4
                    || attribute.ConstructorArguments.Any(argument => argument.Value is not string))
                {
                    continue;
                }

                var values = attribute.ConstructorArguments.Select(argument => (string)argument.Value!).ToArray();
                var recorded = new LibraryModel(values[1], values[2], values[3]);
                if (referenced.TryGetValue(recorded.Name, out var library)
                    && FeatureLibraries.Describe(library) is var current
                    && current.Version != recorded.Version
                    && seen.Add(recorded.Name))
                {
                    found.Add((values[0], assembly.Identity.Name, recorded, current));
                }
            }
        }

        return found;
    }

    // A library the project does not reference itself came with another package: name it, for that is what to pin or
    // change. A package ID is taken to be its assembly's name, as it is for almost every library.
    private static string BroughtInBy(DependencyInputs? inputs, string library) =>
        inputs?.Assets?.Value?.Dependents is { } dependents && dependents.TryGetValue(library, out var packages)
            ? $" ({string.Join(", ", packages)} {(packages.Count == 1 ? "brings" : "bring")} it in)"
            : "";

    private static string Describe(LibraryModel library) =>
        library.InformationalVersion.Length == 0 ? library.Version : $"{library.Version} ({library.InformationalVersion})";
}
