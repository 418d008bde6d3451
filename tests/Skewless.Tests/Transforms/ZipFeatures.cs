namespace Skewless.Tests.Transforms;

/// <summary>
/// Every fitted transform and encoding the Flights sample leaves out (min-max, index vocabularies with a
/// minimum count, index hash buckets, quantiles past the exact limit), on 42,049 real zip codes,
/// compiled by the real generator.
/// </summary>
[FeatureSet(typeof(Zip), Version = 1)]
public static partial class ZipFeatures
{
    [Feature, ZScore] public static double Latitude(Zip z) => z.Latitude;

    [Feature, MinMax] public static double Longitude(Zip z) => z.Longitude;

    [Feature, QuantileBuckets(20)] public static double LatitudeBand(Zip z) => z.Latitude;

    [Feature, Vocabulary(MaxSize = 60, OovBuckets = 2)] public static string State(Zip z) => z.State;

    [Feature, Vocabulary(MaxSize = 0, MinCount = 3, OovBuckets = 4, Encoding = VocabularyEncoding.Index)] public static string City(Zip z) => z.City;

    [Feature, HashBuckets(32)] public static string Code(Zip z) => z.Code;

    [Feature, HashBuckets(1000, Encoding = VocabularyEncoding.Index)] public static string County(Zip z) => z.County;
}
