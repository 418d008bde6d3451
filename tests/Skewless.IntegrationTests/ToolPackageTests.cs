using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;
using Skewless.IntegrationTests.Infrastructure;
using Xunit;

namespace Skewless.IntegrationTests;

/// <summary>The <c>skewless</c> tool as users get it: packed as a .NET tool, installed from a folder feed, and run.</summary>
/// <remarks>In the packed-Skewless collection only so that its build of the runtime never runs beside that pack's.</remarks>
[Collection(PackedSkewlessCollection.Name)]
public sealed class ToolPackageTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);
    private static readonly IReadOnlyDictionary<string, string?> NoChanges = new Dictionary<string, string?>();

    private readonly string _root = Directory.CreateTempSubdirectory("skw-tool-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task The_tool_packs_installs_and_runs_as_skewless()
    {
        var feed = Path.Combine(_root, "feed");
        var pack = await Dotnet.RunAsync(RepositoryPaths.Root, NoChanges, Timeout, "pack", Path.Combine(RepositoryPaths.Root, "src", "Skewless.Cli", "Skewless.Cli.csproj"), "-c", "Release", "-o", feed, "-tl:off", "-nologo");
        Assert.True(pack.Succeeded, pack.Describe());

        var package = Assert.Single(Directory.GetFiles(feed, "Skewless.Cli.*.nupkg"));
        using (var archive = ZipFile.OpenRead(package))
        {
            var settings = archive.Entries.Single(entry => entry.FullName.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal));
            using var stream = settings.Open();
            var command = XDocument.Load(stream).Descendants("Command").Single();
            Assert.Equal("skewless", command.Attribute("Name")?.Value);
        }

        var tools = Path.Combine(_root, "tools");
        var version = Path.GetFileNameWithoutExtension(package)["Skewless.Cli.".Length..];
        var install = await Dotnet.RunAsync(_root, new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(_root, "packages") }, Timeout,
            "tool", "install", "Skewless.Cli", "--version", version, "--tool-path", tools, "--add-source", feed);
        Assert.True(install.Succeeded, install.Describe());

        var (helpExit, help) = Run(Path.Combine(tools, "skewless"), "--help");
        Assert.Equal(0, helpExit);
        Assert.Contains("skewless compare <baseline> <current>", help, StringComparison.Ordinal);

        var notJson = Path.Combine(_root, "not-json.json");
        await File.WriteAllTextAsync(notJson, "not json");
        var (showExit, show) = Run(Path.Combine(tools, "skewless"), "show", notJson);
        Assert.Equal(2, showExit);
        Assert.Contains("not JSON", show, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output) Run(string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }
}
