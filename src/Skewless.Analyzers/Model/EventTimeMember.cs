namespace Skewless.Analyzers.Model;

/// <summary>The input's <c>[EventTime]</c> member, which the generated <c>SplitByTime</c> reads.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Type">The member's type, fully qualified with <c>global::</c>.</param>
internal sealed record EventTimeMember(string Name, string Type);
