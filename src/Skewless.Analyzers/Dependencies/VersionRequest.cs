namespace Skewless.Analyzers.Dependencies;

/// <summary>How a requested NuGet version constrains what restore picks.</summary>
internal enum VersionRequestKind
{
    /// <summary>Nothing Skewless judges: empty, malformed, or without an inclusive lower bound (NuGet's own NU1604 covers that).</summary>
    Unjudged,

    /// <summary>A plain version such as <c>1.2.3</c>, or <c>[1.2.3, )</c>: restore takes the lowest available version at or above it, the same every time.</summary>
    Minimum,

    /// <summary><c>[1.2.3]</c> or <c>[1.2.3, 1.2.3]</c>.</summary>
    Exact,

    /// <summary>A range with an upper bound, such as <c>[1.0, 2.0)</c>.</summary>
    Range,

    /// <summary>A floating version: <c>*</c>, <c>1.*</c>, <c>6.0.*</c>, <c>1.2.3-*</c>, <c>*-*</c>, <c>[1.0.*, )</c>.</summary>
    Floating,
}

/// <summary>Classifies the text of a requested NuGet version or version range, without NuGet's libraries (they would have to load in the compiler).</summary>
internal static class VersionRequest
{
    /// <summary>
    /// A requested version as people write it: restore records a plain or floating version <c>5.*</c> as the range
    /// <c>[5.*, )</c>, which is what it means, but not what anyone wrote.
    /// </summary>
    public static string AsWritten(string text)
    {
        text = text.Trim();
        return text.StartsWith("[", StringComparison.Ordinal) && text.EndsWith(", )", StringComparison.Ordinal) && text.IndexOf(',') == text.Length - 3
            ? text.Substring(1, text.Length - 4)
            : text;
    }

    public static VersionRequestKind Classify(string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text!.Contains("$("))
        {
            return VersionRequestKind.Unjudged;
        }

        // NuGet only accepts '*' in the floating part of a lower bound, so any '*' floats (or fails
        // restore outright, which NuGet reports itself).
        if (text.IndexOf('*') >= 0)
        {
            return VersionRequestKind.Floating;
        }

        var first = text[0];
        if (first != '[' && first != '(')
        {
            return IsVersion(text) ? VersionRequestKind.Minimum : VersionRequestKind.Unjudged;
        }

        var last = text[text.Length - 1];
        if (first != '[' || (last != ']' && last != ')'))
        {
            // An exclusive or missing lower bound: NU1604.
            return VersionRequestKind.Unjudged;
        }

        var inner = text.Substring(1, text.Length - 2);
        var comma = inner.IndexOf(',');
        if (comma < 0)
        {
            return last == ']' && IsVersion(inner.Trim()) ? VersionRequestKind.Exact : VersionRequestKind.Unjudged;
        }

        var lower = inner.Substring(0, comma).Trim();
        var upper = inner.Substring(comma + 1).Trim();
        if (!IsVersion(lower))
        {
            return VersionRequestKind.Unjudged;
        }

        if (upper.Length == 0)
        {
            return VersionRequestKind.Minimum;
        }

        if (!IsVersion(upper))
        {
            return VersionRequestKind.Unjudged;
        }

        return last == ']' && SameVersion(lower, upper) ? VersionRequestKind.Exact : VersionRequestKind.Range;
    }

    /// <summary>Whether two version strings name the same version, ignoring trailing zero parts and build metadata (<c>1.0</c> is <c>1.0.0.0</c>).</summary>
    public static bool SameVersion(string left, string right) =>
        string.Equals(Normalize(left), Normalize(right), StringComparison.OrdinalIgnoreCase);

    /// <summary><c>1.2.3</c>, <c>1.2.3.4</c>, <c>1.2.3-beta.1</c>, with optional build metadata after '+'.</summary>
    public static bool IsVersion(string text)
    {
        var core = StripMetadata(text);
        var dash = core.IndexOf('-');
        var numbers = dash < 0 ? core : core.Substring(0, dash);
        if (dash >= 0 && dash == core.Length - 1)
        {
            return false;
        }

        var parts = numbers.Split('.');
        if (parts.Length is < 1 or > 4)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length == 0 || !part.All(char.IsDigit))
            {
                return false;
            }
        }

        return true;
    }

    private static string Normalize(string version)
    {
        var core = StripMetadata(version.Trim());
        var dash = core.IndexOf('-');
        var numbers = (dash < 0 ? core : core.Substring(0, dash)).Split('.').Select(part => part.TrimStart('0')).ToList();
        while (numbers.Count < 4)
        {
            numbers.Add("");
        }

        return string.Join(".", numbers) + (dash < 0 ? "" : core.Substring(dash));
    }

    private static string StripMetadata(string text)
    {
        var plus = text.IndexOf('+');
        return plus < 0 ? text : text.Substring(0, plus);
    }
}
