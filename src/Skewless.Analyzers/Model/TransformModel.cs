using System.Globalization;

namespace Skewless.Analyzers.Model;

/// <summary>A feature's transform and the settings from its attribute.</summary>
/// <param name="Kind">Which transform.</param>
/// <param name="Buckets">The bucket count of <c>[QuantileBuckets]</c> or <c>[HashBuckets]</c>.</param>
/// <param name="MaxSize">The largest vocabulary kept.</param>
/// <param name="MinCount">The fewest rows a vocabulary term needs.</param>
/// <param name="OovBuckets">The out-of-vocabulary buckets.</param>
/// <param name="OneHot">Whether a vocabulary or hash is one-hot rather than an index.</param>
internal sealed record TransformModel(FeatureTransform Kind, int Buckets = 0, int MaxSize = 0, int MinCount = 1, int OovBuckets = 1, bool OneHot = true)
{
    public static TransformModel None { get; } = new(FeatureTransform.None);

    /// <summary>Whether the transform has constants fitted on training rows (hash buckets have none).</summary>
    public bool IsFitted => Kind is FeatureTransform.ZScore or FeatureTransform.MinMax or FeatureTransform.Vocabulary or FeatureTransform.QuantileBuckets;

    /// <summary>The slots the transform fills, or <see langword="null"/> when the feature's own kind decides.</summary>
    public int? Width => Kind switch
    {
        FeatureTransform.Vocabulary => OneHot ? MaxSize + OovBuckets : 1,
        FeatureTransform.HashBuckets => OneHot ? Buckets : 1,
        FeatureTransform.None => null,
        _ => 1,
    };

    /// <summary>
    /// The attribute's settings as the feature contract and the artifact record them, or <see langword="null"/> for a
    /// transform without any: "10" for <c>[QuantileBuckets(10)]</c>, "64,OneHot" for <c>[HashBuckets(64)]</c>,
    /// "MaxSize=50,MinCount=1,OovBuckets=2,OneHot" for a vocabulary.
    /// </summary>
    public string? Settings => Kind switch
    {
        FeatureTransform.QuantileBuckets => Invariant(Buckets),
        FeatureTransform.HashBuckets => $"{Invariant(Buckets)},{Encoding}",
        FeatureTransform.Vocabulary => $"MaxSize={Invariant(MaxSize)},MinCount={Invariant(MinCount)},OovBuckets={Invariant(OovBuckets)},{Encoding}",
        _ => null,
    };

    private string Encoding => OneHot ? "OneHot" : "Index";

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The C# type the vector holds for the feature, or <see langword="null"/> for the feature's own return type.</summary>
    public string? VectorType => Kind switch
    {
        FeatureTransform.ZScore or FeatureTransform.MinMax => "float",
        FeatureTransform.None => null,
        _ => "int",
    };
}
