using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Skewless.Analyzers.Generation;

namespace Skewless.Tests.Infrastructure;

/// <summary>Builds compilations of test sources and runs the Skewless generator and analyzers over them.</summary>
internal static class TestCompilation
{
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>The global usings the SDK adds to a project with ImplicitUsings enabled, as the samples have.</summary>
    public const string ImplicitUsings = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Threading; global using System.Threading.Tasks;";

    public static CSharpCompilation Create(params string[] sources) => Create(ParseOptions, sources);

    public static CSharpCompilation Create(CSharpParseOptions options, params string[] sources) =>
        CSharpCompilation.Create(
            "Tests",
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, options, path: $"Source{index}.cs")),
            TestReferences.All,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: options.LanguageVersion >= LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable));

    /// <summary>
    /// A project named <paramref name="name"/> of <paramref name="source"/>, in the file <paramref name="path"/>, that references
    /// <paramref name="features"/> compiled with the generator into an assembly of its own, as a serving or training project
    /// references a features library; it must compile.
    /// </summary>
    public static CSharpCompilation ReferencingFeatures(string features, string name, string source, string path, ImmutableArray<MetadataReference> references)
    {
        var project = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source, ParseOptions, path: path)],
            references.Add(FeaturesLibrary(features)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Xunit.Assert.Empty(project.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        return project;
    }

    /// <summary><paramref name="features"/> compiled with the generator into an assembly, referenced as a features library is.</summary>
    public static MetadataReference FeaturesLibrary(string features)
    {
        var (library, _, _) = Generate(Create(features));
        using var image = new MemoryStream();
        Xunit.Assert.True(library.Emit(image).Success);
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    public static GeneratorDriver Driver(bool trackSteps = false, CSharpParseOptions? options = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new FeatureSetGenerator().AsSourceGenerator() },
            parseOptions: options ?? ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator and returns the compilation with its output, and the generator's own diagnostics.</summary>
    public static (Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, GeneratorRunResult Result) Generate(Compilation compilation, CSharpParseOptions? options = null)
    {
        var driver = Driver(options: options).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (output, diagnostics, driver.GetRunResult().Results.Single());
    }

    /// <summary>Every analyzer in the Skewless analyzer assembly, found by reflection so new ones are covered without listing them.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers { get; } = typeof(FeatureSetGenerator).Assembly
        .GetTypes()
        .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    /// <summary>Runs every Skewless analyzer; an analyzer that throws shows up as an AD0001 diagnostic.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer>? analyzers = null)
    {
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: null,
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        return await compilation.WithAnalyzers(analyzers ?? AllAnalyzers, options).GetAnalyzerDiagnosticsAsync();
    }
}
