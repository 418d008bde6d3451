namespace Skewless;

/// <summary>
/// Sets how far a feature's serving distribution may move from its training distribution (skew), or
/// from one serving window to the next (drift), before a report flags it. The distance is the
/// L-infinity distance for categorical features (bool, enum, string) and the Jensen–Shannon
/// divergence, in nats, for numeric ones; both are 0 for identical distributions. Without this
/// attribute, a feature gets <see cref="Monitoring.ComparisonOptions.LInfinityThreshold"/> (0.1) or
/// <see cref="Monitoring.ComparisonOptions.JensenShannonThreshold"/> (0.02).
/// </summary>
/// <remarks>
/// A monitoring setting, not part of the feature's definition: changing it does not change the fingerprint, so a fitted
/// artifact stays loadable, and loading it through this code applies the code's threshold, as do the snapshots of its
/// monitors. <c>skewless compare</c>, which reads files alone, takes the current file's threshold, else the one the
/// artifact recorded when it was fitted.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class DriftThresholdAttribute : Attribute
{
    /// <summary>Flags the feature when its distance exceeds <paramref name="threshold"/>.</summary>
    /// <param name="threshold">The largest distance that is not flagged: from 0 to 1 for L-infinity, 0 to ln 2 ≈ 0.693 for Jensen–Shannon.</param>
    public DriftThresholdAttribute(double threshold) => Threshold = threshold;

    /// <summary>The largest distance that is not flagged.</summary>
    public double Threshold { get; }
}
