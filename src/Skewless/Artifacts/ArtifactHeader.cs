using Skewless.Artifacts;

namespace Skewless;

/// <summary>
/// Which feature set, version and definition an artifact was fitted with, read without rebuilding
/// its fitted constants: how a registry picks the version to load, or a tool tells artifacts apart.
/// </summary>
public sealed class ArtifactHeader
{
    // What a header read failure names as the feature set being loaded: none is chosen yet.
    internal const string AnyFeatureSet = "feature set";

    private ArtifactHeader(string featureSet, string name, int version, string fingerprint)
    {
        FeatureSet = featureSet;
        Name = name;
        Version = version;
        Fingerprint = fingerprint;
    }

    /// <summary>The fully qualified name of the feature set class that saved the artifact.</summary>
    public string FeatureSet { get; }

    /// <summary>The logical name of the feature set, shared by its versions.</summary>
    public string Name { get; }

    /// <summary>The version of the definition the artifact was fitted with.</summary>
    public int Version { get; }

    /// <summary>The fingerprint of the definition the artifact was fitted with.</summary>
    public string Fingerprint { get; }

    /// <summary>Reads the header of an artifact.</summary>
    /// <param name="source">The stream to read, to its end.</param>
    /// <param name="options">How to read it; <see langword="null"/> for the defaults.</param>
    /// <returns>The header.</returns>
    /// <exception cref="ArtifactException">The stream is too large, not JSON, not a Skewless artifact, or of another format version.</exception>
    public static ArtifactHeader Read(Stream source, ArtifactLoadOptions? options = null)
    {
        Guard.NotNull(source, nameof(source));
        return Read(ArtifactReader.ReadBounded(source, AnyFeatureSet, (options ?? new ArtifactLoadOptions()).MaxBytes));
    }

    /// <summary>Reads the header of an artifact already in memory.</summary>
    internal static ArtifactHeader Read(ReadOnlyMemory<byte> json)
    {
        using var document = ArtifactReader.Parse(json, AnyFeatureSet);
        // The version's own Load, which follows, checks the content.
        var root = ArtifactReader.Root(document, AnyFeatureSet, verifyContent: false);
        return new ArtifactHeader(
            root.String(ArtifactFormat.FeatureSetProperty),
            root.String(ArtifactFormat.NameProperty),
            root.Int32(ArtifactFormat.VersionProperty),
            root.String(ArtifactFormat.FingerprintProperty));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} v{Version} ({FeatureSet}, definition {Fingerprint})";
}
