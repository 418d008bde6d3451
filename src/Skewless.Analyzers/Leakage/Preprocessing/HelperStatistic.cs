namespace Skewless.Analyzers.Leakage.Preprocessing;

/// <summary>A statistic a helper of the project takes of its parameter at <paramref name="Parameter"/>, named as the message names it.</summary>
internal readonly record struct HelperStatistic(int Parameter, string Name);
