using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.DataSources;
using Skewless.Analyzers.Diagnostics;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.DataSources;

public sealed class UnderutilisedDataMemberAnalyzerTests
{
    private const string Sources = """
        using System;
        using System.Diagnostics.CodeAnalysis;
        using Skewless;

        [DataSource("bts.on_time", Owner = "data-platform", Version = "2001-Q1")]
        public sealed class Flight
        {
            [EventTime] public DateTime Departure { get; set; }
            public float DistanceMiles { get; set; }
            public string Origin { get; set; } = "";
            [GroupKey] public string TailNumber { get; set; } = "";
            [Label] public float DelayMinutes { get; set; }
            public float TaxiMinutes { get; set; }
            public string Cancelled;
            private int _cache;
            public static int Count { get; set; }
            public int this[int i] => _cache + i;
        }

        [DataSource("bts.routes", Owner = "bts", Version = "2008")]
        public sealed record Route(string Origin, string Destination, int Count);

        [FeatureSet(typeof(Flight), Name = "Flights", Version = 1)]
        public static partial class FlightFeaturesV1
        {
            [Feature] public static float Distance(Flight f) => f.DistanceMiles;
        }

        [FeatureSet(typeof(Flight), Name = "Flights", Version = 2)]
        public static partial class FlightFeatures
        {
            [Feature] public static float Distance(Flight f) => f.DistanceMiles;
            [Feature, HashBuckets(16)] public static string Origin(Flight f) => Airport(f);
            private static string Airport(Flight f) => f.Origin;
        }

        """;

    private static DiagnosticResult Unused(int location, string member, string source) =>
        new DiagnosticResult(Descriptors.UnderutilisedDataMember).WithLocation(location).WithArguments(member, source);

    [Fact]
    public Task SKW500_fires_on_members_no_version_of_any_feature_set_reads() => Verify.AnalyzerAsync<UnderutilisedDataMemberAnalyzer>(
        Sources.Replace("public float TaxiMinutes", "public float {|#0:TaxiMinutes|}", StringComparison.Ordinal)
            .Replace("public string Cancelled;", "public string {|#1:Cancelled|};", StringComparison.Ordinal),
        Unused(0, "Flight.TaxiMinutes", "bts.on_time"),
        Unused(1, "Flight.Cancelled", "bts.on_time"));

    [Fact]
    public Task Reads_through_helpers_and_the_label_key_and_event_time_count_as_used() => Verify.AnalyzerAsync<UnderutilisedDataMemberAnalyzer>(
        Sources.Replace("public float TaxiMinutes { get; set; }", "", StringComparison.Ordinal).Replace("public string Cancelled;", "", StringComparison.Ordinal));

    // Round 18's heart-disease rows encode their label for the classifier in a property computed from it: no upstream
    // column. A get-only property set by the constructor, or an init-only one, is stored, and reported.
    [Fact]
    public Task A_property_computed_from_other_members_is_no_column() => Verify.AnalyzerAsync<UnderutilisedDataMemberAnalyzer>(
        Sources.Replace("public float TaxiMinutes { get; set; }", "public int EncodedDelay => DelayMinutes > 15 ? 1 : -1; public float Knots { get { return DistanceMiles * 0.87f; } } public float {|#0:TaxiMinutes|} { get; } public float {|#1:TaxiOutMinutes|} { get; init; }", StringComparison.Ordinal)
            .Replace("public string Cancelled;", "", StringComparison.Ordinal),
        Unused(0, "Flight.TaxiMinutes", "bts.on_time"),
        Unused(1, "Flight.TaxiOutMinutes", "bts.on_time"));

    [Fact]
    public Task A_NotAtServing_member_is_meant_to_be_read_by_no_feature() => Verify.AnalyzerAsync<UnderutilisedDataMemberAnalyzer>(
        Sources.Replace("public float TaxiMinutes", "[NotAtServing(\"known only after landing\")] public float TaxiMinutes", StringComparison.Ordinal)
            .Replace("public string Cancelled;", "[NotAtServing(\"known only after departure\")] public string Cancelled;", StringComparison.Ordinal));

    [Fact]
    public Task A_ModelOutput_member_is_meant_to_be_read_by_no_feature() => Verify.AnalyzerAsync<UnderutilisedDataMemberAnalyzer>(
        Sources.Replace("public float TaxiMinutes", "[ModelOutput] public float TaxiMinutes", StringComparison.Ordinal)
            .Replace("public string Cancelled;", "[ModelOutput] public string Cancelled;", StringComparison.Ordinal));

    [Fact]
    public Task An_entity_s_key_and_concurrency_token_are_the_store_s_and_not_reported() => Verify.AnalyzerAsync<UnderutilisedDataMemberAnalyzer>(
        Sources.Replace("public float TaxiMinutes", "[System.ComponentModel.DataAnnotations.Key] public float TaxiMinutes", StringComparison.Ordinal)
            .Replace("public string Cancelled;", "[System.ComponentModel.DataAnnotations.Timestamp] public byte[] RowVersion = []; [System.ComponentModel.DataAnnotations.ConcurrencyCheck] public string Cancelled;", StringComparison.Ordinal));

    [Fact]
    public Task A_column_an_estimator_is_given_by_nameof_is_in_use() => Verify.AnalyzerAsync<UnderutilisedDataMemberAnalyzer>(
        Sources.Replace("public float TaxiMinutes", "public float {|#0:TaxiMinutes|}", StringComparison.Ordinal)
        + """
        public static class Pipeline
        {
            public static string[] Columns() => new[] { nameof(Flight.Cancelled), nameof(Route.Count) };
        }
        """,
        Unused(0, "Flight.TaxiMinutes", "bts.on_time"));

    // ML.NET's web-ranking sample gives the ranker every column of the schema but the label and the group; most code names
    // its columns with strings, often in a helper that names no row type. A member whose column is named so is in use.
    [Fact]
    public Task Columns_a_pipeline_takes_by_name_or_among_every_column_of_the_schema_but_some_are_in_use() => Verify.AnalyzerAsync<UnderutilisedDataMemberAnalyzer>(
        Verify.Setup.GeneratedWithMachineLearning,
        [Sources.Replace("public string Cancelled;", "public string {|#0:Cancelled|};", StringComparison.Ordinal)
            .Replace("public float TaxiMinutes", "[Microsoft.ML.Data.ColumnName(\"Taxi\")] public float {|#1:TaxiMinutes|}", StringComparison.Ordinal)
            .Replace("int Count);", "int Count, int Stops);", StringComparison.Ordinal)
        + """
        [FeatureSet(typeof(Route))]
        public static partial class RouteFeatures
        {
            [Feature, HashBuckets(8)] public static string Origin(Route r) => r.Origin;
        }

        namespace Training
        {
            using System.Linq;
            using Microsoft.ML;

            public static class Pipeline
            {
                public static IEstimator<ITransformer> Build(MLContext ml, string path)
                {
                    var data = ml.Data.LoadFromTextFile<Flight>(path);
                    var columns = data.Schema.Select(column => column.Name).Where(name => name != "Cancelled" && name != "Taxi").ToArray();
                    return ml.Transforms.Concatenate("Features", columns);
                }

                public static IEstimator<ITransformer> Routes(MLContext ml, string path)
                {
                    var routes = ml.Data.LoadFromTextFile<Route>(path);
                    var columns = new[] { "Destination" };
                    return ml.Transforms.Concatenate("Features", columns);
                }

                // Handed the data, as ML.NET's web-ranking sample's CreatePipeline is: the nameofs name the rows.
                public static IEstimator<ITransformer> Handed(MLContext ml, IDataView routes) =>
                    ml.Transforms.Concatenate("Features", routes.Schema.Select(column => column.Name).Where(name => name != nameof(Route.Origin)).ToArray());

                // Named anywhere, a column is in use; TaxiMinutes's column is "Taxi", not its member's name.
                public static IEstimator<ITransformer> Counts(MLContext ml) => ml.Transforms.Concatenate("Features", "Count", "TaxiMinutes");
            }
        }
        """],
        Unused(0, "Flight.Cancelled", "bts.on_time"),
        Unused(1, "Flight.TaxiMinutes", "bts.on_time"));

    // Round 15's fraud detector leaves names out with a local set; a list SKW201 cannot read (a filter by type) may take
    // any member of the rows, so an info rule says nothing of them. A name the set leaves out is still not in use, and
    // neither is a column a filter that keeps only the columns it names does not name (ML.NET's hotel-ranking sample).
    [Fact]
    public Task Members_a_schema_list_may_take_are_in_use_when_its_names_are_in_a_local_or_a_step_is_unknown() => Verify.AnalyzerAsync<UnderutilisedDataMemberAnalyzer>(
        Verify.Setup.GeneratedWithMachineLearning,
        [Sources.Replace("public string Cancelled;", "public string {|#0:Cancelled|};", StringComparison.Ordinal)
            .Replace("int Count);", "int Count, int Stops);", StringComparison.Ordinal)
        + """
        [FeatureSet(typeof(Route))]
        public static partial class RouteFeatures
        {
            [Feature, HashBuckets(8)] public static string Origin(Route r) => r.Origin;
        }

        [DataSource("expedia.hotels")]
        public sealed class Hotel
        {
            public float Price { get; set; }
            public float Stars { get; set; }
            public float {|#1:SiteId|} { get; set; }
            [Label] public float Booked { get; set; }
        }

        [FeatureSet(typeof(Hotel))]
        public static partial class HotelFeatures
        {
            [Feature] public static float Price(Hotel h) => h.Price;
        }

        namespace Training
        {
            using System.Collections.Generic;
            using System.Linq;
            using Microsoft.ML;
            using Microsoft.ML.Data;

            public static class Pipeline
            {
                public static IEstimator<ITransformer> Build(MLContext ml, string path)
                {
                    var data = ml.Data.LoadFromTextFile<Flight>(path);
                    var excluded = new HashSet<string>(new[] { "Cancelled" });
                    var columns = data.Schema.Select(x => x.Name).Where(x => !excluded.Contains(x)).ToArray();
                    return ml.Transforms.Concatenate("Features", columns);
                }

                public static IEstimator<ITransformer> Routes(MLContext ml, string path)
                {
                    var routes = ml.Data.LoadFromTextFile<Route>(path);
                    return ml.Transforms.Concatenate("Features", routes.Schema.Where(column => column.Type is NumberDataViewType).Select(column => column.Name).ToArray());
                }

                public static IEstimator<ITransformer> Hotels(MLContext ml, string path)
                {
                    var hotels = ml.Data.LoadFromTextFile<Hotel>(path);
                    var columns = hotels.Schema.AsQueryable().Select(s => s.Name).Where(c => c == "Price" || c == "Stars").ToArray();
                    return ml.Transforms.Concatenate("Features", columns);
                }
            }
        }
        """],
        Unused(0, "Flight.Cancelled", "bts.on_time"),
        Unused(1, "Hotel.SiteId", "expedia.hotels"));

    // Round 16's flight bookings label a flight full from its passengers and its capacity, in the label lambda Skewless.ML's
    // ToDataView is given: the capacity is in use, as it is in a CustomMapping that builds the label.
    [Fact]
    public Task Members_the_label_lambda_of_ToDataView_reads_are_in_use() => Verify.AnalyzerAsync<UnderutilisedDataMemberAnalyzer>(
        Verify.Setup.GeneratedWithMachineLearning,
        [Sources.Replace("public string Cancelled;", "public string {|#0:Cancelled|};", StringComparison.Ordinal)
        + """
        namespace Training
        {
            using System.Collections.Generic;
            using Microsoft.ML;
            using Skewless.ML;

            public static class Pipeline
            {
                public static IDataView Build(List<Flight> flights) =>
                    FlightFeatures.Fit(flights).ToDataView(flights, f => f.DelayMinutes > 15 || f.TaxiMinutes > 30);
            }
        }
        """],
        Unused(0, "Flight.Cancelled", "bts.on_time"));

    // The F1 tyre model builds its label in a CustomMapping from laps and the track's length; no feature reads the length, but
    // ML.NET does. A lambda given to anything but ML.NET is not a pipeline, and what it reads is still reported.
    [Fact]
    public Task Members_a_lambda_given_to_ML_NET_reads_or_a_filter_names_are_in_use() => Verify.AnalyzerAsync<UnderutilisedDataMemberAnalyzer>(
        Verify.Setup.GeneratedWithMachineLearning,
        [Sources.Replace("public string Cancelled;", "public string {|#0:Cancelled|}; public float Laps; public float Track; public int Seats; public float Legs;", StringComparison.Ordinal)
            .Replace("public float TaxiMinutes", "public float {|#1:TaxiMinutes|}", StringComparison.Ordinal)
        + """
        namespace Training
        {
            using System;
            using System.Linq;
            using Microsoft.ML;

            public sealed class Distance { public float Value { get; set; } }

            public static class Pipeline
            {
                public static IEstimator<ITransformer> Build(MLContext ml)
                {
                    Action<Flight, Distance> flown = (flight, distance) => distance.Value = flight.Laps;
                    return ml.Transforms.CustomMapping((Flight flight, Distance distance) => distance.Value = flight.Track * 2, contractName: null)
                        .Append(ml.Transforms.CustomMapping(flown, contractName: null));
                }

                public static IDataView Full(MLContext ml, IDataView data) => ml.Data.FilterByCustomPredicate<Flight>(data, flight => flight.Seats == 0);

                public static float[] Taxi(Flight[] flights) => flights.Select(flight => flight.TaxiMinutes).ToArray();

                // FilterRowsByColumn's parameter is columnName, as the Inergy forecaster splits by its period.
                public static IDataView Early(MLContext ml, IDataView flights) => ml.Data.FilterRowsByColumn(flights, "Legs", upperBound: 2);
            }
        }
        """],
        Unused(0, "Flight.Cancelled", "bts.on_time"),
        Unused(1, "Flight.TaxiMinutes", "bts.on_time"));

    [Fact]
    public Task A_data_source_no_feature_set_here_takes_is_left_to_the_projects_that_do() => Verify.AnalyzerAsync<UnderutilisedDataMemberAnalyzer>("""
        using Skewless;

        [DataSource("bts.routes", Owner = "bts", Version = "2008")]
        public sealed record Route(string Origin, string Destination, int Count);
        """);

    [Fact]
    public Task A_reason_in_SuppressMessage_silences_it_for_that_member_only() => Verify.AnalyzerAsync<UnderutilisedDataMemberAnalyzer>(
        Sources.Replace(
                "public float TaxiMinutes",
                "[SuppressMessage(\"Skewless.DataDependencies\", \"SKW500\", Justification = \"Read by the monitoring job, not by a feature.\")] public float TaxiMinutes",
                StringComparison.Ordinal)
            .Replace("public string Cancelled;", "public string {|#0:Cancelled|};", StringComparison.Ordinal),
        Unused(0, "Flight.Cancelled", "bts.on_time"));

    [Fact]
    public Task A_feature_set_over_a_derived_row_type_reads_the_members_of_its_base() => Verify.AnalyzerAsync<UnderutilisedDataMemberAnalyzer>("""
        using Skewless;

        [DataSource("shop.orders", Owner = "sales", Version = "1")]
        public class Order
        {
            public float Amount { get; set; }
            public int {|#0:Items|} { get; set; }
        }

        public sealed class WebOrder : Order
        {
            public string Browser { get; set; } = "";
        }

        [FeatureSet(typeof(WebOrder))]
        public static partial class WebOrderFeatures
        {
            [Feature] public static float Amount(WebOrder o) => o.Amount;
        }
        """, Unused(0, "Order.Items", "shop.orders"));

    [Fact]
    public Task Members_of_the_second_data_source_are_its_own() => Verify.AnalyzerAsync<UnderutilisedDataMemberAnalyzer>(
        Sources.Replace("public float TaxiMinutes { get; set; }", "", StringComparison.Ordinal).Replace("public string Cancelled;", "", StringComparison.Ordinal)
            .Replace("public sealed record Route(string Origin, string Destination, int Count);", "public sealed record Route(string Origin, string {|#0:Destination|}, int {|#1:Count|});", StringComparison.Ordinal)
        + """
        [FeatureSet(typeof(Route), Name = "Routes")]
        public static partial class RouteFeatures
        {
            [Feature, HashBuckets(16)] public static string Origin(Route r) => r.Origin;
        }
        """,
        Unused(0, "Route.Destination", "bts.routes"),
        Unused(1, "Route.Count", "bts.routes"));
}
