using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.Definitions;
using Skewless.Analyzers.Diagnostics;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Definitions;

public sealed class FeatureSetDefinitionAnalyzerTests
{
    private const string Flight = TestSources.Flight;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        Verify.AnalyzerAsync<FeatureSetDefinitionAnalyzer>(Flight + source, expected);

    private static DiagnosticResult At(int location, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, params object[] arguments) =>
        new DiagnosticResult(descriptor).WithLocation(location).WithArguments(arguments);

    [Fact]
    public Task A_valid_feature_set_is_silent() => VerifyAsync("""
        [FeatureSet(typeof(Flight), Version = 2)]
        public static partial class FlightFeatures
        {
            [Feature] public static float Hour(Flight f) => f.Departure.Hour;
            [Feature] public static double Distance(in Flight f) => f.DistanceMiles;
            [Feature] public static int Month(Flight f) => f.Departure.Month;
            [Feature] public static long Ticks(Flight f) => f.Departure.Ticks;
            [Feature("weekend")] public static bool Weekend(Flight f) => f.Departure.DayOfWeek == DayOfWeek.Sunday;
            [Feature] public static DayOfWeek Day(Flight f) => f.Departure.DayOfWeek;
            public static string SchemaVersion => "not a generated name";
        }
        """);

    [Theory]
    [InlineData("public class", "static partial")]
    [InlineData("public static class", "partial")]
    [InlineData("public partial class", "static")]
    public Task SKW100_fires_on_a_class_that_is_not_static_partial(string declaration, string missing) => VerifyAsync($$"""
        [FeatureSet(typeof(Flight))]
        {{declaration}} {|#0:FlightFeatures|}
        {
            [Feature] public static float Hour(Flight f) => f.Departure.Hour;
        }
        """, At(0, Descriptors.FeatureSetShape, "FlightFeatures", missing));

    [Fact]
    public Task SKW100_fires_on_a_generic_class() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class {|#0:FlightFeatures|}<T>
        {
        }
        """, At(0, Descriptors.FeatureSetShape, "FlightFeatures", "non-generic"));

    [Fact]
    public Task SKW100_fires_when_a_containing_type_is_not_partial() => VerifyAsync("""
        public class Outer
        {
            [FeatureSet(typeof(Flight))]
            public static partial class {|#0:FlightFeatures|}
            {
            }
        }
        """, At(0, Descriptors.FeatureSetShape, "FlightFeatures", "nested only in partial, non-generic, non-file types ('Outer' is not partial)"));

    [Fact]
    public Task SKW100_is_silent_when_nested_in_partial_types() => VerifyAsync("""
        public partial class Outer
        {
            [FeatureSet(typeof(Flight))]
            public static partial class FlightFeatures
            {
            }
        }
        """);

    [Fact]
    public Task SKW101_fires_on_an_instance_method() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public float {|#0:Hour|}(Flight f) => 1;
        }
        """,
        At(0, Descriptors.FeatureSignature, "Hour", "static"),
        DiagnosticResult.CompilerError("CS0708").WithLocation(0).WithArguments("Hour"));

    [Theory]
    [InlineData("{|#0:Hour|}<T>(Flight f)", "non-generic")]
    [InlineData("{|#0:Hour|}()", "a method with one parameter of type 'Flight'")]
    [InlineData("{|#0:Hour|}(Flight f, int g)", "a method with one parameter of type 'Flight'")]
    [InlineData("{|#0:Hour|}(DateTime d)", "a method with one parameter of type 'Flight'")]
    [InlineData("{|#0:Hour|}(ref Flight f)", "a method with one parameter of type 'Flight', taken by value or 'in'")]
    public Task SKW101_fires_on_a_bad_signature(string signature, string problem) => VerifyAsync($$"""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static float {{signature}} => 1;
        }
        """, At(0, Descriptors.FeatureSignature, "Hour", problem));

    [Theory]
    [InlineData("string", "needs [Vocabulary] or [HashBuckets] to become numbers", "f.Origin")]
    [InlineData("float?", "is nullable: return a defined value instead, such as NaN for a missing number", "null")]
    [InlineData("decimal", "is not supported: a feature must return float, double, int, long, bool, an enum, or a string with [Vocabulary] or [HashBuckets]", "1m")]
    [InlineData("DateTime", "is not supported: a feature must return float, double, int, long, bool, an enum, or a string with [Vocabulary] or [HashBuckets]", "f.Departure")]
    public Task SKW102_fires_on_an_unsupported_return_type(string type, string problem, string body) => VerifyAsync($$"""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static {|#0:{{type}}|} Value(Flight f) => {{body}};
        }
        """, At(0, Descriptors.UnsupportedFeatureType, "Value", type.Replace("DateTime", "System.DateTime", StringComparison.Ordinal), problem));

    [Fact]
    public Task A_string_with_a_vocabulary_or_hash_is_a_valid_feature() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature, Vocabulary(MaxSize = 100, OovBuckets = 2)] public static string Origin(Flight f) => f.Origin;
            [Feature, Vocabulary(Encoding = VocabularyEncoding.Index)] public static string OriginIndex(Flight f) => f.Origin;
            [Feature, Vocabulary(MaxSize = 2)] public static Cabin Cabin(Flight f) => f.Cabin;
            [Feature, HashBuckets(64)] public static string Route(Flight f) => f.Origin + f.Cabin;
            [Feature, ZScore] public static float Distance(Flight f) => f.DistanceMiles;
            [Feature, MinMax] public static int Month(Flight f) => f.Departure.Month;
            [Feature, QuantileBuckets(10)] public static long Ticks(Flight f) => f.Departure.Ticks;
        }
        """);

    [Theory]
    [InlineData("[Feature, ZScore] public static string {|#0:Value|}(Flight f) => f.Origin;", "[ZScore]", "it applies to numbers, not 'string'")]
    [InlineData("[Feature, MinMax] public static bool {|#0:Value|}(Flight f) => true;", "[MinMax]", "it applies to numbers, not 'bool'")]
    [InlineData("[Feature, QuantileBuckets(4)] public static Cabin {|#0:Value|}(Flight f) => f.Cabin;", "[QuantileBuckets]", "it applies to numbers, not 'Cabin'")]
    [InlineData("[Feature, Vocabulary(MaxSize = 3)] public static float {|#0:Value|}(Flight f) => 1;", "[Vocabulary]", "it applies to strings and enums, not 'float'")]
    [InlineData("[Feature, HashBuckets(8)] public static Cabin {|#0:Value|}(Flight f) => f.Cabin;", "[HashBuckets]", "it applies to strings, not 'Cabin'")]
    [InlineData("[Feature, ZScore, MinMax] public static float {|#0:Value|}(Flight f) => 1;", "[ZScore] and [MinMax]", "a feature has at most one transform")]
    [InlineData("[Feature, QuantileBuckets(1)] public static float {|#0:Value|}(Flight f) => 1;", "[QuantileBuckets]", "it needs at least 2 buckets, not 1")]
    [InlineData("[Feature, HashBuckets(0)] public static string {|#0:Value|}(Flight f) => f.Origin;", "[HashBuckets]", "it needs at least 1 bucket, not 0")]
    [InlineData("[Feature, Vocabulary] public static string {|#0:Value|}(Flight f) => f.Origin;", "[Vocabulary]", "a one-hot vocabulary needs MaxSize, which fixes its width; set MaxSize, or use Encoding = VocabularyEncoding.Index")]
    [InlineData("[Feature, Vocabulary(MaxSize = 5, MinCount = 0)] public static string {|#0:Value|}(Flight f) => f.Origin;", "[Vocabulary]", "MaxSize (5) and OovBuckets (1) cannot be negative, and MinCount (0) must be at least 1")]
    public Task SKW103_fires_on_a_transform_that_does_not_suit_its_feature(string method, string transform, string problem) => VerifyAsync($$"""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            {{method}}
        }
        """, At(0, Descriptors.TransformMisuse, "Value", transform, problem));

    [Fact]
    public Task SKW108_fires_on_a_transform_without_a_feature() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [ZScore] public static float {|#0:Distance|}(Flight f) => f.DistanceMiles;
        }

        public static class Elsewhere
        {
            [HashBuckets(8)] public static string {|#1:Origin|}(Flight f) => f.Origin;
        }
        """,
        At(0, Descriptors.TransformWithoutFeature, "Distance", "ZScore"),
        At(1, Descriptors.TransformWithoutFeature, "Origin", "HashBuckets"));

    [Fact]
    public Task SKW102_fires_on_void() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static {|#0:void|} Nothing(Flight f) { }
        }
        """, At(0, Descriptors.UnsupportedFeatureType, "Nothing", "void", "is not a value: a feature must return float, double, int, long, bool, an enum, or a string with [Vocabulary] or [HashBuckets]"));

    [Fact]
    public Task SKW104_fires_on_a_duplicate_name() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static float Hour(Flight f) => f.Departure.Hour;
            [Feature("Hour")] public static float {|#0:HourAgain|}(Flight f) => f.Departure.Hour;
        }
        """, At(0, Descriptors.FeatureName, "Hour", "is already the name of feature method 'Hour'"));

    [Fact]
    public Task SKW104_fires_on_an_empty_name() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature(" ")] public static float {|#0:Hour|}(Flight f) => f.Departure.Hour;
        }
        """, At(0, Descriptors.FeatureName, " ", "of method 'Hour' is empty"));

    [Fact]
    public Task SKW104_is_silent_when_an_explicit_name_matches_only_its_own_method() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature("Hour")] public static float Hour(Flight f) => f.Departure.Hour;
            [Feature("Minute")] public static float Hour2(Flight f) => f.Departure.Minute;
        }
        """);

    [Fact]
    public Task SKW105_fires_when_the_input_type_is_not_a_data_source() => VerifyAsync("""
        public sealed class Row { public float X { get; set; } }

        [FeatureSet({|#0:typeof(Row)|})]
        public static partial class RowFeatures
        {
            [Feature] public static float X(Row r) => r.X;
        }
        """, At(0, Descriptors.InputWithoutDataSource, "Row", "RowFeatures"));

    [Fact]
    public Task SKW105_is_silent_when_a_base_of_the_input_type_is_the_data_source() => VerifyAsync("""
        [DataSource("sensors.readings")]
        public record Reading { public float Celsius { get; init; } }

        public sealed record CalibratedReading : Reading { public float Offset { get; init; } }

        [FeatureSet(typeof(CalibratedReading))]
        public static partial class CalibratedFeatures
        {
            [Feature] public static float Celsius(CalibratedReading r) => r.Celsius + r.Offset;
        }
        """);

    [Fact]
    public Task SKW105_is_silent_when_the_input_is_an_interface_that_is_the_data_source() => VerifyAsync("""
        [DataSource("sensors.readings")]
        public interface IReading { [EventTime] System.DateTime Taken { get; } float Celsius { get; } }

        [FeatureSet(typeof(IReading))]
        public static partial class ReadingFeatures
        {
            [Feature] public static float Celsius(IReading r) => r.Celsius;
        }
        """);

    [Fact]
    public Task SKW105_fires_when_only_a_type_derived_from_the_input_is_the_data_source() => VerifyAsync("""
        public class Reading { public float Celsius { get; set; } }

        [DataSource("sensors.readings")]
        public sealed class CalibratedReading : Reading { }

        [FeatureSet({|#0:typeof(Reading)|})]
        public static partial class ReadingFeatures
        {
            [Feature] public static float Celsius(Reading r) => r.Celsius;
        }
        """, At(0, Descriptors.InputWithoutDataSource, "Reading", "ReadingFeatures"));

    [Fact]
    public Task SKW106_fires_on_a_feature_outside_a_feature_set() => VerifyAsync("""
        public static class Helpers
        {
            [Feature] public static float {|#0:Hour|}(Flight f) => f.Departure.Hour;
        }
        """, At(0, Descriptors.FeatureOutsideFeatureSet, "Hour", "'Helpers' is not a [FeatureSet]"));

    [Fact]
    public Task SKW106_is_silent_on_a_plain_helper_outside_a_feature_set() => VerifyAsync("""
        public static class Helpers
        {
            public static float Hour(Flight f) => f.Departure.Hour;
        }
        """);

    [Fact]
    public Task SKW107_fires_on_a_member_named_like_generated_code() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            public static string {|#0:Schema|} => "";
            private static string {|#2:TermOf|}(Cabin c) => "";
            [Feature] public static float {|#1:Width|}(Flight f) => f.DistanceMiles;
        }
        """,
        At(0, Descriptors.ReservedName, "Schema", "FlightFeatures.Schema"),
        At(2, Descriptors.ReservedName, "TermOf", "FlightFeatures.TermOf"),
        At(1, Descriptors.ReservedName, "Width", "Vector.Width"));

    [Fact]
    public Task SKW107_is_silent_on_an_OrdinalOf_helper_over_numbers_beside_a_generated_one() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            private static int OrdinalOf(float miles) => (int)(miles / 500f);
            private static string TermOf(int code) => code.ToString(System.Globalization.CultureInfo.InvariantCulture);
            [Feature] public static Cabin Class(Flight f) => f.Cabin;
            [Feature] public static int Band(Flight f) => OrdinalOf(f.DistanceMiles);
        }
        """);

    [Fact]
    public Task SKW113_fires_on_a_drift_threshold_that_is_ignored_or_never_crossed() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature, {|#0:DriftThreshold(5)|}] public static float Miles(Flight f) => f.DistanceMiles;
            [Feature, {|#1:DriftThreshold(0.7)|}] public static int Hour(Flight f) => f.Departure.Hour;
            [Feature, {|#2:DriftThreshold(1)|}] public static Cabin Class(Flight f) => f.Cabin;
            [Feature, {|#3:DriftThreshold(-0.1)|}] public static bool Long(Flight f) => f.DistanceMiles > 1000;
            [Feature, {|#4:DriftThreshold(double.NaN)|}] public static double Minutes(Flight f) => f.Departure.Minute;
        }
        """,
        At(0, Descriptors.DriftThresholdOutOfRange, "5", "Miles", "can never be crossed: the feature's Jensen-Shannon divergence is at most 0.693"),
        At(1, Descriptors.DriftThresholdOutOfRange, "0.7", "Hour", "can never be crossed: the feature's Jensen-Shannon divergence is at most 0.693"),
        At(2, Descriptors.DriftThresholdOutOfRange, "1", "Class", "can never be crossed: the feature's L-infinity distance is at most 1"),
        At(3, Descriptors.DriftThresholdOutOfRange, "-0.1", "Long", "is not a distance, so it is ignored and the feature gets the default threshold"),
        At(4, Descriptors.DriftThresholdOutOfRange, "NaN", "Minutes", "is not a distance, so it is ignored and the feature gets the default threshold"));

    [Fact]
    public Task SKW113_is_silent_on_drift_thresholds_within_range() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature, DriftThreshold(0.69)] public static float Miles(Flight f) => f.DistanceMiles;
            [Feature, DriftThreshold(0)] public static int Hour(Flight f) => f.Departure.Hour;
            [Feature, DriftThreshold(0.99)] public static Cabin Class(Flight f) => f.Cabin;
            [Feature, DriftThreshold(0.05)] public static bool Long(Flight f) => f.DistanceMiles > 1000;
        }
        """);

    [Fact]
    public Task SKW100_names_the_generic_containing_type_of_a_non_generic_feature_set() => VerifyAsync("""
        public partial class Outer<T>
        {
            [FeatureSet(typeof(Flight))]
            public static partial class {|#0:FlightFeatures|}
            {
            }
        }
        """, At(0, Descriptors.FeatureSetShape, "FlightFeatures", "nested only in partial, non-generic, non-file types ('Outer' is generic)"));

    [Fact]
    public Task SKW100_fires_on_a_file_local_feature_set() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        file static partial class {|#0:FlightFeatures|}
        {
        }
        """, At(0, Descriptors.FeatureSetShape, "FlightFeatures", "declared without 'file', as the generated part is in another file"));

    [Theory]
    [InlineData("[Feature, HashBuckets(int.MaxValue)] public static string {|#0:Value|}(Flight f) => f.Origin;", "[HashBuckets]", "it may have at most 1,048,576 buckets, not 2,147,483,647")]
    [InlineData("[Feature, QuantileBuckets(1 << 21)] public static float {|#0:Value|}(Flight f) => 1;", "[QuantileBuckets]", "it may have at most 1,048,576 buckets, not 2,097,152")]
    [InlineData("[Feature, Vocabulary(MaxSize = int.MaxValue)] public static string {|#0:Value|}(Flight f) => f.Origin;", "[Vocabulary]", "MaxSize (2,147,483,647) and OovBuckets (1) may add up to at most 1,048,576")]
    [InlineData("[Feature, Vocabulary(MaxSize = 4, OovBuckets = int.MaxValue, Encoding = VocabularyEncoding.Index)] public static string {|#0:Value|}(Flight f) => f.Origin;", "[Vocabulary]", "MaxSize (4) and OovBuckets (2,147,483,647) may add up to at most 1,048,576")]
    public Task SKW103_fires_on_a_transform_past_the_size_limit(string method, string transform, string problem) => VerifyAsync($$"""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            {{method}}
        }
        """, At(0, Descriptors.TransformMisuse, "Value", transform, problem));

    [Fact]
    // 2^20 - 1 vocabulary slots, 1 quantile slot and 15 hashes of 2^20: exactly 2^24 slots.
    public Task SKW103_and_SKW111_are_silent_at_the_limits() => VerifyAsync($$"""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature, Vocabulary(MaxSize = (1 << 20) - 2, OovBuckets = 1)] public static string Vocabulary(Flight f) => f.Origin;
            [Feature, QuantileBuckets(1 << 20)] public static float Quantiles(Flight f) => f.DistanceMiles;
            {{string.Concat(Enumerable.Range(0, 15).Select(i => $"[Feature, HashBuckets(1 << 20)] public static string Hash{i}(Flight f) => f.Origin;\n"))}}
        }
        """);

    [Fact]
    public Task SKW111_fires_on_a_feature_set_past_the_width_limit() => VerifyAsync($$"""
        [FeatureSet(typeof(Flight))]
        public static partial class {|#0:FlightFeatures|}
        {
            [Feature] public static float Distance(Flight f) => f.DistanceMiles;
            {{string.Concat(Enumerable.Range(0, 16).Select(i => $"[Feature, HashBuckets(1 << 20)] public static string Hash{i}(Flight f) => f.Origin;\n"))}}
        }
        """, At(0, Descriptors.FeatureSetTooWide, "FlightFeatures", "16,777,217", "16,777,216"));

    [Theory]
    [InlineData("a\\nb", "a\\nb")]
    [InlineData("a\\u2028b", "a\\u2028b")]
    [InlineData("a\\tb", "a\\tb")]
    public Task SKW104_fires_on_a_name_with_a_line_break_or_control_character(string literal, string shown) => VerifyAsync($$"""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature("{{literal}}")] public static float {|#0:Hour|}(Flight f) => f.Departure.Hour;
        }
        """, At(0, Descriptors.FeatureName, shown, "of method 'Hour' contains a line break or control character"));

    [Fact]
    public Task SKW104_is_silent_on_a_name_with_spaces_and_symbols() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature("hour of day <local> & UTC")] public static float Hour(Flight f) => f.Departure.Hour;
        }
        """);

    [Fact]
    public Task SKW106_fires_on_a_local_function_and_a_lambda() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature]
            public static float Hour(Flight f)
            {
                [Feature] static float {|#0:Local|}(Flight g) => g.Departure.Hour;
                Func<Flight, float> lambda = {|#1:[Feature]|} (Flight g) => g.Departure.Minute;
                return Local(f) + lambda(f);
            }
        }
        """,
        At(0, Descriptors.FeatureOutsideFeatureSet, "Local", "it is a local function, not a member of a [FeatureSet]"),
        At(1, Descriptors.FeatureOutsideFeatureSet, "lambda", "it is a lambda, not a member of a [FeatureSet]"));

    [Fact]
    public Task SKW106_is_silent_on_local_functions_and_lambdas_with_other_attributes() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature]
            public static float Hour(Flight f)
            {
                [Obsolete] static float Local(Flight g) => g.Departure.Hour;
                Func<Flight, float> lambda = [Obsolete] (Flight g) => g.Departure.Minute;
        #pragma warning disable CS0612
                return Local(f) + lambda(f);
            }
        }
        """);

    [Theory]
    [InlineData("internal sealed class Row { public float X { get; set; } }", "public", "Row", "the type is internal but the feature set is public, and the feature set's generated public members take rows; make the feature set internal or the type public")]
    [InlineData("public ref struct Row { public float X; }", "public", "Row", "a ref struct cannot be held in the collections and spans of rows the generated code takes; make it a struct or class")]
    [InlineData("public static class Row { }", "public", "Row", "a static class has no instances to be rows")]
    public Task SKW110_fires_on_an_input_type_generated_code_cannot_take(string row, string access, string shown, string problem) => VerifyAsync($$"""
        {{row}}

        [FeatureSet({|#0:typeof(Row)|})]
        {{access}} static partial class RowFeatures
        {
        }
        """, At(0, Descriptors.UnusableInputType, "RowFeatures", shown, problem));

    [Theory]
    [InlineData("null", "null", "name the row type, as in [FeatureSet(typeof(Row))]")]
    [InlineData("typeof(System.Collections.Generic.List<>)", "List<>", "an open generic type has no rows; give its type arguments")]
    [InlineData("typeof(int*)", "int*", "rows must be values or objects, not pointers or void")]
    public Task SKW110_fires_on_a_missing_open_or_pointer_input_type(string argument, string shown, string problem) => VerifyAsync($$"""
        [FeatureSet({|#0:{{argument}}|})]
        public static partial class RowFeatures
        {
        }
        """, At(0, Descriptors.UnusableInputType, "RowFeatures", shown, problem));

    [Fact]
    public Task SKW110_is_silent_when_the_feature_set_is_no_more_accessible_than_its_input() => VerifyAsync("""
        [DataSource("rows")] internal sealed class Row { public float X { get; set; } }

        [FeatureSet(typeof(Row))]
        internal static partial class RowFeatures
        {
            [Feature] internal static float X(Row r) => r.X;
        }

        public partial class Outer
        {
            [DataSource("nested")] internal sealed class Nested { public float X { get; set; } }

            [FeatureSet(typeof(Nested))]
            private static partial class NestedFeatures
            {
                [Feature] internal static float X(Nested r) => r.X;
            }

            [DataSource("guarded")] protected internal sealed class Guarded { public float X { get; set; } }

            [FeatureSet(typeof(Guarded))]
            private protected static partial class GuardedFeatures
            {
                [Feature] internal static float X(Guarded r) => r.X;
            }

            [FeatureSet(typeof(Guarded))]
            protected static partial class ProtectedFeatures
            {
                [Feature] internal static float X(Guarded r) => r.X;
            }
        }
        """);

    [Theory]
    [InlineData("internal", "protected", "internal", "protected")]
    [InlineData("protected", "internal", "protected", "internal")]
    [InlineData("internal", "protected internal", "internal", "protected internal")]
    [InlineData("private protected", "protected", "private protected", "protected")]
    public Task SKW110_fires_when_protected_and_internal_do_not_contain_each_other(string rowAccess, string setAccess, string rowShown, string setShown) => VerifyAsync($$"""
        public partial class Outer
        {
            [DataSource("rows")] {{rowAccess}} sealed class Row { public float X { get; set; } }

            [FeatureSet({|#0:typeof(Row)|})]
            {{setAccess}} static partial class RowFeatures
            {
                [Feature] private static float X(Row r) => r.X;
            }
        }
        """,
        At(0, Descriptors.UnusableInputType, "RowFeatures", "Outer.Row",
            $"the type is {rowShown} but the feature set is {setShown}, and the feature set's generated public members take rows; make the feature set {rowShown} or the type {setShown}"));

    [Theory]
    [InlineData("int[]", "int[]")]
    [InlineData("System.Collections.Generic.List<int>", "List<int>")]
    [InlineData("int?", "int?")]
    [InlineData("(int, string)", "(int, string)")]
    public Task SKW105_names_the_input_type_with_its_type_arguments(string type, string shown) => VerifyAsync($$"""
        [FeatureSet({|#0:typeof({{type}})|})]
        public static partial class RowFeatures
        {
        }
        """, At(0, Descriptors.InputWithoutDataSource, shown, "RowFeatures"));

    [Fact]
    public Task Analyzer_is_silent_in_a_project_without_skewless_attributes() =>
        Verify.AnalyzerAsync<FeatureSetDefinitionAnalyzer>("public static class Plain { public static float Hour(int h) => h; }");
}
