using Microsoft.CodeAnalysis;

namespace Skewless.Analyzers.Parsing;

/// <summary>
/// Code a source generator wrote, which every rule reads past. The generator cannot see its own output, so the analyzers
/// must not either, or they would fingerprint another definition than the generator did; and its members (the generated
/// half of a feature set, its <c>Fit</c> and <c>Transform</c>) would look like calls out, helpers or copies. Every hint
/// name Skewless's emitters give ends in <c>.g.cs</c>, as generators' outputs conventionally do.
/// </summary>
internal static class GeneratedCode
{
    public static bool Contains(SyntaxTree tree) => tree.FilePath.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase);
}
