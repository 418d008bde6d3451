using Microsoft.CodeAnalysis;
using Skewless.Analyzers.Model;

namespace Skewless.Analyzers.Parsing;

/// <summary>
/// Which libraries feature code calls, and at what versions: shared by the generator, which records
/// them in the features assembly, and by SKW405, which compares them where that assembly is referenced.
/// </summary>
internal static class FeatureLibraries
{
    public const string AttributeName = "Skewless.FeatureLibraryAttribute";
    private const string InformationalVersionAttributeName = "System.Reflection.AssemblyInformationalVersionAttribute";

    /// <summary>The versions of the libraries the valid features of <paramref name="model"/> call, skipping the target framework's own assemblies.</summary>
    public static FeatureLibrariesModel Of(FeatureSetModel model, Compilation compilation)
    {
        var referenced = ReferencedByName(compilation);
        var framework = FrameworkDirectory(compilation);
        var libraries = new List<LibraryModel>();
        foreach (var name in model.Libraries.Select(library => library.Assembly))
        {
            if (referenced.TryGetValue(name, out var assembly) && !IsFramework(compilation, assembly, framework))
            {
                libraries.Add(Describe(assembly));
            }
        }

        return new FeatureLibrariesModel(model.FullName, libraries.ToEquatableArray());
    }

    /// <summary>The assemblies a compilation references, by simple name (the first of a name wins, as the compiler unifies them).</summary>
    public static Dictionary<string, IAssemblySymbol> ReferencedByName(Compilation compilation)
    {
        var byName = new Dictionary<string, IAssemblySymbol>(StringComparer.Ordinal);
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (!byName.ContainsKey(assembly.Identity.Name))
            {
                byName.Add(assembly.Identity.Name, assembly);
            }
        }

        return byName;
    }

    /// <summary>Name, assembly version and informational version of a referenced assembly.</summary>
    public static LibraryModel Describe(IAssemblySymbol assembly)
    {
        var informational = assembly.GetAttributes()
            .FirstOrDefault(attribute => attribute.AttributeClass?.ToDisplayString() == InformationalVersionAttributeName && attribute.ConstructorArguments.Length == 1)?
            .ConstructorArguments[0].Value as string;
        return new LibraryModel(assembly.Identity.Name, assembly.Identity.Version.ToString(), informational ?? "");
    }

    // The target framework's reference assemblies sit in one folder with the core library (a
    // targeting pack, or the runtime folder). Their versions follow the runtime the code runs on,
    // not the compilation, so the runtime check of a fitted artifact covers them instead.
    private static string? FrameworkDirectory(Compilation compilation) =>
        DirectoryOf(compilation, compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly);

    private static bool IsFramework(Compilation compilation, IAssemblySymbol assembly, string? framework) =>
        framework is not null && string.Equals(DirectoryOf(compilation, assembly), framework, StringComparison.OrdinalIgnoreCase);

    private static string? DirectoryOf(Compilation compilation, IAssemblySymbol? assembly) =>
        assembly is not null && compilation.GetMetadataReference(assembly) is PortableExecutableReference { FilePath: { Length: > 0 } path }
            ? Path.GetDirectoryName(path)
            : null;
}
