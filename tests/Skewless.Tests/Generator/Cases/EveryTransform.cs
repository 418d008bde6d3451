using System;
using Skewless;

namespace Zips;

public enum Region { North, South, East, West }

[DataSource("geonames.zipcodes", Owner = "geo", Version = "2024")]
public sealed record Place
{
    public string ZipCode { get; init; } = "";
    public string State { get; init; } = "";
    public string City { get; init; } = "";
    public double Latitude { get; init; }
    public double Longitude { get; init; }
    public Region Region { get; init; }
    public int Population { get; init; }
}

[FeatureSet(typeof(Place), Version = 2)]
public static partial class PlaceFeatures
{
    [Feature, ZScore] public static double Latitude(Place p) => p.Latitude;

    [Feature, MinMax] public static float Longitude(Place p) => (float)p.Longitude;

    [Feature, QuantileBuckets(5)] public static int Population(Place p) => p.Population;

    [Feature, Vocabulary(MaxSize = 60, OovBuckets = 2)] public static string State(Place p) => p.State;

    [Feature, Vocabulary(MaxSize = 0, MinCount = 5, OovBuckets = 0, Encoding = VocabularyEncoding.Index)] public static string City(Place p) => p.City;

    [Feature, Vocabulary(MaxSize = 3)] public static Region Region(Place p) => p.Region;

    [Feature, HashBuckets(16)] public static string Zip(Place p) => p.ZipCode;

    [Feature, HashBuckets(1000, Encoding = VocabularyEncoding.Index)] public static string ZipPrefix(Place p) => p.ZipCode.Length >= 3 ? p.ZipCode.Substring(0, 3) : p.ZipCode;

    [Feature] public static bool Coastal(Place p) => Math.Abs(p.Longitude) > 115;
}
