using System.Text.RegularExpressions;
using Skewless.IntegrationTests.Infrastructure;
using Xunit;

namespace Skewless.IntegrationTests;

/// <summary>
/// The skew analyzers in real builds: a service that references a features library finds its own
/// copies of the library's features through the fingerprints compiled into the library, and the
/// Pitfalls sample makes each skew diagnostic fire.
/// </summary>
[Collection(PackedSkewlessCollection.Name)]
public sealed partial class SkewAcrossProjectsTests(PackedSkewless package)
{
    private const string Features = """
        using Skewless;

        namespace Rides;

        [DataSource("taxi.trips", Owner = "mobility", Version = "2024-01")]
        public sealed record Ride(DateTime PickedUp, float DistanceMeters);

        [FeatureSet(typeof(Ride), Version = 1)]
        public static partial class RideFeatures
        {
            [Feature] public static float Distance(Ride r) => r.DistanceMeters / 100;
            [Feature] public static float LogDistance(Ride r) => MathF.Log(1 + r.DistanceMeters);
            [Feature] public static float Hour(Ride r) => r.PickedUp.Hour + r.PickedUp.Minute / 60f;
        }
        """;

    private const string Scoring = """
        using Rides;

        namespace Service;

        public sealed record Trip(float DistanceMeters, DateTime PickedUp);
        public sealed record Leg(double DistanceMeters);

        public static class Scoring
        {
            public static float Surge(Ride request) => 1 + 0.1f * MathF.Log(1 + request.DistanceMeters);
            public static float Input(Ride ride) => ride.DistanceMeters / 1000;
            public static IEnumerable<float> Hours(IEnumerable<Ride> rides) => rides.Select(x => x.PickedUp.Hour + x.PickedUp.Minute / 60f);

            public static float Called(Ride ride) => RideFeatures.Distance(ride) + RideFeatures.LogDistance(ride);
            public static float LookAlike(Trip trip) => trip.DistanceMeters / 100;
            public static float WholeHours(Trip trip) => trip.PickedUp.Hour + trip.PickedUp.Minute / 60;
            public static double OtherType(Leg leg) => leg.DistanceMeters / 100;
        }
        """;

    [Fact]
    public async Task A_service_gets_SKW300_SKW301_and_SKW304_for_copies_of_features_from_a_referenced_library()
    {
        var consumer = ConsumerProject.Create(package, "features-and-service", new Dictionary<string, string>
        {
            ["Features/Features.csproj"] = Project(package),
            ["Features/RideFeatures.cs"] = Features,
            ["Service/Service.csproj"] = Project(package, """<ProjectReference Include="..\Features\Features.csproj" />"""),
            ["Service/Scoring.cs"] = Scoring,
        });

        var build = await consumer.BuildAsync(Path.Combine("Service", "Service.csproj"));

        Assert.True(build.Succeeded, build.Describe());
        AssertReported(build, "Scoring.cs", Position(Scoring, "MathF.Log(1 + request"), "warning SKW300: This re-implements feature 'RideFeatures.LogDistance'");
        AssertReported(build, "Scoring.cs", Position(Scoring, "ride.DistanceMeters / 1000"), "warning SKW301: This copies feature 'RideFeatures.Distance' with other constants: 100 in RideFeatures.Distance against 1000 here");
        AssertReported(build, "Scoring.cs", Position(Scoring, "x.PickedUp.Hour"), "warning SKW300: This re-implements feature 'RideFeatures.Hour'");
        AssertReported(build, "Scoring.cs", Position(Scoring, "trip.DistanceMeters / 100"), "warning SKW304: This re-implements feature 'RideFeatures.Distance' over Trip, whose members mirror the row type Ride");
        AssertReported(build, "Scoring.cs", Position(Scoring, "trip.PickedUp.Hour"), "warning SKW304: This re-implements feature 'RideFeatures.Hour' over Trip, whose members mirror the row type Ride (60f in RideFeatures.Hour against 60 here: integer division here against float division in the feature)");
        var skew = ConsumerProject.SkewlessWarnings(build.Output).Where(warning => warning.Contains("SKW30", StringComparison.Ordinal)).ToList();
        Assert.True(skew.Count == 5, $"Expected exactly the five copies, got:{Environment.NewLine}{string.Join(Environment.NewLine, skew)}{Environment.NewLine}{build.Describe()}");
    }

    [Fact]
    public async Task The_Pitfalls_sample_makes_each_skew_diagnostic_fire_where_its_comment_says()
    {
        var sample = Path.Combine(RepositoryPaths.Root, "samples", "Pitfalls", "Skew");
        var files = Directory.GetFiles(sample, "*.cs").ToDictionary(path => Path.GetFileName(path), File.ReadAllText);
        var consumer = ConsumerProject.Create(package, "pitfalls-skew", new Dictionary<string, string>(files) { ["Pitfalls.csproj"] = Project(package) });

        var build = await consumer.BuildAsync();

        Assert.True(!build.TimedOut && build.ExitCode != 0, "The Pitfalls sample has an SKW302 error, so its build must fail." + Environment.NewLine + build.Describe());
        var expected = files.SelectMany(file => file.Value.Split('\n').Select((line, index) => (File: file.Key, Line: index + 1, Match: ExpectedDiagnostic().Match(line))))
            .Where(line => line.Match.Success)
            .ToList();
        Assert.Equal(["SKW300", "SKW301", "SKW302", "SKW303", "SKW304"], expected.Select(line => line.Match.Groups["id"].Value).Distinct().Order());
        foreach (var (file, line, match) in expected)
        {
            var reported = $"{file}({line},";
            Assert.True(
                build.Output.Split('\n').Any(output => output.Contains(reported, StringComparison.Ordinal) && output.Contains($" {match.Groups["id"].Value}: ", StringComparison.Ordinal)),
                $"No {match.Groups["id"].Value} at {reported}...).{Environment.NewLine}{build.Describe()}");
        }
    }

    private static string Project(PackedSkewless package, string projectReference = "") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>
            {ConsumerProject.PackageReference(package)}
            {projectReference}
          </ItemGroup>
        </Project>
        """;

    /// <summary>The 1-based line and column where <paramref name="text"/> starts in <paramref name="source"/>.</summary>
    private static (int Line, int Column) Position(string source, string text)
    {
        var lines = source.Split('\n');
        var index = Array.FindIndex(lines, line => line.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"No line with '{text}'.");
        return (index + 1, lines[index].IndexOf(text, StringComparison.Ordinal) + 1);
    }

    private static void AssertReported(CommandResult build, string file, (int Line, int Column) position, string diagnostic)
    {
        var expected = $"{file}({position.Line},{position.Column}): {diagnostic}";
        Assert.True(build.Output.Contains(expected, StringComparison.Ordinal), $"The output lacks '{expected}'.{Environment.NewLine}{build.Describe()}");
    }

    // "// SKW301: ..." or "// SKW303 twice: ..." at the end of a line of a Pitfalls file.
    [GeneratedRegex(@"(?<!/)// (?<id>SKW3\d\d)\b")]
    private static partial Regex ExpectedDiagnostic();
}
