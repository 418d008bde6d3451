namespace Skewless.Monitoring;

/// <summary>How the distance between two distributions of a feature is measured, as in TensorFlow Data Validation.</summary>
public enum DistanceMetric
{
    /// <summary>For categorical features: the largest absolute difference between the two shares of any one category (or of missing), from 0 to 1.</summary>
    LInfinity,

    /// <summary>For numeric features: the Jensen–Shannon divergence of the two histograms (missing counted as a bin of its own), in nats, from 0 (identical) to ln 2 ≈ 0.693 (disjoint).</summary>
    JensenShannon,
}
