using System.Globalization;

namespace Skewless.Analyzers.Skew.Clones;

/// <summary>
/// 64-bit structural hashing that gives the same value in every process and on every platform,
/// because search keys are written into assemblies and compared in other builds.
/// </summary>
internal static class SearchKey
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15;
    private const ulong FnvOffset = 0xCBF29CE484222325;
    private const ulong FnvPrime = 0x100000001B3;

    public static ulong Start(int kind) => Combine(FnvOffset, (ulong)kind);

    public static ulong Combine(ulong hash, ulong value) => (((hash << 5) | (hash >> 59)) ^ value) * Multiplier;

    /// <summary>FNV-1a over the UTF-16 code units: <see cref="string.GetHashCode()"/> differs between processes.</summary>
    public static ulong Of(string text)
    {
        var hash = FnvOffset;
        foreach (var c in text)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        return hash;
    }

    public static string Format(ulong key) => key.ToString("x16", CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out ulong key) =>
        ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out key);
}
