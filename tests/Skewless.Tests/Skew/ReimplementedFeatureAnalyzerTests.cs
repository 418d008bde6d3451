using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Skew.Clones;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Skew;

public sealed class ReimplementedFeatureAnalyzerTests
{
    private const string Features = "using System.Collections.Generic;\nusing System.Linq;\n" + TestSources.Flight + """
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static float Hour(Flight f) => f.Departure.Hour + f.Departure.Minute / 60f;
            [Feature] public static float LogDistance(Flight f) => MathF.Log(1 + f.DistanceMiles);
            [Feature] public static float Distance(Flight f) => f.DistanceMiles / 100;
            [Feature] public static bool RedEye(Flight f) => IsNight(f.Departure);
            [Feature] public static float Miles(Flight f) => f.DistanceMiles;
            private static bool IsNight(DateTime time) => time.Hour < 5 || time.Hour >= 22;
        }

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        Verify.AnalyzerAsync<ReimplementedFeatureAnalyzer>(Features + source, expected);

    private static DiagnosticResult NearCopy(int location, string feature, string differences, string prefix = "other constants: ") =>
        new DiagnosticResult(Descriptors.NearCopyOfFeature).WithLocation(location).WithArguments(feature, prefix + differences).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public Task An_exact_copy_fires() => VerifyAsync("""
        public static class Serving
        {
            public static float Km(Flight flight) => {|SKW300:flight.DistanceMiles / 100|};
        }
        """);

    [Fact]
    public Task A_copy_with_renamed_variables_and_locals_fires() => VerifyAsync("""
        public static class Serving
        {
            public static float Log(Flight row)
            {
                var miles = row.DistanceMiles;
                float result = {|SKW300:MathF.Log((1 + miles))|};
                return 2 * result;
            }
        }
        """);

    [Fact]
    public Task A_copy_written_as_a_block_fires() => VerifyAsync("""
        public static class Serving
        {
            public static float HourOfDay(Flight flight)
            {
                return {|SKW300:flight.Departure.Hour + flight.Departure.Minute / 60f|};
            }
        }
        """);

    [Fact]
    public Task A_copy_in_a_lambda_in_a_LINQ_query_fires() => VerifyAsync("""
        public static class Serving
        {
            public static IEnumerable<float> Logs(IEnumerable<Flight> flights) => flights.Select(x => {|SKW300:MathF.Log(1 + x.DistanceMiles)|});

            public static IEnumerable<float> Hours(IEnumerable<Flight> flights) =>
                from flight in flights
                where flight.Origin != ""
                select {|SKW300:flight.Departure.Hour + flight.Departure.Minute / 60f|};
        }
        """);

    [Fact]
    public Task A_copy_over_any_expression_of_the_input_type_fires() => VerifyAsync("""
        public sealed class Serving
        {
            private readonly Flight[] _flights = new Flight[1];

            private Flight Next() => _flights[0];

            public float A() => {|SKW300:Next().DistanceMiles / 100|};

            public float B() => {|SKW300:_flights[0].DistanceMiles / 100|};
        }
        """);

    [Fact]
    public Task A_copy_of_a_feature_with_a_private_helper_fires() => VerifyAsync("""
        public static class Serving
        {
            public static bool Late(Flight flight) => {|SKW300:flight.Departure.Hour < 5 || flight.Departure.Hour >= 22|};
        }
        """);

    [Fact]
    public Task A_copy_in_another_class_and_another_file_fires() =>
        Verify.AnalyzerAsync<ReimplementedFeatureAnalyzer>([Features, """
            using System;

            namespace Serving.Api
            {
                internal sealed class Scorer
                {
                    public float Score(Flight request) => 2 * {|SKW300:MathF.Log(1 + request.DistanceMiles)|};
                }
            }
            """]);

    [Fact]
    public Task A_copy_with_another_constant_names_both_values() => VerifyAsync("""
        public static class Serving
        {
            public static float Km(Flight flight) => {|#0:flight.DistanceMiles / 1000|};

            public static float Hour(Flight flight) => {|#1:flight.Departure.Hour + flight.Departure.Minute / 100f|};
        }
        """,
        NearCopy(0, "FlightFeatures.Distance", "100 in FlightFeatures.Distance against 1000 here"),
        NearCopy(1, "FlightFeatures.Hour", "60 in FlightFeatures.Hour against 100 here"));

    [Fact]
    public Task Calling_the_feature_does_not_fire() => VerifyAsync("""
        public static class Serving
        {
            public static float Hour(Flight flight) => FlightFeatures.Hour(flight);

            public static float Twice(Flight flight) => FlightFeatures.LogDistance(flight) * 2;
        }
        """);

    [Fact]
    public Task Trivial_expressions_do_not_fire() => VerifyAsync("""
        public static class Serving
        {
            public static float Miles(Flight flight) => flight.DistanceMiles;

            public static float Next(Flight flight) => flight.DistanceMiles + 1;

            public static int Hour(Flight flight) => flight.Departure.Hour;
        }
        """);

    /// <summary>A request type with the same members as <c>Flight</c>, as a serving endpoint declares it.</summary>
    private const string FlightRequest = """
        public sealed class FlightRequest
        {
            public float DistanceMiles { get; set; }
            public DateTime Departure { get; set; }
        }

        """;

    private static DiagnosticResult OverLookAlike(int location, string feature, string lookAlike, string truncation = "") =>
        Over(location, feature, $"{lookAlike}, whose members mirror the row type Flight", truncation);

    private static DiagnosticResult Over(int location, string feature, string over, string truncation = "", string row = "Flight") =>
        new DiagnosticResult(Descriptors.ReimplementedOverLookAlike).WithLocation(location).WithArguments(feature, over, row, truncation).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public Task The_same_computation_over_a_request_type_with_the_rows_members_fires_SKW304() => VerifyAsync(FlightRequest + """
        public static class Serving
        {
            public static float Km(FlightRequest request) => {|#0:request.DistanceMiles / 100|};

            public static float Log(FlightRequest request)
            {
                var miles = request.DistanceMiles;
                return {|#1:MathF.Log(1 + miles)|};
            }

            public static float Hour(FlightRequest request) => {|#2:request.Departure.Hour + request.Departure.Minute / 60f|};

            public static float Other(float miles) => miles / 100;
        }
        """,
        OverLookAlike(0, "FlightFeatures.Distance", "FlightRequest"),
        OverLookAlike(1, "FlightFeatures.LogDistance", "FlightRequest"),
        OverLookAlike(2, "FlightFeatures.Hour", "FlightRequest"));

    // ASP.NET request models make members nullable for [Required] to catch a missing value: read through .Value,
    // GetValueOrDefault() or a cast, they are the row's members (round 8). Read as nullables, they are not.
    [Fact]
    public Task The_same_computation_over_a_request_type_with_nullable_members_fires_SKW304() => VerifyAsync("""
        public sealed class FlightRequest
        {
            public float? DistanceMiles { get; set; }
            public DateTime? Departure { get; set; }
        }

        public static class Serving
        {
            public static float Km(FlightRequest request) => {|#0:request.DistanceMiles.Value / 100|};

            public static float Log(FlightRequest request) => {|#1:MathF.Log(1 + request.DistanceMiles.GetValueOrDefault())|};

            public static float Hour(FlightRequest request) => {|#2:request.Departure.Value.Hour + ((DateTime)request.Departure).Minute / 60f|};

            public static float? Lifted(FlightRequest request) => request.DistanceMiles / 100;

            public static float Defaulted(FlightRequest request) => request.DistanceMiles.GetValueOrDefault(1) / 100;
        }
        """,
        OverLookAlike(0, "FlightFeatures.Distance", "FlightRequest"),
        OverLookAlike(1, "FlightFeatures.LogDistance", "FlightRequest"),
        OverLookAlike(2, "FlightFeatures.Hour", "FlightRequest"));

    // Round 13's used cars are loaded from CSV into a row of nullables, which the features read with .Value: a request or
    // parameters with the same nullables, read the same way, are a copy; unwrapped where the row is nullable, they are not.
    [Fact]
    public Task Over_a_row_with_nullable_members_the_same_reads_of_the_same_nullables_fire_SKW304() => Verify.AnalyzerAsync<ReimplementedFeatureAnalyzer>("""
        using System;
        using Skewless;

        [DataSource("cars")]
        public sealed class Vehicle
        {
            public int? Year { get; set; }
            public int TargetYear { get; set; }
            [Label] public double? Price { get; set; }
        }

        [FeatureSet(typeof(Vehicle))]
        public static partial class VehicleFeatures
        {
            [Feature] public static double AgeYears(Vehicle r) => Math.Max(0, r.TargetYear - r.Year.Value);
        }

        public sealed class VehicleRequest
        {
            public int? Year { get; set; }
            public int TargetYear { get; set; }
        }

        public static class Serving
        {
            public static double Age(VehicleRequest q) => {|#0:Math.Max(0, q.TargetYear - q.Year.Value)|};

            public static double Given(int? year, int targetYear) => {|#1:Math.Max(0, targetYear - year.Value)|};

            public static double Defaulted(VehicleRequest q) => Math.Max(0, q.TargetYear - q.Year.GetValueOrDefault());
        }
        """,
        Over(0, "VehicleFeatures.AgeYears", "VehicleRequest, whose members mirror the row type Vehicle", row: "Vehicle"),
        Over(1, "VehicleFeatures.AgeYears", "the parameters of Given, named and typed like members of the row type Vehicle", row: "Vehicle"));

    // Two feature sets compute the same over different rows: the copy is named after the row type its request mirrors
    // most members of, whichever feature set is declared first (round 8 saw the other row type named, and its fix).
    [Fact]
    public Task A_copy_shared_by_two_row_types_names_the_one_the_request_mirrors_most() => VerifyAsync("""
        [DataSource("legs")]
        public sealed class Leg
        {
            public float DistanceMiles { get; set; }
            public string Gate { get; set; } = "";
        }

        [FeatureSet(typeof(Leg))]
        public static partial class LegFeatures
        {
            [Feature] public static float Distance(Leg l) => l.DistanceMiles / 100;
        }

        public sealed class FlightRequest
        {
            public float DistanceMiles { get; set; }
            public DateTime Departure { get; set; }
        }

        public sealed class LegRequest
        {
            public float DistanceMiles { get; set; }
            public string Gate { get; set; } = "";
        }

        public static class Serving
        {
            public static float Flight(FlightRequest request) => {|#0:request.DistanceMiles / 100|};

            public static float Leg(LegRequest request) => {|#1:request.DistanceMiles / 100|};

            public static float AtGate(float distanceMiles, string gate) => {|#2:distanceMiles / 100|};
        }
        """,
        OverLookAlike(0, "FlightFeatures.Distance", "FlightRequest"),
        Over(1, "LegFeatures.Distance", "LegRequest, whose members mirror the row type Leg", row: "Leg"),
        Over(2, "LegFeatures.Distance", "the parameters of AtGate, named and typed like members of the row type Leg", row: "Leg"));

    // Rounds 8 and 10: a serving method given the row's values one by one recomputes the feature from its parameters,
    // named like the row's members in any case and of their types: several of them, or one in a type that names a
    // prediction, the row type or the feature set. Other names or types, lambdas' parameters, and a lone parameter
    // elsewhere (round 11: a scheduler's `hour`) are not.
    [Fact]
    public Task The_same_computation_over_parameters_named_and_typed_like_the_rows_members_fires_SKW304() => VerifyAsync("""
        public static class Serving
        {
            public static float Hour(DateTime departure, string origin) => {|#0:departure.Hour + departure.Minute / 60f|};
        }

        public static class Scheduler
        {
            public static bool IsDue(DateTime departure, float last) => departure.Hour + departure.Minute / 60f > last;
        }

        public static class DelayPredictor
        {
            public static float Log(float distanceMiles) => {|#1:MathF.Log(1 + distanceMiles)|};

            public static float Km(float? DistanceMiles) => {|#2:DistanceMiles.Value / 100|};

            public static float Truncated(DateTime departure) => {|#3:departure.Hour + departure.Minute / 60|};

            public static float Miles(float miles) => miles / 100;

            public static double Wide(double distanceMiles) => distanceMiles / 100;

            public static float[] All(float[] values) => values.Select(distanceMiles => distanceMiles / 100).ToArray();
        }
        """,
        Over(0, "FlightFeatures.Hour", "the parameters of Hour, named and typed like members of the row type Flight"),
        Over(1, "FlightFeatures.LogDistance", "the parameters of Log, named and typed like members of the row type Flight"),
        Over(2, "FlightFeatures.Distance", "the parameters of Km, named and typed like members of the row type Flight"),
        Over(3, "FlightFeatures.Hour", "the parameters of Truncated, named and typed like members of the row type Flight", " (60f in FlightFeatures.Hour against 60 here: integer division here against float division in the feature)"));

    // The serving endpoint's hour: its request's minutes divided by 60, not 60f, so every departure is on the hour.
    [Fact]
    public Task Integer_division_over_a_request_type_where_the_feature_divides_floats_fires_SKW304() => VerifyAsync(FlightRequest + """
        public static class Serving
        {
            public static float Hour(FlightRequest request) => {|#0:request.Departure.Hour + request.Departure.Minute / 60|};
        }
        """,
        OverLookAlike(0, "FlightFeatures.Hour", "FlightRequest", " (60f in FlightFeatures.Hour against 60 here: integer division here against float division in the feature)"));

    [Fact]
    public Task Integer_division_over_a_request_type_with_other_numbers_or_where_the_feature_divides_integers_does_not_fire() => VerifyAsync(FlightRequest + """
        public static class Serving
        {
            public static float Hundredths(FlightRequest request) => request.Departure.Hour + request.Departure.Minute / 100;

            public static int Days(FlightRequest request) => (int)request.DistanceMiles / 7;
        }
        """);

    [Fact]
    public Task Over_a_type_whose_members_differ_from_the_rows_in_type_or_kind_or_with_other_numbers_is_not_a_copy() => VerifyAsync("""
        public sealed class Trip
        {
            public double DistanceMiles { get; set; }
            public DateTime Departure;
            public float Miles { get; set; }
        }

        public sealed class Leg
        {
            public float DistanceMiles { get; set; }
        }

        public static class Serving
        {
            public static double Km(Trip trip) => trip.DistanceMiles / 100;

            public static float Hour(Trip trip) => trip.Departure.Hour + trip.Departure.Minute / 60f;

            public static float Log(Trip trip) => MathF.Log(1 + trip.Miles);

            public static float Mile(Leg leg) => leg.DistanceMiles / 1000;

            public static float Mixed(Leg leg, Flight flight) => flight.DistanceMiles / leg.DistanceMiles + 100;
        }
        """);

    [Fact]
    public Task A_framework_type_with_a_member_named_like_the_rows_is_not_a_look_alike() => Verify.AnalyzerAsync<ReimplementedFeatureAnalyzer>(TestSources.Flight + """
        public sealed class Passage
        {
            public int Length { get; set; }
        }

        [FeatureSet(typeof(Passage))]
        public static partial class PassageFeatures
        {
            [Feature] public static int Pages(Passage p) => p.Length / 250 + 1;
        }

        public static class Serving
        {
            public static int Pages(string text) => text.Length / 250 + 1;
        }
        """);

    [Fact]
    public Task A_method_or_field_of_another_type_with_the_same_name_and_types_is_not_a_copy() => VerifyAsync("""
        public static class MyMath
        {
            public static readonly float Scale = 100;

            public static float Log(float x) => x;
        }

        public static class Serving
        {
            public static float NotLog(Flight flight) => MyMath.Log(1 + flight.DistanceMiles);
        }
        """);

    [Fact]
    public Task Two_different_rows_are_not_a_copy() => VerifyAsync("""
        public static class Serving
        {
            public static float Mixed(Flight a, Flight b) => a.Departure.Hour + b.Departure.Minute / 60f;
        }
        """);

    [Fact]
    public Task A_local_assigned_twice_is_not_a_copy() => VerifyAsync("""
        public static class Serving
        {
            public static float Log(Flight flight)
            {
                var miles = flight.DistanceMiles;
                miles = 3;
                return MathF.Log(1 + miles);
            }
        }
        """);

    // Round 16's shift scheduler: the row has an int DayOfWeek, so its feature set writes System.DayOfWeek.Saturday, and
    // serving writes DayOfWeek.Saturday, the same enum. Another day is another computation.
    [Fact]
    public Task A_type_named_like_a_row_member_is_the_type_in_a_copy() => Verify.AnalyzerAsync<ReimplementedFeatureAnalyzer>("""
        using System;
        using Skewless;

        [DataSource("shifts")]
        public sealed class Shift
        {
            public DateTime Date { get; set; }
            public int DayOfWeek { get; set; }
            [Label] public int Staff { get; set; }
        }

        [FeatureSet(typeof(Shift))]
        public static partial class ShiftFeatures
        {
            [Feature] public static bool IsWeekend(Shift s) => s.Date.DayOfWeek == System.DayOfWeek.Saturday || s.Date.DayOfWeek == System.DayOfWeek.Sunday;
        }

        public sealed class ShiftRequest
        {
            public DateTime Date { get; set; }
        }

        public static class Serving
        {
            public static bool Weekend(ShiftRequest request) => {|#0:request.Date.DayOfWeek == DayOfWeek.Saturday || request.Date.DayOfWeek == DayOfWeek.Sunday|};

            public static bool OfShift(Shift shift) => {|SKW300:shift.Date.DayOfWeek == DayOfWeek.Saturday || shift.Date.DayOfWeek == DayOfWeek.Sunday|};

            public static bool Start(ShiftRequest request) => request.Date.DayOfWeek == DayOfWeek.Monday || request.Date.DayOfWeek == DayOfWeek.Tuesday;
        }
        """,
        Over(0, "ShiftFeatures.IsWeekend", "ShiftRequest, whose members mirror the row type Shift", row: "Shift"));

    // Round 13's taxi code parses every date with TryParse(..., out var dt): a variable the expression declares, by an out
    // argument or a pattern, is the same computation under another name, and another use of it is not.
    private const string Declaring = "using System.Globalization;\n" + TestSources.Flight + """
        [FeatureSet(typeof(Flight))]
        public static partial class ParsedFeatures
        {
            [Feature] public static float Night(Flight f) =>
                DateTime.TryParse(f.Origin, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) && (at.Hour >= 20 || at.Hour <= 5) ? 1f : 0f;
            [Feature] public static float Code(Flight f) => f.Origin is { Length: > 3 } code ? code.Length * 2f + 1f : 0f;
            [Feature] public static float Named(Flight f) => f.Origin is string name && name.Length > 3 ? name.Length * 3f + 2f : 0f;
        }

        """;

    [Fact]
    public Task A_copy_that_names_a_variable_it_declares_otherwise_fires() => Verify.AnalyzerAsync<ReimplementedFeatureAnalyzer>(Declaring + """
        public static class Serving
        {
            public static float Night(Flight trip) =>
                {|SKW300:DateTime.TryParse(trip.Origin, CultureInfo.InvariantCulture, DateTimeStyles.None, out var when) && (when.Hour >= 20 || when.Hour <= 5) ? 1f : 0f|};

            public static float Code(Flight trip) => {|SKW300:trip.Origin is { Length: > 3 } s ? s.Length * 2f + 1f : 0f|};

            public static float Named(Flight trip) => {|SKW300:trip.Origin is string text && text.Length > 3 ? text.Length * 3f + 2f : 0f|};
        }
        """);

    [Fact]
    public Task A_declared_variable_read_for_another_date_part_is_a_near_copy() => Verify.AnalyzerAsync<ReimplementedFeatureAnalyzer>(Declaring + """
        public static class Serving
        {
            public static float Night(Flight trip) =>
                {|#0:DateTime.TryParse(trip.Origin, CultureInfo.InvariantCulture, DateTimeStyles.None, out var when) && (when.Minute >= 20 || when.Hour <= 5) ? 1f : 0f|};
        }
        """,
        NearCopy(0, "ParsedFeatures.Night", "another date part: Hour in ParsedFeatures.Night against Minute here", prefix: ""));

    [Fact]
    public Task A_declared_variable_used_otherwise_is_not_a_copy() => Verify.AnalyzerAsync<ReimplementedFeatureAnalyzer>(Declaring + """
        public static class Serving
        {
            public static float Night(Flight trip) =>
                DateTime.TryParse(trip.Origin, CultureInfo.InvariantCulture, DateTimeStyles.None, out var when) && (when.Hour >= 20 || trip.Departure.Hour <= 5) ? 1f : 0f;

            public static float Code(Flight trip, string other) => trip.Origin is { Length: > 3 } s ? other.Length * 2f + 1f : 0f;

            public static float Named(Flight trip) => trip.Origin is object text && text.GetHashCode() > 3 ? 3f : 0f;
        }
        """);

    [Fact]
    public Task Projects_without_features_pay_nothing() => Verify.AnalyzerAsync<ReimplementedFeatureAnalyzer>(TestSources.Flight + """
        public static class Serving
        {
            public static float Km(Flight flight) => flight.DistanceMiles / 100;
        }
        """);
}
