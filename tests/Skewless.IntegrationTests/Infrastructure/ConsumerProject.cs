using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Skewless.IntegrationTests.Infrastructure;

/// <summary>
/// A throwaway project that uses Skewless the way a user does: a PackageReference to the packed
/// package, restored from the local feed into the run's own packages folder.
/// </summary>
internal sealed partial class ConsumerProject
{
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    private readonly PackedSkewless _package;

    private ConsumerProject(PackedSkewless package, string directory)
    {
        _package = package;
        Directory = directory;
    }

    public string Directory { get; }

    /// <summary>Writes a consumer in its own folder: the given files, plus a nuget.config for the local feed.</summary>
    /// <param name="package">The packed package.</param>
    /// <param name="name">The folder name, unique within the run.</param>
    /// <param name="files">Relative path and contents of each file; a path may name subfolders, for consumers of several projects.</param>
    /// <param name="extraFeeds">More local folder feeds, such as one of test packages.</param>
    public static ConsumerProject Create(PackedSkewless package, string name, IReadOnlyDictionary<string, string> files, params string[] extraFeeds)
    {
        var directory = Path.Combine(package.ConsumersFolder, name);
        System.IO.Directory.CreateDirectory(directory);
        foreach (var (path, contents) in files)
        {
            var file = Path.Combine(directory, path);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, contents);
        }

        NuGetConfig(package.Feed, extraFeeds).Save(Path.Combine(directory, "nuget.config"));
        return new ConsumerProject(package, directory);
    }

    /// <summary>The package reference a consumer's project file puts in an ItemGroup.</summary>
    public static string PackageReference(PackedSkewless package) => $"""<PackageReference Include="Skewless" Version="{package.Version}" />""";

    public Task<CommandResult> BuildAsync(params string[] arguments) =>
        Dotnet.RunAsync(Directory, Environment(), CommandTimeout, ["build", "-tl:off", "--disable-build-servers", "-nologo", .. arguments]);

    public Task<CommandResult> RunAsync() =>
        Dotnet.RunAsync(Directory, Environment(), CommandTimeout, "run", "--no-build");

    /// <summary>Runs one project of a consumer that has several, with arguments for its program.</summary>
    public Task<CommandResult> RunAsync(string project, params string[] arguments) =>
        Dotnet.RunAsync(Directory, Environment(), CommandTimeout, ["run", "--no-build", "--project", project, "--", .. arguments]);

    /// <summary>
    /// The warnings of a build that concern Skewless: its own diagnostics and build warnings (SKW),
    /// the compiler's complaints about an analyzer or generator it could not load or run, NuGet's
    /// about the package, and any warning whose text names Skewless.
    /// </summary>
    public static IReadOnlyList<string> SkewlessWarnings(string buildOutput) =>
        buildOutput.Split('\n')
            .Select(line => (Line: line.TrimEnd('\r'), Match: WarningLine().Match(line.TrimEnd('\r'))))
            .Where(warning => warning.Match.Success && IsAboutSkewless(warning.Match))
            .Select(warning => warning.Line)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static bool IsAboutSkewless(Match warning)
    {
        var code = warning.Groups["code"].Value;
        return code.StartsWith("SKW", StringComparison.Ordinal)
            || code.StartsWith("NU", StringComparison.Ordinal)
            || code is "CS8032" or "CS8033" or "CS8784" or "CS8785" or "AD0001"
            || warning.Groups["message"].Value.Contains("Skewless", StringComparison.OrdinalIgnoreCase)
            || warning.Groups["origin"].Value.Replace('\\', '/').Contains("/skewless/", StringComparison.OrdinalIgnoreCase);
    }

    // "origin(line,col): warning CODE: message [project]", as the console logger writes it.
    [GeneratedRegex(@"^\s*(?<origin>.*?): warning (?<code>[A-Za-z]+[0-9]+): (?<message>.*?)(?: \[[^\]]*\])?$")]
    private static partial Regex WarningLine();

    private Dictionary<string, string?> Environment() => new()
    {
        // Restore into this run's own packages folder, never the machine's: a Skewless of the same
        // version cached there by an earlier run must not stand in for the package under test.
        ["NUGET_PACKAGES"] = _package.PackagesFolder,
    };

    /// <summary>
    /// The local feed on top of the machine's own package sources, which serve what a netstandard2.0
    /// consumer also needs (NETStandard.Library, System.Text.Json). No fallback folders: one could
    /// hold a stale Skewless of the same version.
    /// </summary>
    private static XDocument NuGetConfig(string feed, string[] extraFeeds) => new(
        new XElement("configuration",
            new XElement("packageSources", [Source("skewless-under-test", feed), .. extraFeeds.Select((extra, index) => Source($"extra-{index}", extra))]),
            new XElement("fallbackPackageFolders", new XElement("clear"))));

    private static XElement Source(string key, string value) => new("add", new XAttribute("key", key), new XAttribute("value", value));
}
