using System.Globalization;
using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.Definitions;
using Skewless.Analyzers.Diagnostics;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Definitions;

public sealed class DuplicateFeatureSetVersionAnalyzerTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        Verify.AnalyzerAsync<DuplicateFeatureSetVersionAnalyzer>(TestSources.Flight + source, expected);

    private static DiagnosticResult Duplicate(int location, string type, string name, int version, string other) =>
        new DiagnosticResult(Descriptors.DuplicateFeatureSetVersion).WithLocation(location).WithArguments(type, name, version, other);

    [Fact]
    public Task Versions_of_one_logical_feature_set_side_by_side_are_silent() => VerifyAsync("""
        [FeatureSet(typeof(Flight), Name = "Flights", Version = 1)]
        public static partial class FlightFeaturesV1 { [Feature] public static float Hour(Flight f) => f.Departure.Hour; }

        [FeatureSet(typeof(Flight), Name = "Flights", Version = 2)]
        public static partial class FlightFeaturesV2 { [Feature] public static float Hour(Flight f) => f.Departure.Hour; }

        [FeatureSet(typeof(Flight), Version = 3)]
        public static partial class Flights { [Feature] public static float Hour(Flight f) => f.Departure.Hour; }
        """);

    [Fact]
    public Task SKW109_fires_on_every_class_that_claims_a_taken_name_and_version() => VerifyAsync("""
        [FeatureSet(typeof(Flight), Name = "Flights", Version = 2)]
        public static partial class {|#0:FlightFeatures|} { [Feature] public static float Hour(Flight f) => f.Departure.Hour; }

        [FeatureSet(typeof(Flight), Name = "Flights", Version = 2)]
        public static partial class {|#1:FlightFeaturesV2|} { [Feature] public static float Hour(Flight f) => f.Departure.Hour; }
        """,
        Duplicate(0, "FlightFeatures", "Flights", 2, "FlightFeaturesV2"),
        Duplicate(1, "FlightFeaturesV2", "Flights", 2, "FlightFeatures"));

    [Fact]
    public Task SKW109_fires_when_a_Name_repeats_another_class_name_at_the_default_version() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class {|#0:Flights|} { [Feature] public static float Hour(Flight f) => f.Departure.Hour; }

        [FeatureSet(typeof(Flight), Name = "Flights")]
        public static partial class {|#1:FlightFeatures|} { [Feature] public static float Hour(Flight f) => f.Departure.Hour; }
        """,
        Duplicate(1, "FlightFeatures", "Flights", 1, "Flights"),
        Duplicate(0, "Flights", "Flights", 1, "FlightFeatures"));

    [Fact]
    public async Task SKW109_names_both_classes_in_full_when_only_their_namespaces_differ()
    {
        await VerifyAsync("""
            namespace Fraud
            {
                [FeatureSet(typeof(Flight))]
                public static partial class {|#0:Features|} { [Feature] public static float Hour(Flight f) => f.Departure.Hour; }
            }

            namespace Churn
            {
                [FeatureSet(typeof(Flight))]
                public static partial class {|#1:Features|} { [Feature] public static float Hour(Flight f) => f.Departure.Hour; }
            }
            """,
            Duplicate(0, "Fraud.Features", "Features", 1, "Churn.Features"),
            Duplicate(1, "Churn.Features", "Features", 1, "Fraud.Features"));

        var message = string.Format(CultureInfo.InvariantCulture, Descriptors.DuplicateFeatureSetVersion.MessageFormat.ToString(CultureInfo.InvariantCulture), "Fraud.Features", "Features", 1, "Churn.Features");
        Assert.Contains("Name = ", message, StringComparison.Ordinal);
    }

    [Fact]
    public Task Classes_with_one_class_name_in_two_namespaces_and_their_own_Names_are_silent() => VerifyAsync("""
        namespace Fraud
        {
            [FeatureSet(typeof(Flight), Name = "FraudFeatures")]
            public static partial class Features { [Feature] public static float Hour(Flight f) => f.Departure.Hour; }
        }

        namespace Churn
        {
            [FeatureSet(typeof(Flight), Name = "ChurnFeatures")]
            public static partial class Features { [Feature] public static float Hour(Flight f) => f.Departure.Hour; }
        }
        """);
}
