using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Leakage.Lineage;
using Skewless.Analyzers.Leakage.Preprocessing;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Leakage.Evaluation;

/// <summary>
/// Reports a loop that fits a model each time round, scores it on the test rows, and keeps the best score so far
/// (SKW208): <c>if (metrics.RSquared &gt; best) { best = metrics.RSquared; bestModel = model; }</c>, as round 15's
/// forecaster chose its window size by the test rows' error and reported that error. The score is read from ML.NET's
/// <c>Evaluate</c> or from any call given the model and the test rows (a helper's result or <c>out</c> arguments).
/// </summary>
/// <remarks>
/// Test rows are a split's test side, or rows named for testing (<c>test</c>, <c>testing</c>, <c>holdout</c>), not a side
/// named for validation, which is where choosing belongs. Method-local.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TestSetSelectionAnalyzer : SkewlessAnalyzer
{
    private static readonly string[] FitName = { "Fit" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.TestSetSelection);

    private protected override void Start(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        var data = new DataSymbols(context.Compilation);
        if (data.Estimator is null)
        {
            return;
        }

        MentioningBlocks.Register(
            context,
            () => new NameScreen(Array.Empty<string>(), (FitName, LocalLineage.TestSides), LocalLineage.NamesTestRows),
            (blocks, report, _) => Analyze(blocks, report, data));
    }

    private static void Analyze(ImmutableArray<IOperation> blocks, Action<Diagnostic> report, DataSymbols data)
    {
        var loops = blocks.SelectMany(block => block.Descendants()).OfType<ILoopOperation>().ToList();
        if (loops.Count == 0)
        {
            return;
        }

        var lineage = new LocalLineage(blocks, data);

        // A keep in a loop nested in another is found from both loops: reported once.
        var reported = new HashSet<IOperation>();
        foreach (var loop in loops)
        {
            var inLoop = loop.Body.DescendantsAndSelf().ToList();
            var models = Models(inLoop, data);
            if (models.Count == 0)
            {
                continue;
            }

            var found = inLoop.OfType<IInvocationOperation>()
                .Select(scoring => (Scoring: scoring, Rows: TestRowsScored(scoring, models, lineage)))
                .Where(candidate => candidate.Rows is not null)
                .Select(candidate => (candidate.Rows, Scores: Scores(candidate.Scoring, inLoop)))
                .Select(candidate => (candidate.Rows, Keep: inLoop.OfType<IConditionalOperation>().FirstOrDefault(keep => KeepsBest(keep, candidate.Scores, loop))))
                .FirstOrDefault(candidate => candidate.Keep is not null);
            if (found.Keep is { } kept && reported.Add(kept))
            {
                report(Diagnostic.Create(Descriptors.TestSetSelection, kept.Condition.Syntax.GetLocation(), PreprocessingLeakageAnalyzer.Shown(found.Rows!)));
            }
        }
    }

    // The fits of a model in the loop, and the variables that hold what they fitted.
    private static Tracked Models(List<IOperation> inLoop, DataSymbols data)
    {
        var models = new Tracked();
        models.Operations.UnionWith(inLoop.OfType<IInvocationOperation>()
            .Where(call => call.TargetMethod.Name == "Fit" && call.Instance?.Type is { } estimator && DataSymbols.Implements(estimator, data.Estimator)));
        if (models.Count > 0)
        {
            models.Variables.UnionWith(AssignedFrom(inLoop, value => Reads(value, models)));
        }

        return models;
    }

    // The test rows a call scores a model of the loop on: it is given the model (or rows the model transformed) and rows
    // of a split's test side or named for testing.
    private static IOperation? TestRowsScored(IInvocationOperation call, Tracked models, LocalLineage lineage)
    {
        var inputs = call.Arguments.Select(argument => argument.Value).Prepend(call.Instance).OfType<IOperation>().ToList();
        if (call.TargetMethod.Name == "Fit" || !inputs.Any(input => Reads(input, models)))
        {
            return null;
        }

        return inputs.SelectMany(input => input.DescendantsAndSelf()).FirstOrDefault(rows => rows switch
        {
            ILocalReferenceOperation local => IsTestRows(local.Local, lineage),
            IParameterReferenceOperation parameter => IsTestRows(parameter.Parameter, lineage),
            IMemberReferenceOperation member => lineage.SideName(member) is { } side && LocalLineage.TestSides.Contains(side),
            _ => false,
        });
    }

    // A validation side is where choosing belongs, whatever split it came from.
    private static bool IsTestRows(ISymbol variable, LocalLineage lineage) =>
        lineage.HoldsTestSide(variable) && (LocalLineage.NamesTestRows(variable.Name) || !LocalLineage.NamesHeldOutRows(variable.Name));

    // The call and the variables its score reaches: what it returns, its out arguments, and one more assignment from them.
    private static Tracked Scores(IInvocationOperation scoring, List<IOperation> inLoop)
    {
        var scores = new Tracked();
        scores.Operations.Add(scoring);
        scores.Variables.UnionWith(scoring.Arguments.Where(argument => argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref).Select(argument => Variable(argument.Value)).OfType<ISymbol>());
        scores.Variables.UnionWith(AssignedFrom(inLoop, value => Reads(value, scores)).ToList());
        scores.Variables.UnionWith(AssignedFrom(inLoop, value => Reads(value, scores)).ToList());
        return scores;
    }

    // An if in the loop that compares a score with a variable from outside the loop, and assigns that variable.
    private static bool KeepsBest(IConditionalOperation keep, Tracked scores, ILoopOperation loop) =>
        keep.Condition.DescendantsAndSelf().OfType<IBinaryOperation>()
            .Where(comparison => comparison.OperatorKind is BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual)
            .Any(comparison => (Reads(comparison.LeftOperand, scores) && Best(comparison.RightOperand, loop) is { } right && Assigns(keep.WhenTrue, right))
                || (Reads(comparison.RightOperand, scores) && Best(comparison.LeftOperand, loop) is { } left && Assigns(keep.WhenTrue, left)));

    private static ISymbol? Best(IOperation operand, ILoopOperation loop) => Variable(operand) switch
    {
        ILocalSymbol local when !loop.Body.Syntax.Span.Contains(local.Locations.FirstOrDefault()?.SourceSpan ?? default) => local,
        IFieldSymbol field => field,
        IPropertySymbol property => property,
        _ => null,
    };

    private static bool Assigns(IOperation branch, ISymbol variable) =>
        branch.DescendantsAndSelf().OfType<IAssignmentOperation>().Any(assignment => SymbolEqualityComparer.Default.Equals(Variable(assignment.Target), variable));

    // The variables the loop gives a value that reads what is wanted.
    private static IEnumerable<ISymbol> AssignedFrom(List<IOperation> inLoop, Func<IOperation, bool> reads) =>
        inLoop.Select(operation => operation switch
        {
            IVariableDeclaratorOperation { Initializer.Value: { } value } declarator when reads(value) => declarator.Symbol,
            ISimpleAssignmentOperation assignment when reads(assignment.Value) => Variable(assignment.Target),
            _ => null,
        }).OfType<ISymbol>();

    private static bool Reads(IOperation value, Tracked wanted) =>
        value.DescendantsAndSelf().Any(part => wanted.Operations.Contains(part) || (Variable(part) is { } variable && wanted.Variables.Contains(variable)));

    // out var error declares the variable it names.
    private static ISymbol? Variable(IOperation operation) =>
        FitResultFlow.Referenced(operation is IDeclarationExpressionOperation declaration ? declaration.Expression : operation);

    /// <summary>Operations followed through the loop, and the variables given their values.</summary>
    private sealed class Tracked
    {
        public HashSet<IOperation> Operations { get; } = new();

        public HashSet<ISymbol> Variables { get; } = new(SymbolEqualityComparer.Default);

        public int Count => Operations.Count + Variables.Count;
    }
}
