using System.Runtime.CompilerServices;

namespace Skewless.Tests.Infrastructure;

/// <summary>Paths in the source tree, found from this file's own location so tests can read and rewrite checked-in files.</summary>
internal static class RepositoryPaths
{
    public static string TestProject { get; } = Path.GetDirectoryName(ThisFile())!.Replace(Path.DirectorySeparatorChar + "Infrastructure", "", StringComparison.Ordinal);

    public static string Root { get; } = Path.GetFullPath(Path.Combine(TestProject, "..", ".."));

    /// <summary>The shared real data that CI places beside the repository.</summary>
    public static string SharedData { get; } = Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    public static string Flights20k => RequireFile(Path.Combine(SharedData, "flights-20k.json"));

    public static string RequireFile(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"Test data is missing: {path}. Tests expect the shared data folder beside the repository (../shared/data).", path);

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
