namespace Skewless.Tests.Transforms;

/// <summary>
/// A zip code stamped like an event log: row i at <c>1,700,000,000 + 60·i</c> epoch seconds, one a minute over a
/// month. Data far from zero in a narrow range, where an error relative to the magnitude (0.5% of 1.7e9 is 98
/// days) is wider than the whole range.
/// </summary>
[DataSource("geonames.zipcodes.timed", Owner = "tests", Version = "vega-datasets 3.2.1")]
public sealed record TimedZip(double EpochSeconds, double Latitude)
{
    /// <summary>The real zip codes, each stamped one minute after the one before.</summary>
    public static TimedZip[] All { get; } = RealData.Zips.Select((zip, i) => new TimedZip(1_700_000_000 + (i * 60.0), zip.Latitude)).ToArray();
}

/// <summary>Quantile buckets and training statistics of features past the exact limit that sit far from zero in a narrow range.</summary>
[FeatureSet(typeof(TimedZip), Version = 1)]
public static partial class TimedZipFeatures
{
    [Feature, QuantileBuckets(10)] public static double Minute(TimedZip z) => z.EpochSeconds;

    [Feature, QuantileBuckets(10)] public static double LatitudeDecile(TimedZip z) => z.Latitude;

    [Feature] public static double Latitude(TimedZip z) => z.Latitude;
}
