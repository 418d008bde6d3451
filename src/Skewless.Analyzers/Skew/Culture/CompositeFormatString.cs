using System.Globalization;

namespace Skewless.Analyzers.Skew.Culture;

/// <summary>The holes of a composite format string, as <c>string.Format</c> reads them: <c>{index[,alignment][:format]}</c>.</summary>
internal static class CompositeFormatString
{
    /// <summary>Each hole's value index and format (null when it has none), or null when the text is not a valid composite format.</summary>
    public static List<(int Index, string? Format)>? Holes(string text)
    {
        var holes = new List<(int Index, string? Format)>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '}')
            {
                if (++i == text.Length || text[i] != '}')
                {
                    return null;
                }

                continue;
            }

            if (c != '{')
            {
                continue;
            }

            if (++i < text.Length && text[i] == '{')
            {
                continue;
            }

            var close = text.IndexOf('}', i);
            if (close < 0)
            {
                return null;
            }

            var hole = text.Substring(i, close - i);
            var colon = hole.IndexOf(':');
            var indexAndAlignment = colon < 0 ? hole : hole.Substring(0, colon);
            var comma = indexAndAlignment.IndexOf(',');
            var digits = (comma < 0 ? indexAndAlignment : indexAndAlignment.Substring(0, comma)).TrimEnd();
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                return null;
            }

            holes.Add((index, colon < 0 || colon == hole.Length - 1 ? null : hole.Substring(colon + 1)));
            i = close;
        }

        return holes;
    }
}
