using Skewless.Analyzers.Model;
using Skewless.Analyzers.Skew.Clones;

namespace Skewless.Analyzers.Emitting;

/// <summary>
/// The names of generated files. Roslyn refuses a name with a character it does not allow, or one that equals another
/// ignoring case, and then drops every generated file of the project, so valid feature sets lose their code too.
/// </summary>
internal static class HintNames
{
    /// <summary>
    /// <paramref name="typeName"/> with <paramref name="suffix"/>, written with letters, digits, '.', '_' and '-' only: a
    /// verbatim identifier (<c>Acme.@event</c>) keeps its '@' in a C# name, and a generic type being typed brings '&lt;'.
    /// A name among <paramref name="clashing"/> also gets a hash of itself, which tells it from the others.
    /// </summary>
    public static string For(string typeName, string suffix, EquatableArray<string> clashing) =>
        Stem(typeName) + (clashing.Contains(typeName) ? "." + SearchKey.Format(SearchKey.Of(typeName)).Substring(0, 8) : "") + suffix;

    /// <summary>The names among a project's feature sets whose files would have the same name ignoring case; usually none.</summary>
    public static EquatableArray<string> Clashing(IEnumerable<string> typeNames) =>
        typeNames
            .Distinct(StringComparer.Ordinal)
            .GroupBy(Stem, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Skip(1).Any())
            .SelectMany(group => group)
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToEquatableArray();

    private static string Stem(string typeName) =>
        new(typeName.Select(character => char.IsLetterOrDigit(character) || character is '.' or '_' or '-' ? character : '_').ToArray());
}
