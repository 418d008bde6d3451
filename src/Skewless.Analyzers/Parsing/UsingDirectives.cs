using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Skewless.Analyzers.Parsing;

/// <summary>The using directives a file or namespace declaration brings into scope for the code inside it.</summary>
internal static class UsingDirectives
{
    public static SyntaxList<UsingDirectiveSyntax> Of(SyntaxNode scope) => scope switch
    {
        CompilationUnitSyntax unit => unit.Usings,
        BaseNamespaceDeclarationSyntax space => space.Usings,
        _ => default,
    };
}
