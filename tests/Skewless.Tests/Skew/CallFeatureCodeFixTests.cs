using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Skew.Clones;
using Skewless.CodeFixes.Skew;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Skew;

public sealed class CallFeatureCodeFixTests
{
    private const string Features = """
        using System;
        using Skewless;

        namespace Flights
        {
            [DataSource("bts.on_time")]
            public sealed class Flight
            {
                public DateTime Departure { get; set; }
                public float DistanceMiles { get; set; }
            }

            [FeatureSet(typeof(Flight))]
            public static partial class FlightFeatures
            {
                [Feature] public static float Distance(Flight f) => f.DistanceMiles / 100;
                [Feature] public static float LogDistance(Flight f) => MathF.Log(1 + f.DistanceMiles);
                [Feature] public static float Shift(Flight f) => f.Departure.Hour * 2 + 1;
                [Feature] public static float Week(Flight f) => f.Departure.Day / 7f;
            }
        }

        """;

    private static Task VerifyAsync(string source, string fixedSource, string fixedFeatures = Features) =>
        Verify.CodeFixAsync<ReimplementedFeatureAnalyzer, CallFeatureCodeFix>(Features + source, fixedFeatures + fixedSource);

    [Fact]
    public Task Replaces_a_copy_with_a_call_to_the_feature() => VerifyAsync("""
        namespace Flights
        {
            public static class Serving
            {
                public static float Km(Flight flight) => {|SKW300:flight.DistanceMiles / 100|};
            }
        }
        """, """
        namespace Flights
        {
            public static class Serving
            {
                public static float Km(Flight flight) => FlightFeatures.Distance(flight);
            }
        }
        """);

    [Fact]
    public Task Replaces_a_near_copy_with_a_call_to_the_feature() => Verify.CodeFixAsync<ReimplementedFeatureAnalyzer, CallFeatureForNearCopyCodeFix>(Features + """
        namespace Flights
        {
            public static class Serving
            {
                public static float Km(Flight flight) => {|SKW301:flight.DistanceMiles / 1000|} + 1;
            }
        }
        """, Features + """
        namespace Flights
        {
            public static class Serving
            {
                public static float Km(Flight flight) => FlightFeatures.Distance(flight) + 1;
            }
        }
        """);

    [Fact]
    public Task Replaces_a_near_copy_of_another_date_part_with_a_call_to_the_feature() => Verify.CodeFixAsync<ReimplementedFeatureAnalyzer, CallFeatureForNearCopyCodeFix>(Features + """
        namespace Flights
        {
            public static class Serving
            {
                public static float Week(Flight flight) => {|SKW301:flight.Departure.Month / 7f|};
            }
        }
        """, Features + """
        namespace Flights
        {
            public static class Serving
            {
                public static float Week(Flight flight) => FlightFeatures.Week(flight);
            }
        }
        """);

    [Fact]
    public void A_near_copy_is_fixed_one_at_a_time()
    {
        // Calling the feature changes what a near copy computes: Fix All must not do that to every match at once.
        Assert.Null(new CallFeatureForNearCopyCodeFix().GetFixAllProvider());
        Assert.DoesNotContain(DiagnosticIds.NearCopyOfFeature, new CallFeatureCodeFix().FixableDiagnosticIds);
        Assert.NotNull(new CallFeatureCodeFix().GetFixAllProvider());
    }

    [Fact]
    public Task Offers_no_fix_for_an_integer_division() => Verify.CodeFixAsync<ReimplementedFeatureAnalyzer, CallFeatureForNearCopyCodeFix>(Features + """
        namespace Flights
        {
            public static class Serving
            {
                public static int Shift(Flight flight) => {|SKW301:flight.Departure.Day / 7|};
            }
        }
        """, Features + """
        namespace Flights
        {
            public static class Serving
            {
                public static int Shift(Flight flight) => {|SKW301:flight.Departure.Day / 7|};
            }
        }
        """);

    [Fact]
    public Task Fix_all_leaves_near_copies_alone() => VerifyAsync("""
        namespace Flights
        {
            public static class Serving
            {
                public static float A(Flight a) => {|SKW300:a.DistanceMiles / 100|};
                public static float B(Flight b) => {|SKW301:b.DistanceMiles / 10|};
                public static float C(Flight c) => {|SKW301:c.DistanceMiles / 1000|};
            }
        }
        """, """
        namespace Flights
        {
            public static class Serving
            {
                public static float A(Flight a) => FlightFeatures.Distance(a);
                public static float B(Flight b) => {|SKW301:b.DistanceMiles / 10|};
                public static float C(Flight c) => {|SKW301:c.DistanceMiles / 1000|};
            }
        }
        """);

    [Fact]
    public Task Passes_the_expression_the_copy_reads_the_row_from() => VerifyAsync("""
        namespace Flights
        {
            public sealed class Serving
            {
                private readonly Flight[] _flights = new Flight[1];

                public float Km(int i) => {|SKW300:_flights[i].DistanceMiles / 100|};
            }
        }
        """, """
        namespace Flights
        {
            public sealed class Serving
            {
                private readonly Flight[] _flights = new Flight[1];

                public float Km(int i) => FlightFeatures.Distance(_flights[i]);
            }
        }
        """);

    [Fact]
    public Task Passes_a_row_read_through_a_local_and_removes_the_locals_only_the_copy_read() => VerifyAsync("""
        namespace Flights
        {
            public static class Serving
            {
                public static float Log(Flight row)
                {
                    var miles = row.DistanceMiles;
                    var more = 1 + miles;
                    return {|SKW300:MathF.Log(more)|};
                }
            }
        }
        """, """
        namespace Flights
        {
            public static class Serving
            {
                public static float Log(Flight row)
                {
                    return FlightFeatures.LogDistance(row);
                }
            }
        }
        """);

    [Fact]
    public Task Keeps_a_local_read_elsewhere() => VerifyAsync("""
        namespace Flights
        {
            public static class Serving
            {
                public static float Log(Flight row, System.Collections.Generic.List<float> seen)
                {
                    var miles = row.DistanceMiles;
                    seen.Add(miles);
                    return {|SKW300:MathF.Log(1 + miles)|};
                }
            }
        }
        """, """
        namespace Flights
        {
            public static class Serving
            {
                public static float Log(Flight row, System.Collections.Generic.List<float> seen)
                {
                    var miles = row.DistanceMiles;
                    seen.Add(miles);
                    return FlightFeatures.LogDistance(row);
                }
            }
        }
        """);

    [Fact]
    public Task Keeps_a_local_whose_initializer_does_more_than_read() => VerifyAsync("""
        namespace Flights
        {
            public sealed class Serving
            {
                private int _served;

                private Flight Next()
                {
                    _served++;
                    return new Flight();
                }

                public float Log()
                {
                    var flight = Next();
                    var miles = flight.DistanceMiles;
                    return {|SKW300:MathF.Log(1 + miles)|};
                }
            }
        }
        """, """
        namespace Flights
        {
            public sealed class Serving
            {
                private int _served;

                private Flight Next()
                {
                    _served++;
                    return new Flight();
                }

                public float Log()
                {
                    var flight = Next();
                    return FlightFeatures.LogDistance(flight);
                }
            }
        }
        """);

    [Fact]
    public Task Keeps_the_local_the_row_is_passed_through() => VerifyAsync("""
        namespace Flights
        {
            public static class Serving
            {
                public static float Log(Flight[] flights)
                {
                    var flight = flights[0];
                    var same = flight;
                    var miles = same.DistanceMiles;
                    return {|SKW300:MathF.Log(1 + miles)|};
                }
            }
        }
        """, """
        namespace Flights
        {
            public static class Serving
            {
                public static float Log(Flight[] flights)
                {
                    var flight = flights[0];
                    var same = flight;
                    return FlightFeatures.LogDistance(same);
                }
            }
        }
        """);

    [Fact]
    public Task Keeps_a_local_the_row_expression_in_the_copy_names() => VerifyAsync("""
        namespace Flights
        {
            public static class Serving
            {
                public static float Km(Flight[] flights)
                {
                    var last = flights.Length - 1;
                    return {|SKW300:flights[last].DistanceMiles / 100|};
                }
            }
        }
        """, """
        namespace Flights
        {
            public static class Serving
            {
                public static float Km(Flight[] flights)
                {
                    var last = flights.Length - 1;
                    return FlightFeatures.Distance(flights[last]);
                }
            }
        }
        """);

    [Fact]
    public Task Imports_the_feature_set_namespace_and_keeps_the_copy_type() => VerifyAsync("""
        namespace Serving
        {
            public static class Hours
            {
                public static int Shifted(Flights.Flight flight) => {|SKW300:flight.Departure.Hour * 2 + 1|};
            }
        }
        """, """
        namespace Serving
        {
            public static class Hours
            {
                public static int Shifted(Flights.Flight flight) => (int)FlightFeatures.Shift(flight);
            }
        }
        """,
        Features.Replace("using System;\n", "using System;\nusing Flights;\n", StringComparison.Ordinal));

    [Fact]
    public Task Fix_all_replaces_every_copy() => VerifyAsync("""
        namespace Flights
        {
            public static class Serving
            {
                public static float A(Flight a) => {|SKW300:a.DistanceMiles / 100|};
                public static float B(Flight b) => {|SKW300:b.DistanceMiles / 100|};
                public static float C(Flight c) => 2 * {|SKW300:MathF.Log(1 + c.DistanceMiles)|};
            }
        }
        """, """
        namespace Flights
        {
            public static class Serving
            {
                public static float A(Flight a) => FlightFeatures.Distance(a);
                public static float B(Flight b) => FlightFeatures.Distance(b);
                public static float C(Flight c) => 2 * FlightFeatures.LogDistance(c);
            }
        }
        """);
}
