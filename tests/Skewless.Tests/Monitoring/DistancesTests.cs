using Skewless.Monitoring;
using Xunit;

namespace Skewless.Tests.Monitoring;

/// <summary>The comparators against values worked out by hand from their definitions, on fixed histograms.</summary>
public sealed class DistancesTests
{
    private static readonly double Ln2 = Math.Log(2);

    [Fact]
    public void Identical_distributions_are_at_distance_zero_whatever_their_totals()
    {
        double[] counts = [3, 0, 5, 12];
        double[] scaled = [30, 0, 50, 120];

        Assert.Equal(0, Distances.JensenShannon(counts, scaled), 15);
        Assert.Equal(0, Distances.LInfinity(counts, scaled), 15);
        Assert.Equal(0, Distances.PopulationStabilityIndex(counts, scaled), 15);
    }

    [Fact]
    public void Disjoint_distributions_are_ln_2_apart_in_jensen_shannon_and_their_largest_share_apart_in_l_infinity()
    {
        double[] left = [4, 6, 0, 0];
        double[] right = [0, 0, 1, 9];

        Assert.Equal(Ln2, Distances.JensenShannon(left, right), 14);
        Assert.Equal(0.9, Distances.LInfinity(left, right), 15);
        Assert.Equal(1, Distances.LInfinity([7, 0], [0, 3]), 15);
    }

    [Fact]
    public void A_histogram_shifted_by_one_bin_matches_the_hand_computation()
    {
        // p = (½, ½, 0), q = (0, ½, ½), m = (¼, ½, ¼): KL(p‖m) = ½·ln 2 + ½·ln 1 = ½·ln 2, and KL(q‖m) the same,
        // so JS = ½·(½·ln 2 + ½·ln 2) = ½·ln 2.
        Assert.Equal(Ln2 / 2, Distances.JensenShannon([1, 1, 0], [0, 1, 1]), 14);
        Assert.Equal(0.5, Distances.LInfinity([1, 1, 0], [0, 1, 1]), 15);
    }

    [Fact]
    public void An_uneven_shift_matches_the_definition_term_by_term()
    {
        double[] p = [0.2, 0.3, 0.5];
        double[] q = [0.1, 0.4, 0.5];
        var m = p.Zip(q, (a, b) => (a + b) / 2).ToArray();
        var expected = 0.5 * Enumerable.Range(0, 3).Sum(i => (p[i] * Math.Log(p[i] / m[i])) + (q[i] * Math.Log(q[i] / m[i])));

        Assert.Equal(expected, Distances.JensenShannon(p, q), 14);
        Assert.Equal(0.1, Distances.LInfinity(p, q), 14);
    }

    [Fact]
    public void Psi_of_a_known_case()
    {
        // (0.25 − 0.5)·ln(0.25 / 0.5) + (0.75 − 0.5)·ln(0.75 / 0.5) = 0.25·ln 2 + 0.25·ln 1.5
        Assert.Equal((0.25 * Ln2) + (0.25 * Math.Log(1.5)), Distances.PopulationStabilityIndex([50, 50], [25, 75]), 14);
    }

    [Fact]
    public void Psi_takes_an_empty_bin_as_epsilon()
    {
        var epsilon = Distances.PsiEpsilon;
        var expected = ((0.5 - 1) * Math.Log(0.5 / 1)) + ((0.5 - epsilon) * Math.Log(0.5 / epsilon));

        Assert.Equal(expected, Distances.PopulationStabilityIndex([10, 0], [5, 5]), 12);
    }

    [Fact]
    public void L_infinity_over_categories_is_the_largest_change_of_one_share()
    {
        // Shares 0.1, 0.3, 0.6 against 0.2, 0.3, 0.5.
        Assert.Equal(0.1, Distances.LInfinity([10, 30, 60], [40, 60, 100]), 14);
    }

    [Fact]
    public void A_side_without_counts_has_no_distance()
    {
        Assert.True(double.IsNaN(Distances.JensenShannon([0, 0], [1, 2])));
        Assert.True(double.IsNaN(Distances.LInfinity([1, 2], [0, 0])));
        Assert.True(double.IsNaN(Distances.PopulationStabilityIndex([0, 0], [0, 0])));
    }

    [Fact]
    public void Bins_must_match_and_counts_must_be_finite_and_non_negative()
    {
        Assert.Throws<ArgumentException>(() => Distances.JensenShannon([1, 2], [1, 2, 3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Distances.LInfinity([1, -1], [1, 1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Distances.LInfinity([1, double.NaN], [1, 1]));
    }
}
