using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Leakage.Lineage;
using Skewless.Analyzers.Leakage.Splits;
using Skewless.Analyzers.Parsing;

namespace Skewless.CodeFixes.Leakage;

/// <summary>
/// Fixes SKW203 and SKW204 on ML.NET's <c>TrainTestSplit</c> by splitting the rows with the feature
/// set's generated <c>SplitByGroup</c> or <c>SplitByTime</c> instead, and loading each side into a
/// data view where the split's <c>TrainSet</c> and <c>TestSet</c> were used:
/// <code>
/// var split = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(flights), testFraction: 0.2);   // before
/// var split = FlightFeatures.SplitByTime(flights, testFraction: 0.2);                         // after
/// … split.TrainSet …  →  … ml.Data.LoadFromEnumerable(split.Train) …
/// </code>
/// Offered only where that is the same program otherwise: the split is a local used only through
/// <c>TrainSet</c> and <c>TestSet</c>, its data was loaded straight from rows, and a feature set of
/// those rows has the generated method.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseDeterministicSplitCodeFix)), Shared]
public sealed class UseDeterministicSplitCodeFix : CodeFixProvider
{
    private const string DefaultTestFraction = "0.1";
    private const string SplitByTime = nameof(SplitByTime);
    private const string SplitByGroup = nameof(SplitByGroup);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.RandomGroupSplit, DiagnosticIds.RandomTimeSplit);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

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
            var byTime = diagnostic.Id == DiagnosticIds.RandomTimeSplit;
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation
                && Plan(invocation, model, byTime ? SplitByTime : SplitByGroup, context.CancellationToken) is { } plan)
            {
                var title = $"Split deterministically with {plan.Method}";
                context.RegisterCodeFix(
                    CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(Apply(root, plan))), equivalenceKey: diagnostic.Id),
                    diagnostic);
            }
        }
    }

    /// <summary>What to rewrite, or <see langword="null"/> when the rewrite would not keep the program's meaning.</summary>
    private static Rewrite? Plan(InvocationExpressionSyntax invocation, SemanticModel model, string generated, CancellationToken cancellationToken)
    {
        if (model.GetOperation(invocation, cancellationToken) is not IInvocationOperation { TargetMethod.Name: "TrainTestSplit" } split
            || RandomSplitAnalyzer.RandomMachineLearningSplit(split) is not { } data
            || invocation.Expression is not MemberAccessExpressionSyntax { Expression: var catalog } || !IsSimple(catalog)
            || invocation.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 } declaration
            || model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol local
            || Rows(data, model, cancellationToken) is not ({ } rows, { } rowType)
            || FeatureSetWith(model.Compilation, rowType, generated, cancellationToken) is not { } featureSet
            || Uses(declarator, local, model, cancellationToken) is not { } uses)
        {
            return null;
        }

        var fraction = split.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == "testFraction" && !argument.IsImplicit)?.Value.Syntax as ExpressionSyntax;
        return new Rewrite(invocation, declaration, catalog, rows, featureSet.ToMinimalDisplayString(model, invocation.SpanStart), generated, fraction, uses);
    }

    /// <summary>The rows the data was loaded from, when it was loaded straight from them: inline, or in a local assigned once.</summary>
    private static (ExpressionSyntax? Rows, ITypeSymbol? RowType) Rows(IOperation data, SemanticModel model, CancellationToken cancellationToken)
    {
        var symbols = new DataSymbols(model.Compilation);
        data = LocalLineage.Unconverted(data);
        if (data is ILocalReferenceOperation { Local: var local } && local.DeclaringSyntaxReferences.Length == 1
            && local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initializer } declarator
            && !IsReassigned(declarator, local, model, cancellationToken))
        {
            // The rows are written a second time, so they must be a plain name that reads the same.
            var loaded = model.GetOperation(initializer, cancellationToken) as IInvocationOperation;
            return loaded is not null && RandomSplitAnalyzer.LoadedRowType(loaded, symbols) is { } type && loaded.TargetMethod.Name == "LoadFromEnumerable"
                && loaded.Arguments.FirstOrDefault()?.Value.Syntax is ExpressionSyntax rows && IsSimple(rows)
                ? (rows, type)
                : (null, null);
        }

        return data is IInvocationOperation { TargetMethod.Name: "LoadFromEnumerable" } inline && RandomSplitAnalyzer.LoadedRowType(inline, symbols) is { } rowType
            && inline.Arguments.FirstOrDefault()?.Value.Syntax is ExpressionSyntax moved
            ? (moved, rowType)
            : (null, null);
    }

    /// <summary>
    /// The feature set of <paramref name="rowType"/> whose generated <paramref name="method"/> exists,
    /// decided by the generator's own parser, since the generated code may not be in this compilation yet.
    /// </summary>
    private static INamedTypeSymbol? FeatureSetWith(Compilation compilation, ITypeSymbol rowType, string method, CancellationToken cancellationToken)
    {
        if (KnownSymbols.TryCreate(compilation) is not { } symbols)
        {
            return null;
        }

        return compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type, cancellationToken)
            .OfType<INamedTypeSymbol>()
            .Where(type => KnownSymbols.Find(type, symbols.FeatureSetAttribute) is { ConstructorArguments: { Length: 1 } arguments }
                && SymbolEqualityComparer.Default.Equals(arguments[0].Value as ITypeSymbol, rowType)
                && (method == SplitByTime
                    ? FeatureSetParser.EventTimeOf(rowType, type, symbols, compilation) is not null
                    : FeatureSetParser.GroupKeyOf(rowType, type, symbols, compilation) is not null))
            .OrderBy(type => type.ToDisplayString(), StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>Every use of the split in its scope, each as <c>split.TrainSet</c> or <c>split.TestSet</c>; <see langword="null"/> if it is used any other way.</summary>
    private static List<(MemberAccessExpressionSyntax Access, string Side)>? Uses(VariableDeclaratorSyntax declarator, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
    {
        var uses = new List<(MemberAccessExpressionSyntax, string)>();
        foreach (var name in References(declarator, local, model, cancellationToken))
        {
            if (name.Parent is not MemberAccessExpressionSyntax access || access.Expression != name
                || access.Name.Identifier.ValueText is not ("TrainSet" or "TestSet"))
            {
                return null;
            }

            uses.Add((access, access.Name.Identifier.ValueText == "TrainSet" ? "Train" : "Test"));
        }

        return uses;
    }

    private static bool IsReassigned(VariableDeclaratorSyntax declarator, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken) =>
        References(declarator, local, model, cancellationToken).Any(name =>
            name.Parent is AssignmentExpressionSyntax assignment && assignment.Left == name
            || name.Parent is ArgumentSyntax { RefKindKeyword.RawKind: not 0 });

    private static IEnumerable<IdentifierNameSyntax> References(VariableDeclaratorSyntax declarator, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
    {
        var scope = declarator.FirstAncestorOrSelf<BlockSyntax>() ?? (SyntaxNode?)declarator.FirstAncestorOrSelf<CompilationUnitSyntax>();
        return scope is null
            ? Enumerable.Empty<IdentifierNameSyntax>()
            : scope.DescendantNodes().OfType<IdentifierNameSyntax>().Where(name =>
                name.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, local));
    }

    // A name or a chain of member accesses on names: writing it again reads the same thing.
    private static bool IsSimple(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax access => IsSimple(access.Expression),
        _ => false,
    };

    private static SyntaxNode Apply(SyntaxNode root, Rewrite plan)
    {
        var arguments = SyntaxFactory.SeparatedList(new[]
        {
            SyntaxFactory.Argument(plan.Rows.WithoutTrivia()),
            SyntaxFactory.Argument(plan.Fraction?.WithoutTrivia() ?? SyntaxFactory.ParseExpression(DefaultTestFraction))
                .WithNameColon(SyntaxFactory.NameColon("testFraction")),
        });
        var call = SyntaxFactory.InvocationExpression(SyntaxFactory.ParseExpression($"{plan.FeatureSet}.{plan.Method}"), SyntaxFactory.ArgumentList(arguments))
            .WithTriviaFrom(plan.Split);

        var replacements = new Dictionary<SyntaxNode, SyntaxNode> { [plan.Split] = call };
        if (!plan.Declaration.Type.IsVar)
        {
            replacements[plan.Declaration.Type] = SyntaxFactory.IdentifierName("var").WithTriviaFrom(plan.Declaration.Type);
        }

        foreach (var (access, side) in plan.Uses)
        {
            var loaded = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, plan.Catalog.WithoutTrivia(), SyntaxFactory.IdentifierName("LoadFromEnumerable")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(access.WithName(SyntaxFactory.IdentifierName(side)).WithoutTrivia()))));
            replacements[access] = loaded.WithTriviaFrom(access);
        }

        return root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
    }

    private sealed record Rewrite(
        InvocationExpressionSyntax Split,
        VariableDeclarationSyntax Declaration,
        ExpressionSyntax Catalog,
        ExpressionSyntax Rows,
        string FeatureSet,
        string Method,
        ExpressionSyntax? Fraction,
        List<(MemberAccessExpressionSyntax Access, string Side)> Uses);
}
