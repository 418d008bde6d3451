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
}
