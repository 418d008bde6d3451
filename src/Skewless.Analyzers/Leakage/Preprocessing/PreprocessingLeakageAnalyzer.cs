using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Leakage.Lineage;
using Skewless.Analyzers.Leakage.Splits;
using Skewless.Analyzers.Model;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Leakage.Preprocessing;

/// <summary>
/// Reports a fit whose rows include rows that are evaluated, and whose result takes part in that
/// evaluation (SKW205): the data it fits on is an ancestor of data that reaches evaluation, or was
/// put together from a split's test side, and what it fitted is applied to those rows or produced them
/// (<see cref="FitResultFlow"/>). A refit on all rows for deployment after the evaluation is therefore
/// silent, and so are training metrics: an evaluation of the very rows fitted on.
/// </summary>
/// <remarks>
/// <para>Fits: a feature set's generated <c>Fit</c>, its <c>Accumulator.Add</c>, ML.NET's
/// <c>IEstimator&lt;T&gt;.Fit</c>, and fits written by hand (<see cref="HandWrittenFits"/>). Evaluations: the data of ML.NET's <c>Evaluate</c> and
/// <c>CrossValidate</c>, and the test side of a split (<c>Split&lt;T&gt;.Test</c>, ML.NET's
/// <c>TestSet</c>), wherever it is used.</para>
/// <para>Method-local: data is followed through the method's locals. The sides of one split are not
/// each other's ancestors, so fitting on the training side and applying the result to the test
/// side is silent, as it should be.</para>
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PreprocessingLeakageAnalyzer : SkewlessAnalyzer
{
    private const int MaxShownLength = 60;

    private static readonly string[] FitNames = { "Fit", "Add" };

    private static readonly string[] Evaluations = { "Evaluate", "EvaluateNonCalibrated", "CrossValidate", "CrossValidateNonCalibrated" };

    // Names that can bring evaluated rows into a body: an evaluation, a split's test side or a split to deconstruct. A
    // variable named for held-out rows can too (LocalLineage.NamesHeldOutRows).
    private static readonly string[] EvaluatedRowMarks = Evaluations.Concat(LocalLineage.TestSides)
        .Concat(new[] { "Split", "SplitByTime", "SplitByGroup", "SplitByTimeAndGroup", "DeterministicSplit" }).ToArray();

    // Calls that return the same rows they are given, in another form: fitting on their result is fitting on their input.
    // Calls whose result holds every row of each of their inputs.
    private static readonly string[] Combinations = { "Concat", "Union", "Append", "Prepend" };

    private static readonly string[] SameRows = { "ToArray", "ToList", "AsEnumerable", "AsSpan", "AsMemory", "LoadFromEnumerable", "CreateEnumerable", "ToDataView", "Transform" };

    // Calls whose rows are some of their input's, unchanged.
    private static readonly string[] Keeping =
    {
        "Where", "Take", "Skip", "TakeLast", "SkipLast", "TakeWhile", "SkipWhile", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending",
        "Reverse", "Distinct", "Shuffle", "ShuffleRows", "FilterRowsByColumn", "FilterRowsByMissingValues", "TakeRows", "SkipRows",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.PreprocessingLeakage);

    private protected override void Start(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        var data = new DataSymbols(context.Compilation);
        var stateless = new StatelessEstimators(context.Compilation, data);
        var helpers = new ProjectHelpers<HelperStatistic>(
            context.Compilation,
            method => method.ParameterList.Parameters.Any(parameter => HoldsSeveral(parameter.Type)),
            HandWrittenFits.HelperScreen,
            (body, helper) => HandWrittenFits.InHelper(body, helper, symbols, data));
        // Every report starts at a fit, so only bodies that call a Fit or an Add are analysed, and those that take a
        // statistic (Max, Sum and += are everywhere), or call a helper that does, only when they also name something that
        // evaluated rows come from.
        MentioningBlocks.Register(
            context,
            () => new NameScreen(FitNames, paired: (HandWrittenFits.ScreenNames.Append(NameScreen.Accumulation).Concat(helpers.Names).ToArray(), EvaluatedRowMarks), besideWhen: LocalLineage.NamesHeldOutRows),
            (blocks, report, cancellationToken) => Analyze(blocks, report, symbols, data, stateless, helpers, cancellationToken));
    }

    private static void Analyze(ImmutableArray<IOperation> blocks, Action<Diagnostic> report, KnownSymbols symbols, DataSymbols data, StatelessEstimators stateless, ProjectHelpers<HelperStatistic> helpers, CancellationToken cancellationToken)
    {
        var operations = blocks.SelectMany(block => block.Descendants()).ToList();
        var invocations = operations.OfType<IInvocationOperation>().ToList();
        var fits = invocations.Select(invocation => FittedRows(invocation, symbols, data) is { } rows ? new Fitting(invocation, rows, null, ByHand: false) : null).OfType<Fitting>().ToList();
        if (fits.Count == 0 && !operations.Any(operation => operation is ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } || IsMaybeHandWritten(operation, helpers)))
        {
            return;
        }

        var lineage = new LocalLineage(blocks, data);
        var evaluated = operations.Select(operation => EvaluatedRows(operation, lineage)).Where(rows => rows is not null).Select(rows => rows!).ToList();
        var returnedWithSplit = operations.OfType<IReturnOperation>().Select(returned => returned.ReturnedValue is { } value ? LocalLineage.Unconverted(value) : null)
            .OfType<ITupleOperation>().Where(tuple => tuple.Elements.Any(element => data.IsSplit(element.Type))).ToList();
        if (evaluated.Count == 0 && returnedWithSplit.Count == 0)
        {
            ReportRowsItsCallerEvaluates(blocks, fits.Where(fit => !(fit.Operation is IInvocationOperation { Instance: { } estimator } && stateless.LearnsNothing(estimator, lineage))), operations, lineage, data, report, cancellationToken);
            return;
        }

        var libraryFits = new HashSet<IOperation>(fits.Select(fit => fit.Operation));
        // An estimator that learns nothing (a custom mapping, Concatenate) is no fit, though ML.NET makes it call Fit.
        fits.RemoveAll(fit => fit.Operation is IInvocationOperation { Instance: { } estimator } && stateless.LearnsNothing(estimator, lineage));
        var handWritten = HandWrittenFits.OverRows(symbols, data, lineage);
        fits.AddRange(operations.Where(operation => !libraryFits.Contains(operation)).Select(operation => operation switch
        {
            IInvocationOperation invocation when handWritten.Statistic(invocation) is var (rows, name) => new Fitting(invocation, rows, name, ByHand: true),
            IInvocationOperation invocation when KnownSymbols.Find(invocation.TargetMethod.ContainingType, symbols.FeatureSetAttribute) is null
                && handWritten.Fit(invocation) is { } fitted => new Fitting(invocation, fitted, null, ByHand: true),
            IInvocationOperation or IObjectCreationOperation when handWritten.HelperCall(operation, helpers, cancellationToken) is var (rows, name) => new Fitting(operation, rows, name, ByHand: true),
            ICompoundAssignmentOperation sum when handWritten.SumInLoop(sum) is var (rows, name) => new Fitting(sum, rows, name, ByHand: true),
            IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true } when handWritten.Percentile(operation) is var (rows, name) => new Fitting(operation, rows, name, ByHand: true),
            _ => null,
        }).OfType<Fitting>());
        var ancestors = evaluated.Select(rows => (Rows: rows, Nodes: lineage.Ancestors(rows), Same: CrossValidated(rows) ? null : lineage.NodeOf(SameRowsAs(rows, lineage, data)))).ToList();
        foreach (var (fit, rows, statistic, byHand) in fits)
        {
            // Evaluating on the very rows fitted on gives training metrics, which hold nothing out to leak into.
            var node = lineage.NodeOf(SameRowsAs(rows, lineage, data));
            // Rows made one from each group (GroupBy(day).Select(g => new Day { Sales = g.Count() })) hold their own group's statistic only.
            var ownGroups = byHand && fit is IInvocationOperation statisticCall ? handWritten.RowOfItsGroup(statisticCall) : null;
            var drawnFrom = DrawnFrom(rows, lineage, symbols, data);
            var including = ancestors.Where(evaluation => (evaluation.Nodes.Contains(node) && !node.Equals(evaluation.Same)) || SharesRowsWithTestSide(drawnFrom, evaluation.Nodes, lineage)
                    || AnotherRandomSample(rows, drawnFrom, evaluation.Rows, lineage, symbols, data))
                .Select(evaluation => evaluation.Rows)
                .Concat(CombinedTestSides(rows, lineage, data, operations))
                .Where(evaluated => ownGroups is null || !lineage.Sources(evaluated).Contains(ownGroups))
                .ToList();
            // What was fitted by hand and only chooses rows (a cutoff in a Where or a split) computes none of their values.
            if (including.Count > 0
                && FirstReached(FitResultFlow.Of(fit, operations, byHand ? call => HandWrittenFits.ChoosesRows(call, data) : null), including, operations, lineage) is { } reached)
            {
                report(statistic is null
                    ? Diagnostic.Create(Descriptors.PreprocessingLeakage, fit.Syntax.GetLocation(), "This fit runs on", Shown(RowsNamed(rows)), Shown(reached), "fit on the training rows only")
                    : Diagnostic.Create(Descriptors.PreprocessingLeakage, fit.Syntax.GetLocation(), $"This {statistic} is taken over", Shown(RowsNamed(rows)), Shown(reached), "take it over the training rows only"));
            }
            else if (statistic is null && ReturnedWithItsRows(fit, node, returnedWithSplit, operations, lineage, data) is { } split)
            {
                report(Diagnostic.Create(Descriptors.PreprocessingLeakage, fit.Syntax.GetLocation(), "This fit runs on", Shown(RowsNamed(rows)), Shown(split) + ".TestSet",
                    "fit on the training rows only; the model is returned with the split, whose test side its caller evaluates"));
            }
        }
    }

    /// <summary>
    /// Reports a fit in a private method that the class calls once, when the method returns the rows it fitted on with the
    /// fit applied and its caller evaluates part of them: round 15's stock classifier normalises every row in such a
    /// helper, then cuts the rows it returns by position and evaluates the last ones. Evaluating all of them is training
    /// metrics, as in one method.
    /// </summary>
    private static void ReportRowsItsCallerEvaluates(ImmutableArray<IOperation> blocks, IEnumerable<Fitting> fits, List<IOperation> operations, LocalLineage lineage, DataSymbols data, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        var fitsReturned = fits.ToList();
        if (fitsReturned.Count == 0 || ClassMethods.OnlyReturn(blocks[0]) is not { } returned
            || blocks[0].SemanticModel?.GetDeclaredSymbol(blocks[0].Syntax, cancellationToken) is not IMethodSymbol method)
        {
            return;
        }

        var methods = ClassMethods.Of(blocks, cancellationToken);
        if (methods.BodyOf(method) is null
            || methods.Bodies.SelectMany(body => body.Descendants()).OfType<IInvocationOperation>()
                .Where(call => SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, method.OriginalDefinition)).Take(2).ToList() is not { Count: 1 } calls)
        {
            return;
        }

        var caller = ClassMethods.Root(calls[0]);
        var callerLineage = new LocalLineage(new[] { caller }, data);
        var call = callerLineage.NodeOf(calls[0]);
        var evaluatedThere = caller.Descendants().Select(operation => EvaluatedRows(operation, callerLineage)).OfType<IOperation>()
            .FirstOrDefault(rows => !CrossValidated(rows) && callerLineage.Ancestors(rows).Contains(call) && !callerLineage.NodeOf(SameRowsAs(rows, callerLineage, data)).Equals(call));
        if (evaluatedThere is null)
        {
            return;
        }

        var returnedFrom = lineage.Ancestors(returned);
        foreach (var (fit, rows, _, _) in fitsReturned)
        {
            if (returnedFrom.Contains(lineage.NodeOf(SameRowsAs(rows, lineage, data))) && FitResultFlow.Of(fit, operations).Carries(returned))
            {
                var callerName = caller.SemanticModel?.GetDeclaredSymbol(caller.Syntax, cancellationToken)?.Name ?? "its caller";
                report(Diagnostic.Create(Descriptors.PreprocessingLeakage, fit.Syntax.GetLocation(), "This fit runs on", Shown(RowsNamed(rows)), Shown(evaluatedThere),
                    $"fit on the training rows only; {method.Name} returns the rows with the fit applied, and {callerName} evaluates part of them"));
            }
        }
    }

    // A split of the rows a model was fitted on, returned with the model, as `return (model, split)` after Fit(data) and
    // TrainTestSplit(data): the caller has the test side to evaluate the model on, and it saw every one of those rows.
    private static IOperation? ReturnedWithItsRows(IOperation fit, DataNode fitted, List<ITupleOperation> returned, List<IOperation> operations, LocalLineage lineage, DataSymbols data)
    {
        if (returned.Count == 0)
        {
            return null;
        }

        var flow = FitResultFlow.Of(fit, operations);
        return returned
            .Where(tuple => tuple.Elements.Any(element => !data.IsSplit(element.Type) && flow.Carries(element)))
            .SelectMany(tuple => tuple.Elements.Where(element => data.IsSplit(element.Type) && lineage.Ancestors(element).Contains(fitted)))
            .FirstOrDefault();
    }

    /// <summary>
    /// The rows a fit's rows were drawn from by keeping some of them (<c>Where</c>, <c>Take</c>, a shuffle, a list filled
    /// with <c>AddRange</c>), and whether the draw is a sample of every row: by class (a <c>Where</c> on the label alone, as
    /// a class-balanced undersample is made) or at random (<c>Take</c> of a shuffle). Any other filter, or a <c>Take</c> of
    /// the rows in their order, may be the training side of a split written by hand. None when they come from a side of a
    /// split, or through a call that takes rows away (<c>Except</c>) or makes new ones (<c>GroupBy</c>).
    /// </summary>
    private static (HashSet<DataNode> From, bool Sample) DrawnFrom(IOperation rows, LocalLineage lineage, KnownSymbols symbols, DataSymbols data)
    {
        var nodes = lineage.Ancestors(rows);
        var calls = lineage.Sources(rows).OfType<IInvocationOperation>().ToList();
        if (nodes.Any(node => node.Side is not null) || !calls.All(call => SameRows.Contains(call.TargetMethod.Name) || Combinations.Contains(call.TargetMethod.Name) || Keeping.Contains(call.TargetMethod.Name)))
        {
            return (new HashSet<DataNode>(), false);
        }

        var shuffled = calls.Any(call => IsShuffle(call, data));
        var sample = calls.All(call => SameRows.Contains(call.TargetMethod.Name) || Combinations.Contains(call.TargetMethod.Name)
            || IsShuffle(call, data) || (shuffled && call.TargetMethod.Name is "Take" or "Skip" or "TakeRows" or "SkipRows") || IsClassFilter(call, symbols));
        return (new HashSet<DataNode>(nodes.Where(node => node.Symbol is not null)), sample);

        static bool IsClassFilter(IInvocationOperation call, KnownSymbols symbols) => call.TargetMethod.Name == "Where" && call.Arguments.Length > 1
            && call.Arguments[1].Value.Descendants().OfType<IMemberReferenceOperation>().ToList() is { Count: > 0 } reads
            && reads.All(read => KnownSymbols.Find(read.Member, symbols.LabelAttribute) is not null);
    }

    private static bool IsShuffle(IInvocationOperation call, DataSymbols data) => call.TargetMethod.Name is "Shuffle" or "ShuffleRows"
        || (call.TargetMethod.Name is "OrderBy" or "OrderByDescending" && call.Arguments.Length > 1
            && call.Arguments[1].Value.Descendants().OfType<IInvocationOperation>().Any(key => data.IsRandomSource(key.TargetMethod)));

    // Evaluated rows from the test side of a split of rows the fit's rows were drawn from: a sample of every row overlaps
    // it, and so does any subset of them when the split is ML.NET's at random, whose test rows are anywhere among them.
    private static bool SharesRowsWithTestSide((HashSet<DataNode> From, bool Sample) drawn, HashSet<DataNode> evaluated, LocalLineage lineage) =>
        drawn.From.Count > 0 && evaluated.Overlaps(drawn.From)
        && evaluated.Any(node => node.Side is { } side && LocalLineage.TestSides.Contains(side) && (drawn.Sample || IsRandomSplit(node.Parent!, lineage)));

    /// <summary>
    /// Whether the evaluated rows and the fit's rows are both drawn at random from the same rows: by shuffles of their own
    /// (round 15's recommender trains on 450 rows of one ShuffleRows and tests on 100 rows of another, so about nine in
    /// ten test rows were trained on), or by one shuffle with neither side skipping rows the other takes first.
    /// </summary>
    private static bool AnotherRandomSample(IOperation rows, (HashSet<DataNode> From, bool Sample) drawn, IOperation evaluated, LocalLineage lineage, KnownSymbols symbols, DataSymbols data)
    {
        if (!drawn.Sample || drawn.From.Count == 0 || Shuffles(rows, lineage, data) is not { Count: > 0 } fitShuffles)
        {
            return false;
        }

        var evaluatedDraw = DrawnFrom(evaluated, lineage, symbols, data);
        if (!evaluatedDraw.Sample || !evaluatedDraw.From.Overlaps(drawn.From) || Shuffles(evaluated, lineage, data) is not { Count: > 0 } evaluatedShuffles)
        {
            return false;
        }

        return !fitShuffles.Any(shuffle => evaluatedShuffles.Any(other => SameOrder(shuffle, other)))
            || (!Skips(rows, lineage) && !Skips(evaluated, lineage));

        static bool Skips(IOperation rows, LocalLineage lineage) =>
            lineage.Sources(rows).OfType<IInvocationOperation>().Any(call => call.TargetMethod.Name is "Skip" or "SkipRows" or "SkipLast" or "TakeLast" or "SkipWhile");
    }

    private static List<IInvocationOperation> Shuffles(IOperation rows, LocalLineage lineage, DataSymbols data) =>
        lineage.Sources(rows).OfType<IInvocationOperation>().Where(call => IsShuffle(call, data)).ToList();

    // One shuffle, or ML.NET's ShuffleRows of the same rows with the same seed, which puts them in the same order.
    private static bool SameOrder(IInvocationOperation shuffle, IInvocationOperation other) =>
        shuffle == other
        || (shuffle.TargetMethod.Name == "ShuffleRows" && other.TargetMethod.Name == "ShuffleRows"
            && Seed(shuffle) is { } seed && Equals(seed, Seed(other))
            && SameSource(shuffle.Arguments[0].Value, other.Arguments[0].Value));

    private static object? Seed(IInvocationOperation shuffle) =>
        shuffle.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == "seed" && argument.ArgumentKind == ArgumentKind.Explicit) is { } argument
            && LocalLineage.Unconverted(argument.Value).ConstantValue is { HasValue: true } seed ? seed.Value : null;

    private static bool SameSource(IOperation one, IOperation other) =>
        (LocalLineage.Unconverted(one), LocalLineage.Unconverted(other)) is (ILocalReferenceOperation first, ILocalReferenceOperation second) && SymbolEqualityComparer.Default.Equals(first.Local, second.Local);

    private static bool IsRandomSplit(DataNode split, LocalLineage lineage) =>
        (split.Symbol is { } variable ? lineage.OnlyValueOf(variable) : split.Operation) is { } value
        && LocalLineage.Unconverted(value) is IInvocationOperation call && RandomSplitAnalyzer.RandomMachineLearningSplit(call) is not null;

    // Whether a parameter's type, as written, can hold rows or values of several rows    // Whether a parameter's type, as written, can hold rows or values of several rows: an array or a generic collection.
    // A feature's method, which takes one row, is not a helper to look into.
    private static bool HoldsSeveral(TypeSyntax? type) => type switch
    {
        ArrayTypeSyntax => true,
        QualifiedNameSyntax qualified => HoldsSeveral(qualified.Right),
        GenericNameSyntax generic => generic.TypeArgumentList.Arguments.Count > 0,
        _ => false,
    };

    // Whether an operation can be a fit written by hand, before the lineage that tells is built.
    private static bool IsMaybeHandWritten(IOperation operation, ProjectHelpers<HelperStatistic> helpers) => operation switch
    {
        IInvocationOperation invocation => invocation.TargetMethod.Name is "Fit" or "OrderBy" or "OrderByDescending" or "Sort" || HandWrittenFits.IsStatistic(invocation.TargetMethod.Name) || helpers.Names.Contains(invocation.TargetMethod.Name),
        IObjectCreationOperation { Constructor: { } constructor } => helpers.Names.Contains(constructor.ContainingType.Name),
        _ => false,
    };

    /// <summary>A fit (a call, or a sum kept by hand) and the rows it learns from; a statistic's name when it is one; whether it was written by hand.</summary>
    private sealed record Fitting(IOperation Operation, IOperation Rows, string? Statistic, bool ByHand);

    /// <summary>
    /// The first of the evaluated rows that the fit's result takes part in evaluating: rows produced
    /// with it (a split of data it transformed, a model's predictions), or rows given to a call made
    /// with it (<c>fitted.ToDataView(test, …)</c>, <c>fitted.Transform(test[0])</c>), or the rows of a loop that gives each
    /// of them its own group's statistic.
    /// </summary>
    private static IOperation? FirstReached(FitResultFlow flow, List<IOperation> evaluated, List<IOperation> operations, LocalLineage lineage)
    {
        var appliedTo = new HashSet<DataNode>(flow.LoopsKeyedOn().SelectMany(lineage.Ancestors));
        foreach (var application in operations.OfType<IInvocationOperation>().Where(flow.Applies))
        {
            // What carries the result is what is applied, not rows it is applied to: printing a statistic of the test rows applies it to nothing.
            foreach (var input in application.Arguments.Select(argument => argument.Value).Prepend(application.Instance).OfType<IOperation>().Where(input => !flow.Carries(input)))
            {
                appliedTo.UnionWith(lineage.Ancestors(input));
            }
        }

        // Cross-validation evaluates only what it is given: applying the result to those rows elsewhere changes nothing it measures.
        return evaluated.FirstOrDefault(rows => (!CrossValidated(rows) && appliedTo.Contains(lineage.NodeOf(rows))) || lineage.Sources(rows).Any(flow.Applies));
    }

    /// <summary>The rows a fit learns from, or <see langword="null"/> when the invocation is not a fit.</summary>
    private static IOperation? FittedRows(IInvocationOperation invocation, KnownSymbols symbols, DataSymbols data)
    {
        var method = invocation.TargetMethod;
        var isFit = method.Name switch
        {
            // FlightFeatures.Fit(rows), generated on the feature set, when a feature has constants to fit: without one the fit
            // only gathers monitoring statistics, and no feature's value depends on the rows (round 16's daily sales).
            "Fit" when method.IsStatic => KnownSymbols.Find(method.ContainingType, symbols.FeatureSetAttribute) is not null && FitsConstants(method.ContainingType, symbols),
            // estimator.Fit(data): any ML.NET estimator, including a trainer.
            "Fit" => DataSymbols.Implements(method.ContainingType, data.Estimator),
            // accumulator.Add(row), the generated incremental fit.
            "Add" => method.ContainingType is { Name: "Accumulator", ContainingType: { } featureSet } && KnownSymbols.Find(featureSet, symbols.FeatureSetAttribute) is not null && FitsConstants(featureSet, symbols),
            _ => false,
        };
        return isFit && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null;
    }

    private static bool FitsConstants(INamedTypeSymbol featureSet, KnownSymbols symbols) =>
        featureSet.GetMembers().OfType<IMethodSymbol>().SelectMany(method => method.GetAttributes())
            .Any(attribute => symbols.TransformOf(attribute) is { } transform && transform != FeatureTransform.HashBuckets);

    /// <summary>The rows an operation evaluates on: the data given to an ML.NET evaluation, or the test side of a split.</summary>
    private static IOperation? EvaluatedRows(IOperation operation, LocalLineage lineage) => operation switch
    {
        IInvocationOperation invocation when Evaluations.Contains(invocation.TargetMethod.Name) && invocation.TargetMethod.ContainingNamespace?.ToDisplayString() == "Microsoft.ML" =>
            invocation.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == "data")?.Value,
        IMemberReferenceOperation member when lineage.SideName(member) is { } side && LocalLineage.TestSides.Contains(side) => member,
        ILocalReferenceOperation { IsDeclaration: false } local when lineage.HoldsTestSide(local.Local) => local,
        IParameterReferenceOperation parameter when lineage.HoldsTestSide(parameter.Parameter) => parameter,
        _ => null,
    };

    // Cross-validation holds folds of its data out, so fitting on that same data is the leak, not training metrics.
    private static bool CrossValidated(IOperation rows) =>
        rows.Parent is IArgumentOperation { Parent: IInvocationOperation invocation } && invocation.TargetMethod.Name.StartsWith("CrossValidate", StringComparison.Ordinal);

    /// <summary>
    /// The test sides a fit's rows were put together from, as in <c>Fit(train.Concat(test))</c>, <c>Fit([.. train, .. test])</c>
    /// or a list filled with <c>AddRange(test)</c>: followed through calls whose result holds every row of their inputs.
    /// </summary>
    private static IEnumerable<IOperation> CombinedTestSides(IOperation rows, LocalLineage lineage, DataSymbols data, List<IOperation> operations)
    {
        var pending = new Stack<IOperation>();
        pending.Push(rows);
        var seen = new HashSet<IOperation>();
        while (pending.Count > 0)
        {
            var current = LocalLineage.Unconverted(pending.Pop());
            if (!seen.Add(current))
            {
                continue;
            }

            if (IsTestSide(current, lineage))
            {
                yield return current;
                continue;
            }

            var inputs = current switch
            {
                IInvocationOperation invocation when SameRows.Contains(invocation.TargetMethod.Name) || Combinations.Contains(invocation.TargetMethod.Name) =>
                    invocation.Arguments.Select(argument => argument.Value).Prepend(invocation.Instance).Where(input => input is not null && data.HoldsRows(LocalLineage.Unconverted(input).Type)),
                ILocalReferenceOperation local => AddedRanges(local.Local, operations).Concat(lineage.OnlyValueOf(local.Local) is { } value ? new[] { value } : Array.Empty<IOperation>()),
                // A collection expression and its spreads: the compiler's operations for them are newer than the Roslyn this builds against.
                _ when current.Syntax is CollectionExpressionSyntax or SpreadElementSyntax => current.ChildOperations,
                _ => Enumerable.Empty<IOperation>(),
            };
            foreach (var input in inputs)
            {
                pending.Push(input!);
            }
        }

        static bool IsTestSide(IOperation rows, LocalLineage lineage) => rows switch
        {
            IMemberReferenceOperation member => lineage.SideName(member) is { } side && LocalLineage.TestSides.Contains(side),
            ILocalReferenceOperation local => lineage.HoldsTestSide(local.Local),
            IParameterReferenceOperation parameter => lineage.HoldsTestSide(parameter.Parameter),
            _ => false,
        };

        static IEnumerable<IOperation> AddedRanges(ILocalSymbol list, List<IOperation> operations) =>
            operations.OfType<IInvocationOperation>()
                .Where(call => call.TargetMethod.Name == "AddRange" && call.Arguments.Length == 1
                    && call.Instance is ILocalReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Local, list))
                .Select(call => call.Arguments[0].Value);
    }

    /// <summary>
    /// Looks through calls that only change the form of the rows, a <c>Where</c> that only drops missing values, and locals
    /// that are only another name for them.
    /// </summary>
    internal static IOperation SameRowsAs(IOperation rows, LocalLineage lineage, DataSymbols data)
    {
        var seen = new HashSet<IOperation>();
        while (seen.Add(rows))
        {
            rows = LocalLineage.Unconverted(rows);
            var next = rows switch
            {
                IInvocationOperation invocation when SameRows.Contains(invocation.TargetMethod.Name) =>
                    invocation.Arguments.Select(argument => argument.Value).Prepend(invocation.Instance).FirstOrDefault(input => input is not null && data.HoldsRows(LocalLineage.Unconverted(input).Type)),
                IInvocationOperation filter when MissingValueFilter.Source(filter) is { } source => source,
                ILocalReferenceOperation local when lineage.OnlyValueOf(local.Local) is { } value && IsAlias(value) => value,
                _ => null,
            };
            if (next is null)
            {
                return rows;
            }

            rows = next;
        }

        return rows;

        static bool IsAlias(IOperation value) => LocalLineage.Unconverted(value) is ILocalReferenceOperation or IParameterReferenceOperation
            || (LocalLineage.Unconverted(value) is IInvocationOperation invocation && (SameRows.Contains(invocation.TargetMethod.Name) || MissingValueFilter.Source(invocation) is not null));
    }

    // The rows a message names. An accumulator fed one row at a time (foreach (var f in flights) accumulator.Add(f)) fits
    // on the collection the loop walks, not on the loop's variable. A fit on the rows that have a value
    // (Fit(flights.Where(f => f.Taxi.HasValue))) names the rows, as a statistic over them does: the filter is not the leak.
    private static IOperation RowsNamed(IOperation rows)
    {
        while (LocalLineage.Unconverted(rows) is IInvocationOperation filter && MissingValueFilter.Source(filter) is { } source)
        {
            rows = source;
        }

        if (LocalLineage.Unconverted(rows) is ILocalReferenceOperation { Local: var local })
        {
            for (var parent = rows.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IForEachLoopOperation loop && loop.Locals.Contains(local, SymbolEqualityComparer.Default))
                {
                    return LocalLineage.Unconverted(loop.Collection);
                }
            }
        }

        return rows;
    }

    // The code on one line, cut where no name or number is split, so a long expression never ends mid-word.
    internal static string Shown(IOperation operation)
    {
        var text = string.Join(" ", operation.Syntax.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= MaxShownLength)
        {
            return text;
        }

        var cut = MaxShownLength - 1;
        while (cut > 0 && IsNamePart(text[cut - 1]) && IsNamePart(text[cut]))
        {
            cut--;
        }

        return text.Substring(0, cut).TrimEnd() + "…";

        static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c == '_';
    }
}
