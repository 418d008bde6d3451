using Skewless.Tests.Transforms;

namespace Skewless.Tests.Monitoring;

/// <summary>
/// Two vocabularies of thousands of real places that leave out the rarest: a city outside its vocabulary goes to an
/// out-of-vocabulary bucket, a county outside its own is missing.
/// </summary>
[FeatureSet(typeof(Zip), Version = 1)]
public static partial class PlaceFeatures
{
    [Feature, Vocabulary(MaxSize = 0, MinCount = 3, OovBuckets = 1, Encoding = VocabularyEncoding.Index)] public static string City(Zip zip) => zip.City;

    [Feature, Vocabulary(MaxSize = 0, MinCount = 3, OovBuckets = 0, Encoding = VocabularyEncoding.Index)] public static string County(Zip zip) => zip.County;
}
