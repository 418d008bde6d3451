using System.Globalization;

namespace Skewless.Artifacts;

/// <summary>One feature's fitted constants in an artifact, read by the transform that wrote them.</summary>
internal readonly struct ArtifactState
{
    private readonly string _featureSet;

    public ArtifactState(JsonFields fields, string featureSet, string feature)
    {
        Fields = fields;
        _featureSet = featureSet;
        Feature = feature;
    }

    public JsonFields Fields { get; }

    public string Feature { get; }

    /// <summary>Builds the exception for a constant that cannot be right, with numbers written the same in every culture.</summary>
    public TamperedArtifactException Tampered(FormattableString problem) => new(_featureSet, Feature, problem.ToString(CultureInfo.InvariantCulture));

    /// <summary>Throws unless the artifact's setting equals the one compiled into the definition.</summary>
    public void Expect<T>(string name, T actual, T expected)
        where T : IEquatable<T>
    {
        if (!actual.Equals(expected))
        {
            throw Tampered($"its \"{name}\" is {actual}, but the definition says {expected}.");
        }
    }
}
