using Skewless.Tests.Infrastructure;
using System.Text;
using System.Text.Json.Nodes;
using Flights;
using Skewless.Tests.Transforms;
using Xunit;

namespace Skewless.Tests.Registry;

/// <summary>
/// Rolling back: an artifact saved with an older version of a feature set loads through the
/// generated registry of code that has both versions, and is served through the older version's
/// own kernel. An artifact of a version the code no longer has is refused by name.
/// </summary>
public sealed class FeatureSetRegistryTests
{
    private static Flight[] Training => RealData.Flights[..15_000];

    private static Flight[] Serving => RealData.Flights[15_000..];

    private static byte[] Saved(IFittedFeatureSet<Flight> fitted)
    {
        using var stream = new MemoryStream();
        fitted.Save(stream);
        return stream.ToArray();
    }

    private static byte[] Edited(byte[] artifact, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(artifact)!.AsObject();
        edit(root);
        return Encoding.UTF8.GetBytes(Resealed.Json(root));
    }

    [Fact]
    public void An_artifact_saved_with_V1_is_served_through_V1_bit_for_bit()
    {
        var fitted = TestFlightsV1.Fit(Training);

        var loaded = FeatureSets.Load<Flight>(new MemoryStream(Saved(fitted)));

        var v1 = Assert.IsType<TestFlightsV1.Fitted>(loaded);
        Assert.Equal(("TestFlights", 1, TestFlightsV1.Fingerprint), (loaded.Schema.Name, loaded.Schema.Version, loaded.Schema.Fingerprint));
        Assert.Equal(fitted.TrainingRows, loaded.TrainingRows);
        var expected = new float[TestFlightsV1.Vector.Width];
        var served = new float[TestFlightsV1.Vector.Width];
        foreach (var flight in Serving)
        {
            fitted.Transform(flight).CopyTo(expected);
            loaded.Transform(flight, served);
            Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), served.Select(BitConverter.SingleToInt32Bits));
            Assert.Equal(fitted.Transform(flight), v1.Transform(flight));
        }
    }

    [Fact]
    public void An_artifact_saved_with_V2_is_served_through_V2()
    {
        var fitted = TestFlightsV2.Fit(Training);

        var loaded = FeatureSets.Load<Flight>(new MemoryStream(Saved(fitted)), new ArtifactLoadOptions());

        Assert.IsType<TestFlightsV2.Fitted>(loaded);
        var batch = new float[Serving.Length * TestFlightsV2.Vector.Width];
        var reloaded = new float[batch.Length];
        fitted.Transform(Serving, batch);
        loaded.Transform(Serving, reloaded);
        Assert.Equal(batch.Select(BitConverter.SingleToInt32Bits), reloaded.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void An_artifact_of_a_version_the_code_no_longer_has_is_refused_naming_the_versions_it_has()
    {
        var artifact = Saved(TestFlightsV1.Fit(Training));
        var withoutV1 = new FeatureSetRegistry([RegisteredFeatureSet.Of<Flight>(TestFlightsV2.Schema, TestFlightsV2.Fitted.Load)]);

        var error = Assert.Throws<FeatureSetVersionNotFoundException>(() => withoutV1.Load<Flight>(new MemoryStream(artifact)));

        Assert.Equal([2], error.AvailableVersions);
        Assert.Equal(("TestFlights", 1, TestFlightsV1.Fingerprint, "Skewless.Tests.Registry.TestFlightsV1"), (error.Artifact.Name, error.Artifact.Version, error.Artifact.Fingerprint, error.Artifact.FeatureSet));
        Assert.Equal(
            $"Cannot load the artifact of TestFlights v1 (Skewless.Tests.Registry.TestFlightsV1, definition {TestFlightsV1.Fingerprint}): this program has TestFlights v2 only. Serve it with a build that still has that version, or refit the model with a version this build has.",
            error.Message);
    }

    [Fact]
    public void The_generated_registry_names_every_version_it_has_when_one_is_missing()
    {
        var artifact = Edited(Saved(TestFlightsV1.Fit(Training)), root => root["version"] = 7);

        var error = Assert.Throws<FeatureSetVersionNotFoundException>(() => FeatureSets.Load<Flight>(new MemoryStream(artifact)));

        Assert.Equal([1, 2], error.AvailableVersions);
        Assert.Contains("this program has TestFlights v1, v2 only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_artifact_of_a_feature_set_the_code_never_had_lists_what_it_has()
    {
        var artifact = Edited(Saved(TestFlightsV1.Fit(Training)), root => root["name"] = "Delays");
        var registry = new FeatureSetRegistry([RegisteredFeatureSet.Of<Flight>(TestFlightsV2.Schema, TestFlightsV2.Fitted.Load), RegisteredFeatureSet.Of<Route>(TestRouteFeatures.Schema, TestRouteFeatures.Fitted.Load)]);

        var error = Assert.Throws<FeatureSetVersionNotFoundException>(() => registry.Load<Flight>(new MemoryStream(artifact)));

        Assert.Empty(error.AvailableVersions);
        Assert.Contains("this program has no feature set named 'Delays' (it has TestFlights v2, TestRoutes v1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_for_another_row_type_says_which_rows_the_version_takes()
    {
        var artifact = Saved(TestFlightsV1.Fit(Training));

        var error = Assert.Throws<FeatureSetMismatchException>(() => FeatureSets.Load<Route>(new MemoryStream(artifact)));

        Assert.Equal("Cannot load the artifact into a feature set of Skewless.Tests.Registry.Route rows: it was fitted for Skewless.Tests.Registry.TestFlightsV1, which takes Flights.Flight rows.", error.Message);
    }

    [Fact]
    public void The_version_that_loads_still_checks_the_artifact_in_full()
    {
        var artifact = Edited(Saved(TestFlightsV1.Fit(Training)), root => root["fingerprint"] = "0000000000000000");

        Assert.Throws<FingerprintMismatchException>(() => FeatureSets.Load<Flight>(new MemoryStream(artifact)));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"format\": \"something else\"}")]
    [InlineData("{\"format\": \"skewless.artifact\", \"formatVersion\": 1, \"featureSet\": \"X\", \"name\": \"TestFlights\"}")]
    public void A_file_without_a_readable_header_is_refused_as_corrupt(string text)
    {
        var error = Assert.Throws<CorruptArtifactException>(() => FeatureSets.Load<Flight>(new MemoryStream(Encoding.UTF8.GetBytes(text))));

        Assert.StartsWith("Cannot load a feature set artifact: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_header_says_which_feature_set_and_version_an_artifact_holds()
    {
        var header = ArtifactHeader.Read(new MemoryStream(Saved(TestFlightsV2.Fit(Training))));

        Assert.Equal(("Skewless.Tests.Registry.TestFlightsV2", "TestFlights", 2, TestFlightsV2.Fingerprint), (header.FeatureSet, header.Name, header.Version, header.Fingerprint));
        Assert.Equal($"TestFlights v2 (Skewless.Tests.Registry.TestFlightsV2, definition {TestFlightsV2.Fingerprint})", header.ToString());
    }

    [Fact]
    public void The_registry_lists_its_versions_by_name_then_version()
    {
        Assert.Equal([1, 2], FeatureSets.Registry.VersionsOf("TestFlights"));
        Assert.Empty(FeatureSets.Registry.VersionsOf("Delays"));
        var names = FeatureSets.Registry.FeatureSets.Select(schema => (schema.Name, schema.Version)).ToList();
        Assert.Equal(names.OrderBy(name => name.Name, StringComparer.Ordinal).ThenBy(name => name.Version), names);
        Assert.Contains(("TestRoutes", 1), names);
    }

    [Fact]
    public void Two_registrations_of_one_name_and_version_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new FeatureSetRegistry(
            [RegisteredFeatureSet.Of<Flight>(TestFlightsV1.Schema, TestFlightsV1.Fitted.Load), RegisteredFeatureSet.Of<Flight>(TestFlightsV1.Schema, TestFlightsV1.Fitted.Load)]));

        Assert.StartsWith("Skewless.Tests.Registry.TestFlightsV1 and Skewless.Tests.Registry.TestFlightsV1 are both TestFlights v1.", error.Message, StringComparison.Ordinal);
    }
}
