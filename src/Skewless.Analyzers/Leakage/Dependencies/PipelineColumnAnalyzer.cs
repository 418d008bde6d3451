using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Leakage.Dependencies;

/// <summary>
/// SKW200, SKW201 and SKW202 for the features an ML.NET pipeline builds from columns: a <c>[Label]</c>,
/// <c>[NotAtServing]</c> or <c>[ModelOutput]</c> member of a data source named as an input of <c>Concatenate</c> or of
/// another transform writing the <c>Features</c> column (the columns a features vector is made of), or as a trainer's
/// <c>featureColumnName</c>, as ML.NET's taxi-fare sample gives the model the trip's duration, known only once the trip
/// has ended.
/// </summary>
/// <remarks>
/// A column is named with <c>nameof(Trip.Duration)</c>, or with a string equal to the member's name or its
/// <c>[ColumnName]</c> on a data source type the same method names as a type argument (<c>LoadFromTextFile&lt;Trip&gt;</c>).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PipelineColumnAnalyzer : SkewlessAnalyzer
{
    private const string FeatureColumn = "featureColumnName";

    private const string OutputColumn = "outputColumnName";

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
        context.RegisterOperationAction(operation => Analyze(operation, symbols, columnName), OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, KnownSymbols symbols, INamedTypeSymbol? columnName)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!method.Parameters.Any(parameter => parameter.Name is OutputColumn or FeatureColumn)
            || method.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.ML", StringComparison.Ordinal) != true)
        {
            return;
        }

        // The columns the model's features are made of: a Concatenate's inputs, the inputs of any transform that writes the
        // trainers' default "Features" column (FeaturizeText("Features", nameof(Issue.Description))), a trainer's feature column.
        var output = invocation.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == OutputColumn)?.Value.ConstantValue.Value as string;
        var builds = method.Name == "Concatenate" || output == "Features";
        var how = builds ? $"as an input column of ML.NET's {method.Name}" : $"as the feature column of ML.NET's {method.Name}";
        var feature = builds ? output : null;
        var columns = invocation.Arguments
            .Where(argument => builds ? argument.Parameter?.Name is "inputColumnName" or "inputColumnNames" : argument.Parameter?.Name == FeatureColumn)
            .SelectMany(argument => ColumnsIn(argument.Value))
            .ToList();
        List<ITypeSymbol>? named = null;
        foreach (var column in columns)
        {
            if (column.ConstantValue.Value is not string text)
            {
                continue;
            }

            var members = column is INameOfOperation { Argument: IMemberReferenceOperation { Member: var member } }
                ? new[] { member }
                : (named ??= TypeArgumentsOf(invocation)).SelectMany(type => type.GetMembers()).Where(candidate => Names(candidate, text, columnName));
            foreach (var diagnostic in members.Where(candidate => symbols.DataSourceOf(candidate.ContainingType) is not null)
                .SelectMany(marked => FeatureDependencyAnalyzer.DependencyDiagnostics(symbols, marked, feature ?? text, how, column.Syntax.GetLocation(), read: null)))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }
    }

    // The column names an argument gives: itself, or the elements of the array a params argument or `new[] { … }` makes.
    private static IEnumerable<IOperation> ColumnsIn(IOperation value) =>
        value is IArrayCreationOperation { Initializer: { } elements } ? elements.ElementValues : new[] { value };

    // Whether a member is the column a name gives: by its own name, or by ML.NET's [ColumnName].
    private static bool Names(ISymbol member, string text, INamedTypeSymbol? columnName) =>
        member is IPropertySymbol or IFieldSymbol
        && (KnownSymbols.Find(member, columnName)?.ConstructorArguments.FirstOrDefault().Value as string ?? member.Name) == text;

    // The types the method around the call names as type arguments, such as the rows of LoadFromTextFile<Trip>.
    private static List<ITypeSymbol> TypeArgumentsOf(IOperation operation)
    {
        var root = operation;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        return root.DescendantsAndSelf().OfType<IInvocationOperation>()
            .SelectMany(call => call.TargetMethod.TypeArguments)
            .Distinct<ITypeSymbol>(SymbolEqualityComparer.Default)
            .ToList();
    }
}
