using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using Flights;
using Microsoft.Extensions.Time.Testing;
using Skewless.Cli;
using Skewless.Monitoring;
using Skewless.Tests.Infrastructure;
using Skewless.Tests.Transforms;
using Xunit;

namespace Skewless.Tests.Monitoring;

/// <summary>The <c>skewless</c> tool, run in process on real files: its tables, its HTML report and its exit codes.</summary>
[Collection(MeterPublishers.Name)]
public sealed class CliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("skewless-cli-").FullName;

    private string Artifact { get; }

    private string Snapshot { get; }

    public CliTests()
    {
        var january = RealData.Flights.Where(flight => flight.Departure.Month == 1).ToArray();
        var fitted = FlightFeatures.Fit(january);
        Artifact = Path.Combine(_folder, "flights.json");
        using (var artifact = File.Create(Artifact))
        {
            fitted.Save(artifact);
        }

        using var monitor = fitted.Monitor(new MonitorOptions { TimeProvider = new FakeTimeProvider(new DateTimeOffset(2001, 3, 1, 0, 0, 0, TimeSpan.Zero)) });
        foreach (var flight in RealData.Flights.Where(flight => flight.Departure.Month == 3 && flight.Departure.Hour < 12))
        {
            fitted.Transform(flight, monitor);
        }

        Snapshot = Path.Combine(_folder, "march-mornings.json");
        using var snapshot = File.Create(Snapshot);
        monitor.Snapshot().Save(snapshot);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = Commands.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Compare_prints_every_feature_largest_distance_first_and_exits_1_when_a_threshold_is_crossed()
    {
        var (exit, output, error) = Run("compare", Artifact, Snapshot);

        Assert.Equal("", error);
        Assert.Equal(1, exit);
        var rows = output.Split('\n').Where(line => line.StartsWith("  ", StringComparison.Ordinal)).Skip(1).ToArray();
        Assert.Equal(FlightFeatures.Schema.Features.Count, rows.Length);
        Assert.StartsWith("  Hour ", rows[0], StringComparison.Ordinal);
        Assert.Contains("CROSSED", rows[0], StringComparison.Ordinal);
        Assert.Contains("Skew:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_higher_threshold_passes_and_exits_0()
    {
        var (exit, output, _) = Run("compare", Artifact, Snapshot, "--threshold", "0.7");

        Assert.Equal(0, exit);
        Assert.Contains("0 of 8 features crossed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_report_is_well_formed_with_one_svg_per_feature_and_no_script()
    {
        var html = Path.Combine(_folder, "report.html");
        var (exit, _, _) = Run("compare", Artifact, Snapshot, "--html", html);
        Assert.Equal(1, exit);

        using var reader = XmlReader.Create(html, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        var document = XDocument.Load(reader);
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        XNamespace svg = "http://www.w3.org/2000/svg";
        var sections = document.Descendants(xhtml + "section").ToList();
        Assert.Equal(FlightFeatures.Schema.Features.Count, sections.Count);
        Assert.All(sections, section => Assert.Single(section.Elements(svg + "svg")));
        Assert.Equal(FlightFeatures.Schema.Features.Count, document.Descendants(svg + "svg").Count());
        Assert.Empty(document.Descendants(xhtml + "script"));
        Assert.DoesNotContain("http://", File.ReadAllText(html).Replace("http://www.w3.org/", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("Hour", sections[0].Element(xhtml + "h2")!.Nodes().OfType<XText>().First().Value.Trim());
    }

    [Fact]
    public void Two_artifacts_of_the_same_definition_compare_as_drift()
    {
        var february = FlightFeatures.Fit(RealData.Flights.Where(flight => flight.Departure.Month == 2));
        var path = Path.Combine(_folder, "february.json");
        using (var stream = File.Create(path))
        {
            february.Save(stream);
        }

        var (exit, output, _) = Run("compare", Artifact, path, "--threshold", "0.5");

        Assert.Equal(0, exit);
        Assert.Contains("Drift:", output, StringComparison.Ordinal);
        Assert.Contains("DelayMinutes", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_prints_the_features_and_their_statistics()
    {
        var (exit, output, _) = Run("show", Artifact);

        Assert.Equal(0, exit);
        Assert.Contains("Flights.FlightFeatures", output, StringComparison.Ordinal);
        Assert.All(FlightFeatures.Schema.Features, feature => Assert.Contains(Environment.NewLine + feature.Name + " (", output, StringComparison.Ordinal));
        Assert.Contains("DelayMinutes (Single, label)", output, StringComparison.Ordinal);
        Assert.Single(output.Split(Environment.NewLine), line => line.TrimStart().StartsWith("of which out of vocabulary", StringComparison.Ordinal));
    }

    [Fact]
    public void A_corrupt_file_exits_2_with_a_message_naming_the_file()
    {
        var truncated = Write("truncated.json", File.ReadAllText(Snapshot)[..200]);

        var (exit, output, error) = Run("compare", Artifact, truncated);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("truncated.json", error, StringComparison.Ordinal);
        Assert.Contains("truncated or is not JSON", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Tampered_counts_exit_2()
    {
        var json = JsonNode.Parse(File.ReadAllText(Snapshot))!;
        json["statistics"]!["features"]![0]!["count"] = 1;

        var (exit, _, error) = Run("show", Write("tampered.json", json.ToJsonString()));

        Assert.Equal(2, exit);
        Assert.Contains("'Hour'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_artifact_changed_after_saving_exits_2()
    {
        var json = JsonNode.Parse(File.ReadAllText(Artifact))!;
        json["trainingRows"] = 1;

        var (exit, _, error) = Run("show", Write("edited.json", json.ToJsonString()));

        Assert.Equal(2, exit);
        Assert.Contains("changed after it was saved", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Statistics_of_another_definition_exit_2_and_say_the_fingerprints_differ()
    {
        var json = JsonNode.Parse(File.ReadAllText(Snapshot))!;
        json["fingerprint"] = "0123456789abcdef";
        json["version"] = 7;

        var (exit, _, error) = Run("compare", Artifact, Write("other-definition.json", json.ToJsonString()));

        Assert.Equal(2, exit);
        Assert.Contains($"v{FlightFeatures.Schema.Version}, definition {FlightFeatures.Fingerprint}", error, StringComparison.Ordinal);
        Assert.Contains("v7, definition 0123456789abcdef", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_feature_set_exits_2()
    {
        var zips = ZipFeatures.Fit(RealData.Zips.Take(100));
        var path = Path.Combine(_folder, "zips.json");
        using (var stream = File.Create(path))
        {
            zips.Save(stream);
        }

        var (exit, _, error) = Run("compare", Artifact, path);

        Assert.Equal(2, exit);
        Assert.Contains("different feature sets", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_artifact_saved_by_a_class_since_renamed_compares_with_snapshots_of_the_class_that_keeps_its_version()
    {
        // The artifact's version is now declared by another class than the one that saved it, and served through it.
        var json = JsonNode.Parse(File.ReadAllText(Artifact))!;
        json["featureSet"] = "Flights.FlightFeaturesBeforeV3";

        var (exit, output, error) = Run("compare", Write("renamed.json", Resealed.Json(json)), Snapshot);

        Assert.Equal((1, ""), (exit, error));
        Assert.Equal(Run("compare", Artifact, Snapshot).Output, output.Replace("Flights.FlightFeaturesBeforeV3", "Flights.FlightFeatures", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData]
    [InlineData("compare", "one.json")]
    [InlineData("compare", "a.json", "b.json", "--threshold", "much")]
    [InlineData("compare", "a.json", "b.json", "--colour")]
    [InlineData("compare", "a.json", "b.json", "--min-rows", "-1")]
    [InlineData("diff", "a.json", "b.json")]
    public void Bad_arguments_exit_2_with_the_usage(params string[] args)
    {
        var (exit, _, error) = Run(args);

        Assert.Equal(2, exit);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_prints_every_data_source_and_member_with_the_features_that_read_them()
    {
        var (exit, output, error) = Run("map", Write("skewless.dependencies.json", FeatureSets.DependenciesJson));

        Assert.Equal((0, ""), (exit, error));
        Assert.Equal(FeatureSets.Map.ToString(), output);
        Assert.Contains("bts.on_time (Flights.Flight), owner data-platform, version 2001-Q1\n", output, StringComparison.Ordinal);
        Assert.Contains("  DistanceMiles: TestFlights v1 LogDistance, TestFlights v2 LogDistance, TestFlights v2 DistanceDecile\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_with_a_member_prints_the_features_a_change_to_it_affects()
    {
        var map = Write("skewless.dependencies.json", FeatureSets.DependenciesJson);

        var (exit, output, _) = Run("map", map, "bts.routes", "Origin");
        var (_, nothing, _) = Run("map", map, "bts.routes", "Destination");

        Assert.Equal(0, exit);
        Assert.Equal(
            "A change to bts.routes.Origin affects 1 feature(s):\n  TestRoutes v1 Origin (Skewless.Tests.Registry.TestRouteFeatures)\n",
            output.ReplaceLineEndings("\n"));
        Assert.Equal("No feature reads bts.routes.Destination.", nothing.TrimEnd());
    }

    [Fact]
    public void Map_with_a_member_the_data_source_does_not_have_exits_2_listing_its_members()
    {
        var (exit, output, error) = Run("map", Write("skewless.dependencies.json", FeatureSets.DependenciesJson), "bts.routes", "Nope");

        Assert.Equal((2, ""), (exit, output));
        Assert.Equal("skewless: Data source bts.routes has no member Nope. Its members: Origin, Destination, Count.", error.TrimEnd());
    }

    [Fact]
    public void Map_with_an_unknown_data_source_exits_2_listing_the_known_ones()
    {
        var (exit, output, error) = Run("map", Write("skewless.dependencies.json", FeatureSets.DependenciesJson), "bts.nope", "Origin");

        Assert.Equal((2, ""), (exit, output));
        Assert.StartsWith("skewless: The map has no data source bts.nope. Its data sources: bts.on_time (Flights.Flight), ", error, StringComparison.Ordinal);
        Assert.Contains("bts.routes (Skewless.Tests.Registry.Route)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_of_a_file_that_is_not_a_dependency_map_exits_2_naming_the_file()
    {
        var (exit, _, error) = Run("map", Artifact);

        Assert.Equal(2, exit);
        Assert.Contains("flights.json", error, StringComparison.Ordinal);
        Assert.Contains("dependency map", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_without_rows_exits_2_instead_of_passing_the_gate()
    {
        var fitted = FlightFeatures.Fit(RealData.Flights.Take(1000));
        using var monitor = fitted.Monitor(new MonitorOptions { TimeProvider = new FakeTimeProvider(new DateTimeOffset(2001, 3, 1, 0, 0, 0, TimeSpan.Zero)) });
        var empty = Path.Combine(_folder, "empty.json");
        using (var stream = File.Create(empty))
        {
            monitor.Snapshot().Save(stream);
        }

        foreach (var (baseline, current) in new[] { (Artifact, empty), (empty, Snapshot) })
        {
            var (exit, output, error) = Run("compare", baseline, current);

            Assert.Equal(2, exit);
            Assert.Equal("", output);
            Assert.Contains("empty.json: serving 2001-03-01 00:00Z to 2001-03-01 01:00Z has no rows", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Too_few_rows_for_any_feature_to_be_judged_exits_2_after_the_table()
    {
        var fitted = FlightFeatures.Fit(RealData.Flights.Take(1000));
        using var monitor = fitted.Monitor(new MonitorOptions { TimeProvider = new FakeTimeProvider(new DateTimeOffset(2001, 3, 1, 0, 0, 0, TimeSpan.Zero)) });
        foreach (var flight in RealData.Flights.Skip(1000).Take(120))
        {
            fitted.Transform(flight, monitor);
        }

        var artifact = Path.Combine(_folder, "thousand.json");
        var few = Path.Combine(_folder, "few.json");
        using (var stream = File.Create(artifact))
        {
            fitted.Save(stream);
        }

        using (var stream = File.Create(few))
        {
            monitor.Snapshot().Save(stream);
        }

        var (exit, output, error) = Run("compare", artifact, few);
        Assert.Equal(2, exit);
        Assert.Contains("too few rows", output, StringComparison.Ordinal);
        Assert.Contains("nothing was checked: every feature has fewer than 200 rows on a side", error, StringComparison.Ordinal);

        var lowered = Run("compare", artifact, few, "--min-rows", "100", "--threshold", "1");
        Assert.Equal((0, ""), (lowered.Exit, lowered.Error));
    }

    [Fact]
    public void A_feature_whose_values_are_all_missing_crosses_its_threshold()
    {
        // A column that went null upstream: every value counts as missing, which training rarely had.
        var json = JsonNode.Parse(File.ReadAllText(Snapshot))!;
        var day = json["statistics"]!["features"]![1]!;
        Assert.Equal("Day", (string?)day["name"]);
        day["missing"] = (long)json["rows"]!;
        day["count"] = 0;
        day["other"] = 0;
        day["categoryCounts"] = new JsonArray(day["categoryCounts"]!.AsArray().Select(_ => (JsonNode?)JsonValue.Create(0L)).ToArray());

        var (exit, output, _) = Run("compare", Artifact, Write("day-missing.json", json.ToJsonString()), "--threshold", "0.7");

        Assert.Equal(1, exit);
        Assert.Matches(@"\n  Day .* 1\.0000 .* CROSSED", output);
    }

    [Fact]
    public void Several_current_snapshots_are_merged_as_one_monitor_would_have_seen_them()
    {
        // The March mornings served by two replicas started at different times in the same window.
        using var artifact = File.OpenRead(Artifact);
        var fitted = FlightFeatures.Fitted.Load(artifact);
        var mornings = RealData.Flights.Where(flight => flight.Departure.Month == 3 && flight.Departure.Hour < 12).ToArray();
        var replicas = new List<string>();
        for (var replica = 0; replica < 2; replica++)
        {
            using var monitor = fitted.Monitor(new MonitorOptions { TimeProvider = new FakeTimeProvider(new DateTimeOffset(2001, 3, 1, 0, 17 * replica, 3, TimeSpan.Zero)) });
            foreach (var flight in mornings.Where((_, i) => i % 2 == replica))
            {
                fitted.Transform(flight, monitor);
            }

            replicas.Add(Path.Combine(_folder, $"replica-{replica}.json"));
            using var stream = File.Create(replicas[^1]);
            monitor.Snapshot().Save(stream);
        }

        var one = Run("compare", Artifact, Snapshot);
        var merged = Run("compare", Artifact, replicas[0], replicas[1]);

        Assert.Equal((1, ""), (merged.Exit, merged.Error));
        Assert.Equal(one.Output, merged.Output);

        var (exit, _, error) = Run("compare", Artifact, replicas[0], Artifact);
        Assert.Equal(2, exit);
        Assert.Contains("flights.json: it is an artifact, but several current files are merged", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(60, 1, "serving 2001-03-01 00:00Z to 2001-03-01 02:00Z (")]
    [InlineData(30, 2, "which overlap, so the rows of the time they share would be counted twice")]
    public void Snapshots_of_windows_that_do_not_overlap_are_merged_and_of_windows_that_partly_overlap_are_refused(int minutes, int expected, string message)
    {
        var json = JsonNode.Parse(File.ReadAllText(Snapshot))!;
        var start = new DateTime(2001, 3, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(minutes);
        json["windowStart"] = start.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        json["windowEnd"] = start.AddHours(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

        var (exit, output, error) = Run("compare", Artifact, Snapshot, Write("later.json", json.ToJsonString()));

        Assert.Equal(expected, exit);
        Assert.Contains(message, output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_exits_2()
    {
        var (exit, _, error) = Run("show", Path.Combine(_folder, "absent.json"));

        Assert.Equal(2, exit);
        Assert.Contains("absent.json", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Main_returns_the_exit_code()
    {
        var standardError = Console.Error;
        try
        {
            Console.SetError(new StringWriter(new StringBuilder()));
            Assert.Equal(2, Program.Main([]));
        }
        finally
        {
            Console.SetError(standardError);
        }
    }
}
