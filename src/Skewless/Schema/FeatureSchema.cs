using System.Reflection;

namespace Skewless;

/// <summary>The shape of a feature set's vector, as generated from its definition.</summary>
public sealed class FeatureSchema
{
    /// <summary>Describes a feature set. Called by generated code.</summary>
    /// <param name="featureSet">The fully qualified name of the feature set class.</param>
    /// <param name="name">The logical name of the feature set.</param>
    /// <param name="version">The declared version of the definition.</param>
    /// <param name="fingerprint">The stable hash of the normalised definition.</param>
    /// <param name="inputType">The fully qualified name of the row type.</param>
    /// <param name="features">The features, in vector order.</param>
    /// <param name="libraries">An assembly of each library the feature code calls.</param>
    public FeatureSchema(string featureSet, string name, int version, string fingerprint, string inputType, IReadOnlyList<FeatureDescriptor> features, IReadOnlyList<Assembly> libraries)
    {
        Guard.NotNull(libraries, nameof(libraries));
        FeatureSet = featureSet;
        Name = name;
        Version = version;
        Fingerprint = fingerprint;
        InputType = inputType;
        Features = features;

        var width = 0;
        var sparseWidth = 0;
        foreach (var feature in features)
        {
            if (feature.Offset != width)
            {
                throw new ArgumentException($"Feature '{feature.Name}' starts at slot {feature.Offset}, expected {width}.", nameof(features));
            }

            width += feature.Width;
            sparseWidth += feature.Width > 0 ? 1 : 0;
        }

        Width = width;
        SparseWidth = sparseWidth;
        Libraries = libraries.Select(LibraryVersion.Of).GroupBy(library => library.Name, StringComparer.Ordinal).Select(group => group.First())
            .OrderBy(library => library.Name, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The fully qualified name of the feature set class.</summary>
    public string FeatureSet { get; }

    /// <summary>The logical name of the feature set, shared by its versions.</summary>
    public string Name { get; }

    /// <summary>The declared version of the definition.</summary>
    public int Version { get; }

    /// <summary>The stable hash of the normalised definition. Whitespace and comments do not change it; any change to a feature does.</summary>
    public string Fingerprint { get; }

    /// <summary>The fully qualified name of the row type.</summary>
    public string InputType { get; }

    /// <summary>The total number of slots in the vector.</summary>
    public int Width { get; }

    /// <summary>The number of entries a row has in sparse form: one for every feature with a slot, which is a one-hot feature's hot slot (or its first slot, holding zero, when no slot is hot).</summary>
    public int SparseWidth { get; }

    /// <summary>The features, in vector order.</summary>
    public IReadOnlyList<FeatureDescriptor> Features { get; }

    /// <summary>The libraries the feature code calls, at the versions loaded in this process, sorted by name.</summary>
    public IReadOnlyList<LibraryVersion> Libraries { get; }

    /// <summary>Finds a feature by name.</summary>
    /// <param name="name">The feature's name.</param>
    /// <returns>The feature, or <see langword="null"/> when the set has none of that name.</returns>
    public FeatureDescriptor? Find(string name)
    {
        foreach (var feature in Features)
        {
            if (string.Equals(feature.Name, name, StringComparison.Ordinal))
            {
                return feature;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} v{Version} ({Fingerprint}), {Features.Count} features, width {Width}";
}
