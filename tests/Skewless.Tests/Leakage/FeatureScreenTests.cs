using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Leakage.DataFlow;
using Skewless.Analyzers.Leakage.Dependencies;
using Skewless.Analyzers.Parsing;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Leakage;

/// <summary>
/// The syntactic screen in front of the data-flow engine: it must let through every feature the
/// engine would report (else a leak goes unreported), and should hold back the clean ones (else it
/// saves nothing).
/// </summary>
public sealed class FeatureScreenTests
{
    private const string Rows = TestSources.Flight + """
        namespace Sets.Clean
        {
            public static class Helpers
            {
                public static float Scale(Flight f, float by) => Deeper(f) * by;
                private static float Deeper(Flight f) => f.DistanceMiles > 100 ? f.DistanceMiles : 0;
            }

            [FeatureSet(typeof(Flight))]
            public static partial class Features
            {
                [Feature] public static float Distance(Flight f) => Helpers.Scale(f, 2);
                [Feature] public static float Twice(Flight f) => Distance(f) * 2;
            }
        }

        namespace Sets.Leaky
        {
            // Same type and member names as the clean set: names alone would drag the clean set in.
            public static class Helpers
            {
                public static float Scale(Flight f, float by) => Deeper(f) * by;
                private static float Deeper(Flight f) => f.DelayMinutes;
            }

            [FeatureSet(typeof(Flight))]
            public static partial class Features
            {
                [Feature] public static float {|#0:Distance|}(Flight f) => Helpers.Scale(f, 2);
                [Feature] public static float {|#1:Twice|}(Flight f) => Distance(f) * 2;
            }
        }
        """;

    [Fact]
    public void Holds_back_features_that_cannot_reach_a_marked_member_even_when_their_helpers_share_names_with_leaky_ones()
    {
        var screened = Screen(Rows);

        Assert.Equal(new[] { "Sets.Leaky.Features.Distance", "Sets.Leaky.Features.Twice" }, screened.LetThrough);
        Assert.Equal(new[] { "Sets.Clean.Features.Distance", "Sets.Clean.Features.Twice" }, screened.HeldBack);
    }

    [Fact]
    public void Holds_back_the_clean_sets_of_a_project_shaped_like_the_benchmark()
    {
        // tests/Skewless.Benchmarks/Analyzers/SyntheticProject.cs, three sets, the first leaking three calls down.
        var sets = Enumerable.Range(0, 3).Select(set => $$"""
            namespace Synthetic.Set{{set}}
            {
                public sealed class Row
                {
                    public float V0 { get; set; }
                    public float W { get; set; }
                    [Label] public float Target { get; set; }
                }

                public static class Helpers
                {
                    public static float H0a(Row r) { var x = r.V0; var y = H0b(r, x); return y > 0 ? y : -y; }
                    public static float H0b(Row r, float x) { if (x > 0) { return H0c(x, {{(set == 0 ? "r.Target" : "r.W")}}); } return x * 2; }
                    public static float H0c(float x, float w) { System.Func<float, float> scale = v => v * w; return scale(x) + System.MathF.Sqrt(System.MathF.Abs(w)); }
                    public static float Unreached(Row r) => r.Target;
                }

                [FeatureSet(typeof(Row), Version = 1)]
                public static partial class Features
                {
                    [Feature] public static float F0(Row r) => Helpers.H0a(r);
                    [Feature] public static float F1(Row r) => Helpers.H0a(r) + F0(r) / 2;
                }

                public static class Training
                {
                    public static Row[] Recent(Row[] rows) { var ordered = System.Linq.Enumerable.ToArray(System.Linq.Enumerable.OrderBy(rows, r => r.W)); return ordered; }
                }
            }
            """);

        var screened = Screen("using Skewless;\n" + string.Concat(sets));

        Assert.Equal(new[] { "Synthetic.Set0.Features.F0", "Synthetic.Set0.Features.F1" }, screened.LetThrough);
    }

    [Theory]
    [InlineData("=> string.Concat(f, \"\").Length;", "a row passed to a method without source")]
    [InlineData("=> Helpers.Unknown(f);", "a row passed to a method that does not exist (yet)")]
    [InlineData("=> f.ToString().Length;", "a method called on a row")]
    [InlineData("=> $\"{f}\".Length;", "a row interpolated")]
    [InlineData("{ static int Local(Flight g) => g.GetHashCode(); return Local(f); }", "a row passed to a local function")]
    [InlineData("=> Rows.Current.Origin.Length;", "a member that hands out rows")]
    [InlineData("=> new Flight().Origin.Length;", "a row type named in the body")]
    [InlineData("=> (int)Stats.Delay;", "a property whose getter reads a field whose initializer reads the label")]
    public void Lets_through_any_way_a_row_can_reach_code_without_source(string body, string why)
    {
        var screened = Screen(TestSources.Flight + $$"""
            public static class Rows { public static Flight Current { get; } = new(); }
            public static class Helpers { }
            public static class Stats { public static float Delay { get { var d = Mean; return d; } } private static readonly float Mean = new Flight().DelayMinutes; }

            [FeatureSet(typeof(Flight))]
            public static partial class Features
            {
                [Feature] public static int Feature(Flight f) {{body}}
            }
            """);

        Assert.True(screened.LetThrough.Contains("Features.Feature"), why);
    }

    [Fact]
    public void Turns_off_when_a_member_called_without_its_name_reads_the_label()
    {
        var screened = Screen(TestSources.Flight + """
            public sealed class Window
            {
                private readonly Flight _flight = new();
                public float this[int i] => _flight.DelayMinutes;
            }

            [FeatureSet(typeof(Flight))]
            public static partial class Features
            {
                [Feature] public static float Distance(Flight f) => f.DistanceMiles;
            }
            """);

        Assert.Contains("Features.Distance", screened.LetThrough);
    }

    [Fact]
    public void Screens_half_typed_code_without_throwing()
    {
        var screened = Screen("using Pair = (int, int);\nusing Row = Flight;\n" + TestSources.Flight + """
            public static class Helpers { public static float Scale(Row r, float by) => r. }

            [FeatureSet(typeof(Flight))]
            public static partial class Features
            {
                [Feature] public static float Delay(Flight f) => f.DelayMinutes;
                [Feature] public static float Distance(Flight f) => Helpers.Scale(f, 
            """);

        Assert.Contains("Features.Delay", screened.LetThrough);
    }

    // Each of these is reported by the engine only because the screen lets it through.
    [Fact]
    public Task A_leak_behind_a_helper_named_like_a_clean_one_is_still_reported() =>
        Verify.AnalyzerAsync<FeatureDependencyAnalyzer>(Rows,
            Label(0, "Distance", "via Helpers.Scale(…) → Helpers.Deeper(…)"),
            Label(1, "Twice", "via Features.Distance(…) → Helpers.Scale(…) → Helpers.Deeper(…)"));

    [Fact]
    public Task A_row_from_a_static_member_handed_to_code_without_source_is_still_reported() =>
        Verify.AnalyzerAsync<FeatureDependencyAnalyzer>(TestSources.Flight + """
            public static class Rows { public static Flight Current { get; } = new(); }

            [FeatureSet(typeof(Flight))]
            public static partial class Features
            {
                [Feature] public static int {|#0:Text|}(Flight f) => System.Text.Json.JsonSerializer.Serialize(Rows.Current).Length;
            }
            """,
            Label(0, "Text", "via JsonSerializer.Serialize(…) without source, assumed to read every member of 'Flight'"));

    private static DiagnosticResult Label(int location, string feature, string path) =>
        new DiagnosticResult(Descriptors.LabelDependency).WithLocation(location).WithArguments(feature, "Flight.DelayMinutes", path)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static (string[] LetThrough, string[] HeldBack) Screen(string source)
    {
        var compilation = TestCompilation.Create(Regex.Replace(source, @"\{\|#\d+:([^|]*)\|\}", "$1"));
        var symbols = KnownSymbols.TryCreate(compilation)!;
        var engine = new DataFlowEngine(compilation, new[] { symbols.LabelAttribute, symbols.NotAtServingAttribute, symbols.ModelOutputAttribute });
        var screen = FeatureScreen.Create(compilation, engine, CancellationToken.None);
        var features = compilation.SyntaxTrees.Select(tree => compilation.GetSemanticModel(tree))
            .SelectMany(model => model.SyntaxTree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
                .Select(method => (IMethodSymbol)model.GetDeclaredSymbol(method)!))
            .Where(method => KnownSymbols.Find(method, symbols.FeatureAttribute) is not null)
            .ToList();
        static string Name(IMethodSymbol method) => $"{method.ContainingType.ToDisplayString()}.{method.Name}";
        return (
            features.Where(screen.MayDependOnMarkedMember).Select(Name).OrderBy(name => name, StringComparer.Ordinal).ToArray(),
            features.Where(feature => !screen.MayDependOnMarkedMember(feature)).Select(Name).OrderBy(name => name, StringComparer.Ordinal).ToArray());
    }
}
