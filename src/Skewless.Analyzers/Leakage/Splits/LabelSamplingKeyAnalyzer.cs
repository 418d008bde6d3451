using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Leakage.Dependencies;
using Skewless.Analyzers.Leakage.Lineage;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Leakage.Splits;

/// <summary>
/// Reports an ML.NET split or cross-validation keyed by the label (SKW209): <c>samplingKeyColumnName: "IsProfitable"</c>,
/// written as if it stratified, hashes the label, so every row of a class lands on one side. The label is the rows'
/// <c>[Label]</c>, for rows whose type the data view is known to be loaded from, or the label column a trainer, trainer
/// options or evaluation of the method is given, ML.NET's default included (see <see cref="PipelineColumns.GivenLabelFrom"/>).
/// </summary>
/// <remarks>
/// A key that is the rows' group key is their remedy, and is reported only if the method trains on it as the label. What
/// the split does along a group or time is SKW203's and SKW204's to report, beside this.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LabelSamplingKeyAnalyzer : SkewlessAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LabelSamplingKey);

    private protected override void Start(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        var data = new DataSymbols(context.Compilation);
        if (data.DataCatalog is null)
        {
            return;
        }

        // Only bodies that call an ML.NET split by name can key one; unit tests ship no model.
        var textLoaders = new TextLoaderRows(context.Compilation, symbols, data);
        MentioningBlocks.Register(
            context,
            () => new NameScreen(RandomSplitAnalyzer.MachineLearningSplits),
            (blocks, report, cancellationToken) => Analyze(blocks, report, symbols, data, textLoaders, cancellationToken),
            TestMethods.IsTest);
    }

    private static void Analyze(ImmutableArray<IOperation> blocks, Action<Diagnostic> report, KnownSymbols symbols, DataSymbols data, TextLoaderRows textLoaders, CancellationToken cancellationToken)
    {
        var loaded = new LoadedRows(blocks, symbols, data, textLoaders, intoOtherMethods: true, cancellationToken);
        PipelineColumns? columns = null;
        foreach (var split in blocks.SelectMany(block => block.Descendants()).OfType<IInvocationOperation>())
        {
            if (RandomSplitAnalyzer.KeyedMachineLearningSplit(split) is not ({ } rows, { } key) || key.ConstantValue.Value is not string column)
            {
                continue;
            }

            var rowTypes = loaded.RowTypes(rows);
            var annotated = rowTypes.Select(type => KnownSymbols.FindMember(type, symbols.LabelAttribute)).OfType<ISymbol>()
                .FirstOrDefault(label => PipelineColumns.ColumnOf(label, data.ColumnName) == column
                    || (key is INameOfOperation { Argument: IMemberReferenceOperation { Member: var named } } && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, label.OriginalDefinition)));
            var label = annotated is not null ? column : (columns ??= new PipelineColumns(split, data.ColumnName)).GivenLabelFrom(key);
            if (label is null || (!Classifies(blocks) && (Regresses(blocks) || IsContinuous(annotated))))
            {
                continue;
            }

            var folds = split.TargetMethod.Name.StartsWith("CrossValid", StringComparison.Ordinal);
            report(Diagnostic.Create(
                Descriptors.LabelSamplingKey,
                split.Syntax.GetLocation(),
                split.TargetMethod.Name,
                column,
                label == column ? "the label" : $"a column the label '{label}' is computed from",
                folds ? "in the same fold, so a fold's test rows" : "on the same side, so the test rows",
                Remedy(rowTypes, symbols, data)));
        }
    }

    // A regression's label is a measurement, nearly unique per row: keyed by it, the split is as random as one with no
    // key, and no class can end up on one side. Only a method that trains or evaluates no classifier is taken to regress.
    private static bool Classifies(ImmutableArray<IOperation> blocks) => Catalogs(blocks).Any(name => name.EndsWith("ClassificationCatalog", StringComparison.Ordinal));

    private static bool Regresses(ImmutableArray<IOperation> blocks) => Catalogs(blocks).Contains("RegressionCatalog");

    private static IEnumerable<string> Catalogs(ImmutableArray<IOperation> blocks) =>
        blocks.SelectMany(block => block.Descendants()).OfType<IPropertyReferenceOperation>().Select(property => property.Property.Type.Name);

    private static bool IsContinuous(ISymbol? label) =>
        (label switch { IPropertySymbol property => property.Type, IFieldSymbol field => field.Type, _ => null }) is { } type
        && (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type).SpecialType
            is SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal;

    // Rows with a time are split by time (SKW204 says how); rows with a group are keyed by it; others need no key.
    private static string Remedy(List<ITypeSymbol> rowTypes, KnownSymbols symbols, DataSymbols data)
    {
        var groups = rowTypes.Select(type => KnownSymbols.FindMember(type, symbols.GroupKeyAttribute)).OfType<ISymbol>().ToList();
        if (rowTypes.Any(type => KnownSymbols.FindMember(type, symbols.EventTimeAttribute) is not null))
        {
            return "drop it, and split the rows by time";
        }

        return groups.Count > 0
            ? $"key the split by the rows' group, samplingKeyColumnName: \"{PipelineColumns.ColumnOf(groups[0], data.ColumnName)}\""
            : "drop it, or key the split by the rows' group";
    }
}
