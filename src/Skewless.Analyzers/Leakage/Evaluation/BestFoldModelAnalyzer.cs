using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Leakage.Lineage;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Leakage.Evaluation;

/// <summary>
/// Reports the model of an ML.NET cross-validation fold picked by its score (SKW207), as in
/// <c>cv.OrderByDescending(fold =&gt; fold.Metrics.RSquared).First().Model</c>, or a loop that keeps the fold whose
/// <c>Metrics</c> beat the best so far. That model saw only part of the rows, and the score it was picked by is the most
/// optimistic of the folds'. Taking a fold's model without looking at the scores, or gating on the folds' mean, is silent.
/// </summary>
/// <remarks>Method-local: the fold is followed through the method's locals and LINQ chains.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BestFoldModelAnalyzer : SkewlessAnalyzer
{
    private const string FoldType = "Microsoft.ML.TrainCatalogBase+CrossValidationResult`1";

    private static readonly string[] ModelName = { "Model" };
    private static readonly string[] ScoreName = { "Metrics" };

    // A fold chosen by its score is found within this many locals and LINQ calls of its model.
    private const int MostHops = 16;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.BestFoldModel);

    private protected override void Start(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        if (context.Compilation.GetTypeByMetadataName(FoldType) is not { } fold)
        {
            return;
        }

        MentioningBlocks.Register(
            context,
            () => new NameScreen(Array.Empty<string>(), (ModelName, ScoreName)),
            (blocks, report, _) => new Analysis(blocks, fold).Report(report));
    }

    private sealed class Analysis(ImmutableArray<IOperation> blocks, INamedTypeSymbol fold)
    {
        private readonly List<IOperation> _operations = blocks.SelectMany(block => block.Descendants()).ToList();

        public void Report(Action<Diagnostic> report)
        {
            foreach (var model in _operations.OfType<IFieldReferenceOperation>().Where(reference => IsFoldField(reference, "Model")))
            {
                if (PickedByScore(model))
                {
                    report(Diagnostic.Create(Descriptors.BestFoldModel, model.Syntax.GetLocation()));
                }
            }
        }

        private bool IsFoldField(IFieldReferenceOperation reference, string name) =>
            reference.Field.Name == name && SymbolEqualityComparer.Default.Equals(reference.Field.ContainingType.OriginalDefinition, fold);

        // The fold whose model is read was chosen by a LINQ call that reads the folds' scores, or by a branch on its own score:
        // read there, or kept in a local there.
        private bool PickedByScore(IFieldReferenceOperation model)
        {
            if (model.Instance is null)
            {
                return false;
            }

            var instance = LocalLineage.Unconverted(model.Instance);
            if (instance is ILocalReferenceOperation local)
            {
                return InBranchOnScoreOf(model, local.Local) || AssignedValues(local.Local).Any(assigned => assigned.Value is { } value && (ChosenByScore(value, 0) || (LocalLineage.Unconverted(value) is ILocalReferenceOperation from && InBranchOnScoreOf(assigned.At, from.Local))));
            }

            return ChosenByScore(instance, 0);
        }

        // A LINQ chain with a lambda that reads a fold's score (OrderByDescending, MaxBy, First(predicate), Aggregate), or a
        // choice between folds by their scores, followed through locals given one value.
        private bool ChosenByScore(IOperation value, int hops)
        {
            value = LocalLineage.Unconverted(value);
            if (hops > MostHops)
            {
                return false;
            }

            switch (value)
            {
                case IConditionalOperation choice:
                    return ReadsScore(choice.Condition);
                case ILocalReferenceOperation local:
                    return AssignedValues(local.Local) is { Count: 1 } values && values[0].Value is { } only && ChosenByScore(only, hops + 1);
                case IInvocationOperation call when call.TargetMethod.ContainingType?.ToDisplayString() == "System.Linq.Enumerable" && call.Arguments.Length > 0:
                    return call.Arguments.Any(argument => LocalLineage.Unconverted(argument.Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } && ReadsScore(lambda.Body))
                        || ChosenByScore(call.Arguments[0].Value, hops + 1);
                default:
                    return false;
            }
        }

        // Inside the branch of an if or a conditional whose condition reads this fold's score, as a loop keeping the best does.
        private bool InBranchOnScoreOf(IOperation operation, ILocalSymbol foldLocal)
        {
            for (var (child, parent) = (operation, operation.Parent); parent is not null; (child, parent) = (parent, parent.Parent))
            {
                if (parent is IConditionalOperation branch && branch.Condition != child && ReadsScore(branch.Condition, foldLocal))
                {
                    return true;
                }
            }

            return false;
        }

        private bool ReadsScore(IOperation operation, ILocalSymbol? of = null) =>
            operation.DescendantsAndSelf().OfType<IFieldReferenceOperation>().Any(reference =>
                IsFoldField(reference, "Metrics")
                && (of is null || (reference.Instance is { } instance && LocalLineage.Unconverted(instance) is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, of))));

        // Every value the method gives a local, with where it gives it.
        private List<(IOperation At, IOperation? Value)> AssignedValues(ILocalSymbol local)
        {
            var values = new List<(IOperation At, IOperation? Value)>();
            foreach (var operation in _operations)
            {
                if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                {
                    values.Add((operation, declarator.Initializer?.Value));
                }
                else if (operation is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment && SymbolEqualityComparer.Default.Equals(target.Local, local))
                {
                    values.Add((operation, assignment.Value));
                }
            }

            return values;
        }
    }
}
