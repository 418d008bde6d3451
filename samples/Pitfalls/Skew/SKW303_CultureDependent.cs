using Skewless;

namespace Pitfalls.Skew;

/// <summary>
/// SKW303: features that parse, format and change case with the current culture. "12,50" is 12.5
/// on a German host and 1250 on an American one.
/// </summary>
[FeatureSet(typeof(Ride), Version = 1)]
public static partial class RideFareFeatures
{
    [Feature] public static double Fare(Ride r) => double.Parse(r.FareText);   // SKW303: without a format provider

    [Feature] public static bool Airport(Ride r) => r.Zone.ToUpper().StartsWith("AIRPORT");   // SKW303 twice: ToUpper(), StartsWith()

    // "2.5" on one host and "2,5" on another: the same ride lands in another bucket.
    [Feature, HashBuckets(256)] public static string ZoneAndKilometres(Ride r) => $"{r.Zone}/{r.DistanceMeters / 1000:F1}";   // SKW303: interpolated float

    // On a Turkish host "istanbul" becomes "İstanbul", a category training never saw.
    [Feature, Vocabulary(MaxSize = 100)] public static string ZoneTitle(Ride r) =>
        System.Globalization.CultureInfo.CurrentCulture.TextInfo.ToTitleCase(r.Zone);   // SKW303: the current culture, read directly

    // The first of a ride's zones in the host's collation: "Aarhus" comes first in English and last in Danish.
    [Feature, HashBuckets(64)] public static string FirstZone(Ride r) => r.Zone.Split('|').OrderBy(zone => zone).First();   // SKW303: OrderBy without a StringComparer
}
