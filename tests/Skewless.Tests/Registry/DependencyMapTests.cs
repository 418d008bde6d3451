using System.Reflection;
using Xunit;

namespace Skewless.Tests.Registry;

/// <summary>
/// The generated dependency map of this test assembly, on two real data sources that share the
/// members Origin and Destination: flights (two versions of one feature set read them) and routes.
/// </summary>
public sealed class DependencyMapTests
{
    private static DependencyMap Map => FeatureSets.Map;

    private static string[] Features(IEnumerable<FeatureDependency> features) => features.Select(feature => feature.ToString()).ToArray();

    [Fact]
    public void Each_data_source_lists_its_owner_version_and_members_with_the_features_that_read_them()
    {
        var flights = Map.DataSources.Single(source => source.Name == "bts.on_time");

        Assert.Equal(("data-platform", "2001-Q1", "Flights.Flight"), (flights.Owner, flights.Version, flights.Type));
        Assert.Equal(["Departure", "Origin", "Destination", "DistanceMiles", "DelayMinutes"], flights.Members.Select(member => member.Name));
        Assert.Equal(["TestFlights v1 Hour", "TestFlights v2 Hour"], Features(flights.Members[0].Features));
        Assert.Equal(["eventTime"], flights.Members[0].Roles);
        Assert.Equal(["label"], flights.Members[4].Roles);
        Assert.Empty(flights.Members[4].Features);
        Assert.Equal("Skewless.Tests.Registry.TestFlightsV2", flights.Members[1].Features.Single().FeatureSetClass);
    }

    [Fact]
    public void A_member_shared_by_two_data_sources_affects_only_the_features_of_the_one_that_changes()
    {
        Assert.Equal(["TestRoutes v1 Origin"], Features(Map.Affected("bts.routes", "Origin")));
        Assert.Equal(["TestFlights v2 Origin"], Features(Map.Affected("bts.on_time", "Origin")));
        Assert.Empty(Map.Affected("bts.routes", "Destination"));
        Assert.Empty(Map.Affected("bts.on_time", "Destination"));
    }

    [Fact]
    public void A_member_every_version_reads_affects_every_version()
    {
        Assert.Equal(
            ["TestFlights v1 LogDistance", "TestFlights v2 LogDistance", "TestFlights v2 DistanceDecile"],
            Features(Map.Affected("Flights.Flight", "DistanceMiles")));
        Assert.Equal(Map.Affected("bts.on_time", "DistanceMiles").Select(feature => feature.ToString()), Features(Map.Affected("Flights.Flight", "DistanceMiles")));
    }

    [Fact]
    public void A_member_or_source_the_map_does_not_have_affects_nothing()
    {
        Assert.Empty(Map.Affected("bts.on_time", "TailNumber"));
        Assert.Empty(Map.Affected("bts.cancellations", "Origin"));
    }

    [Fact]
    public void As_text_it_shows_each_source_then_each_member_with_its_roles_and_readers()
    {
        var text = Map.ToString();

        Assert.Contains(
            "bts.routes (Skewless.Tests.Registry.Route), owner bts, version 2008\n  Origin: TestRoutes v1 Origin\n  Destination: read by no feature\n  Count: TestRoutes v1 LogCount\n",
            text,
            StringComparison.Ordinal);
        Assert.Contains("  DelayMinutes [label]: read by no feature\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_assembly_records_the_same_map_for_the_build_to_write_out()
    {
        var recorded = typeof(FeatureSets).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "Skewless.Dependencies");

        Assert.Equal(FeatureSets.DependenciesJson, recorded.Value);
        Assert.Equal(Map.ToString(), DependencyMap.Parse(recorded.Value!).ToString());
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"format\": \"skewless.artifact\", \"formatVersion\": 1, \"dataSources\": []}")]
    [InlineData("{\"format\": \"skewless.dependencies\", \"formatVersion\": 2, \"dataSources\": []}")]
    [InlineData("{\"format\": \"skewless.dependencies\", \"formatVersion\": 1}")]
    [InlineData("{\"format\": \"skewless.dependencies\", \"formatVersion\": 1, \"dataSources\": [{\"name\": 3}]}")]
    [InlineData("{")]
    public void Text_that_is_not_a_map_of_this_format_is_refused(string json) =>
        Assert.Throws<FormatException>(() => DependencyMap.Parse(json));
}
