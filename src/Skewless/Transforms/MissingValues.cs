namespace Skewless.Transforms;

/// <summary>What counts as missing, the same for fitting and for serving.</summary>
internal static class MissingValues
{
    /// <summary>NaN and the infinities: no statistic can be fitted on them, so they are treated as missing.</summary>
    public static bool IsMissing(double value) => double.IsNaN(value) || double.IsInfinity(value);

    /// <summary>The same test on a <see cref="float"/>, which widening to <see cref="double"/> keeps NaN and infinite.</summary>
    /// <remarks>
    /// Transforms test a float before they widen it, so that the JIT loads it into a register first. A caller's
    /// widening of a field is one <c>vcvtss2sd</c> that reads memory and merges into its destination register, which
    /// the JIT often gives the previous row's result: each row then waits on the last one's division
    /// (6.4 against 1.4 ns a z-score, <c>FloatWideningBenchmarks</c> in docs/benchmarks.md).
    /// </remarks>
    public static bool IsMissing(float value) => float.IsNaN(value) || float.IsInfinity(value);

    /// <summary>Null and the empty string.</summary>
    public static bool IsMissing(string? value) => string.IsNullOrEmpty(value);
}
