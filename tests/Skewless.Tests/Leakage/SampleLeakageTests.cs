using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Leakage;

/// <summary>The analyzers on whole programs: the Flights sample must be clean, and top-level statements are analysed like any method.</summary>
public sealed class SampleLeakageTests
{
    [Fact]
    public async Task The_Flights_sample_has_no_leakage()
    {
        var sample = Path.Combine(RepositoryPaths.Root, "samples", "Flights");
        var diagnostics = await AnalyzeProgramAsync(Directory.EnumerateFiles(sample, "*.cs").Select(File.ReadAllText).ToArray());

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Top_level_statements_are_analysed()
    {
        var diagnostics = await AnalyzeProgramAsync("""
            using Skewless;

            [DataSource("bts.on_time")]
            public sealed class Flight
            {
                [EventTime] public DateTime Departure { get; set; }
                public float DistanceMiles { get; set; }
            }

            [FeatureSet(typeof(Flight))]
            public static partial class FlightFeatures
            {
                [Feature, ZScore] public static float Distance(Flight f) => f.DistanceMiles;
            }
            """, """
            using System.Linq;

            var flights = new Flight[100];
            var fitted = FlightFeatures.Fit(flights);
            var split = FlightFeatures.SplitByTime(flights, 0.2);
            System.Console.WriteLine(fitted.Transform(split.Test[0]).Distance);
            """);

        Assert.Equal(["SKW205"], diagnostics.Select(diagnostic => diagnostic.Id));
    }

    /// <summary>Compiles a console program with the generator and ML.NET, and returns its compiler errors and the leakage (SKW2xx) diagnostics.
    /// The assembly is named like the sample's, because the generated registry lives in the namespace named after the assembly.</summary>
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeProgramAsync(params string[] sources)
    {
        var trees = sources.Append(TestCompilation.ImplicitUsings).Select(source => CSharpSyntaxTree.ParseText(source, TestCompilation.ParseOptions));
        var compilation = CSharpCompilation.Create("Flights", trees, TestReferences.WithMachineLearning, new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        var (output, _, _) = TestCompilation.Generate(compilation);
        var errors = output.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        var leakage = (await TestCompilation.AnalyzeAsync(output)).Where(diagnostic => diagnostic.Id.StartsWith("SKW2", StringComparison.Ordinal));
        return errors.Concat(leakage).ToImmutableArray();
    }
}
