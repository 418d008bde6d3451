namespace Skewless.Analyzers.Leakage.Splits;

/// <summary>A random split a helper makes of rows of its type parameter at <paramref name="TypeParameter"/>: how, in the words of the diagnostic, and for which rule.</summary>
internal readonly record struct HelperSplit(int TypeParameter, string How, bool ByTime);
