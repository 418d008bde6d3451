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
/// <remarks>The model, its training data and the evaluated data are followed through locals, local functions and the class's private methods (<see cref="MethodValues"/>).</remarks>
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
        MentioningBlocks.Register(context, () => new NameScreen(EvaluationNames), (blocks, report, cancellationToken) => Analyze(blocks, report, data, cancellationToken));
    }

    private static void Analyze(ImmutableArray<IOperation> blocks, Action<Diagnostic> report, DataSymbols data, CancellationToken cancellationToken)
    {
        if (!blocks.SelectMany(block => block.Descendants()).OfType<IInvocationOperation>().Any(IsSupervisedEvaluation))
        {
            return;
        }

        // The rest of the class is read only now, for a block that evaluates: its private methods may train the model
        // or load the rows, and a model is judged by every evaluation of it in the class.
        var methods = ClassMethods.Of(blocks, cancellationToken);
        var bodies = blocks.Concat(methods.Bodies).ToList();
        var operations = bodies.SelectMany(block => block.Descendants()).ToList();
        var lineage = new LocalLineage(bodies, data);
        var values = new MethodValues(lineage, operations, methods);
        var byModel = operations.OfType<IInvocationOperation>()
            .Where(IsSupervisedEvaluation)
            .Select(evaluation => (Evaluation: evaluation, Scored: Scored(evaluation, values, data)))
            .Where(found => found.Scored is not null)
            .GroupBy(found => found.Scored!.Value.Fit);
        foreach (var model in byModel)
        {
            var trained = values.Argument(model.Key.Arguments[0].Value);
            var findings = new List<(IInvocationOperation Evaluation, IOperation Rows, bool SameFile)>();
            foreach (var (evaluation, scored) in model)
            {
                var rows = values.Argument(scored!.Value.Rows);
                var sameData = SameRows(trained, rows, lineage, data);
                if (sameData || SameFile(trained, rows, values))
                {
                    findings.Add((evaluation, scored.Value.Rows, !sameData));
                }
                else
                {
                    // Evaluated on other rows too: training metrics beside them are deliberate.
                    findings.Clear();
                    break;
                }
            }

            // Each block reports its own evaluations; another block that evaluates reports its own.
            foreach (var (evaluation, rows, sameFile) in findings.Where(finding => blocks.Any(block => Within(finding.Evaluation, block))))
            {
                report(Diagnostic.Create(Descriptors.TrainingRowsEvaluation, evaluation.Syntax.GetLocation(), PreprocessingLeakageAnalyzer.Shown(rows), sameFile ? ", loaded again from the same file" : ""));
            }
        }
    }

    private static bool Within(IOperation operation, IOperation block) =>
        operation.Syntax.SyntaxTree == block.Syntax.SyntaxTree && block.Syntax.Span.Contains(operation.Syntax.Span);

    private static bool IsSupervisedEvaluation(IInvocationOperation invocation) =>
        invocation.TargetMethod is { Name: var name, ContainingType.Name: var catalog }
        && EvaluationNames.Contains(name) && SupervisedCatalogs.Contains(catalog) && invocation.TargetMethod.ContainingNamespace?.ToDisplayString() == "Microsoft.ML";

    // The model's fit and the rows it scores, when the evaluated data is model.Transform(rows) and the model was fitted here.
    private static (IInvocationOperation Fit, IOperation Rows)? Scored(IInvocationOperation evaluation, MethodValues values, DataSymbols data)
    {
        var scored = evaluation.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == "data")?.Value;
        if (values.ValueOf(scored) is not IInvocationOperation { TargetMethod.Name: "Transform", Instance: { } model, Arguments.Length: 1 } transform
            || values.ValueOf(model) is not IInvocationOperation { TargetMethod.Name: "Fit", Arguments.Length: > 0 } fit
            || fit.Instance?.Type is not { } estimator || !DataSymbols.Implements(estimator, data.Estimator))
        {
            return null;
        }

        return (fit, transform.Arguments[0].Value);
    }

    private static bool SameRows(IOperation trained, IOperation evaluated, LocalLineage lineage, DataSymbols data) =>
        lineage.NodeOf(PreprocessingLeakageAnalyzer.SameRowsAs(trained, lineage, data)).Equals(lineage.NodeOf(PreprocessingLeakageAnalyzer.SameRowsAs(evaluated, lineage, data)));

    // Both loaded with LoadFromTextFile from one path: the same constant, the same read-only field or unassigned parameter,
    // or fields or locals given the same expression.
    private static bool SameFile(IOperation trained, IOperation evaluated, MethodValues values) =>
        PathLoaded(trained, values) is { } first && PathLoaded(evaluated, values) is { } second && SamePath(values.Argument(first), values.Argument(second), values.Lineage);

    private static IOperation? PathLoaded(IOperation rows, MethodValues values) =>
        values.ValueOf(rows) is IInvocationOperation { TargetMethod.Name: "LoadFromTextFile" } load
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

    /// <summary>
    /// Values followed through locals given one value, through local functions and through the class's private methods
    /// (<see cref="ClassMethods"/>): a parameter of one called once is that call's argument, and a call of one that
    /// returns once is what it returns. Programs written as one Main with local functions, or a Main calling Train and
    /// Evaluate methods, train in one and evaluate in another.
    /// </summary>
    private sealed class MethodValues(LocalLineage lineage, List<IOperation> operations, ClassMethods methods)
    {
        // A chain from an evaluation to its fit takes few hops; the bound stops a cycle among functions.
        private const int MostHops = 16;

        public LocalLineage Lineage => lineage;

        public IOperation? ValueOf(IOperation? value)
        {
            for (var hop = 0; value is not null && hop < MostHops; hop++)
            {
                var current = LocalLineage.Unconverted(value);
                var next = current switch
                {
                    ILocalReferenceOperation local => lineage.OnlyValueOf(local.Local),
                    IParameterReferenceOperation when Argument(current) is var argument && argument != current => argument,
                    IInvocationOperation call when Followed(call.TargetMethod) => OnlyReturn(call.TargetMethod),
                    IFieldReferenceOperation { Field: { DeclaredAccessibility: Accessibility.Private } field } when methods.WholeClass => AssignedValue(field, current),
                    _ => null,
                };
                if (next is null)
                {
                    return current;
                }

                value = next;
            }

            return null;
        }

        // For a parameter of a followed function called once, the argument of that call; otherwise the value itself.
        public IOperation Argument(IOperation value)
        {
            for (var hop = 0; hop < MostHops; hop++)
            {
                if (LocalLineage.Unconverted(value) is not IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol function } parameter }
                    || !Followed(function)
                    || lineage.IsAssigned(parameter)
                    || ClassMethods.OnlyCallArgument(parameter, operations) is not { } argument)
                {
                    return value;
                }

                value = argument;
            }

            return value;
        }

        // A private field's value where it is read: the one value the class gives it (with no initializer but null), as a
        // service keeps its model in _model = pipeline.Fit(rows); or, where the class gives it others too (a model loaded in
        // the constructor), the value its method gave it last before the read, in a block around the read.
        private IOperation? AssignedValue(IFieldSymbol field, IOperation read)
        {
            var assignments = operations.OfType<IAssignmentOperation>()
                .Where(assignment => LocalLineage.Unconverted(assignment.Target) is IFieldReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Field.OriginalDefinition, field.OriginalDefinition))
                .ToList();
            if (assignments.Count == 1 && assignments[0] is ISimpleAssignmentOperation only
                && field.DeclaringSyntaxReferences.All(reference => reference.GetSyntax() is VariableDeclaratorSyntax declarator && IsNull(declarator.Initializer?.Value)))
            {
                return only.Value;
            }

            var before = assignments.Where(assignment => SameBody(assignment, read) && assignment.Syntax.SpanStart < read.Syntax.SpanStart).OrderBy(assignment => assignment.Syntax.SpanStart).LastOrDefault();
            return before is ISimpleAssignmentOperation last && Encloses(last, read) ? last.Value : null;
        }

        private static bool SameBody(IOperation one, IOperation other) => ClassMethods.Root(one) == ClassMethods.Root(other);

        // Whether the statement of an assignment sits in a block that also holds the read: it is not in a branch the read is outside of.
        private static bool Encloses(IOperation assignment, IOperation read)
        {
            var statement = assignment;
            while (statement.Parent is { } parent && parent is not IBlockOperation)
            {
                statement = parent;
            }

            return statement.Parent is IBlockOperation block && block.Syntax.Span.Contains(read.Syntax.Span);
        }

        private static bool IsNull(ExpressionSyntax? initial) => initial is null
            || initial.IsKind(SyntaxKind.NullLiteralExpression) || initial.IsKind(SyntaxKind.DefaultLiteralExpression)
            || (initial is PostfixUnaryExpressionSyntax { Operand: var operand } suppressed && suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression) && IsNull(operand));

        private bool Followed(IMethodSymbol function) => function.MethodKind == MethodKind.LocalFunction || methods.BodyOf(function) is not null;

        private IOperation? OnlyReturn(IMethodSymbol function) =>
            (methods.BodyOf(function) ?? operations.OfType<ILocalFunctionOperation>().FirstOrDefault(declared => SymbolEqualityComparer.Default.Equals(declared.Symbol, function.OriginalDefinition))?.Body) is { } body
                ? ClassMethods.OnlyReturn(body)
                : null;
    }
}
