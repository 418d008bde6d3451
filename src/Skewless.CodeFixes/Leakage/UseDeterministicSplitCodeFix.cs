using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Leakage.Lineage;
using Skewless.Analyzers.Leakage.Splits;
using Skewless.Analyzers.Parsing;

namespace Skewless.CodeFixes.Leakage;

/// <summary>
/// Fixes SKW203 and SKW204 on ML.NET's <c>TrainTestSplit</c> by splitting the rows with the feature
/// set's generated <c>SplitByTimeAndGroup</c>, <c>SplitByGroup</c> or <c>SplitByTime</c> instead, and
/// loading each side into a data view where the split's <c>TrainSet</c> and <c>TestSet</c> were used:
/// <code>
/// var split = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(flights), testFraction: 0.2);   // before
/// var split = FlightFeatures.SplitByTime(flights, testFraction: 0.2);                         // after
/// … split.TrainSet …  →  … ml.Data.LoadFromEnumerable(split.Train) …
/// </code>
/// Rows with both a group key and an event time get <c>SplitByTimeAndGroup</c> from either rule's fix,
/// as a split along one axis is still random along the other; for the same reason a generated
/// <c>SplitByTime</c> or <c>SplitByGroup</c> of such rows becomes <c>SplitByTimeAndGroup</c>, and a <c>FoldsByTime</c>
/// or <c>FoldsByGroup</c> becomes <c>FoldsByTimeAndGroup</c>. A local
/// that only loaded the rows for the replaced split is removed with it.
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
    private const string SplitByTimeAndGroup = nameof(SplitByTimeAndGroup);
    private const string FoldsByTime = nameof(FoldsByTime);
    private const string FoldsByGroup = nameof(FoldsByGroup);
    private const string FoldsByTimeAndGroup = nameof(FoldsByTimeAndGroup);

    // One key for every split method: Fix All then splits every reported split deterministically,
    // each with the method its rows allow, and a split reported by both rules is rewritten once.
    private const string EquivalenceKey = nameof(UseDeterministicSplitCodeFix);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.RandomGroupSplit, DiagnosticIds.RandomTimeSplit);

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var plans = diagnostics
            .GroupBy(diagnostic => root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true))
            .Select(split => split.Key is InvocationExpressionSyntax invocation
                ? split.Select(diagnostic => Plan(invocation, diagnostic.Id, model, context.CancellationToken)).FirstOrDefault(plan => plan is not null)
                : null)
            .OfType<Rewrite>()
            .ToList();
        return plans.Count == 0 ? document : await ApplyAsync(document, plans, context.CancellationToken).ConfigureAwait(false);
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
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation
                && Plan(invocation, diagnostic.Id, model, context.CancellationToken) is { } plan)
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Split deterministically with {plan.Method}", cancellationToken => ApplyAsync(context.Document, new[] { plan }, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>What to rewrite for the diagnostic <paramref name="id"/> on <paramref name="invocation"/>, or <see langword="null"/> when the rewrite would not keep the program's meaning.</summary>
    private static Rewrite? Plan(InvocationExpressionSyntax invocation, string id, SemanticModel model, CancellationToken cancellationToken) =>
        (model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation ? PlanMachineLearningSplit(invocation, operation, id, model, cancellationToken) : null)
        ?? (Rewrite?)PlanOneAxisSplit(invocation, model, cancellationToken);

    private static ReplaceSplit? PlanMachineLearningSplit(InvocationExpressionSyntax invocation, IInvocationOperation split, string id, SemanticModel model, CancellationToken cancellationToken)
    {
        if (split.TargetMethod.Name != "TrainTestSplit"
            || RandomSplitAnalyzer.RandomMachineLearningSplit(split) is not { } data
            || invocation.Expression is not MemberAccessExpressionSyntax { Expression: var catalog } || !IsSimple(catalog)
            || invocation.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 } declaration
            || model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol local
            || Rows(data, model, cancellationToken) is not { } loaded
            || Uses(declarator, local, model, cancellationToken) is not { } uses)
        {
            return null;
        }

        // Rows with both members need both axes; otherwise the axis of the rule being fixed.
        var single = id == DiagnosticIds.RandomTimeSplit ? SplitByTime : SplitByGroup;
        var (featureSet, method) = FeatureSetWith(model.Compilation, loaded.RowType, SplitByTimeAndGroup, cancellationToken) is { } both
            ? (both, SplitByTimeAndGroup)
            : (FeatureSetWith(model.Compilation, loaded.RowType, single, cancellationToken), single);
        if (featureSet is null)
        {
            return null;
        }

        var fraction = split.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == "testFraction" && !argument.IsImplicit)?.Value.Syntax as ExpressionSyntax;
        return new ReplaceSplit(invocation, method, declaration, catalog, loaded, featureSet.ToMinimalDisplayString(model, invocation.SpanStart), fraction, uses);
    }

    /// <summary>
    /// A generated <c>SplitByTime</c> or <c>SplitByGroup</c> by a fraction, or <c>FoldsByTime</c> or <c>FoldsByGroup</c>, of
    /// rows whose feature set also has <c>SplitByTimeAndGroup</c> and <c>FoldsByTimeAndGroup</c>: the same call by the other
    /// name. Read from the syntax and the feature set's attribute, since a fix's compilation may not hold the generated
    /// methods to bind to.
    /// </summary>
    private static RenameSplit? PlanOneAxisSplit(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken) =>
        invocation.Expression is MemberAccessExpressionSyntax { Name: IdentifierNameSyntax { Identifier.ValueText: var name }, Expression: var receiver }
        && (name is SplitByTime or SplitByGroup or FoldsByTime or FoldsByGroup)
        && invocation.ArgumentList.Arguments.Count == 2
        && model.GetTypeInfo(invocation.ArgumentList.Arguments[1].Expression, cancellationToken).Type?.SpecialType == (name.StartsWith("Folds", StringComparison.Ordinal) ? SpecialType.System_Int32 : SpecialType.System_Double)
        && model.GetSymbolInfo(receiver, cancellationToken).Symbol is INamedTypeSymbol featureSet
        && KnownSymbols.TryCreate(model.Compilation) is { } symbols
        && FeatureSetParser.GeneratesSplit(featureSet, byTime: true, symbols, model.Compilation, cancellationToken)
        && FeatureSetParser.GeneratesSplit(featureSet, byTime: false, symbols, model.Compilation, cancellationToken)
            ? new RenameSplit(invocation, name.StartsWith("Folds", StringComparison.Ordinal) ? FoldsByTimeAndGroup : SplitByTimeAndGroup)
            : null;

    /// <summary>The rows the data was loaded from, when it was loaded straight from them: inline, or in a local assigned once.</summary>
    private static LoadedRows? Rows(IOperation data, SemanticModel model, CancellationToken cancellationToken)
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
                ? new LoadedRows(rows, type, new LoadLocal(declarator, References(declarator, local, model, cancellationToken).Count()))
                : null;
        }

        return data is IInvocationOperation { TargetMethod.Name: "LoadFromEnumerable" } inline && RandomSplitAnalyzer.LoadedRowType(inline, symbols) is { } rowType
            && inline.Arguments.FirstOrDefault()?.Value.Syntax is ExpressionSyntax moved
            ? new LoadedRows(moved, rowType, null)
            : null;
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

        return FeatureSetTypes.Of(compilation, symbols, cancellationToken)
            .Where(pair => SymbolEqualityComparer.Default.Equals(pair.Rows, rowType)
                && (method == SplitByGroup || FeatureSetParser.GeneratesSplit(pair.FeatureSet, byTime: true, symbols, compilation, cancellationToken))
                && (method == SplitByTime || FeatureSetParser.GeneratesSplit(pair.FeatureSet, byTime: false, symbols, compilation, cancellationToken)))
            .Select(pair => pair.FeatureSet)
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

    private static async Task<Document> ApplyAsync(Document document, IEnumerable<Rewrite> plans, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var rewritten = plans.ToList();
        foreach (var plan in rewritten)
        {
            plan.Apply(editor);
        }

        // A local that loaded the rows only for the splits replaced here is dead now.
        var loads = rewritten.OfType<ReplaceSplit>().Select(plan => plan.Loaded.Load).OfType<LoadLocal>().GroupBy(load => load.Declarator);
        foreach (var load in loads)
        {
            if (load.Count() == load.First().References
                && load.Key.Parent is VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax statement })
            {
                editor.RemoveNode(statement.Parent is GlobalStatementSyntax global ? global : statement);
            }
        }

        return editor.GetChangedDocument();
    }

    /// <summary>A split to rewrite into a call of the generated <paramref name="Method"/>.</summary>
    private abstract record Rewrite(InvocationExpressionSyntax Split, string Method)
    {
        public abstract void Apply(DocumentEditor editor);
    }

    /// <summary>A generated split called by the name of the split that honours both axes, with the same arguments.</summary>
    private sealed record RenameSplit(InvocationExpressionSyntax Split, string Method) : Rewrite(Split, Method)
    {
        public override void Apply(DocumentEditor editor)
        {
            var name = ((MemberAccessExpressionSyntax)Split.Expression).Name;
            editor.ReplaceNode(name, SyntaxFactory.IdentifierName(Method).WithTriviaFrom(name));
        }
    }

    /// <summary>An ML.NET split replaced by a generated one of the rows, with each side it was used through loaded as data.</summary>
    private sealed record ReplaceSplit(
        InvocationExpressionSyntax Split,
        string Method,
        VariableDeclarationSyntax Declaration,
        ExpressionSyntax Catalog,
        LoadedRows Loaded,
        string FeatureSet,
        ExpressionSyntax? Fraction,
        List<(MemberAccessExpressionSyntax Access, string Side)> Uses) : Rewrite(Split, Method)
    {
        public override void Apply(DocumentEditor editor)
        {
            var arguments = SyntaxFactory.SeparatedList(new[]
            {
                SyntaxFactory.Argument(Loaded.Rows.WithoutTrivia()),
                SyntaxFactory.Argument(Fraction?.WithoutTrivia() ?? SyntaxFactory.ParseExpression(DefaultTestFraction))
                    .WithNameColon(SyntaxFactory.NameColon("testFraction")),
            });
            editor.ReplaceNode(Split, SyntaxFactory.InvocationExpression(SyntaxFactory.ParseExpression($"{FeatureSet}.{Method}"), SyntaxFactory.ArgumentList(arguments))
                .WithTriviaFrom(Split));
            if (!Declaration.Type.IsVar)
            {
                editor.ReplaceNode(Declaration.Type, SyntaxFactory.IdentifierName("var").WithTriviaFrom(Declaration.Type));
            }

            foreach (var (access, side) in Uses)
            {
                var loaded = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Catalog.WithoutTrivia(), SyntaxFactory.IdentifierName("LoadFromEnumerable")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(access.WithName(SyntaxFactory.IdentifierName(side)).WithoutTrivia()))));
                editor.ReplaceNode(access, loaded.WithTriviaFrom(access));
            }
        }
    }

    /// <summary>Rows loaded into data, and the local holding the data when there is one.</summary>
    private sealed record LoadedRows(ExpressionSyntax Rows, ITypeSymbol RowType, LoadLocal? Load);

    /// <summary>The local the data was loaded into, and how many times its scope reads it.</summary>
    private sealed record LoadLocal(VariableDeclaratorSyntax Declarator, int References);
}
