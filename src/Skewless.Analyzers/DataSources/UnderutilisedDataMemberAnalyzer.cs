using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Leakage.Dependencies;
using Skewless.Analyzers.Leakage.Lineage;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.DataSources;

/// <summary>
/// Reports a member of a <c>[DataSource]</c> that no feature of any feature set in the compilation
/// reads, and that is not the label, a group key, the event time or a member marked
/// <c>[NotAtServing]</c> or <c>[ModelOutput]</c>, which features should not read, an entity's key or concurrency token,
/// or a column an ML.NET call is given by <c>nameof</c>, by name, among every column of a schema but some or by a lambda that reads it (SKW500): an underutilised data dependency. Only data sources that some feature set here takes are checked, since a data source
/// declared for other projects is read there. Needs every feature set, so it reports when the
/// compilation ends.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnderutilisedDataMemberAnalyzer : SkewlessAnalyzer
{
    // Members with these roles are used without a feature reading them: by training, by splits, or by evaluation and
    // analysis (a [NotAtServing] member, which SKW201 forbids features to read, and a [ModelOutput] one, which SKW202
    // warns a feature off, as reading it closes a feedback loop).
    private static readonly string[] ExemptRoles = { DataSourceParser.Label, DataSourceParser.EventTime, DataSourceParser.GroupKey, DataSourceParser.NotAtServing, DataSourceParser.ModelOutput };

    // An entity's identity and concurrency token, which the store needs whatever the features read.
    private static readonly string[] StoreAttributes =
    {
        "System.ComponentModel.DataAnnotations.KeyAttribute",
        "System.ComponentModel.DataAnnotations.TimestampAttribute",
        "System.ComponentModel.DataAnnotations.ConcurrencyCheckAttribute",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnderutilisedDataMember);

    private protected override void Start(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        if (symbols.DataSourceAttribute is null)
        {
            return;
        }

        var readers = new ConcurrentBag<(ITypeSymbol Input, IEnumerable<string> Reads)>();
        var dataSources = new ConcurrentBag<(INamedTypeSymbol Type, AttributeData Attribute)>();
        var named = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);
        context.RegisterSymbolAction(symbol => Collect(symbol, symbols, readers, dataSources), SymbolKind.NamedType);

        // ML.NET reads columns by name, so an estimator given nameof(Trip.RateCode) depends on the member as a feature would.
        context.RegisterOperationAction(
            operation =>
            {
                if (((INameOfOperation)operation.Operation).Argument is IMemberReferenceOperation { Member: IPropertySymbol or IFieldSymbol } reference)
                {
                    named.TryAdd(reference.Member.OriginalDefinition, true);
                }
            },
            OperationKind.NameOf);

        // So does one named by a string equal to its column's name, wherever the call is (an info rule had better stay quiet
        // when a name may be another type's), or given among columns drawn from a schema, also by a step SKW201 cannot read.
        var columns = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var columnName = context.Compilation.GetTypeByMetadataName("Microsoft.ML.Data.ColumnNameAttribute");
        if (context.Compilation.GetTypeByMetadataName("Microsoft.ML.IDataView") is not null)
        {
            context.RegisterOperationAction(
                operation =>
                {
                    var invocation = (IInvocationOperation)operation.Operation;
                    foreach (var member in MappedMembers(invocation))
                    {
                        named.TryAdd(member.OriginalDefinition, true);
                    }

                    if (PipelineColumnAnalyzer.ColumnArguments(invocation, columnName) is not var (pipeline, names))
                    {
                        return;
                    }

                    foreach (var column in names)
                    {
                        if (column.ConstantValue.Value is string name)
                        {
                            columns.TryAdd(name, true);
                        }
                        else if (pipeline.MayTake(column) is { } members)
                        {
                            foreach (var member in members)
                            {
                                named.TryAdd(member.OriginalDefinition, true);
                            }
                        }
                    }
                },
                OperationKind.Invocation);
        }

        context.RegisterCompilationEndAction(end => Report(end, readers, dataSources, named, columns, columnName));
    }

    /// <summary>
    /// The members read by a lambda an ML.NET call is given, such as <c>CustomMapping</c>'s mapping or
    /// <c>FilterByCustomPredicate</c>'s predicate: ML.NET reads those columns by code, as a feature would, even when all
    /// the lambda builds is the label.
    /// </summary>
    private static IEnumerable<ISymbol> MappedMembers(IInvocationOperation invocation)
    {
        if (!invocation.Arguments.Any(argument => argument.Parameter?.Type.TypeKind == TypeKind.Delegate)
            || !(PipelineColumnAnalyzer.IsMachineLearning(invocation.TargetMethod) || IsBridgeToMachineLearning(invocation.TargetMethod)))
        {
            return Enumerable.Empty<ISymbol>();
        }

        return invocation.Arguments
            .Where(argument => argument.Parameter?.Type.TypeKind == TypeKind.Delegate)
            .Select(argument => LocalLineage.Unconverted(argument.Value))
            .Select(value => value is ILocalReferenceOperation local ? InitializerOf(local) : value)
            .OfType<IDelegateCreationOperation>()
            .Select(creation => creation.Target)
            .OfType<IAnonymousFunctionOperation>()
            .SelectMany(lambda => lambda.Body.Descendants())
            .OfType<IMemberReferenceOperation>()
            .Where(reference => reference.Member is IPropertySymbol or IFieldSymbol)
            .Select(reference => reference.Member);
    }

    // Skewless.ML's ToDataView, whose label and group key lambdas build ML.NET's columns from the rows (round 16's IsFull
    // label, read off the capacity).
    private static bool IsBridgeToMachineLearning(IMethodSymbol method) =>
        method.ContainingType is { Name: "FittedFeatureSetExtensions", ContainingNamespace: { Name: "ML", ContainingNamespace: { Name: "Skewless", ContainingNamespace.IsGlobalNamespace: true } } };

    // ML.NET's own samples declare the mapping as a local first: Action<In, Out> mapping = (input, output) => …;
    private static IOperation? InitializerOf(ILocalReferenceOperation local) =>
        ClassMethods.Root(local).Descendants().OfType<IVariableDeclaratorOperation>()
            .FirstOrDefault(declarator => SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local))
            ?.Initializer is { } initializer ? LocalLineage.Unconverted(initializer.Value) : null;

    private static void Collect(
        SymbolAnalysisContext context,
        KnownSymbols symbols,
        ConcurrentBag<(ITypeSymbol Input, IEnumerable<string> Reads)> readers,
        ConcurrentBag<(INamedTypeSymbol Type, AttributeData Attribute)> dataSources)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (KnownSymbols.Find(type, symbols.DataSourceAttribute) is { } dataSource)
        {
            dataSources.Add((type, dataSource));
        }

        if (KnownSymbols.Find(type, symbols.FeatureSetAttribute) is { ConstructorArguments.Length: 1 } featureSet && featureSet.ConstructorArguments[0].Value is ITypeSymbol input
            && FeatureSetParser.ParseOnce(type, symbols, context.Compilation, context.CancellationToken).Model is { } model)
        {
            readers.Add((input, model.Features.SelectMany(feature => feature.Reads).ToList()));
        }
    }

    private static void Report(
        CompilationAnalysisContext context,
        IEnumerable<(ITypeSymbol Input, IEnumerable<string> Reads)> readers,
        IEnumerable<(INamedTypeSymbol Type, AttributeData Attribute)> dataSources,
        ConcurrentDictionary<ISymbol, bool> named,
        ConcurrentDictionary<string, bool> columns,
        INamedTypeSymbol? columnName)
    {
        foreach (var (type, attribute) in dataSources)
        {
            // The feature sets that take this type, or a type derived from it, read its members by name.
            var ofType = readers.Where(reader => Takes(reader.Input, type)).ToList();
            if (ofType.Count == 0)
            {
                continue;
            }

            var read = new HashSet<string>(ofType.SelectMany(reader => reader.Reads), StringComparer.Ordinal);
            var name = DataSourceParser.UpstreamName(attribute) ?? type.Name;
            foreach (var member in DataSourceParser.Members(type))
            {
                if (SymbolEqualityComparer.Default.Equals(member.ContainingType, type) && !read.Contains(member.Name)
                    && !IsComputed(member) && !DataSourceParser.Roles(member).Any(ExemptRoles.Contains) && !named.ContainsKey(member) && !columns.ContainsKey(PipelineColumns.ColumnOf(member, columnName))
                    && !member.GetAttributes().Any(store => store.AttributeClass is { } storeAttribute && StoreAttributes.Contains(storeAttribute.ToDisplayString())))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnderutilisedDataMember, member.Locations.FirstOrDefault(), $"{type.Name}.{member.Name}", name));
                }
            }
        }
    }

    // A property with no storage of its own (EncodedNum => Num == 0 ? -1 : 1, round 18's encoded label) is no upstream
    // column: the members it reads are the dependencies, and are checked themselves.
    private static bool IsComputed(ISymbol member) =>
        member is IPropertySymbol property
        && !property.ContainingType.GetMembers().OfType<IFieldSymbol>().Any(field => SymbolEqualityComparer.Default.Equals(field.AssociatedSymbol, property));

    private static bool Takes(ITypeSymbol input, INamedTypeSymbol dataSource)
    {
        for (var type = input; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, dataSource))
            {
                return true;
            }
        }

        return false;
    }
}
