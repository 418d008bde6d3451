using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Skewless.Analyzers.Parsing;

/// <summary>
/// Builds the stable hash of a normalised definition. Syntax is reduced to its tokens, so
/// whitespace, comments and line endings never change the hash, while any change to a token does.
/// </summary>
internal sealed class DefinitionFingerprint
{
    private const string FormatTag = "skewless-definition-1";

    private readonly StringBuilder _text = new(FormatTag);

    public void Add(string label, string value) => _text.Append('\n').Append(label).Append(' ').Append(value);

    public void Add(string label, SyntaxNode node) => AddTokens(label, Tokens(node));

    /// <summary>Adds what <see cref="Tokens"/> read of a node, for a node whose tokens go into several fingerprints.</summary>
    public void AddTokens(string label, string tokens) => _text.Append('\n').Append(label).Append(tokens);

    /// <summary>A node's tokens, each after a space, without trivia.</summary>
    public static string Tokens(SyntaxNode node)
    {
        var text = new StringBuilder();
        foreach (var token in node.DescendantTokens(descendIntoTrivia: false))
        {
            text.Append(' ').Append(token.Text.Replace("\r\n", "\n"));
        }

        return text.ToString();
    }

    /// <summary>The first 64 bits of the SHA-256 of the normalised text, as 16 lowercase hex digits.</summary>
    public override string ToString()
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(_text.ToString()));
        var hex = new StringBuilder(16);
        for (var i = 0; i < 8; i++)
        {
            hex.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}
