using Skewless;

namespace Skewless.Benchmarks;

/// <summary>
/// The training benchmark's feature set: exactly the ML.NET chain issue 3 names, NormalizeMeanVariance of the distance and
/// a one-hot of each airport, so both sides do the same work. The vocabularies are large enough to keep every airport in
/// the file (checked in setup), as ML.NET's OneHotEncoding does; unseen airports would go to the one OOV slot.
/// </summary>
[FeatureSet(typeof(TrainingFlight), Version = 1)]
public static partial class TrainingFeatures
{
    /// <summary>The most airports either vocabulary keeps: the 229 distinct airports of flights-3m.parquet (229 origins, 228 destinations; `--read` counts them).</summary>
    public const int MaxAirports = 229;

    [Feature, ZScore] public static float Distance(TrainingFlight f) => f.Distance;

    [Feature, Vocabulary(MaxSize = MaxAirports, OovBuckets = 1)] public static string Origin(TrainingFlight f) => f.Origin;

    [Feature, Vocabulary(MaxSize = MaxAirports, OovBuckets = 1)] public static string Destination(TrainingFlight f) => f.Destination;
}
