using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Skewless.Analyzers.Leakage.Lineage;

/// <summary>
/// Runs a method-local analysis only on the code blocks that can matter to it. An operation block
/// action would make the compiler bind every body of the project a second time, for its semantic
/// model, before the analysis could look; a code block action gets the syntax first, and a body
/// that names none of the methods the analysis looks for is never bound.
/// </summary>
internal static class MentioningBlocks
{
    /// <summary>The remainder operator, which a screen can name beside identifiers.</summary>
    public const string Remainder = "%";

    /// <summary>
    /// Calls <paramref name="analyze"/> with the operations of each code block in which one of
    /// <paramref name="names"/> appears as an identifier (or as the <see cref="Remainder"/> operator), and the block's diagnostic sink; not for
    /// the blocks of members <paramref name="skip"/> rules out. <paramref name="moreNames"/>, when given, adds names only
    /// known once the compilation has been looked at, such as the project's own methods that matter.
    /// <paramref name="paired"/>, when given, adds names too common to bind every body that mentions them: they count
    /// only in a block that also mentions one of <c>Beside</c>.
    /// </summary>
    public static void Register(
        CompilationStartAnalysisContext context,
        string[] names,
        Action<ImmutableArray<IOperation>, Action<Diagnostic>, CancellationToken> analyze,
        Func<ISymbol, bool>? skip = null,
        Func<HashSet<string>>? moreNames = null,
        (string[] Names, string[] Beside)? paired = null)
    {
        // One table for the whole compilation, so each token costs one lookup.
        var wanted = new Lazy<Dictionary<string, Mention>>(() =>
        {
            var all = new Dictionary<string, Mention>(StringComparer.Ordinal);
            foreach (var name in names.Concat(moreNames?.Invoke() ?? Enumerable.Empty<string>()))
            {
                all[name] = Mention.Enough;
            }

            foreach (var (pairedNames, mention) in paired is { } pair ? new[] { (pair.Names, Mention.Paired), (pair.Beside, Mention.Beside) } : Array.Empty<(string[], Mention)>())
            {
                foreach (var name in pairedNames)
                {
                    all[name] = all.TryGetValue(name, out var known) ? known | mention : mention;
                }
            }

            return all;
        });
        context.RegisterCodeBlockAction(block =>
        {
            if (skip?.Invoke(block.OwningSymbol) == true || !Mentions(block.CodeBlock, wanted.Value))
            {
                return;
            }

            if (block.SemanticModel.GetOperation(block.CodeBlock, block.CancellationToken) is { } operation)
            {
                analyze(ImmutableArray.Create(operation), block.ReportDiagnostic, block.CancellationToken);
            }
        });
    }

    private static bool Mentions(SyntaxNode block, Dictionary<string, Mention> wanted)
    {
        var seen = Mention.None;
        foreach (var token in block.DescendantTokens())
        {
            if ((token.IsKind(SyntaxKind.IdentifierToken) || token.IsKind(SyntaxKind.PercentToken)) && wanted.TryGetValue(token.ValueText, out var mention))
            {
                seen |= mention;
                if ((seen & Mention.Enough) != 0 || (seen & (Mention.Paired | Mention.Beside)) == (Mention.Paired | Mention.Beside))
                {
                    return true;
                }
            }
        }

        return false;
    }

    [Flags]
    private enum Mention
    {
        None = 0,
        Enough = 1,
        Paired = 2,
        Beside = 4,
    }
}
