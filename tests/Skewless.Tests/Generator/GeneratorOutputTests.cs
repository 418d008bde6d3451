using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Generator;

/// <summary>
/// The generated code for each case in <c>Cases/</c> must match the file kept in <c>Expected/</c>,
/// and must compile. Set SKEWLESS_UPDATE_EXPECTED=1 to rewrite the expected files on purpose.
/// </summary>
public sealed class GeneratorOutputTests
{
    private static readonly bool Update = Environment.GetEnvironmentVariable("SKEWLESS_UPDATE_EXPECTED") == "1";

    public static TheoryData<string> Cases() =>
        new(Directory.EnumerateFiles(Path.Combine(RepositoryPaths.TestProject, "Generator", "Cases"), "*.cs").Select(Path.GetFileNameWithoutExtension).Order()!);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_matches_expected_output(string name)
    {
        var options = name.Contains("CSharp73", StringComparison.Ordinal) ? new CSharpParseOptions(LanguageVersion.CSharp7_3) : TestCompilation.ParseOptions;
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.TestProject, "Generator", "Cases", name + ".cs"));
        CheckAgainstExpected(name, options, source);
    }

    [Fact]
    public void Flights_sample_matches_expected_output()
    {
        var sample = Path.Combine(RepositoryPaths.Root, "samples", "Flights");
        CheckAgainstExpected(
            "FlightsSample",
            TestCompilation.ParseOptions,
            TestCompilation.ImplicitUsings,
            File.ReadAllText(Path.Combine(sample, "Flight.cs")),
            File.ReadAllText(Path.Combine(sample, "FlightFeatures.cs")),
            File.ReadAllText(Path.Combine(sample, "FlightFeaturesV1.cs")));
    }

    private static void CheckAgainstExpected(string name, CSharpParseOptions options, params string[] sources)
    {
        var (output, generatorDiagnostics, result) = TestCompilation.Generate(TestCompilation.Create(options, sources), options);
        Assert.Empty(generatorDiagnostics);
        Assert.Empty(output.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error && !IsExpectedError(name, diagnostic)));

        var directory = Path.Combine(RepositoryPaths.TestProject, "Generator", "Expected", name);
        var generated = result.GeneratedSources.ToDictionary(source => source.HintName, source => source.SourceText.ToString());
        if (Update)
        {
            Directory.CreateDirectory(directory);
            foreach (var stale in Directory.EnumerateFiles(directory))
            {
                File.Delete(stale);
            }

            foreach (var (hintName, text) in generated)
            {
                File.WriteAllText(Path.Combine(directory, hintName), text);
            }

            return;
        }

        Assert.True(Directory.Exists(directory), $"No expected output for case '{name}'. Run the tests with SKEWLESS_UPDATE_EXPECTED=1 to write it, then review it.");
        var expected = Directory.EnumerateFiles(directory).ToDictionary(path => Path.GetFileName(path), File.ReadAllText);
        Assert.Equal(expected.Keys.Order(), generated.Keys.Order());
        foreach (var (hintName, text) in generated)
        {
            Assert.True(
                expected[hintName] == text,
                $"Generated {hintName} differs from Expected/{name}/{hintName}. If the change is intended, run the tests with SKEWLESS_UPDATE_EXPECTED=1 and review the diff.\n--- generated ---\n{text}");
        }
    }

    // Cases that test how invalid features are left out contain the errors the user code itself has.
    private static bool IsExpectedError(string name, Diagnostic diagnostic) => name == "InvalidFeaturesLeftOut" && diagnostic.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) != true;
}
