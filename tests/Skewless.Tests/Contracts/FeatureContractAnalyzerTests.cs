using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.Contracts;
using Skewless.Analyzers.Diagnostics;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Contracts;

public sealed class FeatureContractAnalyzerTests
{
    private const string Flight = TestSources.Flight;

    private const string Features = """
        [FeatureSet(typeof(Flight), Name = "Flights", Version = 1)]
        public static partial class {|#0:FlightFeatures|}
        {
            [Feature] public static float Hour(Flight f) => f.Departure.Hour;
            [Feature, ZScore] public static float Distance(Flight f) => Units.Km(f.DistanceMiles);
        }

        public static class Units { public static float Km(float miles) => miles * 1.609f; }
        """;

    /// <summary>A contract that records <paramref name="features"/> as they are now.</summary>
    private static string ContractOf(string features) =>
        FeatureContract.NewFileHeader + FeatureContract.Entry(Parse.FeatureSet(Flight + Markup(features))) + "\n";

    private static string Markup(string source) => source.Replace("{|#0:", "", StringComparison.Ordinal).Replace("|}", "", StringComparison.Ordinal);

    private static string FingerprintOf(string features) => Parse.FeatureSet(Flight + Markup(features)).Fingerprint;

    private static DiagnosticResult Changed(string features, string changes, string recorded = Features) =>
        new DiagnosticResult(Descriptors.ChangedWithoutNewVersion).WithLocation(0)
            .WithArguments("FlightFeatures", "Flights", 1, $"definition {FingerprintOf(recorded)} recorded, {FingerprintOf(features)} now: {changes}");

    [Fact]
    public Task A_definition_that_matches_its_entry_is_silent() =>
        ContractVerify.AnalyzerAsync(Flight + Features, ContractOf(Features));

    [Fact]
    public Task SKW502_fires_when_a_feature_body_changes_and_the_version_does_not()
    {
        var changed = Features.Replace("f.Departure.Hour;", "f.Departure.Hour + 1;", StringComparison.Ordinal);
        return ContractVerify.AnalyzerAsync(Flight + changed, ContractOf(Features), Changed(changed, "the code of 'Hour' (or of a helper it calls) changed"));
    }

    [Fact]
    public Task SKW502_fires_when_a_helper_in_another_class_changes()
    {
        var changed = Features.Replace("1.609f", "1.61f", StringComparison.Ordinal);
        return ContractVerify.AnalyzerAsync(Flight + changed, ContractOf(Features), Changed(changed, "the code of 'Distance' (or of a helper it calls) changed"));
    }

    [Fact]
    public Task SKW502_names_the_features_added_removed_and_changed()
    {
        var changed = Features
            .Replace("[Feature] public static float Hour(Flight f) => f.Departure.Hour;", "[Feature] public static int Month(Flight f) => f.Departure.Month;", StringComparison.Ordinal)
            .Replace("[Feature, ZScore] public static float Distance", "[Feature, QuantileBuckets(4)] public static float Distance", StringComparison.Ordinal);
        return ContractVerify.AnalyzerAsync(
            Flight + changed,
            ContractOf(Features),
            Changed(changed, "'Month' added; 'Hour' removed; 'Distance' was Single ZScore 1, is Single QuantileBuckets(4) 1"));
    }

    [Fact]
    public Task SKW502_names_a_feature_whose_transform_settings_changed()
    {
        var before = Features.Replace("[Feature, ZScore]", "[Feature, QuantileBuckets(5)]", StringComparison.Ordinal);
        var changed = Features.Replace("[Feature, ZScore]", "[Feature, QuantileBuckets(4)]", StringComparison.Ordinal);
        return ContractVerify.AnalyzerAsync(
            Flight + changed,
            ContractOf(before),
            Changed(changed, "'Distance' was Single QuantileBuckets(5) 1, is Single QuantileBuckets(4) 1", before));
    }

    [Fact]
    public Task SKW502_compares_an_entry_recorded_without_transform_settings_or_code_by_the_transform_name()
    {
        var before = Features.Replace("[Feature, ZScore]", "[Feature, QuantileBuckets(5)]", StringComparison.Ordinal);
        var changed = before.Replace("f.Departure.Hour;", "f.Departure.Hour + 1;", StringComparison.Ordinal);
        // As entries were written before transform settings and features' code were recorded.
        var recordedWithoutSettings = Regex.Replace(ContractOf(before).Replace("QuantileBuckets(5)", "QuantileBuckets", StringComparison.Ordinal), " [0-9a-f]{8}$", "", RegexOptions.Multiline);
        return ContractVerify.AnalyzerAsync(Flight + changed, recordedWithoutSettings, Changed(changed, "the code of a feature or of a helper it calls changed", before));
    }

    [Fact]
    public Task SKW502_names_every_feature_that_calls_the_feature_whose_code_changed()
    {
        var features = Features.Replace(
            "[Feature, ZScore] public static float Distance",
            "[Feature] public static bool Night(Flight f) => Hour(f) < 5;\n    [Feature, ZScore] public static float Distance",
            StringComparison.Ordinal);
        var changed = features.Replace("f.Departure.Hour;", "f.Departure.Hour + 1;", StringComparison.Ordinal);
        return ContractVerify.AnalyzerAsync(Flight + changed, ContractOf(features), Changed(changed, "the code of 'Hour' and 'Night' (or of helpers they call) changed", features));
    }

    [Fact]
    public Task SKW502_says_when_only_the_order_of_the_features_changed()
    {
        var reordered = Features
            .Replace("    [Feature] public static float Hour(Flight f) => f.Departure.Hour;\n", "", StringComparison.Ordinal)
            .Replace("public static class Units", "public static partial class FlightFeatures { [Feature] public static float Hour(Flight f) => f.Departure.Hour; }\n\npublic static class Units", StringComparison.Ordinal);
        return ContractVerify.AnalyzerAsync(Flight + reordered, ContractOf(Features), Changed(reordered, "the features' order or the input type's name changed"));
    }

    [Fact]
    public Task Whitespace_and_comments_never_fire()
    {
        var reformatted = Features
            .Replace("[Feature] public static float Hour(Flight f) => f.Departure.Hour;", "// The local hour.\n    [Feature]\n    public static float Hour( Flight f )\n        => f.Departure.Hour ;  /* no minutes */", StringComparison.Ordinal)
            .Replace("miles * 1.609f", "miles   *   1.609f", StringComparison.Ordinal)
            .Replace("\n", "\r\n", StringComparison.Ordinal);
        return ContractVerify.AnalyzerAsync(Flight + reformatted, ContractOf(Features));
    }

    [Fact]
    public Task A_bumped_version_with_its_own_entry_is_silent_while_the_old_entry_stays()
    {
        var changed = Features.Replace("f.Departure.Hour;", "f.Departure.Hour + 1;", StringComparison.Ordinal).Replace("Version = 1", "Version = 2", StringComparison.Ordinal);
        var contract = ContractOf(Features) + FeatureContract.Entry(Parse.FeatureSet(Flight + Markup(changed))) + "\n";
        return ContractVerify.AnalyzerAsync(Flight + changed, ContractVerify.MarkUndeclared(contract, "Flights", 1));
    }

    [Fact]
    public Task A_bumped_version_without_an_entry_is_unrecorded_not_changed()
    {
        var changed = Features.Replace("f.Departure.Hour;", "f.Departure.Hour + 1;", StringComparison.Ordinal).Replace("Version = 1", "Version = 2", StringComparison.Ordinal);
        return ContractVerify.AnalyzerAsync(
            Flight + changed,
            ContractVerify.MarkUndeclared(ContractOf(Features), "Flights", 1),
            new DiagnosticResult(Descriptors.UnrecordedFeatureSet).WithLocation(0).WithArguments("FlightFeatures", "Flights", 2, ""));
    }

    [Fact]
    public Task SKW503_fires_for_a_version_the_file_does_not_record() =>
        ContractVerify.AnalyzerAsync(
            Flight + Features,
            ContractVerify.MarkUndeclared(FeatureContract.NewFileHeader + "Routes v1 0000000000000001 RouteFeatures\n", "Routes", 1),
            new DiagnosticResult(Descriptors.UnrecordedFeatureSet).WithLocation(0).WithArguments("FlightFeatures", "Flights", 1, ""));

    [Fact]
    public Task SKW503_fires_when_the_project_has_no_contract_file() =>
        ContractVerify.AnalyzerAsync(
            Flight + Features,
            contract: null,
            new DiagnosticResult(Descriptors.UnrecordedFeatureSet).WithLocation(0).WithArguments("FlightFeatures", "Flights", 1, ", and the project has no such file"));

    [Fact]
    public Task The_logical_name_defaults_to_the_class_name() =>
        ContractVerify.AnalyzerAsync(
            Flight + Features.Replace("Name = \"Flights\", ", "", StringComparison.Ordinal),
            ContractVerify.MarkUndeclared(ContractOf(Features), "Flights", 1),
            new DiagnosticResult(Descriptors.UnrecordedFeatureSet).WithLocation(0).WithArguments("FlightFeatures", "FlightFeatures", 1, ""));

    [Fact]
    public Task A_malformed_header_counts_as_unrecorded_and_nothing_throws() =>
        ContractVerify.AnalyzerAsync(
            Flight + Features,
            ContractOf(Features).Replace("Flights v1 ", "Flights version-one ", StringComparison.Ordinal) + "\tstray\nFlights\n",
            new DiagnosticResult(Descriptors.UnrecordedFeatureSet).WithLocation(0).WithArguments("FlightFeatures", "Flights", 1, ""));

    [Fact]
    public Task A_class_that_is_not_a_valid_feature_set_is_left_to_SKW100() =>
        ContractVerify.AnalyzerAsync(Flight + Markup(Features).Replace("public static partial class", "public class", StringComparison.Ordinal), contract: null);

    [Fact]
    public Task The_diagnostic_is_at_the_part_that_carries_the_attribute() =>
        ContractVerify.AnalyzerAsync(
            Flight + Features + "\npublic static partial class FlightFeatures { private static int Unused => 0; }\n",
            contract: null,
            new DiagnosticResult(Descriptors.UnrecordedFeatureSet).WithLocation(0).WithArguments("FlightFeatures", "Flights", 1, ", and the project has no such file"));

    [Theory]
    [InlineData("a\\nb", "a\\nb", "contains a line break")]
    [InlineData("#1", "#1", "starts with '#', which the file reads as a comment")]
    [InlineData(" Flights", " Flights", "starts with white space, which the file reads as a feature line")]
    [InlineData("Flights ", "Flights ", "ends with white space, which the file does not keep")]
    public Task SKW504_fires_instead_of_SKW503_for_a_name_the_file_cannot_record(string literal, string shown, string problem) =>
        ContractVerify.AnalyzerAsync(
            Flight + Features.Replace("Name = \"Flights\"", $"Name = \"{literal}\"", StringComparison.Ordinal),
            contract: null,
            new DiagnosticResult(Descriptors.UnrecordableFeatureSetName).WithLocation(0).WithArguments("FlightFeatures", shown, problem));

    [Fact]
    public Task SKW504_is_silent_for_names_with_spaces_and_a_hash_inside() =>
        ContractVerify.AnalyzerAsync(
            Flight + Features.Replace("Name = \"Flights\"", "Name = \"flight #2 delays\"", StringComparison.Ordinal),
            contract: null,
            new DiagnosticResult(Descriptors.UnrecordedFeatureSet).WithLocation(0).WithArguments("FlightFeatures", "flight #2 delays", 1, ", and the project has no such file"));
}
