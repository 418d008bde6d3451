namespace Skewless.Analyzers.Dependencies;

/// <summary>
/// Which <c>Directory.Packages.props</c> above it a props file imports. Two forms are read: the line
/// the CPM documentation suggests, <c>$([MSBuild]::GetPathOfFileAbove(Directory.Packages.props,
/// $(MSBuildThisFileDirectory)..))</c> (the nearest such file above), and a path, relative or from
/// <c>$(MSBuildThisFileDirectory)</c>. An import under a condition other than <c>Exists(...)</c>, or
/// whose path names other properties, is not followed.
/// </summary>
internal static class PropsImports
{
    private const string FileName = "Directory.Packages.props";
    private const string ThisFileDirectory = "$(MSBuildThisFileDirectory)";

    /// <summary>Whether <paramref name="import"/>, in a file in <paramref name="directory"/>, imports <paramref name="candidate"/>, one of <paramref name="candidates"/>.</summary>
    public static bool Imports(MsBuildImport import, string directory, string candidate, IEnumerable<string> candidates)
    {
        if (!import.Conditions.All(IsExists))
        {
            return false;
        }

        var project = import.Project;
        if (project.IndexOf("FileAbove", StringComparison.OrdinalIgnoreCase) >= 0
            && project.IndexOf(FileName, StringComparison.OrdinalIgnoreCase) >= 0
            && project.Contains(".."))
        {
            var nearest = candidates
                .Where(other => directory.StartsWith(DirectoryOf(other) + "/", StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(other => DirectoryOf(other).Length)
                .FirstOrDefault();
            return nearest is not null && string.Equals(Normalize(nearest), Normalize(candidate), StringComparison.OrdinalIgnoreCase);
        }

        var at = project.IndexOf(ThisFileDirectory, StringComparison.OrdinalIgnoreCase);
        if (at >= 0)
        {
            project = project.Substring(0, at) + directory + "/" + project.Substring(at + ThisFileDirectory.Length);
        }

        if (project.Contains("$(") || project.Contains("@(") || project.Contains("%("))
        {
            return false;
        }

        var path = IsRooted(project) ? project : directory + "/" + project;
        return string.Equals(Normalize(path), Normalize(candidate), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The normalized directory of a file, without a trailing separator ("" for a file at the root).</summary>
    public static string DirectoryOf(string path)
    {
        var normalized = Normalize(path);
        var slash = normalized.LastIndexOf('/');
        return slash < 0 ? "" : normalized.Substring(0, slash);
    }

    // '/' separators, and no '.', '..' or empty segments.
    private static string Normalize(string path)
    {
        var parts = path.Replace('\\', '/').Split('/');
        var kept = new List<string>();
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (i == 0 && part.Length == 0)
            {
                kept.Add(part); // The root of "/a/b".
            }
            else if (part == "..")
            {
                if (kept.Count > 1 || (kept.Count == 1 && kept[0].Length > 0 && !kept[0].EndsWith(":", StringComparison.Ordinal)))
                {
                    kept.RemoveAt(kept.Count - 1);
                }
            }
            else if (part.Length > 0 && part != ".")
            {
                kept.Add(part);
            }
        }

        return string.Join("/", kept);
    }

    private static bool IsRooted(string path) =>
        path.StartsWith("/", StringComparison.Ordinal) || path.StartsWith("\\", StringComparison.Ordinal) || (path.Length > 1 && path[1] == ':');

    // Exists('...'): the file was passed, so it exists.
    private static bool IsExists(string condition)
    {
        var trimmed = condition.Trim();
        return trimmed.StartsWith("Exists", StringComparison.OrdinalIgnoreCase)
            && trimmed.Substring("Exists".Length).TrimStart().StartsWith("(", StringComparison.Ordinal)
            && trimmed.EndsWith(")", StringComparison.Ordinal)
            && trimmed.IndexOf(" and ", StringComparison.OrdinalIgnoreCase) < 0
            && trimmed.IndexOf(" or ", StringComparison.OrdinalIgnoreCase) < 0;
    }
}
