namespace Skewless.Analyzers.Dependencies;

/// <summary>One package of a lock file section: how it came in and what restore resolved.</summary>
internal sealed record LockedPackage(string Id, string Type, string? Requested, string Resolved);

/// <summary>The packages of one target of a lock file: a framework such as <c>net10.0</c>, or a framework and runtime such as <c>net10.0/linux-x64</c>.</summary>
internal sealed record LockSection(string Target, IReadOnlyDictionary<string, LockedPackage> Packages)
{
    public bool IsRuntimeSpecific => Target.IndexOf('/') >= 0;
}

/// <summary>A NuGet <c>packages.lock.json</c>: for each target, every package restore resolved, direct and transitive.</summary>
internal sealed class LockFile
{
    private IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? _resolved;

    private LockFile(IReadOnlyList<LockSection> sections) => Sections = sections;

    public IReadOnlyList<LockSection> Sections { get; }

    /// <summary>Reads a lock file.</summary>
    /// <exception cref="FormatException">The file is empty, truncated, not JSON, or not a lock file.</exception>
    public static LockFile Parse(string text)
    {
        var root = JsonValue.Parse(text);
        if (root is not JsonObject || root["dependencies"] is not JsonObject dependencies)
        {
            throw new FormatException("it is JSON, but has no \"dependencies\" object, so it is not a NuGet lock file");
        }

        var sections = new List<LockSection>();
        foreach (var target in dependencies.Members)
        {
            var packages = new Dictionary<string, LockedPackage>(StringComparer.OrdinalIgnoreCase);
            foreach (var package in target.Value.Members)
            {
                if (package.Value["resolved"]?.AsString is { Length: > 0 } resolved)
                {
                    packages[package.Key] = new LockedPackage(package.Key, package.Value["type"]?.AsString ?? "", package.Value["requested"]?.AsString, resolved);
                }
            }

            sections.Add(new LockSection(target.Key, packages));
        }

        return new LockFile(sections);
    }

    /// <summary>For each package, the version resolved in each section, keyed by package ID (case-insensitive) and then by section.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Resolved =>
        _resolved ??= Resolution.Of(Sections.SelectMany(section => section.Packages.Values.Select(package => (package.Id, section.Target, package.Resolved))));
}

/// <summary>Helpers shared by the lock file and the assets file, which both record what restore resolved.</summary>
internal static class Resolution
{
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Of(IEnumerable<(string Id, string Target, string Version)> resolved)
    {
        var result = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, target, version) in resolved)
        {
            if (!result.TryGetValue(id, out var byTarget))
            {
                byTarget = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                result.Add(id, byTarget);
            }

            byTarget[target] = version;
        }

        return result.ToDictionary(pair => pair.Key, pair => (IReadOnlyDictionary<string, string>)pair.Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The one version every target resolved <paramref name="id"/> to, or <see langword="null"/> when none did or they disagree.</summary>
    public static string? Single(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> resolved, string id)
    {
        if (!resolved.TryGetValue(id, out var byTarget))
        {
            return null;
        }

        var versions = byTarget.Values.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return versions.Count == 1 ? versions[0] : null;
    }
}
