namespace Skewless;

/// <summary>
/// A library that the feature code calls is loaded at another version than the one an artifact was
/// fitted with. Passed to <see cref="ArtifactLoadOptions.OnLibraryMismatch"/>.
/// </summary>
public sealed class LibraryVersionMismatch
{
    internal const string Missing = "(not recorded)";
    internal const string NotLoaded = "(not loaded)";

    internal LibraryVersionMismatch(string featureSet, string library, string artifactVersion, string artifactInformationalVersion, string currentVersion, string currentInformationalVersion)
    {
        FeatureSet = featureSet;
        Library = library;
        ArtifactVersion = artifactVersion;
        ArtifactInformationalVersion = artifactInformationalVersion;
        CurrentVersion = currentVersion;
        CurrentInformationalVersion = currentInformationalVersion;
    }

    /// <summary>The feature set the artifact was being loaded into.</summary>
    public string FeatureSet { get; }

    /// <summary>The library's assembly name.</summary>
    public string Library { get; }

    /// <summary>The assembly version recorded in the artifact, or <c>(not recorded)</c>.</summary>
    public string ArtifactVersion { get; }

    /// <summary>The informational version recorded in the artifact; empty when none was.</summary>
    public string ArtifactInformationalVersion { get; }

    /// <summary>The assembly version loaded in this process, or <c>(not loaded)</c>.</summary>
    public string CurrentVersion { get; }

    /// <summary>The informational version loaded in this process; empty when the assembly has none.</summary>
    public string CurrentInformationalVersion { get; }

    /// <summary>
    /// Whether the assembly versions differ (or the library is on one side only). When only the
    /// informational versions differ, the same assembly version was rebuilt or patched: often
    /// harmless, sometimes not, which is why it is reported rather than refused.
    /// </summary>
    public bool AssemblyVersionDiffers => ArtifactVersion != CurrentVersion;

    /// <summary>What differs, naming the library and both versions.</summary>
    public string Message =>
        $"The {FeatureSet} artifact was fitted with {Describe(ArtifactVersion, ArtifactInformationalVersion)}, but this process runs the feature code with {Describe(CurrentVersion, CurrentInformationalVersion)}.";

    /// <summary>The exception a strict <c>Load</c> throws for this mismatch.</summary>
    public LibraryVersionMismatchException ToException() => new(this);

    /// <inheritdoc />
    public override string ToString() => Message;

    internal string Describe(string version, string informationalVersion) =>
        informationalVersion.Length == 0 || version is Missing or NotLoaded ? $"{Library} {version}" : $"{Library} {version} ({informationalVersion})";
}
