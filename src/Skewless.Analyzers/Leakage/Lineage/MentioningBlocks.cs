using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Skewless.Analyzers.Leakage.Lineage;

/// <summary>
/// Runs a method-local analysis only on the code blocks that can matter to it. An operation block
/// action would make the compiler bind every body of the project a second time, for its semantic
/// model, before the analysis could look; a code block action gets the syntax first, and a body
/// that the screen does not pass is never bound.
/// </summary>
internal static class MentioningBlocks
{
    /// <summary>
    /// Calls <paramref name="analyze"/> with the operations of each code block that <paramref name="screen"/> passes, and
    /// the block's diagnostic sink; not for the blocks of members <paramref name="skip"/> rules out. The screen is made
    /// once per compilation, when the first block is looked at, so it can hold names only known once the compilation
    /// has been looked at, such as the project's own methods that matter.
    /// </summary>
    public static void Register(
        CompilationStartAnalysisContext context,
        Func<NameScreen> screen,
        Action<ImmutableArray<IOperation>, Action<Diagnostic>, CancellationToken> analyze,
        Func<ISymbol, bool>? skip = null)
    {
        var made = new Lazy<NameScreen>(screen);
        context.RegisterCodeBlockAction(block =>
        {
            if (skip?.Invoke(block.OwningSymbol) == true || !made.Value.Passes(block.CodeBlock))
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
