using Microsoft.CodeAnalysis;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Generator;

/// <summary>
/// A definition the analyzers reject gets its SKW1xx diagnostic, and the generator neither throws nor
/// writes code that fails to compile: the user sees the one diagnostic, not a cascade of errors in generated files.
/// </summary>
public sealed class DefinitionErrorTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        // Widths past the limits, which once overflowed the checked sum (CS8785) or wrapped to a negative Width.
        { "SKW103", Set("[Feature, HashBuckets(int.MaxValue)] public static string A(Flight f) => f.Origin; [Feature] public static float B(Flight f) => f.DistanceMiles;") },
        { "SKW103", Set("[Feature, HashBuckets(1 << 30)] public static string A(Flight f) => f.Origin; [Feature, HashBuckets(1 << 30)] public static string B(Flight f) => f.Origin;") },
        { "SKW103", Set("[Feature, Vocabulary(MaxSize = int.MaxValue)] public static string A(Flight f) => f.Origin;") },
        { "SKW103", Set("[Feature, Vocabulary(MaxSize = 10, OovBuckets = int.MaxValue)] public static string A(Flight f) => f.Origin;") },
        { "SKW111", Set(string.Concat(Enumerable.Range(0, 17).Select(i => $"[Feature, HashBuckets(1 << 20)] public static string A{i}(Flight f) => f.Origin;\n"))) },

        // Input types the generated code cannot use.
        { "SKW110", """
            internal sealed class R { public float X { get; set; } }
            [FeatureSet(typeof(R))]
            public static partial class FF { [Feature] internal static float X(R r) => r.X; }
            """ },
        { "SKW110", """
            public partial class Outer
            {
                internal sealed class R { public float X { get; set; } }
                [FeatureSet(typeof(R))]
                protected static partial class FF { [Feature] internal static float X(R r) => r.X; }
            }
            """ },
        { "SKW110", """
            internal class Outer
            {
                protected internal sealed class R { public float X { get; set; } }
            }
            public partial class Other
            {
                [FeatureSet(typeof(Outer.R))]
                protected internal static partial class FF { [Feature] internal static float X(Outer.R r) => r.X; }
            }
            """ },
        { "SKW110", """
            public ref struct R { public float X; }
            [FeatureSet(typeof(R))]
            public static partial class FF { [Feature] public static float X(R r) => r.X; }
            """ },
        { "SKW110", "[FeatureSet(null)] public static partial class FF { }" },
        { "SKW110", "[FeatureSet(typeof(System.Collections.Generic.List<>))] public static partial class FF { }" },
        { "SKW110", "[FeatureSet(typeof(int*))] public static unsafe partial class FF { }" },

        // Feature sets the generated part cannot complete.
        { "SKW100", """
            [FeatureSet(typeof(Flight))]
            file static partial class FF { [Feature] public static float X(Flight f) => f.DistanceMiles; }
            """ },

        // Generic feature sets, as they are being typed: their names once made the generator throw (CS8785), which drops every generated file.
        { "SKW100", "[FeatureSet(typeof(Flight))] public static partial class FF<T> { [Feature] public static float X(Flight f) => MathF.Log(1 + f.DistanceMiles * 100f); }" },
        { "SKW100", "public partial class Outer<T> { [FeatureSet(typeof(Flight))] public static partial class FF { [Feature] public static float X(Flight f) => MathF.Log(1 + f.DistanceMiles * 100f); } }" },
        { "SKW100", "[FeatureSet(typeof(Flight))] public static partial class <> { [Feature] public static float X(Flight f) => MathF.Log(1 + f.DistanceMiles * 100f); }" },

        // Names that cannot be written into generated code.
        { "SKW104", Set("[Feature(\"a\\nb\")] public static float A(Flight f) => f.DistanceMiles;") },
        { "SKW104", Set("[Feature(\"a\\u2028b\")] public static float A(Flight f) => f.DistanceMiles;") },

        // Definition errors that once left follow-on errors in the generated file.
        { "SKW104", Set("[Feature] public static float A(Flight f) => 1; [Feature] public static float A(Flight f) => 2;") },
        { "SKW107", Set("[Feature] public static float Vector(Flight f) => f.DistanceMiles; [Feature] public static float B(Flight f) => 1;") },
        { "SKW107", Set("[Feature] public static float Width(Flight f) => f.DistanceMiles; [Feature] public static float B(Flight f) => 1;") },
        { "SKW107", Set("[Feature] public static float SparseWidth(Flight f) => f.DistanceMiles; [Feature] public static float B(Flight f) => 1;") },

        // [Feature] where no generated code calls it.
        { "SKW106", Set("[Feature] public static float A(Flight f) { [Feature] static float Local(Flight g) => 1; return Local(f); }") },
        { "SKW106", Set("[Feature] public static float A(Flight f) { System.Func<Flight, float> l = [Feature] (Flight g) => 1; return l(f); }") },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Gives_its_diagnostic_and_no_errors_in_generated_code(string id, string source)
    {
        var compilation = TestCompilation.Create(TestSources.Flight + source);
        var (output, generatorDiagnostics, result) = TestCompilation.Generate(compilation);

        Assert.Empty(generatorDiagnostics);
        var generatedErrors = output.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error && IsGenerated(diagnostic.Location)).ToList();
        Assert.True(generatedErrors.Count == 0, string.Join("\n", generatedErrors.Take(5)));
        Assert.DoesNotContain(result.GeneratedSources, source => source.SourceText.ToString().Contains("Width = -", StringComparison.Ordinal));
        Assert.Contains(await TestCompilation.AnalyzeAsync(compilation), diagnostic => diagnostic.Id == id);
    }

    [Fact]
    public void A_helper_overloading_a_generated_one_compiles_beside_it()
    {
        var compilation = TestCompilation.Create(TestSources.Flight + Set("""
            private static int OrdinalOf(float miles) => (int)(miles / 500f);
            private static string TermOf(int code) => code.ToString(System.Globalization.CultureInfo.InvariantCulture);
            [Feature] public static Cabin Class(Flight f) => f.Cabin;
            [Feature, Vocabulary(MaxSize = 2)] public static Cabin Booked(Flight f) => f.Cabin;
            [Feature] public static int Band(Flight f) => OrdinalOf(f.DistanceMiles);
            """));
        var (output, generatorDiagnostics, result) = TestCompilation.Generate(compilation);

        Assert.Empty(generatorDiagnostics);
        Assert.Contains(result.GeneratedSources, source => source.SourceText.ToString().Contains("Cabin value", StringComparison.Ordinal) && source.SourceText.ToString().Contains("private static int OrdinalOf(", StringComparison.Ordinal));
        Assert.Contains(result.GeneratedSources, source => source.SourceText.ToString().Contains(" TermOf(", StringComparison.Ordinal));
        var errors = output.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(5)));
    }

    [Fact]
    public void Verbatim_and_non_ASCII_names_generate_every_feature_set()
    {
        var compilation = TestCompilation.Create(TestSources.Flight + """
            namespace Acme.@event
            {
                [FeatureSet(typeof(Flight))]
                public static partial class @class { [Feature] public static float Miles(Flight f) => f.DistanceMiles; }
            }

            namespace Données
            {
                [FeatureSet(typeof(Flight), Name = "Vols")]
                public static partial class Caractéristiques { [Feature] public static float Miles(Flight f) => f.DistanceMiles; }
            }

            public static class Uses
            {
                public static object[] Fitted(Flight[] rows) => new object[] { Acme.@event.@class.Fit(rows), Données.Caractéristiques.Fit(rows) };
            }
            """);
        var (output, generatorDiagnostics, result) = TestCompilation.Generate(compilation);

        Assert.Empty(generatorDiagnostics);
        Assert.Contains(result.GeneratedSources, source => source.HintName == "Acme._event._class.g.cs");
        Assert.Contains(result.GeneratedSources, source => source.HintName == "Données.Caractéristiques.g.cs");
        var errors = output.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(5)));
    }

    [Fact]
    public void Names_that_differ_only_in_case_or_escaping_generate_every_feature_set()
    {
        // Roslyn compares hint names ignoring case, and one clash drops every generated file of the project.
        var compilation = TestCompilation.Create(TestSources.Flight + """
            namespace Acme
            {
                [FeatureSet(typeof(Flight), Name = "Upper")]
                public static partial class Features { [Feature] public static float Miles(Flight f) => f.DistanceMiles; }

                [FeatureSet(typeof(Flight), Name = "Lower")]
                public static partial class features { [Feature] public static float Miles(Flight f) => f.DistanceMiles; }

                [FeatureSet(typeof(Flight), Name = "Escaped")]
                public static partial class @class { [Feature] public static float Miles(Flight f) => f.DistanceMiles; }

                [FeatureSet(typeof(Flight), Name = "Underscore")]
                public static partial class _class { [Feature] public static float Miles(Flight f) => f.DistanceMiles; }
            }

            public static class Uses
            {
                public static object[] Fitted(Flight[] rows) => new object[]
                {
                    Acme.Features.Fit(rows), Acme.features.Fit(rows), Acme.@class.Fit(rows), Acme._class.Fit(rows),
                };
            }
            """);
        var (output, generatorDiagnostics, result) = TestCompilation.Generate(compilation);

        Assert.Empty(generatorDiagnostics);
        var hintNames = result.GeneratedSources.Select(source => source.HintName).ToList();
        Assert.Equal(hintNames.Count, hintNames.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains(hintNames, name => System.Text.RegularExpressions.Regex.IsMatch(name, @"^Acme\.Features\.[0-9a-f]{8}\.g\.cs$"));
        Assert.Equal(2, hintNames.Count(name => System.Text.RegularExpressions.Regex.IsMatch(name, @"^Acme\._class\.[0-9a-f]{8}\.g\.cs$")));
        var errors = output.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(5)));
    }

    private static bool IsGenerated(Location location) => location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true;

    private static string Set(string features) => $$"""
        [FeatureSet(typeof(Flight))]
        public static partial class FF
        {
            {{features}}
        }
        """;
}
