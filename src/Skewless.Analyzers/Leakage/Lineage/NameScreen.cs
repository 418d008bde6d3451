using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Skewless.Analyzers.Leakage.Lineage;

/// <summary>
/// Which bodies an analysis needs to bind, by their tokens alone: a body passes when it names one of the names, or, for
/// names too common to bind every body that mentions them, one of them together with one of the names they are paired
/// with. The <see cref="Remainder"/> and <see cref="Accumulation"/> operators count as names.
/// </summary>
internal sealed class NameScreen
{
    public const string Remainder = "%";
    public const string Accumulation = "+=";

    // One table, so each token costs one lookup.
    private readonly Dictionary<string, Mention> _wanted = new(StringComparer.Ordinal);
    private readonly Func<string, bool>? _besideWhen;

    /// <param name="names">Names that pass a body on their own.</param>
    /// <param name="paired">Names that pass a body only together with one of the names beside them.</param>
    /// <param name="besideWhen">Identifiers that count as names beside the paired ones by their shape, such as every name that says it holds test rows.</param>
    public NameScreen(IEnumerable<string> names, (string[] Names, string[] Beside)? paired = null, Func<string, bool>? besideWhen = null)
    {
        _besideWhen = besideWhen;
        foreach (var name in names)
        {
            _wanted[name] = Mention.Enough;
        }

        if (paired is var (pairedNames, beside))
        {
            Add(pairedNames, Mention.Paired);
            Add(beside, Mention.Beside);
        }
    }

    [Flags]
    private enum Mention
    {
        None = 0,
        Enough = 1,
        Paired = 2,
        Beside = 4,
    }

    public bool Passes(SyntaxNode body)
    {
        var seen = Mention.None;
        foreach (var token in body.DescendantTokens())
        {
            if (!token.IsKind(SyntaxKind.IdentifierToken) && !token.IsKind(SyntaxKind.PercentToken) && !token.IsKind(SyntaxKind.PlusEqualsToken))
            {
                continue;
            }

            seen |= _wanted.TryGetValue(token.ValueText, out var mention) ? mention
                : _besideWhen?.Invoke(token.ValueText) == true ? Mention.Beside
                : Mention.None;
            if ((seen & Mention.Enough) != 0 || (seen & (Mention.Paired | Mention.Beside)) == (Mention.Paired | Mention.Beside))
            {
                return true;
            }
        }

        return false;
    }

    private void Add(IEnumerable<string> names, Mention mention)
    {
        foreach (var name in names)
        {
            _wanted[name] = _wanted.TryGetValue(name, out var known) ? known | mention : mention;
        }
    }
}
