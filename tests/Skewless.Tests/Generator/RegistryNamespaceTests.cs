using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Skewless.Analyzers.Generation;
using Skewless.Tests.Dependencies;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Generator;

/// <summary>
/// The generated <c>FeatureSets</c> registry lives in the assembly name's namespace, which a project can already use for
/// a type (a <c>Flights.Features</c> project with a class <c>Flights.Features</c>) or a <c>FeatureSets</c> folder;
/// <c>SkewlessRegistryNamespace</c> moves it.
/// </summary>
public sealed class RegistryNamespaceTests
{
    private const string Source = """
        using Skewless;

        namespace Flights
        {
            [DataSource("bts.on_time")]
            public sealed record Flight(float DistanceMiles);

            [FeatureSet(typeof(Flight))]
            public static partial class Features
            {
                [Feature] public static float Distance(Flight f) => f.DistanceMiles;
            }
        }
        """;

    [Fact]
    public void A_type_with_the_assembly_name_takes_the_registry_namespace_until_the_property_moves_it()
    {
        var clashing = Compile(registryNamespace: null);
        Assert.Contains(clashing.GetDiagnostics(), diagnostic => diagnostic.Id == "CS0101");

        var moved = Compile(registryNamespace: " Flights.Registry ");

        Assert.Empty(moved.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        Assert.NotNull(moved.GetTypeByMetadataName("Flights.Registry.FeatureSets"));
    }

    private static Compilation Compile(string? registryNamespace)
    {
        var compilation = TestCompilation.Create(Source).WithAssemblyName("Flights.Features");
        var properties = registryNamespace is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["SkewlessRegistryNamespace"] = registryNamespace };
        var driver = CSharpGeneratorDriver.Create(
            [new FeatureSetGenerator().AsSourceGenerator()],
            parseOptions: TestCompilation.ParseOptions,
            optionsProvider: new DependencyHarness.OptionsProvider(properties, new Dictionary<string, string>()));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        return output;
    }
}
