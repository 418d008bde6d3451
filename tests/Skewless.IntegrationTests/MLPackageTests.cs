using System.IO.Compression;
using System.Xml.Linq;
using Skewless.IntegrationTests.Infrastructure;
using Xunit;

namespace Skewless.IntegrationTests;

/// <summary>The Skewless.ML package as packed: which Skewless it runs against.</summary>
/// <remarks>In the packed-Skewless collection for that pack's version, and so that its build of the runtime never runs beside that pack's.</remarks>
[Collection(PackedSkewlessCollection.Name)]
public sealed class MLPackageTests(PackedSkewless package) : IDisposable
{
    private readonly string _feed = Directory.CreateTempSubdirectory("skw-ml-").FullName;

    public void Dispose() => Directory.Delete(_feed, recursive: true);

    // Skewless.ML is built against one Skewless: with "this version or later", a newer Skewless (or one from another
    // build) would be restored beside it and fail with MissingMethodException when it runs, not at restore.
    [Fact]
    public async Task Nuspec_depends_on_exactly_the_Skewless_version_packed_with_it()
    {
        var pack = await Dotnet.RunAsync(RepositoryPaths.Root, new Dictionary<string, string?>(), PackedSkewless.PackTimeout,
            "pack", Path.Combine(RepositoryPaths.Root, "src", "Skewless.ML", "Skewless.ML.csproj"), "-c", "Release", "-o", _feed, "-tl:off", "-nologo");
        Assert.True(pack.Succeeded, pack.Describe());

        using var archive = ZipFile.OpenRead(Path.Combine(_feed, $"Skewless.ML.{package.Version}.nupkg"));
        using var nuspec = archive.GetEntry("Skewless.ML.nuspec")!.Open();
        var document = XDocument.Load(nuspec);
        var groups = document.Descendants().Where(element => element.Name.LocalName == "group").ToList();

        Assert.Equal([".NETStandard2.0", "net10.0"], groups.Select(group => group.Attribute("targetFramework")!.Value).Order(StringComparer.Ordinal));
        foreach (var group in groups)
        {
            var skewless = group.Elements().Single(dependency => dependency.Attribute("id")?.Value == "Skewless");
            Assert.Equal($"[{package.Version}]", skewless.Attribute("version")?.Value);
        }
    }
}
