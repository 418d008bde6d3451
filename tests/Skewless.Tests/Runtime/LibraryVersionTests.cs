using Skewless.Tests.Infrastructure;
using System.Text;
using System.Text.Json.Nodes;
using Flights;
using Xunit;

namespace Skewless.Tests.Runtime;

/// <summary>
/// The artifact records the libraries the feature code called while fitting. Loading it where another
/// assembly version is loaded throws, naming the library and both versions; a difference of
/// informational version alone is reported, not refused; a callback makes every mismatch lenient.
/// </summary>
public sealed class LibraryVersionTests
{
    private static readonly Flight[] Flights =
    {
        new() { Departure = new DateTime(2001, 1, 1, 6, 2, 0), DistanceMiles = 377, Origin = "MHT", Destination = "BWI" },
        new() { Departure = new DateTime(2001, 1, 6, 23, 40, 0), DistanceMiles = 1750, Origin = "DTW", Destination = "LAS" },
    };

    private static LibraryVersion Loaded => FlightFeatures.Schema.Libraries.Single();

    private static string Saved(Action<JsonObject>? editLibrary = null, Action<JsonArray>? editLibraries = null)
    {
        using var stream = new MemoryStream();
        FlightFeatures.Fit(Flights).Save(stream);
        var root = JsonNode.Parse(Encoding.UTF8.GetString(stream.ToArray()))!.AsObject();
        var libraries = root["libraries"]!.AsArray();
        editLibrary?.Invoke(libraries[0]!.AsObject());
        editLibraries?.Invoke(libraries);
        return Resealed.Json(root);
    }

    private static FlightFeatures.Fitted Load(string json, ArtifactLoadOptions? options = null) =>
        FlightFeatures.Fitted.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), options ?? new ArtifactLoadOptions());

    [Fact]
    public void The_artifact_records_each_library_with_both_versions()
    {
        var library = JsonNode.Parse(Saved())!["libraries"]!.AsArray().Single()!;
        Assert.Equal(Loaded.Name, (string?)library["name"]);
        Assert.Equal(Loaded.Version, (string?)library["version"]);
        Assert.Equal(Loaded.InformationalVersion, (string?)library["informationalVersion"]);
    }

    [Fact]
    public void The_same_versions_load_without_a_callback_call()
    {
        var calls = new List<LibraryVersionMismatch>();
        Load(Saved(), new ArtifactLoadOptions { OnLibraryMismatch = calls.Add });
        Assert.Empty(calls);
    }

    [Fact]
    public void Another_assembly_version_throws_naming_the_library_and_both_versions()
    {
        var error = Assert.Throws<LibraryVersionMismatchException>(() => Load(Saved(library => library["version"] = "1.2.3.4")));

        Assert.Equal(Loaded.Name, error.Library);
        Assert.Equal("1.2.3.4", error.ArtifactVersion);
        Assert.Equal(Loaded.Version, error.CurrentVersion);
        Assert.True(error.Mismatch.AssemblyVersionDiffers);
        Assert.Contains($"fitted with {Loaded.Name} 1.2.3.4", error.Message, StringComparison.Ordinal);
        Assert.Contains($"runs the feature code with {Loaded.Name} {Loaded.Version}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_library_the_artifact_does_not_record_throws()
    {
        var error = Assert.Throws<LibraryVersionMismatchException>(() => Load(Saved(editLibraries: libraries => libraries.Clear())));
        Assert.Equal("(not recorded)", error.ArtifactVersion);
        Assert.Equal(Loaded.Version, error.CurrentVersion);
    }

    [Fact]
    public void A_library_the_feature_code_no_longer_calls_throws()
    {
        var error = Assert.Throws<LibraryVersionMismatchException>(() => Load(Saved(editLibraries: libraries =>
            libraries.Add(new JsonObject { ["name"] = "Old.Library", ["version"] = "2.0.0.0", ["informationalVersion"] = "2.0.1" }))));
        Assert.Equal("Old.Library", error.Library);
        Assert.Equal("2.0.0.0", error.ArtifactVersion);
        Assert.Equal("(not loaded)", error.CurrentVersion);
    }

    [Fact]
    public void An_informational_version_difference_alone_loads_and_reaches_the_callback()
    {
        var json = Saved(library => library["informationalVersion"] = "0.0.1-patched+abcdef");
        Load(json);

        var calls = new List<LibraryVersionMismatch>();
        Load(json, new ArtifactLoadOptions { OnLibraryMismatch = calls.Add });

        var mismatch = Assert.Single(calls);
        Assert.False(mismatch.AssemblyVersionDiffers);
        Assert.Equal("Flights.FlightFeatures", mismatch.FeatureSet);
        Assert.Equal(Loaded.Name, mismatch.Library);
        Assert.Equal("0.0.1-patched+abcdef", mismatch.ArtifactInformationalVersion);
        Assert.Equal(Loaded.InformationalVersion, mismatch.CurrentInformationalVersion);
        Assert.Contains("0.0.1-patched+abcdef", mismatch.Message, StringComparison.Ordinal);
        Assert.Contains(Loaded.InformationalVersion, mismatch.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lenient_mode_sends_an_assembly_version_difference_to_the_callback_instead_of_throwing()
    {
        var calls = new List<LibraryVersionMismatch>();
        var fitted = Load(Saved(library => library["version"] = "1.2.3.4"), new ArtifactLoadOptions { OnLibraryMismatch = calls.Add });

        Assert.Equal(2, fitted.TrainingRows);
        var mismatch = Assert.Single(calls);
        Assert.True(mismatch.AssemblyVersionDiffers);
        Assert.Equal("1.2.3.4", mismatch.ArtifactVersion);
        Assert.Equal(Loaded.Version, mismatch.CurrentVersion);
    }

    [Fact]
    public void A_callback_can_stay_strict_by_throwing_the_mismatch()
    {
        var options = new ArtifactLoadOptions { OnLibraryMismatch = mismatch => { if (mismatch.AssemblyVersionDiffers) { throw mismatch.ToException(); } } };
        Load(Saved(library => library["informationalVersion"] = "patched"), options);
        Assert.Throws<LibraryVersionMismatchException>(() => Load(Saved(library => library["version"] = "1.2.3.4"), options));
    }
}
