using System.ComponentModel;
using System.Text.Json;
using Skewless.Artifacts;

namespace Skewless.Transforms;

/// <summary>
/// Maps a string to one of a fixed number of buckets by <see cref="StableHash"/>. Nothing is
/// fitted; the artifact records the bucket count and encoding so that a served model is checked
/// against the code. A missing value (null or empty) is -1.
/// </summary>
public sealed class HashBuckets : IFittedTransform
{
    /// <summary>Hashes into <paramref name="buckets"/> buckets.</summary>
    public HashBuckets(int buckets, VocabularyEncoding encoding)
    {
        if (buckets <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(buckets), buckets, "There must be at least one bucket.");
        }

        Buckets = buckets;
        Encoding = encoding;
    }

    /// <summary>The number of buckets.</summary>
    public int Buckets { get; }

    /// <summary>One-hot slots or a single index.</summary>
    public VocabularyEncoding Encoding { get; }

    /// <inheritdoc />
    public FeatureTransform Kind => FeatureTransform.HashBuckets;

    /// <summary>The bucket of <paramref name="value"/>, or -1 when it is missing.</summary>
    public int BucketOf(string? value) => BucketOf(value, StableHash.Of(value));

    /// <summary>The bucket of <paramref name="value"/>, whose <see cref="StableHash.Of"/> is <paramref name="hash"/>, or -1 when it is missing. Called by generated code, which also shows the hash to a monitor.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public int BucketOf(string? value, ulong hash) => MissingValues.IsMissing(value) ? -1 : StableHash.BucketOf(hash, Buckets);

    /// <inheritdoc />
    public void WriteTo(Utf8JsonWriter writer)
    {
        Guard.NotNull(writer, nameof(writer));
        writer.WriteStartObject();
        writer.WriteNumber("buckets", Buckets);
        writer.WriteString("encoding", Encoding.ToString());
        writer.WriteEndObject();
    }

    /// <summary>Checks the recorded settings of feature number <paramref name="feature"/> against the code's.</summary>
    public static HashBuckets Read(ArtifactContents artifact, int feature, int buckets, VocabularyEncoding encoding)
    {
        Guard.NotNull(artifact, nameof(artifact));
        var state = artifact.State(feature);
        state.Expect("buckets", state.Fields.Int32("buckets"), buckets);
        state.Expect("encoding", state.Fields.String("encoding"), encoding.ToString());
        return new HashBuckets(buckets, encoding);
    }
}
