using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Skew.Culture;

namespace Skewless.CodeFixes.Skew;

/// <summary>
/// Fixes SKW303: passes <c>CultureInfo.InvariantCulture</c> to parsing and formatting (in place of the
/// current culture, where that was passed), wraps an interpolated string in
/// <c>FormattableString.Invariant</c>, calls <c>ToUpperInvariant</c>/<c>ToLowerInvariant</c>, passes
/// <c>StringComparison.Ordinal</c> or <c>StringComparer.Ordinal</c>, writes a date pattern with its standard
/// format, reads the invariant culture in place of the current one, or adds <c>RegexOptions.CultureInvariant</c>.
/// A rewritten call is offered only if it binds to an existing overload.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseInvariantCultureCodeFix)), Shared]
public sealed class UseInvariantCultureCodeFix : CodeFixProvider
{
    // One key for every kind of fix, so that Fix All fixes every SKW303 at once.
    private const string EquivalenceKey = nameof(UseInvariantCultureCodeFix);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CultureDependentFeature);

    /// <summary>
    /// Fixes a document's diagnostics one after another, innermost first, each on the code the fixes before it left: a
    /// batch of fixes computed on the original code drops one of two that insert at the same place, as
    /// <c>double.Parse($"{miles}")</c> does (the wrap's closing parenthesis and the culture argument), and needed a second pass.
    /// </summary>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // Marked first, so that each fix finds its node after the fixes inside it have rewritten what is around them.
        var marked = diagnostics
            .Where(diagnostic => diagnostic.Properties.ContainsKey(CultureSensitiveApis.FixProperty))
            .Select(diagnostic => (Diagnostic: diagnostic, Node: root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true), Mark: new SyntaxAnnotation()))
            .GroupBy(fix => fix.Node)
            .Select(fixes => fixes.First())
            .ToList();
        var marks = marked.ToDictionary(fix => fix.Node, fix => fix.Mark);
        document = document.WithSyntaxRoot(root.ReplaceNodes(marks.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(marks[original])));
        foreach (var (diagnostic, _, mark) in marked.OrderBy(fix => fix.Node.Span.Length))
        {
            var current = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (current?.GetAnnotatedNodes(mark).FirstOrDefault() is { } fixedNode && model is not null
                && Rewritten(fixedNode, diagnostic.Properties[CultureSensitiveApis.FixProperty]!, model, context.CancellationToken) is { } replacement)
            {
                document = await ReplaceAsync(document, fixedNode, replacement.Call, context.CancellationToken).ConfigureAwait(false);
            }
        }

        return document;
    });

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(CultureSensitiveApis.FixProperty, out var fix) || fix is null)
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (Rewritten(node, fix, model, context.CancellationToken) is { } replacement)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(replacement.Title, cancellationToken => ReplaceAsync(context.Document, node, replacement.Call, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    // The fix a diagnostic's property names, for the node it was reported at: its title and what replaces the node.
    private static (string Title, ExpressionSyntax Call)? Rewritten(SyntaxNode node, string fix, SemanticModel model, CancellationToken cancellationToken) => (node, fix) switch
    {
        (InterpolatedStringExpressionSyntax interpolation, CultureSensitiveApis.InvariantInterpolationFix) => ("Use FormattableString.Invariant", Invariant(interpolation)),
        (ExpressionSyntax expression, CultureSensitiveApis.InvariantOperandFix) => WithInvariantOperand(expression, model, cancellationToken),
        (ExpressionSyntax expression, CultureSensitiveApis.OrdinalComparerFix) => WithOrdinalComparer(expression, model, cancellationToken),
        (ExpressionSyntax read, CultureSensitiveApis.InvariantReadFix) => InvariantRead(read, model, cancellationToken),
        (ExpressionSyntax call, CultureSensitiveApis.CultureInvariantRegexFix) => WithCultureInvariantRegex(call, model, cancellationToken),
        (BaseObjectCreationExpressionSyntax creation, CultureSensitiveApis.OrdinalSortFix) =>
            ("Pass StringComparer.Ordinal", creation.WithArgumentList(WithOrdinalComparerLast(creation.ArgumentList ?? SyntaxFactory.ArgumentList()))),
        (InvocationExpressionSyntax invocation, _) => Rewrite(invocation, fix, model, cancellationToken),
        _ => null,
    };

    private static async Task<Document> ReplaceAsync(Document document, SyntaxNode node, ExpressionSyntax replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var fixedDocument = document.WithSyntaxRoot(root.ReplaceNode(node, replacement.WithTriviaFrom(node)));
        return await ImportAdder.AddImportsAsync(fixedDocument, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    // FormattableString.Invariant rather than string.Create(CultureInfo.InvariantCulture, ...), which .NET Standard 2.0 lacks.
    private static InvocationExpressionSyntax Invariant(InterpolatedStringExpressionSyntax interpolation) =>
        SyntaxFactory.InvocationExpression(
            Qualified("System.FormattableString.Invariant"),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(interpolation.WithoutTrivia()))));

    // "km " + miles, s += miles and builder.Append(miles): the number formatted first, with the invariant culture.
    private static (string, ExpressionSyntax)? WithInvariantOperand(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        IEnumerable<ExpressionSyntax> operands = expression switch
        {
            BinaryExpressionSyntax binary => new[] { binary.Left, binary.Right },
            AssignmentExpressionSyntax assignment => new[] { assignment.Right },
            // Append(value) and Insert(index, value): the value is last.
            InvocationExpressionSyntax { ArgumentList.Arguments: { Count: > 0 } arguments } => new[] { arguments[arguments.Count - 1].Expression },
            _ => Array.Empty<ExpressionSyntax>(),
        };
        var operand = operands.FirstOrDefault(candidate => CultureSensitiveApis.IsFormatted(model.GetTypeInfo(candidate, cancellationToken).Type));
        if (operand is null)
        {
            return null;
        }

        var formatted = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.ParenthesizedExpression(operand.WithoutTrivia()).WithAdditionalAnnotations(Simplifier.Annotation), SyntaxFactory.IdentifierName("ToString")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(Qualified("System.Globalization.CultureInfo.InvariantCulture")))));
        return ("Format it with CultureInfo.InvariantCulture", expression.ReplaceNode(operand, formatted.WithTriviaFrom(operand)));
    }

    // The options that ignore case by culture, or'd with CultureInvariant.
    private static (string, ExpressionSyntax)? WithCultureInvariantRegex(ExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken)
    {
        var arguments = call switch
        {
            InvocationExpressionSyntax invocation => invocation.ArgumentList.Arguments,
            BaseObjectCreationExpressionSyntax { ArgumentList: { } list } => list.Arguments,
            _ => default,
        };
        var options = arguments.FirstOrDefault(argument =>
            model.GetTypeInfo(argument.Expression, cancellationToken).Type?.Name == "RegexOptions"
            && CultureSensitiveApis.IgnoresCaseByCulture(model.GetConstantValue(argument.Expression, cancellationToken)));
        if (options is null)
        {
            return null;
        }

        var invariant = SyntaxFactory.BinaryExpression(
            SyntaxKind.BitwiseOrExpression,
            SyntaxFactory.ParenthesizedExpression(options.Expression.WithoutTrivia()).WithAdditionalAnnotations(Simplifier.Annotation),
            Qualified("System.Text.RegularExpressions.RegexOptions.CultureInvariant"));
        return ("Add RegexOptions.CultureInvariant", call.ReplaceNode(options.Expression, invariant.WithTriviaFrom(options.Expression)));
    }

    // A sort or sorted collection's comparer goes last.
    private static ArgumentListSyntax WithOrdinalComparerLast(ArgumentListSyntax arguments) =>
        arguments.AddArguments(SyntaxFactory.Argument(Qualified("System.StringComparer.Ordinal")));

    // The invariant counterpart of the current culture, or of its number or date formats, which have the same type; the
    // ordinal counterpart of a current-culture StringComparer or of Comparer<string>.Default.
    private static (string, ExpressionSyntax)? InvariantRead(ExpressionSyntax read, SemanticModel model, CancellationToken cancellationToken) =>
        (model.GetSymbolInfo(read, cancellationToken).Symbol as IPropertySymbol) switch
        {
            { Type.Name: "CultureInfo" } => ("Use CultureInfo.InvariantCulture", Qualified("System.Globalization.CultureInfo.InvariantCulture")),
            { Type.Name: "NumberFormatInfo" } => ("Use NumberFormatInfo.InvariantInfo", Qualified("System.Globalization.NumberFormatInfo.InvariantInfo")),
            { Type.Name: "DateTimeFormatInfo" } => ("Use DateTimeFormatInfo.InvariantInfo", Qualified("System.Globalization.DateTimeFormatInfo.InvariantInfo")),
            { Type.Name: "StringComparer", Name: "CurrentCulture" } or { Type.Name: "Comparer", Name: "Default" } => ("Use StringComparer.Ordinal", Qualified("System.StringComparer.Ordinal")),
            { Type.Name: "StringComparer", Name: "CurrentCultureIgnoreCase" } => ("Use StringComparer.OrdinalIgnoreCase", Qualified("System.StringComparer.OrdinalIgnoreCase")),
            _ => null,
        };

    // StringComparer.CurrentCulture becomes Ordinal, CurrentCultureIgnoreCase OrdinalIgnoreCase.
    private static (string, ExpressionSyntax)? WithOrdinalComparer(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        var arguments = expression switch
        {
            InvocationExpressionSyntax invocation => invocation.ArgumentList.Arguments,
            BaseObjectCreationExpressionSyntax { ArgumentList: { } list } => list.Arguments,
            _ => default,
        };
        var current = arguments
            .Select(argument => (Argument: argument, Comparer: model.GetOperation(argument.Expression, cancellationToken) is { } value ? CultureSensitiveApis.CurrentCultureComparer(value) : null))
            .Where(candidate => candidate.Comparer is not null)
            .ToDictionary(candidate => candidate.Argument, candidate => candidate.Comparer == "CurrentCultureIgnoreCase" ? "System.StringComparer.OrdinalIgnoreCase" : "System.StringComparer.Ordinal");
        if (current.Count == 0)
        {
            return null;
        }

        return ("Pass an ordinal StringComparer", expression.ReplaceNodes(current.Keys, (argument, _) =>
            argument.WithExpression(Qualified(current[argument]).WithTriviaFrom(argument.Expression))));
    }

    private static (string Title, ExpressionSyntax Call)? Rewrite(InvocationExpressionSyntax invocation, string? fix, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
        {
            return null;
        }

        switch (fix)
        {
            case CultureSensitiveApis.InvariantCaseFix when invocation.Expression is MemberAccessExpressionSyntax member:
                var name = method.Name + "Invariant";
                return ($"Use {name}()", invocation.WithExpression(member.WithName(SyntaxFactory.IdentifierName(name))));
            case CultureSensitiveApis.FormatProviderFix:
                return FirstThatBinds("Pass CultureInfo.InvariantCulture", invocation, model, WithFormatProvider(invocation, method));
            case CultureSensitiveApis.InvariantCultureFix:
                return ("Pass CultureInfo.InvariantCulture", WithInvariantCulture(invocation, model, cancellationToken));
            case CultureSensitiveApis.OrdinalFix:
                return FirstThatBinds("Pass StringComparison.Ordinal", invocation, model, WithOrdinal(invocation, method, model, cancellationToken));
            case CultureSensitiveApis.OrdinalSortFix:
                return FirstThatBinds("Pass StringComparer.Ordinal", invocation, model, new[] { invocation.WithArgumentList(WithOrdinalComparerLast(invocation.ArgumentList)) });
            case CultureSensitiveApis.InvariantPatternFix when invocation.Expression is MemberAccessExpressionSyntax member
                && CultureSensitiveApis.PatternFormats.TryGetValue(method.Name, out var format):
                var formatted = invocation
                    .WithExpression(member.WithName(SyntaxFactory.IdentifierName(nameof(ToString))))
                    .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
                    {
                        SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(format))),
                        SyntaxFactory.Argument(Qualified("System.Globalization.CultureInfo.InvariantCulture")),
                    })));
                return FirstThatBinds($"Use ToString(\"{format}\", CultureInfo.InvariantCulture)", invocation, model, new[] { formatted });
            default:
                return null;
        }
    }

    private static (string, ExpressionSyntax)? FirstThatBinds(string title, InvocationExpressionSyntax original, SemanticModel model, IEnumerable<InvocationExpressionSyntax> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (model.GetSpeculativeSymbolInfo(original.SpanStart, candidate, SpeculativeBindingOption.BindAsExpression).Symbol is IMethodSymbol)
            {
                return (title, candidate);
            }
        }

        return null;
    }

    // A null provider is replaced; otherwise the provider goes before any trailing out argument, then,
    // for TryParse overloads that also want styles, with the default styles of the type.
    private static IEnumerable<InvocationExpressionSyntax> WithFormatProvider(InvocationExpressionSyntax invocation, IMethodSymbol method)
    {
        var arguments = invocation.ArgumentList.Arguments;
        var provider = SyntaxFactory.Argument(Qualified("System.Globalization.CultureInfo.InvariantCulture"));
        var nullProvider = arguments.FirstOrDefault(argument => argument.Expression.IsKind(SyntaxKind.NullLiteralExpression));
        if (nullProvider is not null)
        {
            yield return invocation.ReplaceNode(nullProvider, provider);
            yield break;
        }

        // string.Format and StringBuilder.AppendFormat take the provider first; added last, it would become one more value to format.
        if (method.Name is "Format" or "AppendFormat")
        {
            yield return invocation.WithArgumentList(invocation.ArgumentList.WithArguments(arguments.Insert(0, provider)));
            yield break;
        }

        var position = arguments.Count;
        while (position > 0 && arguments[position - 1].RefKindKeyword.IsKind(SyntaxKind.OutKeyword))
        {
            position--;
        }

        yield return invocation.WithArgumentList(invocation.ArgumentList.WithArguments(arguments.Insert(position, provider)));

        // Number styles come before the provider, date styles after it.
        var dates = method.ContainingType.SpecialType == SpecialType.System_DateTime || method.ContainingType.Name == "DateTimeOffset";
        var styles = SyntaxFactory.Argument(dates ? Qualified("System.Globalization.DateTimeStyles.None") : method.ContainingType.SpecialType switch
        {
            SpecialType.System_Single or SpecialType.System_Double => SyntaxFactory.BinaryExpression(
                SyntaxKind.BitwiseOrExpression, Qualified("System.Globalization.NumberStyles.Float"), Qualified("System.Globalization.NumberStyles.AllowThousands")),
            SpecialType.System_Decimal => Qualified("System.Globalization.NumberStyles.Number"),
            _ => Qualified("System.Globalization.NumberStyles.Integer"),
        });
        yield return invocation.WithArgumentList(invocation.ArgumentList.WithArguments(
            dates ? arguments.Insert(position, styles).Insert(position, provider) : arguments.Insert(position, provider).Insert(position, styles)));
    }

    // The same overload, given the invariant culture wherever it was given the current one.
    private static InvocationExpressionSyntax WithInvariantCulture(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        var current = invocation.ArgumentList.Arguments.Where(argument =>
            model.GetOperation(argument.Expression, cancellationToken) is { } value && CultureSensitiveApis.IsCurrentCulture(value));
        return invocation.ReplaceNodes(current, (argument, _) => argument.WithExpression(Qualified("System.Globalization.CultureInfo.InvariantCulture").WithTriviaFrom(argument.Expression)));
    }

    // string.Compare(a, b, ignoreCase) keeps its meaning with OrdinalIgnoreCase, and so does a
    // current-culture comparison that ignores case; everything else gets Ordinal.
    private static IEnumerable<InvocationExpressionSyntax> WithOrdinal(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
    {
        var arguments = invocation.ArgumentList.Arguments;
        foreach (var argument in arguments)
        {
            if (model.GetTypeInfo(argument.Expression, cancellationToken).Type?.ToDisplayString() == "System.StringComparison"
                && model.GetConstantValue(argument.Expression, cancellationToken) is { HasValue: true, Value: int comparison }
                && comparison is (int)StringComparison.CurrentCulture or (int)StringComparison.CurrentCultureIgnoreCase)
            {
                var ordinal = comparison == (int)StringComparison.CurrentCulture ? "System.StringComparison.Ordinal" : "System.StringComparison.OrdinalIgnoreCase";
                yield return invocation.ReplaceNode(argument, argument.WithExpression(Qualified(ordinal)));
                yield break;
            }
        }

        var ignoreCase = method.Parameters.FirstOrDefault(parameter => parameter.Type.SpecialType == SpecialType.System_Boolean);
        if (ignoreCase is not null && ignoreCase.Ordinal < arguments.Count)
        {
            var argument = arguments[ignoreCase.Ordinal];
            ExpressionSyntax comparison = argument.Expression.Kind() switch
            {
                SyntaxKind.TrueLiteralExpression => Qualified("System.StringComparison.OrdinalIgnoreCase"),
                SyntaxKind.FalseLiteralExpression => Qualified("System.StringComparison.Ordinal"),
                _ => SyntaxFactory.ConditionalExpression(argument.Expression, Qualified("System.StringComparison.OrdinalIgnoreCase"), Qualified("System.StringComparison.Ordinal")),
            };
            yield return invocation.ReplaceNode(argument, SyntaxFactory.Argument(comparison));
            yield break;
        }

        yield return invocation.WithArgumentList(invocation.ArgumentList.WithArguments(arguments.Add(SyntaxFactory.Argument(Qualified("System.StringComparison.Ordinal")))));
    }

    private static ExpressionSyntax Qualified(string name) =>
        SyntaxFactory.ParseExpression("global::" + name).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
}
