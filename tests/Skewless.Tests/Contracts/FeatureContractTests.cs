using Skewless.Analyzers.Contracts;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Contracts;

/// <summary>The FeatureSets.Shipped.txt format: what an entry looks like, how edits keep the rest of the file, and that no text makes reading it throw.</summary>
public sealed class FeatureContractTests
{
    private const string Features = """
        [FeatureSet(typeof(Flight), Name = "Flights", Version = 3)]
        public static partial class FlightFeatures
        {
            [Feature("departure hour")] public static float Hour(Flight f) => f.Departure.Hour;
            [Feature, Vocabulary(MaxSize = 20, OovBuckets = 2)] public static string Origin(Flight f) => f.Origin;
            [Feature] public static Cabin Cabin(Flight f) => f.Cabin;
        }
        """;

    private const string Contract = """
        # A comment that stays.
        Flights v1 0000000000000001 Flights.FlightFeaturesV1
            Hour Single None 1
        # Another one.
        Routes v2 0000000000000002 Routes.RouteFeatures
            Count Int32 None 1

        """;

    [Fact]
    public void An_entry_is_a_header_line_and_one_indented_line_per_feature()
    {
        var model = Parse.FeatureSet(TestSources.Flight + Features);

        Assert.Equal(
            $"Flights v3 {model.Fingerprint} FlightFeatures\n    departure hour Single None 1 {model.Features[0].Code}\n    Origin String Vocabulary(MaxSize=20,MinCount=1,OovBuckets=2,OneHot) 22 {model.Features[1].Code}\n    Cabin Enum None 2 {model.Features[2].Code}",
            FeatureContract.Entry(model));
    }

    [Fact]
    public void Names_with_spaces_are_read_back_from_an_entry()
    {
        var model = Parse.FeatureSet(TestSources.Flight + Features);
        var contract = FeatureContract.Parse(FeatureContract.Entry(model) + "\n");

        var entry = Assert.IsType<ContractEntry>(contract.Find("Flights", 3));
        Assert.Equal(model.Fingerprint, entry.Fingerprint);
        Assert.Equal(["departure hour", "Origin", "Cabin"], entry.Features.Select(feature => feature.Name));
        Assert.Equal(("Flights", 3), FeatureContract.IdentityOf(FeatureContract.Entry(model)));
    }

    [Fact]
    public void A_new_entry_goes_before_the_first_that_sorts_after_it_and_every_other_line_stays()
    {
        var text = FeatureContract.Parse(Contract).With("Flights v2 00000000000000aa Flights.FlightFeatures\n    Hour Double None 1");

        Assert.Equal("""
            # A comment that stays.
            Flights v1 0000000000000001 Flights.FlightFeaturesV1
                Hour Single None 1
            # Another one.
            Flights v2 00000000000000aa Flights.FlightFeatures
                Hour Double None 1
            Routes v2 0000000000000002 Routes.RouteFeatures
                Count Int32 None 1

            """, text);
    }

    [Fact]
    public void An_entry_after_every_other_goes_at_the_end()
    {
        var text = FeatureContract.Parse(Contract).With("Zips v1 00000000000000bb Zips\n    Zip String HashBuckets 8");

        Assert.EndsWith("    Count Int32 None 1\nZips v1 00000000000000bb Zips\n    Zip String HashBuckets 8\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_for_a_recorded_version_replaces_that_entry_with_all_its_feature_lines()
    {
        var text = FeatureContract.Parse(Contract).With("Flights v1 00000000000000cc Flights.FlightFeaturesV1\n    Hour Single None 1\n    Day Enum None 7");

        Assert.Equal("""
            # A comment that stays.
            Flights v1 00000000000000cc Flights.FlightFeaturesV1
                Hour Single None 1
                Day Enum None 7
            # Another one.
            Routes v2 0000000000000002 Routes.RouteFeatures
                Count Int32 None 1

            """, text);
    }

    [Fact]
    public void Windows_line_endings_are_kept()
    {
        var text = FeatureContract.Parse(Contract.Replace("\n", "\r\n", StringComparison.Ordinal)).With("Zeta v1 00000000000000dd Zeta\n    A Single None 1");

        Assert.StartsWith("# A comment that stays.\r\nFlights v1", text, StringComparison.Ordinal);
        Assert.EndsWith("Zeta v1 00000000000000dd Zeta\r\n    A Single None 1\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\r", text, StringComparison.Ordinal);
        Assert.Equal(text.Split('\n').Length - 1, text.Split("\r\n").Length - 1);
    }

    [Theory]
    [InlineData("Flights 1 0000000000000001 Flights.FlightFeaturesV1")]
    [InlineData("Flights vone 0000000000000001 Flights.FlightFeaturesV1")]
    [InlineData("Flights v 0000000000000001 Flights.FlightFeaturesV1")]
    [InlineData("v1 0000000000000001 Flights.FlightFeaturesV1")]
    [InlineData("Flights v1")]
    [InlineData("#Flights v1 0000000000000001 Flights.FlightFeaturesV1")]
    public void A_header_it_cannot_read_leaves_that_version_unrecorded(string header)
    {
        var contract = FeatureContract.Parse(header + "\n    Hour Single None 1\n");

        Assert.Null(contract.Find("Flights", 1));
    }

    [Fact]
    public void Feature_lines_it_cannot_read_are_skipped_and_the_entry_still_counts()
    {
        var contract = FeatureContract.Parse("Flights v1 0000000000000001 X\n    Hour Single None wide\n    Day\n    Month Int32 None 1\n");

        var entry = Assert.IsType<ContractEntry>(contract.Find("Flights", 1));
        Assert.Equal(["Month"], entry.Features.Select(feature => feature.Name));
        Assert.Equal(4, entry.LineCount);
    }

    [Fact]
    public void Of_two_entries_for_one_version_the_first_counts()
    {
        var contract = FeatureContract.Parse("Flights v1 0000000000000001 A\nFlights v1 0000000000000002 B\n");

        Assert.Equal("0000000000000001", contract.Find("Flights", 1)!.Fingerprint);
    }

    [Fact]
    public void The_highest_recorded_version_is_per_name()
    {
        var contract = FeatureContract.Parse(Contract);

        Assert.Equal(1, contract.HighestVersion("Flights"));
        Assert.Equal(2, contract.HighestVersion("Routes"));
        Assert.Equal(int.MinValue, contract.HighestVersion("Zips"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("    an indented line before any header\n")]
    [InlineData("Flights v2147483648 0 X\n")]
    [InlineData("Flights v-1 0 X\n    \t\n\t Hour\tSingle None 1")]
    [InlineData("\0\u2028 v1 \u00a0 x\r\r\n")]
    [InlineData("   \n#\n v1 a b\n")]
    public void No_text_makes_reading_or_editing_throw(string text)
    {
        var contract = FeatureContract.Parse(text);

        var edited = contract.With("Flights v1 0000000000000001 X\n    Hour Single None 1");
        Assert.NotNull(FeatureContract.Parse(edited).Find("Flights", 1));
    }

    [Theory]
    [InlineData("a\nb")]
    [InlineData("a\r\nb")]
    [InlineData("a\rb")]
    public void The_identity_of_an_entry_whose_name_breaks_the_line_is_unknown_not_an_exception(string name) =>
        Assert.Null(FeatureContract.IdentityOf(name + " v1 0000000000000001 X\n    Hour Single None 1"));

    [Theory]
    [InlineData("Flights", true)]
    [InlineData("departure hour", true)]
    [InlineData("a#b v1 c", true)]
    [InlineData("a\tb", true)]
    [InlineData("a\nb", false)]
    [InlineData("a\rb", false)]
    [InlineData("#1", false)]
    [InlineData(" Flights", false)]
    [InlineData("\tFlights", false)]
    [InlineData("Flights ", false)]
    public void A_name_can_be_recorded_exactly_when_its_entry_reads_back_as_that_name(string name, bool recordable)
    {
        var contract = FeatureContract.Parse(FeatureContract.NewFileHeader).With(name + " v1 0000000000000001 X\n    Hour Single None 1");

        Assert.Equal(recordable, FeatureContract.Parse(contract).Find(name, 1) is not null);
        Assert.Equal(recordable, FeatureContract.NameProblem(name) is null);
    }

    [Fact]
    public void A_feature_name_with_white_space_at_an_end_reads_back_and_one_with_a_line_break_is_left_out()
    {
        var model = Parse.FeatureSet(TestSources.Flight + """
            [FeatureSet(typeof(Flight), Name = "Flights")]
            public static partial class FlightFeatures
            {
                [Feature("hour\r\nof day")] public static float Hour(Flight f) => f.Departure.Hour;
                [Feature(" Month ")] public static float Month(Flight f) => f.Departure.Month;
                [Feature("Month")] public static float MonthAgain(Flight f) => f.Departure.Month;
            }
            """);
        var entry = FeatureContract.Entry(model);

        Assert.Equal(3, entry.Split('\n').Length);
        var recorded = FeatureContract.Parse(entry + "\n").Find("Flights", 1)!;
        Assert.Equal(["Month", "Month"], recorded.Features.Select(feature => feature.Name));
        // Of the two features recorded as "Month", the first of each side is compared, as for shapes: nothing differs.
        Assert.EndsWith("now: the features' order or the input type's name changed", FeatureContract.Differences(recorded, model), StringComparison.Ordinal);
    }
}
