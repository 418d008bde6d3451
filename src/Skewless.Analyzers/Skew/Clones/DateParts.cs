using Microsoft.CodeAnalysis;

namespace Skewless.Analyzers.Skew.Clones;

/// <summary>
/// The parts of a date or time value (<c>Month</c>, <c>DayOfYear</c>, <c>TotalDays</c>, ...). Reading one part where the
/// feature reads another of the same value is a copy-edit slip (<c>d.Month / 366f</c> for <c>d.DayOfYear / 366f</c>), so
/// both the search key and the shape leave the part out as they leave out numbers, and SKW301 tells the two apart.
/// </summary>
internal static class DateParts
{
    /// <summary>Whether a member of this name may be a part: the search key, from syntax, cannot tell which type it is of.</summary>
    public static bool IsPartName(string name) => name switch
    {
        "Year" or "Month" or "Day" or "DayOfYear" or "DayOfWeek" or "DayNumber" or "Hour" or "Minute" or "Second" or "Millisecond"
            or "Microsecond" or "Nanosecond" or "Ticks" or "UtcTicks" or "Days" or "Hours" or "Minutes" or "Seconds" or "Milliseconds"
            or "Microseconds" or "Nanoseconds" or "TotalDays" or "TotalHours" or "TotalMinutes" or "TotalSeconds" or "TotalMilliseconds"
            or "TotalMicroseconds" or "TotalNanoseconds" => true,
        _ => false,
    };

    /// <summary>Whether <paramref name="property"/> is a part of a <c>DateTime</c>, <c>DateTimeOffset</c>, <c>DateOnly</c>, <c>TimeOnly</c> or <c>TimeSpan</c>.</summary>
    public static bool IsPart(IPropertySymbol property) =>
        !property.IsStatic && IsPartName(property.Name)
        && property.ContainingType is { Name: "DateTime" or "DateTimeOffset" or "DateOnly" or "TimeOnly" or "TimeSpan", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    /// <summary>Whether a value left out of a shape is a part rather than a number, which is displayed starting with a digit or a sign.</summary>
    public static bool IsPartValue(string value) => value.Length > 0 && char.IsLetter(value[0]);
}
