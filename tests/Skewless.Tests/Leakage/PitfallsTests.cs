using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Skewless.Analyzers.Diagnostics;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Leakage;

/// <summary>samples/Pitfalls: every file named after a diagnostic (leakage at the top, skew in Skew/) makes it fire, and every leakage diagnostic has such a file.</summary>
public sealed class PitfallsTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "samples", "Pitfalls");

    private static readonly Lazy<Task<IReadOnlyList<Diagnostic>>> Diagnostics = new(AnalyzeAsync);

    public static TheoryData<string> Files() => new(FileNames());

    private static IEnumerable<string> FileNames() => Sources().Select(path => Path.GetFileName(path)).Where(file => file.StartsWith("SKW", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    // The leakage files and the skew ones in Skew/; Dependencies/ is a project of its own.
    private static IEnumerable<string> Sources() => Directory.EnumerateFiles(Folder, "*.cs").Concat(Directory.EnumerateFiles(Path.Combine(Folder, "Skew"), "*.cs"));

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Each_file_fires_the_diagnostic_it_is_named_after(string file)
    {
        var id = file.Split('_')[0];
        var inFile = (await Diagnostics.Value).Where(diagnostic => Path.GetFileName(diagnostic.Location.SourceTree?.FilePath) == file).ToList();

        Assert.Contains(inFile, diagnostic => diagnostic.Id == id);
        Assert.DoesNotContain(inFile, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error && !diagnostic.Id.StartsWith("SKW", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_definition_error_gets_in_the_way_of_the_pitfalls()
    {
        // The sample is there to show leakage and skew: a misuse of the attributes (such as two
        // feature sets with one logical name, SKW109) would only hide them among noise.
        var definitions = (await Diagnostics.Value).Where(diagnostic => diagnostic.Id.StartsWith("SKW1", StringComparison.Ordinal)).Select(diagnostic => diagnostic.ToString());

        Assert.Empty(definitions);
    }

    [Fact]
    public void Every_leakage_diagnostic_has_a_pitfall()
    {
        var ids = typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => field.GetValue(null))
            .OfType<DiagnosticDescriptor>()
            .Where(descriptor => descriptor.Category == Descriptors.LeakageCategory)
            .Select(descriptor => descriptor.Id);

        Assert.All(ids, id => Assert.Contains(FileNames(), file => file.StartsWith(id + "_", StringComparison.Ordinal)));
    }

    private static async Task<IReadOnlyList<Diagnostic>> AnalyzeAsync()
    {
        var trees = Sources()
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), TestCompilation.ParseOptions, path))
            .Append(CSharpSyntaxTree.ParseText(TestCompilation.ImplicitUsings, TestCompilation.ParseOptions));
        var compilation = CSharpCompilation.Create("Pitfalls", trees, TestReferences.WithMachineLearning, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var (output, _, _) = TestCompilation.Generate(compilation);
        return output.GetDiagnostics().Concat(await TestCompilation.AnalyzeAsync(output)).ToList();
    }
}
