using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.Definitions;
using Skewless.Analyzers.Diagnostics;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Definitions;

/// <summary>SKW114: what takes the name of the generated FeatureSets registry, in a test project named TestProject.</summary>
public sealed class RegistryNamespaceAnalyzerTests
{
    private const string Features = TestSources.Flight + """
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures { [Feature] public static float Miles(Flight f) => f.DistanceMiles; }

        """;

    private static Task VerifyAsync(string source, string? registryNamespace, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<RegistryNamespaceAnalyzer, DefaultVerifier> { TestCode = source, ReferenceAssemblies = TestReferences.None };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        if (registryNamespace is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\nbuild_property.SkewlessRegistryNamespace = {registryNamespace}\n"));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Taken(string @namespace, string taker) =>
        new DiagnosticResult(Descriptors.RegistryNamespaceTaken).WithLocation(0).WithArguments(@namespace, taker);

    [Fact]
    public Task Fires_on_a_row_class_named_like_the_project() => VerifyAsync(Features + """
        public sealed class {|#0:TestProject|} { }
        """, null, Taken("TestProject", "type 'TestProject'"));

    [Fact]
    public Task Fires_on_a_FeatureSets_class_or_folder_of_its_own() => Task.WhenAll(
        VerifyAsync(Features + "namespace TestProject { public static class {|#0:FeatureSets|} { } }", null, Taken("TestProject", "type 'TestProject.FeatureSets'")),
        VerifyAsync(Features + "namespace TestProject { public record {|#0:FeatureSets|}; }", null, Taken("TestProject", "type 'TestProject.FeatureSets'")),
        VerifyAsync(Features + "namespace TestProject.FeatureSets { public static class {|#0:Weather|} { } }", null, Taken("TestProject", "namespace 'TestProject.FeatureSets'")));

    [Fact]
    public Task Fires_on_a_part_of_the_namespace_the_project_sets() => VerifyAsync(Features + """
        public sealed class TestProject { }

        public sealed class {|#0:Acme|} { }
        """, "Acme.Registry", Taken("Acme.Registry", "type 'Acme'"));

    [Fact]
    public Task Is_silent_without_a_feature_set_or_a_clash() => Task.WhenAll(
        VerifyAsync("public sealed class TestProject { }", null),
        VerifyAsync(Features + "namespace TestProject { public static class Registry { } }", null),
        VerifyAsync(Features + "namespace TestProject { public static partial class FeatureSets { } }", null),
        VerifyAsync(Features + "namespace TestProject { public partial class FeatureSets { } }", null),
        VerifyAsync(Features + "public sealed class TestProject { }", "Acme.Registry"));

    [Fact]
    public async Task The_README_s_public_registry_compiles_with_the_generated_part_and_no_diagnostic()
    {
        // Assembly "Tests": the registry goes in namespace Tests, where this part makes it public.
        var compilation = TestCompilation.Create(Features, "namespace Tests { public static partial class FeatureSets { } }");
        TestCompilation.Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        var errors = generatorDiagnostics.Concat(output.GetDiagnostics()).Concat(await TestCompilation.AnalyzeAsync(output))
            .Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning);
        Assert.Empty(errors);
        Assert.Equal(Accessibility.Public, output.GetTypeByMetadataName("Tests.FeatureSets")!.DeclaredAccessibility);
    }
}
