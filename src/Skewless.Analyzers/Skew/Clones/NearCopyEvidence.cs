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

    /// <summary>Whether other numbers, and nothing else, are evidence enough; a date part that differs too makes it another computation.</summary>
    public static bool Suffices(OperationShape copy, IReadOnlyCollection<(string Feature, string Copy)> differences) =>
        !differences.Any(pair => DateParts.IsPartValue(pair.Feature))
        && (copy.Computations >= MinimumComputations || differences.All(pair => IsSlip(pair.Feature, pair.Copy)));

    /// <summary>
    /// Whether the copy reads another part of the same date or time value and differs in nothing else (<c>d.Month / 366f</c>
    /// for <c>d.DayOfYear / 366f</c>): one part, every number the feature's, and an operation besides the read, since a
    /// bare <c>d.Month</c> is no sign of <c>d.DayOfYear</c>.
    /// </summary>
    public static bool IsOtherDatePart(OperationShape copy, IReadOnlyList<(string Feature, string Copy)> differences) =>
        differences.Count == 1 && DateParts.IsPartValue(differences[0].Feature) && copy.Computations >= 1;

    // Where keys sit on the numeric keypad, as (row, column): 0 is the wide key under 1 and 2.
    private const string Keypad = "789\n456\n123\n00.";

    /// <summary>
    /// One key added, dropped or swapped with its neighbour (1000 for 100, 356 for 365), one key hit
    /// instead of a key next to it on the number row or the keypad (5 for 7, but not 2 for 7), or a
    /// factor of a power of ten (0.001 for 1).
    /// </summary>
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

            return (count == 1 && AreNeighbours(a[first], b[first])) || (count == 2 && first + 1 < a.Length && a[first] == b[first + 1] && a[first + 1] == b[first]);
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

    private static bool AreNeighbours(char a, char b)
    {
        if (char.IsDigit(a) && char.IsDigit(b) && Math.Abs(NumberRow(a) - NumberRow(b)) == 1)
        {
            return true;
        }

        // Any two cells of the two keys touching, diagonals included.
        var lines = Keypad.Split('\n');
        for (var row = 0; row < lines.Length; row++)
        {
            for (var column = 0; column < lines[row].Length; column++)
            {
                if (lines[row][column] != a)
                {
                    continue;
                }

                for (var otherRow = Math.Max(0, row - 1); otherRow <= Math.Min(lines.Length - 1, row + 1); otherRow++)
                {
                    for (var otherColumn = Math.Max(0, column - 1); otherColumn <= Math.Min(lines[otherRow].Length - 1, column + 1); otherColumn++)
                    {
                        if (lines[otherRow][otherColumn] == b)
                        {
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }

    // 1 to 9 and then 0, as the row above the letters has them.
    private static int NumberRow(char digit) => digit == '0' ? 10 : digit - '0';

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
