using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Leakage.Lineage;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Leakage.Dependencies;

/// <summary>
/// SKW200, SKW201 and SKW202 for the features an ML.NET pipeline builds from columns: a <c>[Label]</c>,
/// <c>[NotAtServing]</c> or <c>[ModelOutput]</c> member of a data source named as an input of <c>Concatenate</c> or of
/// another transform writing the <c>Features</c> column (the columns a features vector is made of), or as a trainer's
/// <c>featureColumnName</c>, as ML.NET's taxi-fare sample gives the model the trip's duration, known only once the trip
/// has ended.
/// </summary>
/// <remarks>Which members a column name stands for is <see cref="PipelineColumns"/>' to tell; which data source members a member of the project's own type is copied from, <see cref="CopiedMembers"/>'.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PipelineColumnAnalyzer : SkewlessAnalyzer
{
    internal const string OutputColumn = "outputColumnName";

    internal const string InputColumn = "inputColumnName";

    internal const string InputColumns = "inputColumnNames";

    private const string FeatureColumn = "featureColumnName";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.LabelDependency,
        Descriptors.NotAtServingDependency,
        Descriptors.ModelOutputDependency);

    private protected override void Start(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        if (context.Compilation.GetTypeByMetadataName("Microsoft.ML.IDataView") is null)
        {
            return;
        }

        var columnName = context.Compilation.GetTypeByMetadataName("Microsoft.ML.Data.ColumnNameAttribute");
        var copies = new CopiedMembers(context.Compilation, symbols);
        context.RegisterOperationAction(operation => Analyze(operation, symbols, columnName, copies), OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, KnownSymbols symbols, INamedTypeSymbol? columnName, CopiedMembers copies)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!method.Parameters.Any(parameter => parameter.Name is OutputColumn or FeatureColumn) || !IsMachineLearning(method))
        {
            return;
        }

        // The columns the model's features are made of: a Concatenate's inputs, the inputs of any transform that writes the
        // trainers' default "Features" column (FeaturizeText("Features", nameof(Issue.Description))), a trainer's feature column.
        var output = OutputOf(invocation);
        var builds = BuildsFeatures(invocation, output);
        var how = builds ? $"as an input column of ML.NET's {method.Name}" : $"as the feature column of ML.NET's {method.Name}";
        var feature = builds ? output : null;
        var columns = new PipelineColumns(invocation, columnName);
        foreach (var column in invocation.Arguments
            .Where(argument => builds ? argument.Parameter?.Name is InputColumn or InputColumns : argument.Parameter?.Name == FeatureColumn)
            .SelectMany(argument => columns.In(argument.Value)))
        {
            var reported = false;
            foreach (var (named, through) in columns.MembersOf(column))
            {
                foreach (var (member, copied) in SourcesOf(named, symbols, copies, context.CancellationToken))
                {
                    reported |= Report(context, symbols, member, feature ?? (string)column.ConstantValue.Value!, (through is null ? how : $"{how} through column '{through}'") + copied, column, copied.Length > 0);
                }
            }

            if (feature is not null && !reported && columns.LabelFrom(column) is var (label, shared))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.LabelDependency, column.Syntax.GetLocation(), feature, label, shared == label ? how : $"{how} through column '{shared}', which the label is computed from"));
            }

            if (feature is not null && column.ConstantValue.Value is null && columns.EveryColumnBut(column) is var (members, leftOut))
            {
                var but = leftOut.Count == 0 ? "" : " but " + string.Join(", ", leftOut.Select(name => $"'{name}'"));
                foreach (var (member, copied) in members.SelectMany(member => SourcesOf(member, symbols, copies, context.CancellationToken)))
                {
                    Report(context, symbols, member, feature, $"{how}, among every column of the schema{but}{copied}", column, copied.Length > 0);
                }
            }
        }
    }

    // The data source members a column's member stands for: itself, or those the project copies into it, with how.
    private static IEnumerable<(ISymbol Member, string Copied)> SourcesOf(ISymbol member, KnownSymbols symbols, CopiedMembers copies, CancellationToken cancellationToken) =>
        symbols.DataSourceOf(member.ContainingType) is not null
            ? new[] { (member, "") }
            : copies.Of(member, cancellationToken).Select(copy => (copy.Source, $", copied into '{member.ContainingType.Name}.{member.Name}' in {copy.Where}"));

    // Whether the label was among what was reported. A data source's label copied into another type is not that type's
    // model's label: projections feed other models (the sales' item, a feature of the day-type model), and the pipeline's
    // own label column is checked without annotations. Whether a value is known at serving, or is a model's, does not change.
    private static bool Report(OperationAnalysisContext context, KnownSymbols symbols, ISymbol member, string feature, string how, IOperation column, bool copied)
    {
        var label = false;
        foreach (var diagnostic in FeatureDependencyAnalyzer.DependencyDiagnostics(symbols, member, feature, how, column.Syntax.GetLocation(), read: null)
            .Where(diagnostic => !copied || diagnostic.Id != Descriptors.LabelDependency.Id))
        {
            label |= diagnostic.Id == Descriptors.LabelDependency.Id;
            context.ReportDiagnostic(diagnostic);
        }

        return label;
    }

    /// <summary>
    /// For an ML.NET call with <c>…ColumnName</c> or <c>…ColumnNames</c> parameters, the column names it is given and what
    /// ties them to members; <see langword="null"/> for any other call.
    /// </summary>
    internal static (PipelineColumns Columns, IEnumerable<IOperation> Names)? ColumnArguments(IInvocationOperation invocation, INamedTypeSymbol? columnName)
    {
        if (!invocation.TargetMethod.Parameters.Any(parameter => IsColumnParameter(parameter.Name)) || !IsMachineLearning(invocation.TargetMethod))
        {
            return null;
        }

        var columns = new PipelineColumns(invocation, columnName);
        return (columns, invocation.Arguments.Where(argument => argument.Parameter is { } parameter && IsColumnParameter(parameter.Name)).SelectMany(argument => columns.In(argument.Value)));
    }

    // FilterRowsByColumn, SelectColumns and DropColumns name theirs columnName and columnNames.
    private static bool IsColumnParameter(string name) => name.EndsWith("ColumnName", StringComparison.OrdinalIgnoreCase) || name.EndsWith("ColumnNames", StringComparison.OrdinalIgnoreCase);

    /// <summary>The column an ML.NET transform writes, when it is given as a constant.</summary>
    internal static string? OutputOf(IInvocationOperation call) =>
        IsMachineLearning(call.TargetMethod) ? call.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == OutputColumn)?.Value.ConstantValue.Value as string : null;

    /// <summary>Whether a transform builds the model's features from its inputs: a <c>Concatenate</c>, or any that writes the trainers' default feature column.</summary>
    internal static bool BuildsFeatures(IInvocationOperation call, string? output) => call.TargetMethod.Name == "Concatenate" || output == "Features";

    /// <summary>Whether a method, or a member of options, is ML.NET's.</summary>
    internal static bool IsMachineLearning(ISymbol symbol) => symbol.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.ML", StringComparison.Ordinal) == true;
}
