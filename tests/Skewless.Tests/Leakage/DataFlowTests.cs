using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Leakage.Dependencies;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Leakage;

/// <summary>What the data-flow engine follows beyond the matrix, and where it stays precise, shown through SKW200.</summary>
public sealed class DataFlowTests
{
    private const string Flight = """
        using System.Collections.Generic;
        using System.Linq;

        """ + TestSources.Flight;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        Verify.AnalyzerAsync<FeatureDependencyAnalyzer>(Flight + source, expected);

    private static DiagnosticResult Label(string feature, string path, int location = 0) =>
        new DiagnosticResult(Descriptors.LabelDependency)
            .WithLocation(location)
            .WithArguments(feature, "Flight.DelayMinutes", path)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public Task The_read_is_the_additional_location() => Verify.AnalyzerAsync<FeatureDependencyAnalyzer>(Flight + """
        public static class Helper
        {
            public static float Bucket(Flight f)
            {
                var d = {|#1:f.DelayMinutes|};
                return d > 15 ? 1 : 0;
            }
        }

        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static float {|#0:DelayBucket|}(Flight f) => Helper.Bucket(f);
        }
        """, new DiagnosticResult(Descriptors.LabelDependency).WithLocation(0).WithLocation(1)
            .WithArguments("DelayBucket", "Flight.DelayMinutes", "via Helper.Bucket(…) → local 'd'"));

    [Fact]
    public Task An_assignment_under_a_branch_depends_on_its_condition() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static float {|#0:Late|}(Flight f)
            {
                var late = 0f;
                if (f.DelayMinutes > 15)
                {
                    late = 1;
                }

                return late;
            }

            [Feature] public static float Unrelated(Flight f)
            {
                if (f.DelayMinutes > 15)
                {
                    System.Console.WriteLine("late");
                }

                return f.DistanceMiles;
            }
        }
        """, Label("Late", "via local 'late' → a branch"));

    [Fact]
    public Task A_break_out_of_a_loop_guards_the_rest_of_the_loop() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static int {|#0:Steps|}(Flight f)
            {
                var steps = 0;
                for (var i = 0; i < 10; i++)
                {
                    if (i > f.DelayMinutes)
                    {
                        break;
                    }

                    steps++;
                }

                return steps;
            }
        }
        """, Label("Steps", "via local 'steps' → a branch"));

    [Fact]
    public Task Switch_expressions_and_patterns_depend_on_what_they_inspect() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static int {|#0:Band|}(Flight f) => f.DelayMinutes switch { > 60 => 2, > 15 => 1, _ => 0 };

            [Feature] public static bool {|#1:Late|}(Flight f) => f is { DelayMinutes: > 15 };

            [Feature] public static bool Far(Flight f) => f is { DistanceMiles: > 1000 };
        }
        """, Label("Band", "directly"), Label("Late", "directly", location: 1));

    [Fact]
    public Task Out_and_ref_parameters_carry_what_the_helper_writes() => VerifyAsync("""
        public static class Helper
        {
            public static bool TryRead(Flight f, out float value)
            {
                value = f.DelayMinutes;
                return true;
            }

            public static void Add(Flight f, ref float total) => total += f.DelayMinutes;
        }

        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static float {|#0:ViaOut|}(Flight f) => Helper.TryRead(f, out var value) ? value : 0;

            [Feature] public static float {|#1:ViaRef|}(Flight f)
            {
                var total = f.DistanceMiles;
                Helper.Add(f, ref total);
                return total;
            }
        }
        """,
        Label("ViaOut", "via local 'value' → Helper.TryRead(…) → parameter 'value'"),
        Label("ViaRef", "via local 'total' → Helper.Add(…) → parameter 'total'", location: 1));

    [Fact]
    public Task Local_functions_and_method_groups_are_followed() => VerifyAsync("""
        public static class Helper
        {
            public static float Read(Flight f) => f.DelayMinutes;
        }

        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static float {|#0:ViaLocalFunction|}(Flight f)
            {
                return Half(f.DelayMinutes);

                static float Half(float x) => x / 2;
            }

            [Feature] public static float {|#1:ViaMethodGroup|}(Flight f)
            {
                Func<Flight, float> read = Helper.Read;
                return read(f);
            }

            [Feature] public static float ViaUnusedLocalFunction(Flight f)
            {
                return f.DistanceMiles;

                float Unused() => f.DelayMinutes;
            }
        }
        """,
        Label("ViaLocalFunction", "via Half(…) → parameter 'x'"),
        Label("ViaMethodGroup", "via local 'read' → Helper.Read(…)", location: 1));

    [Fact]
    public Task A_lambda_passed_to_a_helper_and_invoked_there_is_followed() => VerifyAsync("""
        public static class Helper
        {
            public static float Apply(Flight f, Func<Flight, float> read) => read(f);
        }

        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static float {|#0:Leak|}(Flight f) => Helper.Apply(f, x => x.DelayMinutes);

            [Feature] public static float Distance(Flight f) => Helper.Apply(f, x => x.DistanceMiles);
        }
        """, Label("Leak", "via Helper.Apply(…) → parameter 'read' → lambda"));

    [Fact]
    public Task Recursive_helpers_are_solved_whichever_is_asked_first() => VerifyAsync("""
        public static class Helper
        {
            public static float Even(Flight f, int n) => n == 0 ? f.DistanceMiles : Odd(f, n - 1);

            public static float Odd(Flight f, int n) => n == 0 ? f.DelayMinutes : Even(f, n - 1);
        }

        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static float {|#0:FromEven|}(Flight f) => Helper.Even(f, 3);

            [Feature] public static float {|#1:FromOdd|}(Flight f) => Helper.Odd(f, 3);
        }
        """,
        Label("FromEven", "via Helper.Even(…) → Helper.Odd(…)"),
        Label("FromOdd", "via Helper.Odd(…)", location: 1));

    [Fact]
    public Task A_static_initializer_is_followed() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            private static readonly Flight Reference = new Flight { DelayMinutes = 12 };
            private static readonly float Baseline = Reference.DelayMinutes;

            [Feature] public static float {|#0:AboveBaseline|}(Flight f) => f.DistanceMiles - Baseline;
        }
        """, Label("AboveBaseline", "via FlightFeatures.Baseline"));

    [Fact]
    public Task Code_without_source_depends_on_its_arguments() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static float {|#0:Rounded|}(Flight f) => MathF.Round(f.DelayMinutes);

            [Feature] public static float {|#1:Largest|}(Flight f) => new[] { f.DistanceMiles, f.DelayMinutes }.Max();

            [Feature] public static float Distance(Flight f) => MathF.Round(f.DistanceMiles) + new[] { f.DistanceMiles }.Select(x => x * 2).Sum();
        }
        """, Label("Rounded", "directly"), Label("Largest", "directly", location: 1));

    [Fact]
    public Task A_whole_row_passed_to_code_without_source_counts_as_reading_every_member() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static int {|#0:JsonLength|}(Flight f) => System.Text.Json.JsonSerializer.Serialize(f).Length;

            [Feature] public static int {|#1:TextLength|}(Flight f) => $"{f}".Length;

            [Feature] public static bool Known(Flight f) => f is not null && !ReferenceEquals(f, null) && f.GetType() == typeof(Flight) && f.Origin.Length > 0;
        }
        """,
        Label("JsonLength", "via JsonSerializer.Serialize(…) without source, assumed to read every member of 'Flight'"),
        Label("TextLength", "via string interpolation without source, assumed to read every member of 'Flight'", location: 1));

    [Fact]
    public Task Writing_into_a_local_object_makes_the_local_depend_on_what_was_written() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static int {|#0:ViaBuilder|}(Flight f)
            {
                var text = new System.Text.StringBuilder();
                text.Append(f.DelayMinutes);
                return text.ToString().Length;
            }

            [Feature] public static float {|#1:ViaArray|}(Flight f)
            {
                var values = new float[2];
                values[0] = f.DelayMinutes;
                return values.Sum();
            }
        }
        """,
        Label("ViaBuilder", "via local 'text'"),
        Label("ViaArray", "via local 'values'", location: 1));

    [Fact]
    public Task A_record_deconstructs_member_by_member() => Verify.AnalyzerAsync<FeatureDependencyAnalyzer>("""
        using Skewless;

        [DataSource("bts.on_time")]
        public sealed record Leg(float Distance, [property: Label] float Delay);

        [FeatureSet(typeof(Leg))]
        public static partial class LegFeatures
        {
            [Feature] public static float Distance(Leg leg)
            {
                var (distance, _) = leg;
                return distance;
            }

            [Feature] public static float {|#0:Leak|}(Leg leg)
            {
                var (_, delay) = leg;
                return delay;
            }
        }
        """, new DiagnosticResult(Descriptors.LabelDependency).WithLocation(0).WithArguments("Leak", "Leg.Delay", "via local 'delay' → Leg.Deconstruct(…)").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task A_tuple_local_carries_each_element_apart() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static float Distance(Flight f)
            {
                var t = (d: f.DistanceMiles, y: f.DelayMinutes);
                return t.d;
            }

            [Feature] public static float ByPosition(Flight f)
            {
                (float, float) t = (f.DistanceMiles, 0);
                t.Item2 = f.DelayMinutes;
                return t.Item1;
            }

            [Feature] public static float {|#0:Delay|}(Flight f)
            {
                var t = (d: f.DistanceMiles, y: f.DelayMinutes);
                return t.y;
            }

            [Feature] public static float {|#1:Written|}(Flight f)
            {
                var t = (d: f.DistanceMiles, y: 0f);
                t.y = f.DelayMinutes;
                return t.Item2;
            }

            [Feature] public static float Copied(Flight f)
            {
                var t = (d: f.DistanceMiles, y: f.DelayMinutes);
                var copy = t;
                return copy.d;
            }

            [Feature] public static int {|#2:Whole|}(Flight f)
            {
                var t = (d: f.DistanceMiles, y: f.DelayMinutes);
                return t.ToString().Length;
            }

            [Feature] public static float {|#3:Reassigned|}(Flight f)
            {
                var t = (d: f.DistanceMiles, y: 0f);
                t = (f.DelayMinutes, 0f);
                return t.d;
            }
        }
        """,
        Label("Delay", "via local 't.y'"),
        Label("Written", "via local 't.y'", location: 1),
        Label("Whole", "via local 't.y'", location: 2),
        Label("Reassigned", "via local 't.d'", location: 3));

    [Fact]
    public Task A_with_expression_that_sets_the_label_does_not_read_it() => Verify.AnalyzerAsync<FeatureDependencyAnalyzer>("""
        using Skewless;

        [DataSource("bts.on_time")]
        public sealed record Leg(float Distance, [property: Label] float Delay);

        [FeatureSet(typeof(Leg))]
        public static partial class LegFeatures
        {
            [Feature] public static float Cleared(Leg leg) => (leg with { Delay = 0 }).Delay + leg.Distance;

            [Feature] public static float {|#0:Kept|}(Leg leg) => (leg with { Distance = 0 }).Delay;

            [Feature] public static float {|#1:Copied|}(Leg leg) => (leg with { Delay = leg.Delay + 1 }).Delay;
        }
        """,
        new DiagnosticResult(Descriptors.LabelDependency).WithLocation(0).WithArguments("Kept", "Leg.Delay", "directly").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
        new DiagnosticResult(Descriptors.LabelDependency).WithLocation(1).WithArguments("Copied", "Leg.Delay", "directly").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task Writing_the_label_is_not_reading_it() => VerifyAsync("""
        public static class Helper
        {
            public static Flight Cleared(Flight f)
            {
                f.DelayMinutes = 0;
                return f;
            }
        }

        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static float Distance(Flight f) => Helper.Cleared(f).DistanceMiles;
        }
        """);

    [Fact]
    public Task Half_typed_features_do_not_throw() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static float {|#0:Leak|}(Flight f) => {|CS0103:Missing|}(f.DelayMinutes) + f.{|CS1061:Nope|};
        }
        """, Label("Leak", "directly"));
}
