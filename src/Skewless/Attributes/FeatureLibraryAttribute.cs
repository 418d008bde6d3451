using System.ComponentModel;

namespace Skewless;

/// <summary>
/// Records, in a compiled assembly, a library whose code a feature set calls and the version it was
/// compiled against. The Skewless generator emits one per feature set and library; a project that
/// references the assembly while compiling against another version of the library gets SKW405.
/// </summary>
/// <example>
/// <code>
/// [assembly: FeatureLibrary("Flights.FlightFeatures", "Microsoft.ML.Data", "1.0.0.0", "5.0.1+4e1f8c2")]
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FeatureLibraryAttribute : Attribute
{
    /// <summary>Records one library of one feature set. Emitted by the generator.</summary>
    /// <param name="featureSet">The fully qualified name of the feature set class.</param>
    /// <param name="library">The library's assembly name.</param>
    /// <param name="version">The assembly version the feature set was compiled against.</param>
    /// <param name="informationalVersion">That assembly's informational (product) version; empty when it has none.</param>
    public FeatureLibraryAttribute(string featureSet, string library, string version, string informationalVersion)
    {
        FeatureSet = featureSet;
        Library = library;
        Version = version;
        InformationalVersion = informationalVersion;
    }

    /// <summary>The fully qualified name of the feature set class.</summary>
    public string FeatureSet { get; }

    /// <summary>The library's assembly name.</summary>
    public string Library { get; }

    /// <summary>The assembly version the feature set was compiled against.</summary>
    public string Version { get; }

    /// <summary>The informational (product) version of the library compiled against; empty when it has none.</summary>
    public string InformationalVersion { get; }
}
