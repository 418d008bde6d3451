namespace Skewless.Artifacts;

/// <summary>The names and version of the artifact file format, shared by the writer and the reader.</summary>
internal static class ArtifactFormat
{
    public const string Name = "skewless.artifact";
    public const int Version = 2;

    /// <summary>The first format version whose artifacts record their <see cref="ContentHashProperty"/>; version 1 files still load, unchecked.</summary>
    public const int FirstHashedVersion = 2;

    public const string FormatProperty = "format";
    public const string FormatVersionProperty = "formatVersion";
    public const string ContentHashProperty = "contentHash";
    public const string FeatureSetProperty = "featureSet";
    public const string NameProperty = "name";
    public const string VersionProperty = "version";
    public const string FingerprintProperty = "fingerprint";
    public const string InputTypeProperty = "inputType";
    public const string WidthProperty = "width";
    public const string TrainingRowsProperty = "trainingRows";
    public const string LibrariesProperty = "libraries";
    public const string InformationalVersionProperty = "informationalVersion";
    public const string FeaturesProperty = "features";
    public const string KindProperty = "kind";
    public const string TransformProperty = "transform";
    public const string StateProperty = "state";

    // A feature's transform settings and code hash (FeatureDescriptor.Settings, .Code), so that an artifact of another
    // definition names what changed. Optional: older artifacts and hand-built schemas have none.
    public const string SettingsProperty = "settings";
    public const string CodeProperty = "code";
}
