using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.Contracts;
using Skewless.Analyzers.Diagnostics;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Contracts;

/// <summary>SKW505: a version the contract records, whose class is gone, so its models can no longer be rolled back to.</summary>
public sealed class UndeclaredRecordedVersionTests
{
    private const string Version2 = """
        [FeatureSet(typeof(Flight), Name = "Flights", Version = 2)]
        public static partial class {|#0:FlightFeatures|}
        {
            [Feature] public static float Hour(Flight f) => f.Departure.Hour;
        }
        """;

    private const string Version1 = """
        [FeatureSet(typeof(Flight), Name = "Flights", Version = 1)]
        public static partial class FlightFeaturesV1
        {
            [Feature] public static float Hour(Flight f) => f.Departure.Hour;
        }
        """;

    private static string Entry(string features, string extra = "") =>
        FeatureContract.Entry(Parse.FeatureSet(TestSources.Flight + Markup(features) + extra)) + "\n";

    private static string Markup(string source) => source.Replace("{|#0:", "", StringComparison.Ordinal).Replace("|}", "", StringComparison.Ordinal);

    private static string ContractOfBoth() => FeatureContract.NewFileHeader + Entry(Version1) + Entry(Version2);

    [Fact]
    public Task A_recorded_version_whose_class_is_gone_fires_at_its_entry()
    {
        var contract = ContractOfBoth();
        var header = contract.Split('\n').Select((line, index) => (line, index)).Single(line => line.line.StartsWith("Flights v1 ", StringComparison.Ordinal));
        return ContractVerify.AnalyzerAsync(
            TestSources.Flight + Version2,
            contract,
            new DiagnosticResult(Descriptors.UndeclaredRecordedVersion)
                .WithSpan(FeatureContract.FileName, header.index + 1, 1, header.index + 1, header.line.Length + 1)
                .WithArguments("Flights", 1));
    }

    [Fact]
    public Task Every_recorded_version_declared_is_silent() =>
        ContractVerify.AnalyzerAsync(TestSources.Flight + Version1 + Version2, ContractOfBoth());

    [Fact]
    public Task A_feature_set_whose_version_is_being_typed_keeps_its_names_entries_quiet()
    {
        var version3 = Version1.Replace("Version = 1", "Version = 3", StringComparison.Ordinal);
        return ContractVerify.AnalyzerAsync(
            TestSources.Flight + Version2 + Version1.Replace("Version = 1", "Version = {|CS0103:three|}", StringComparison.Ordinal).Replace("class FlightFeaturesV1", "class {|SKW503:FlightFeaturesV1|}", StringComparison.Ordinal),
            FeatureContract.NewFileHeader + Entry(Version2) + Entry(version3));
    }

    [Fact]
    public Task Without_a_contract_nothing_fires() =>
        ContractVerify.AnalyzerAsync(TestSources.Flight + Version2, null, new DiagnosticResult(Descriptors.UnrecordedFeatureSet).WithLocation(0).WithArguments("FlightFeatures", "Flights", 2, ", and the project has no such file"));
}
