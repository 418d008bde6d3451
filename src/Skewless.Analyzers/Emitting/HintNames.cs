namespace Skewless.Analyzers.Emitting;

/// <summary>The names of generated files, which Roslyn refuses (and then drops every generated file) for characters it does not allow.</summary>
internal static class HintNames
{
    /// <summary>
    /// <paramref name="typeName"/> with <paramref name="suffix"/>, written with letters, digits, '.', '_' and '-' only: a
    /// verbatim identifier (<c>Acme.@event</c>) keeps its '@' in a C# name, and a generic type being typed brings '&lt;'.
    /// </summary>
    public static string For(string typeName, string suffix) =>
        new string(typeName.Select(character => char.IsLetterOrDigit(character) || character is '.' or '_' or '-' ? character : '_').ToArray()) + suffix;
}
