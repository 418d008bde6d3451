using System.Globalization;

namespace Skewless.Analyzers.Skew.Clones;

/// <summary>
/// Whether a computation that has a feature's shape with other numbers is evidence enough for SKW301.
/// One operation on a member with another number (<c>d.Price * 1.2f</c> against the feature's
/// <c>d.Price * 100f</c>) is what ordinary business logic looks like, so a copy that small counts only
/// when each number differs from the feature's as a slip of the keyboard or of the unit would.
/// </summary>
internal static class NearCopyEvidence
{
    /// <summary>The fewest computing operations (operators, calls) at which any other numbers are reported: <c>MathF.Log(1 + f.A * 10)</c> has three.</summary>
    public const int MinimumComputations = 2;

    public static bool Suffices(OperationShape copy, IEnumerable<(string Feature, string Copy)> differences) =>
        copy.Computations >= MinimumComputations || differences.All(pair => IsSlip(pair.Feature, pair.Copy));

    /// <summary>One digit typed wrong, added, dropped or swapped with its neighbour (7 for 5, 1000 for 100), or a factor of a power of ten (0.001 for 1).</summary>
    public static bool IsSlip(string feature, string copy) => IsOneEditApart(feature, copy) || IsPowerOfTenApart(feature, copy);

    private static bool IsOneEditApart(string a, string b)
    {
        if (a.Length == b.Length)
        {
            var first = -1;
            var count = 0;
            for (var i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    first = count++ == 0 ? i : first;
                }
            }

            return count == 1 || (count == 2 && first + 1 < a.Length && a[first] == b[first + 1] && a[first + 1] == b[first]);
        }

        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        if (longer.Length != shorter.Length + 1)
        {
            return false;
        }

        var skip = 0;
        while (skip < shorter.Length && shorter[skip] == longer[skip])
        {
            skip++;
        }

        return string.CompareOrdinal(shorter, skip, longer, skip + 1, shorter.Length - skip) == 0;
    }

    private static bool IsPowerOfTenApart(string a, string b)
    {
        if (!double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            || !double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            || x == 0 || y == 0 || Math.Sign(x) != Math.Sign(y))
        {
            return false;
        }

        var exponent = Math.Log10(x / y);
        return Math.Abs(exponent - Math.Round(exponent)) < 1e-9;
    }
}
