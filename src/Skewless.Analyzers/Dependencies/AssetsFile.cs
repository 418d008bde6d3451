namespace Skewless.Analyzers.Dependencies;

/// <summary>A package the project asks for in one target framework, with the version range as restore evaluated it (MSBuild properties expanded).</summary>
internal sealed record AssetsDependency(string Id, string? Version, string? VersionOverride, bool AutoReferenced);

/// <summary>One target framework of the project, as restore saw it.</summary>
internal sealed record AssetsFramework(string Name, IReadOnlyDictionary<string, AssetsDependency> Dependencies, IReadOnlyDictionary<string, string> CentralPackageVersions);

/// <summary>
/// The parts of <c>obj/project.assets.json</c> the dependency rules use: the project's own package
/// requests per framework (evaluated, so <c>$(MicrosoftMLVersion)</c> is a version here), the central
/// package versions, and every package restore resolved per target.
/// </summary>
internal sealed class AssetsFile
{
    private AssetsFile(IReadOnlyList<AssetsFramework> frameworks, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> resolved, IReadOnlyDictionary<string, SortedSet<string>> dependents)
    {
        Frameworks = frameworks;
        Resolved = resolved;
        Dependents = dependents;
    }

    /// <summary>For each package, the packages that depend on it in some target, by ID.</summary>
    public IReadOnlyDictionary<string, SortedSet<string>> Dependents { get; }

    public IReadOnlyList<AssetsFramework> Frameworks { get; }

    /// <summary>For each package, the version resolved in each target (framework, or framework/runtime).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Resolved { get; }

    /// <summary>Reads an assets file.</summary>
    /// <exception cref="FormatException">The file is empty, truncated, not JSON, or not an assets file.</exception>
    public static AssetsFile Parse(string text)
    {
        var root = JsonValue.Parse(text);
        if (root is not JsonObject || root["targets"] is not JsonObject targets || root["project"] is not JsonObject project)
        {
            throw new FormatException("it is JSON, but lacks the \"targets\" and \"project\" objects of a NuGet assets file");
        }

        var resolved = new List<(string, string, string)>();
        var dependents = new Dictionary<string, SortedSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var target in targets.Members)
        {
            foreach (var library in target.Value.Members)
            {
                var slash = library.Key.IndexOf('/');
                if (slash > 0 && library.Value["type"]?.AsString == "package")
                {
                    var id = library.Key.Substring(0, slash);
                    resolved.Add((id, target.Key, library.Key.Substring(slash + 1)));
                    foreach (var dependency in library.Value["dependencies"]?.Members ?? Array.Empty<KeyValuePair<string, JsonValue>>())
                    {
                        if (!dependents.TryGetValue(dependency.Key, out var packages))
                        {
                            dependents[dependency.Key] = packages = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
                        }

                        packages.Add(id);
                    }
                }
            }
        }

        var frameworks = new List<AssetsFramework>();
        foreach (var framework in project["frameworks"]?.Members ?? Array.Empty<KeyValuePair<string, JsonValue>>())
        {
            var dependencies = new Dictionary<string, AssetsDependency>(StringComparer.OrdinalIgnoreCase);
            foreach (var dependency in framework.Value["dependencies"]?.Members ?? Array.Empty<KeyValuePair<string, JsonValue>>())
            {
                var value = dependency.Value;
                if (value["target"]?.AsString is null or "Package")
                {
                    dependencies[dependency.Key] = new AssetsDependency(dependency.Key, value["version"]?.AsString, value["versionOverride"]?.AsString, value["autoReferenced"]?.IsTrue == true);
                }
            }

            var central = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var version in framework.Value["centralPackageVersions"]?.Members ?? Array.Empty<KeyValuePair<string, JsonValue>>())
            {
                if (version.Value.AsString is { } text2)
                {
                    central[version.Key] = text2;
                }
            }

            frameworks.Add(new AssetsFramework(framework.Value["targetAlias"]?.AsString ?? framework.Key, dependencies, central));
        }

        return new AssetsFile(frameworks, Resolution.Of(resolved), dependents);
    }

    /// <summary>The distinct evaluated versions of a direct dependency across frameworks (its <c>VersionOverride</c> when <paramref name="overrideOnly"/>).</summary>
    public IReadOnlyList<string> RequestedVersions(string id, bool overrideOnly = false) =>
        Frameworks
            .Select(framework => framework.Dependencies.TryGetValue(id, out var dependency) ? (overrideOnly ? dependency.VersionOverride : dependency.Version) : null)
            .Where(version => version is not null)
            .Select(version => version!)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>The distinct central versions of a package across frameworks, as written in the props file after property expansion.</summary>
    public IReadOnlyList<string> CentralVersions(string id) =>
        Frameworks
            .Select(framework => framework.CentralPackageVersions.TryGetValue(id, out var version) ? version : null)
            .Where(version => version is not null)
            .Select(version => version!)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
}
