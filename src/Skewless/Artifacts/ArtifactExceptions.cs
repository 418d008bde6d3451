using System.Globalization;

namespace Skewless;

/// <summary>A saved artifact cannot be loaded into this feature set. The message says what differs.</summary>
public abstract class ArtifactException : Exception
{
    private protected ArtifactException(string featureSet, string message, Exception? innerException = null)
        : base(message, innerException) => FeatureSet = featureSet;

    /// <summary>The feature set the artifact was being loaded into.</summary>
    public string FeatureSet { get; }
}

/// <summary>The artifact is truncated, is not JSON, or lacks a field every artifact has.</summary>
public sealed class CorruptArtifactException : ArtifactException
{
    internal CorruptArtifactException(string featureSet, FormattableString problem, Exception? innerException = null)
        : this(featureSet, problem.ToString(CultureInfo.InvariantCulture), innerException)
    {
    }

    private CorruptArtifactException(string featureSet, string problem, Exception? innerException)
        : base(featureSet, $"Cannot load a {featureSet} artifact: {problem}", innerException) => Problem = problem;

    /// <summary>What is wrong with the file.</summary>
    public string Problem { get; }
}

/// <summary>The artifact was written in a format version this runtime does not read.</summary>
public sealed class UnsupportedArtifactFormatException : ArtifactException
{
    internal UnsupportedArtifactFormatException(string featureSet, int artifactFormatVersion, int supportedFormatVersion)
        : base(featureSet, FormattableString.Invariant($"Cannot load a {featureSet} artifact: it has format version {artifactFormatVersion}, and this version of Skewless reads format version {supportedFormatVersion}."))
    {
        ArtifactFormatVersion = artifactFormatVersion;
        SupportedFormatVersion = supportedFormatVersion;
    }

    /// <summary>The format version written in the artifact.</summary>
    public int ArtifactFormatVersion { get; }

    /// <summary>The format version this runtime reads.</summary>
    public int SupportedFormatVersion { get; }
}

/// <summary>The artifact was fitted for a different feature set, or a different version of this one.</summary>
public sealed class FeatureSetMismatchException : ArtifactException
{
    internal FeatureSetMismatchException(string featureSet, string artifactFeatureSet)
        : this(featureSet, artifactFeatureSet + ".", artifactFeatureSet)
    {
    }

    internal FeatureSetMismatchException(string featureSet, string explanation, string artifactFeatureSet)
        : base(featureSet, $"Cannot load the artifact into {featureSet}: it was fitted for {explanation}")
        => ArtifactFeatureSet = artifactFeatureSet;

    /// <summary>The feature set the artifact was fitted for, as its logical name and version ("Flights v1").</summary>
    public string ArtifactFeatureSet { get; }
}

/// <summary>
/// The artifact was fitted with a different definition of the feature set: some feature's code has
/// changed since. Serving it would compute features the model was not trained on.
/// </summary>
public sealed class FingerprintMismatchException : ArtifactException
{
    internal FingerprintMismatchException(string featureSet, string expectedFingerprint, string artifactFingerprint, string difference)
        : base(featureSet, $"Cannot load the artifact into {featureSet}: it was fitted with definition {artifactFingerprint}, but the code now has definition {expectedFingerprint}: {difference}. Refit on the current definition, or serve with the code the artifact was fitted with.")
    {
        ExpectedFingerprint = expectedFingerprint;
        ArtifactFingerprint = artifactFingerprint;
        Difference = difference;
    }

    /// <summary>What changed between the two definitions, as far as the artifact's feature list tells: features added, removed or retyped, or else that the code of a feature changed.</summary>
    public string Difference { get; }

    /// <summary>The fingerprint of the definition compiled into this program.</summary>
    public string ExpectedFingerprint { get; }

    /// <summary>The fingerprint recorded in the artifact.</summary>
    public string ArtifactFingerprint { get; }
}

/// <summary>
/// The artifact parses, but its content no longer hashes to what <c>Save</c> recorded, or a fitted constant is
/// impossible: a vocabulary shorter than its recorded size, a negative standard deviation, unsorted bucket boundaries.
/// The file was edited or damaged after it was saved.
/// </summary>
public sealed class TamperedArtifactException : ArtifactException
{
    internal TamperedArtifactException(string featureSet, string feature, string problem)
        : base(featureSet, $"Cannot load a {featureSet} artifact: the fitted constants of feature '{feature}' are inconsistent: {problem}")
    {
        Feature = feature;
        Problem = problem;
    }

    // The whole content no longer hashes to what Save recorded.
    internal TamperedArtifactException(string featureSet, string problem)
        : base(featureSet, $"Cannot load a {featureSet} artifact: {problem}")
        => Problem = problem;

    /// <summary>The feature whose constants are inconsistent, or <see langword="null"/> when the artifact's content hash does not match.</summary>
    public string? Feature { get; }

    /// <summary>What is inconsistent.</summary>
    public string Problem { get; }
}

/// <summary>The artifact is larger than the reader accepts, which protects a serving process from an unbounded read.</summary>
public sealed class ArtifactTooLargeException : ArtifactException
{
    internal ArtifactTooLargeException(string featureSet, long limitBytes)
        : base(featureSet, FormattableString.Invariant($"Cannot load a {featureSet} artifact: it is larger than the limit of {limitBytes:N0} bytes. If it is genuine (a very large vocabulary), raise ArtifactLoadOptions.MaxBytes."))
        => LimitBytes = limitBytes;

    /// <summary>The largest artifact the reader accepted.</summary>
    public long LimitBytes { get; }
}

/// <summary>
/// The artifact was fitted while the feature code ran against other versions of the libraries it
/// calls. The same feature code can compute different numbers under another version.
/// </summary>
public sealed class LibraryVersionMismatchException : ArtifactException
{
    internal LibraryVersionMismatchException(LibraryVersionMismatch mismatch)
        : base(mismatch.FeatureSet, $"Cannot load a {mismatch.FeatureSet} artifact: it was fitted with {mismatch.Describe(mismatch.ArtifactVersion, mismatch.ArtifactInformationalVersion)}, but this process runs the feature code with {mismatch.Describe(mismatch.CurrentVersion, mismatch.CurrentInformationalVersion)}. Refit with the versions loaded here, serve with the versions it was fitted with, or accept the difference through ArtifactLoadOptions.OnLibraryMismatch.")
    {
        Mismatch = mismatch;
    }

    /// <summary>The library whose version differs.</summary>
    public string Library => Mismatch.Library;

    /// <summary>The version recorded in the artifact.</summary>
    public string ArtifactVersion => Mismatch.ArtifactVersion;

    /// <summary>The version loaded in this process.</summary>
    public string CurrentVersion => Mismatch.CurrentVersion;

    /// <summary>Both sides in full, with their informational versions.</summary>
    public LibraryVersionMismatch Mismatch { get; }
}

/// <summary>
/// The artifact was fitted with a version of a feature set that this program no longer has, so no
/// code here computes the features its model was trained on.
/// </summary>
public sealed class FeatureSetVersionNotFoundException : ArtifactException
{
    internal FeatureSetVersionNotFoundException(ArtifactHeader artifact, IReadOnlyList<int> availableVersions, IReadOnlyList<FeatureSchema> featureSets, IReadOnlyList<string> unreachable)
        : base(artifact.Name, Describe(artifact, availableVersions, featureSets, unreachable))
    {
        Artifact = artifact;
        AvailableVersions = availableVersions;
    }

    /// <summary>The feature set, version and definition recorded in the artifact.</summary>
    public ArtifactHeader Artifact { get; }

    /// <summary>The versions of the artifact's feature set that this program has, ascending; empty when it has none of that name.</summary>
    public IReadOnlyList<int> AvailableVersions { get; }

    private static string Describe(ArtifactHeader artifact, IReadOnlyList<int> availableVersions, IReadOnlyList<FeatureSchema> featureSets, IReadOnlyList<string> unreachable)
    {
        var has = availableVersions.Count > 0
            ? $"this program has {artifact.Name} {string.Join(", ", availableVersions.Select(version => "v" + version.ToString(CultureInfo.InvariantCulture)))} only"
            : $"this program has no feature set named '{artifact.Name}' (it has {(featureSets.Count == 0 ? "none" : string.Join(", ", featureSets.Select(schema => $"{schema.Name} v{schema.Version.ToString(CultureInfo.InvariantCulture)}")))})";
        var leftOut = unreachable.Count == 0
            ? ""
            : $" Left out of the registry, because a class it is nested in is private: {string.Join(", ", unreachable)}; make that class internal to load its artifacts here.";
        return $"Cannot load the artifact of {artifact}: {has}. Serve it with a build that still has that version, or refit the model with a version this build has.{leftOut}";
    }
}
