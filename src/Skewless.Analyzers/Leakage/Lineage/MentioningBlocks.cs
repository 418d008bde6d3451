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
    /// <summary>
    /// Calls <paramref name="analyze"/> with the operations of each code block in which one of
    /// <paramref name="names"/> appears as an identifier, and the block's diagnostic sink; not for
    /// the blocks of members <paramref name="skip"/> rules out. <paramref name="moreNames"/>, when given, adds names only
    /// known once the compilation has been looked at, such as the project's own methods that matter.
    /// </summary>
    public static void Register(
        CompilationStartAnalysisContext context,
        string[] names,
        Action<ImmutableArray<IOperation>, Action<Diagnostic>, CancellationToken> analyze,
        Func<ISymbol, bool>? skip = null,
        Func<HashSet<string>>? moreNames = null)
    {
        // One set for the whole compilation, so each token costs one lookup.
        var wanted = new Lazy<HashSet<string>>(() =>
        {
            var all = new HashSet<string>(names, StringComparer.Ordinal);
            all.UnionWith(moreNames?.Invoke() ?? Enumerable.Empty<string>());
            return all;
        });
        context.RegisterCodeBlockAction(block =>
        {
            var mentioned = wanted.Value;
            if (skip?.Invoke(block.OwningSymbol) == true || !block.CodeBlock.DescendantTokens().Any(token => token.IsKind(SyntaxKind.IdentifierToken) && mentioned.Contains(token.ValueText)))
            {
                return;
            }

            if (block.SemanticModel.GetOperation(block.CodeBlock, block.CancellationToken) is { } operation)
            {
                analyze(ImmutableArray.Create(operation), block.ReportDiagnostic, block.CancellationToken);
            }
        });
    }
}
