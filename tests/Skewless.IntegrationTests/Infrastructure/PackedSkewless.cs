using System.Security.Cryptography;
using System.Text.Json;
using Xunit;

namespace Skewless.IntegrationTests.Infrastructure;

/// <summary>
/// Packs <c>nuget/Skewless.Package.csproj</c> once for the whole run into a fresh folder feed, and
/// gives consumers a fresh NuGet packages folder, so no test ever restores a stale Skewless of the
/// same version. Everything lives in one temporary folder outside the repository, deleted at the end.
/// </summary>
public sealed class PackedSkewless : IAsyncLifetime
{
    public static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The temporary folder that holds the feed, the packages folder and the consumers.</summary>
    public string WorkRoot { get; } = Path.Combine(Path.GetTempPath(), "skw-integration-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The local folder feed that holds the one package.</summary>
    public string Feed => Path.Combine(WorkRoot, "feed");

    /// <summary>The NuGet packages folder every consumer restores into (<c>NUGET_PACKAGES</c>).</summary>
    public string PackagesFolder => Path.Combine(WorkRoot, "packages");

    public string ConsumersFolder => Path.Combine(WorkRoot, "consumers");

    /// <summary>The packed <c>Skewless.&lt;version&gt;.nupkg</c>.</summary>
    public string PackagePath { get; private set; } = "";

    /// <summary>The package version, read from the package's file name.</summary>
    public string Version { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(PackagesFolder);
        Directory.CreateDirectory(ConsumersFolder);

        // Stop MSBuild's upward search here: nothing above the work folder may shape a consumer.
        foreach (var fence in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            await File.WriteAllTextAsync(Path.Combine(WorkRoot, fence), "<Project />\n");
        }

        var pack = await Dotnet.RunAsync(
            RepositoryPaths.Root,
            new Dictionary<string, string?>(),
            PackTimeout,
            "pack", RepositoryPaths.PackageProject, "-c", "Release", "-o", Feed, "-tl:off", "--disable-build-servers", "-nologo");
        if (!pack.Succeeded)
        {
            throw new InvalidOperationException("Packing Skewless failed, so no integration test can run." + Environment.NewLine + pack.Describe());
        }

        var packages = Directory.GetFiles(Feed);
        if (packages.Length != 1 || !Path.GetFileName(packages[0]).StartsWith("Skewless.", StringComparison.Ordinal) || !packages[0].EndsWith(".nupkg", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Packing must produce exactly one Skewless.<version>.nupkg, but the feed holds: {string.Join(", ", packages.Select(Path.GetFileName))}." + Environment.NewLine + pack.Describe());
        }

        PackagePath = packages[0];
        Version = Path.GetFileNameWithoutExtension(PackagePath)["Skewless.".Length..];
    }

    /// <summary>
    /// Fails unless the Skewless that consumers restored is this run's package, taken from the local
    /// feed: the same bytes, and NuGet's record of where it came from names the feed.
    /// </summary>
    public void AssertConsumersRestoredThisPackage()
    {
        var restored = Path.Combine(PackagesFolder, "skewless", Version);
        var copy = Path.Combine(restored, $"skewless.{Version}.nupkg");
        Assert.True(File.Exists(copy), $"No Skewless {Version} was restored into {PackagesFolder}.");
        Assert.Equal(SHA256.HashData(File.ReadAllBytes(PackagePath)), SHA256.HashData(File.ReadAllBytes(copy)));

        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(restored, ".nupkg.metadata")));
        var source = metadata.RootElement.GetProperty("source").GetString() ?? "";
        Assert.Equal(Path.TrimEndingDirectorySeparator(Feed), Path.TrimEndingDirectorySeparator(source));
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(WorkRoot, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary folder is not worth failing the run for.
        }

        return Task.CompletedTask;
    }
}

/// <summary>Every integration test shares one pack, and they run one after another (each build already uses the machine).</summary>
[CollectionDefinition(Name)]
public sealed class PackedSkewlessCollection : ICollectionFixture<PackedSkewless>
{
    public const string Name = "Packed Skewless";
}
