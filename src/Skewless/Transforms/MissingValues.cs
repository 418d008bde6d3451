namespace Skewless.Transforms;

/// <summary>What counts as missing, the same for fitting and for serving.</summary>
internal static class MissingValues
{
    /// <summary>NaN and the infinities: no statistic can be fitted on them, so they are treated as missing.</summary>
    public static bool IsMissing(double value) => double.IsNaN(value) || double.IsInfinity(value);

    /// <summary>Null and the empty string.</summary>
    public static bool IsMissing(string? value) => string.IsNullOrEmpty(value);
}
