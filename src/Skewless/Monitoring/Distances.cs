namespace Skewless.Monitoring;

/// <summary>
/// Distances between two distributions given as counts over the same bins, as TensorFlow Data
/// Validation defines them. Each side is normalised to shares first; a side with no counts at all
/// has no distribution, and every distance to it is NaN.
/// </summary>
public static class Distances
{
    /// <summary>
    /// What an empty bin's share becomes in <see cref="PopulationStabilityIndex"/>, whose logarithm
    /// would otherwise be infinite: 0.0001, one in ten thousand.
    /// </summary>
    public const double PsiEpsilon = 1e-4;

    /// <summary>The largest absolute difference between the shares of any one bin: 0 for identical distributions, 1 for disjoint ones.</summary>
    public static double LInfinity(IReadOnlyList<double> baseline, IReadOnlyList<double> current)
    {
        var (p, q) = Shares(baseline, current);
        if (p is null || q is null)
        {
            return double.NaN;
        }

        var largest = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            largest = Math.Max(largest, Math.Abs(p[i] - q[i]));
        }

        return largest;
    }

    /// <summary>
    /// The Jensen–Shannon divergence in nats (natural logarithm): <c>½·KL(p‖m) + ½·KL(q‖m)</c> with
    /// <c>m = (p + q) / 2</c>. 0 for identical distributions, ln 2 ≈ 0.693 for disjoint ones; divide
    /// by ln 2 for bits.
    /// </summary>
    public static double JensenShannon(IReadOnlyList<double> baseline, IReadOnlyList<double> current)
    {
        var (p, q) = Shares(baseline, current);
        if (p is null || q is null)
        {
            return double.NaN;
        }

        var divergence = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            var m = (p[i] + q[i]) / 2;
            divergence += Term(p[i], m) + Term(q[i], m);
        }

        // Rounding can leave a tiny negative sum for identical inputs; the divergence itself never is.
        return Math.Max(0, divergence / 2);
    }

    /// <summary>
    /// The population stability index: <c>Σ (qᵢ − pᵢ)·ln(qᵢ / pᵢ)</c> over the shares, with an empty
    /// bin's share taken as <see cref="PsiEpsilon"/>. 0 for identical distributions; by common rule of
    /// thumb, below 0.1 is stable and above 0.25 a major shift.
    /// </summary>
    public static double PopulationStabilityIndex(IReadOnlyList<double> baseline, IReadOnlyList<double> current)
    {
        var (p, q) = Shares(baseline, current);
        if (p is null || q is null)
        {
            return double.NaN;
        }

        var index = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            var pi = Math.Max(p[i], PsiEpsilon);
            var qi = Math.Max(q[i], PsiEpsilon);
            index += (qi - pi) * Math.Log(qi / pi);
        }

        return index;
    }

    private static double Term(double share, double mixture) => share > 0 ? share * Math.Log(share / mixture) : 0;

    private static (double[]? Baseline, double[]? Current) Shares(IReadOnlyList<double> baseline, IReadOnlyList<double> current)
    {
        Guard.NotNull(baseline, nameof(baseline));
        Guard.NotNull(current, nameof(current));
        if (baseline.Count != current.Count)
        {
            throw new ArgumentException($"The distributions have {baseline.Count} and {current.Count} bins; they must share their bins.", nameof(current));
        }

        return (Normalise(baseline, nameof(baseline)), Normalise(current, nameof(current)));
    }

    private static double[]? Normalise(IReadOnlyList<double> counts, string parameter)
    {
        var total = 0.0;
        foreach (var count in counts)
        {
            if (!(count >= 0) || double.IsInfinity(count))
            {
                throw new ArgumentOutOfRangeException(parameter, count, "Counts must be finite and non-negative.");
            }

            total += count;
        }

        return total > 0 ? counts.Select(count => count / total).ToArray() : null;
    }
}
