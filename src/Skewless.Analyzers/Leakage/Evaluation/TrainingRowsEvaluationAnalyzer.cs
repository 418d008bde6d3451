using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Leakage.Lineage;
using Skewless.Analyzers.Leakage.Preprocessing;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Leakage.Evaluation;

/// <summary>
/// Reports an ML.NET model whose only evaluations are on the rows it was trained on (SKW206): the same data, or data
/// loaded again from the same file, as a program that reads its "test" file from the training file's path does. Its
/// metrics measure how well the model fits those rows, not how it predicts new ones. Training metrics shown beside an
/// evaluation on other rows are deliberate and silent, and so are clustering's and anomaly detection's, which are
/// judged on the rows they describe.
/// </summary>
/// <remarks>Method-local: the model, its training data and the evaluated data are followed through the method's locals.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TrainingRowsEvaluationAnalyzer : SkewlessAnalyzer
{
    // The catalogs whose Evaluate measures predictions against a label.
    private static readonly string[] SupervisedCatalogs = { "RegressionCatalog", "BinaryClassificationCatalog", "MulticlassClassificationCatalog", "RankingCatalog" };

    private static readonly string[] EvaluationNames = { "Evaluate", "EvaluateNonCalibrated" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.TrainingRowsEvaluation);

    private protected override void Start(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        if (context.Compilation.GetTypeByMetadataName("Microsoft.ML.IDataView") is null)
        {
            return;
        }

        var data = new DataSymbols(context.Compilation);
        MentioningBlocks.Register(context, () => new NameScreen(EvaluationNames), (blocks, report, _) => Analyze(blocks, report, data));
    }

    private static void Analyze(ImmutableArray<IOperation> blocks, Action<Diagnostic> report, DataSymbols data)
    {
        var evaluations = blocks.SelectMany(block => block.Descendants()).OfType<IInvocationOperation>().Where(IsSupervisedEvaluation).ToList();
        if (evaluations.Count == 0)
        {
            return;
        }

        var lineage = new LocalLineage(blocks, data);
        var byModel = evaluations
            .Select(evaluation => (Evaluation: evaluation, Scored: Scored(evaluation, lineage, data)))
            .Where(found => found.Scored is not null)
            .GroupBy(found => found.Scored!.Value.Fit);
        foreach (var model in byModel)
        {
            var trained = model.Key.Arguments[0].Value;
            var findings = new List<(IInvocationOperation Evaluation, IOperation Rows, bool SameFile)>();
            foreach (var (evaluation, scored) in model)
            {
                var rows = scored!.Value.Rows;
                var sameData = SameRows(trained, rows, lineage, data);
                if (sameData || SameFile(trained, rows, lineage))
                {
                    findings.Add((evaluation, rows, !sameData));
                }
                else
                {
                    // Evaluated on other rows too: training metrics beside them are deliberate.
                    findings.Clear();
                    break;
                }
            }

            foreach (var (evaluation, rows, sameFile) in findings)
            {
                report(Diagnostic.Create(Descriptors.TrainingRowsEvaluation, evaluation.Syntax.GetLocation(), PreprocessingLeakageAnalyzer.Shown(rows), sameFile ? ", loaded again from the same file" : ""));
            }
        }
    }

    private static bool IsSupervisedEvaluation(IInvocationOperation invocation) =>
        invocation.TargetMethod is { Name: var name, ContainingType.Name: var catalog }
        && EvaluationNames.Contains(name) && SupervisedCatalogs.Contains(catalog) && invocation.TargetMethod.ContainingNamespace?.ToDisplayString() == "Microsoft.ML";

    // The model's fit and the rows it scores, when the evaluated data is model.Transform(rows) and the model was fitted here.
    private static (IInvocationOperation Fit, IOperation Rows)? Scored(IInvocationOperation evaluation, LocalLineage lineage, DataSymbols data)
    {
        var scored = evaluation.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == "data")?.Value;
        if (ValueOf(scored, lineage) is not IInvocationOperation { TargetMethod.Name: "Transform", Instance: { } model, Arguments.Length: 1 } transform
            || ValueOf(model, lineage) is not IInvocationOperation { TargetMethod.Name: "Fit", Arguments.Length: > 0 } fit
            || fit.Instance?.Type is not { } estimator || !DataSymbols.Implements(estimator, data.Estimator))
        {
            return null;
        }

        return (fit, transform.Arguments[0].Value);
    }

    // The value itself, or the one value a local is given.
    private static IOperation? ValueOf(IOperation? value, LocalLineage lineage)
    {
        var unconverted = value is null ? null : LocalLineage.Unconverted(value);
        return unconverted is ILocalReferenceOperation local && lineage.OnlyValueOf(local.Local) is { } only ? LocalLineage.Unconverted(only) : unconverted;
    }

    private static bool SameRows(IOperation trained, IOperation evaluated, LocalLineage lineage, DataSymbols data) =>
        lineage.NodeOf(PreprocessingLeakageAnalyzer.SameRowsAs(trained, lineage, data)).Equals(lineage.NodeOf(PreprocessingLeakageAnalyzer.SameRowsAs(evaluated, lineage, data)));

    // Both loaded with LoadFromTextFile from one path: the same constant, the same read-only field or unassigned parameter,
    // or fields or locals given the same expression.
    private static bool SameFile(IOperation trained, IOperation evaluated, LocalLineage lineage) =>
        PathLoaded(trained, lineage) is { } first && PathLoaded(evaluated, lineage) is { } second && SamePath(first, second, lineage);

    private static IOperation? PathLoaded(IOperation rows, LocalLineage lineage) =>
        ValueOf(rows, lineage) is IInvocationOperation { TargetMethod.Name: "LoadFromTextFile" } load
            ? load.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == "path")?.Value
            : null;

    private static bool SamePath(IOperation first, IOperation second, LocalLineage lineage)
    {
        if (first.ConstantValue.HasValue && second.ConstantValue.HasValue)
        {
            return Equals(first.ConstantValue.Value, second.ConstantValue.Value);
        }

        return (Referenced(first, lineage) is { } symbol && SymbolEqualityComparer.Default.Equals(symbol, Referenced(second, lineage)))
            || (Expression(first, lineage) is { } one && Expression(second, lineage) is { } other && SyntaxFactory.AreEquivalent(one, other));
    }

    // A variable that holds one path for the whole method: a read-only field, or a parameter the method never assigns.
    // A local is compared by the value it is given (Expression), since it may be given another path in between.
    private static ISymbol? Referenced(IOperation operation, LocalLineage lineage) => LocalLineage.Unconverted(operation) switch
    {
        IParameterReferenceOperation { Parameter: var parameter } when !lineage.IsAssigned(parameter) => parameter,
        IFieldReferenceOperation { Field: { IsReadOnly: true } or { IsConst: true } } field => field.Field,
        _ => null,
    };

    // The expression a path was computed with: itself when constant, a local's one value, or a read-only field's initializer.
    private static SyntaxNode? Expression(IOperation path, LocalLineage lineage) => LocalLineage.Unconverted(path) switch
    {
        { ConstantValue.HasValue: true } constant => constant.Syntax,
        ILocalReferenceOperation local => lineage.OnlyValueOf(local.Local)?.Syntax,
        IFieldReferenceOperation { Field: { IsReadOnly: true } field } => field.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } value } ? value : null,
        _ => null,
    };
}
