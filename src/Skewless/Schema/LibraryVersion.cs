using System.Reflection;

namespace Skewless;

/// <summary>A library that feature code calls, at the version loaded in this process.</summary>
public sealed class LibraryVersion : IEquatable<LibraryVersion>
{
    /// <summary>Records a library by name and versions.</summary>
    /// <param name="name">The assembly's simple name.</param>
    /// <param name="version">The assembly version.</param>
    /// <param name="informationalVersion">The informational (product) version, often with a commit hash; empty when the assembly has none.</param>
    public LibraryVersion(string name, string version, string informationalVersion)
    {
        Name = name;
        Version = version;
        InformationalVersion = informationalVersion;
    }

    /// <summary>The assembly's simple name.</summary>
    public string Name { get; }

    /// <summary>The assembly version.</summary>
    public string Version { get; }

    /// <summary>The informational (product) version; empty when the assembly has none.</summary>
    public string InformationalVersion { get; }

    /// <summary>Reads the name and versions of a loaded assembly.</summary>
    public static LibraryVersion Of(Assembly assembly)
    {
        Guard.NotNull(assembly, nameof(assembly));
        var name = assembly.GetName();
        return new LibraryVersion(
            name.Name ?? "",
            name.Version?.ToString() ?? "",
            assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "");
    }

    /// <inheritdoc />
    public bool Equals(LibraryVersion? other) =>
        other is not null && Name == other.Name && Version == other.Version && InformationalVersion == other.InformationalVersion;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LibraryVersion);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name) ^ StringComparer.Ordinal.GetHashCode(Version);

    /// <inheritdoc />
    public override string ToString() => InformationalVersion.Length == 0 ? $"{Name} {Version}" : $"{Name} {Version} ({InformationalVersion})";
}
