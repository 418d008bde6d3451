using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Leakage.Lineage;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Leakage.Splits;

/// <summary>
/// Reports a random split of rows that have a <c>[GroupKey]</c> (SKW203) or an <c>[EventTime]</c>
/// (SKW204): ML.NET's <c>TrainTestSplit</c>, <c>CrossValidationSplit</c> and <c>CrossValidate</c>
/// without a sampling key, on data loaded from such rows; and a LINQ shuffle (<c>OrderBy</c> on
/// <c>Random</c> or <c>Guid.NewGuid()</c>, <c>Shuffle</c>) whose result is cut by <c>Take</c> or <c>Skip</c>.
/// A deterministic split along one axis is random along the other, so the generated <c>SplitByTime</c>
/// of rows that also have a group key is SKW203, and <c>SplitByGroup</c> of rows that also have an event
/// time is SKW204, as are the runtime's <c>DeterministicSplit</c> methods behind them and an ML.NET
/// split with a sampling key.
/// </summary>
/// <remarks>Where the rows come from is followed through the method's locals, not into other methods.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RandomSplitAnalyzer : SkewlessAnalyzer
{
    internal const string SamplingKeyParameter = "samplingKeyColumnName";

    private static readonly string[] MachineLearningSplits = { "TrainTestSplit", "CrossValidationSplit", "CrossValidate", "CrossValidateNonCalibrated" };
    private static readonly string[] Partitions = { "Take", "Skip", "TakeLast", "SkipLast" };
    private static readonly string[] Orderings = { "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending" };

    // The one-axis splits: generated on a feature set, and the runtime methods they call.
    private static readonly string[] TimeOnlySplits = { "SplitByTime", "ByTime", "ByTimeFraction" };
    private static readonly string[] GroupOnlySplits = { "SplitByGroup", "ByGroup" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.RandomGroupSplit,
        Descriptors.RandomTimeSplit);

    private protected override void Start(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        var data = new DataSymbols(context.Compilation);
        // Every report starts at a split or a Take/Skip, so only bodies that name one are analysed.
        MentioningBlocks.Register(context, MachineLearningSplits.Concat(Partitions).Concat(TimeOnlySplits).Concat(GroupOnlySplits).ToArray(), (blocks, report) => Analyze(blocks, report, symbols, data));
    }

    private static void Analyze(ImmutableArray<IOperation> blocks, Action<Diagnostic> report, KnownSymbols symbols, DataSymbols data)
    {
        LocalLineage? lineage = null;
        var reported = new HashSet<(IOperation, string)>();
        var invocations = blocks.SelectMany(block => block.Descendants()).OfType<IInvocationOperation>().ToList();
        foreach (var invocation in invocations)
        {
            if (MachineLearningSplit(invocation) is ({ } rows, var keyed))
            {
                lineage ??= new LocalLineage(blocks, data);
                foreach (var rowType in lineage.Sources(rows).OfType<IInvocationOperation>().Select(source => LoadedRowType(source, data)).Where(type => type is not null).Distinct(SymbolEqualityComparer.Default))
                {
                    if (keyed)
                    {
                        // Hashing a key keeps its groups apart, but is as random in time as no key.
                        ReportOne(report, reported, invocation, (ITypeSymbol)rowType!, $"{invocation.TargetMethod.Name} with a sampling key splits them by group alone", symbols.EventTimeAttribute, Descriptors.RandomTimeSplit);
                    }
                    else
                    {
                        Report(report, reported, invocation, (ITypeSymbol)rowType!, $"{invocation.TargetMethod.Name} without a sampling key splits them at random", symbols);
                    }
                }
            }
            else if (OneAxisSplit(invocation, symbols) is ({ } rowType, var byTime))
            {
                var how = $"{invocation.TargetMethod.Name} splits them by {(byTime ? "time" : "group")} alone";
                ReportOne(report, reported, invocation, rowType, how, byTime ? symbols.GroupKeyAttribute : symbols.EventTimeAttribute, byTime ? Descriptors.RandomGroupSplit : Descriptors.RandomTimeSplit);
            }
            else if (IsPartition(invocation, data) && HasSplitMember(invocation.TargetMethod.TypeArguments[0], symbols))
            {
                lineage ??= new LocalLineage(blocks, data);
                foreach (var shuffle in lineage.Sources(invocation.Arguments[0].Value).SelectMany(source => Shuffles(source, invocations, data)))
                {
                    Report(report, reported, shuffle, invocation.TargetMethod.TypeArguments[0], $"{Describe(shuffle)} followed by Take/Skip splits them at random", symbols);
                }
            }
        }
    }

    private static void Report(Action<Diagnostic> report, HashSet<(IOperation, string)> reported, IOperation split, ITypeSymbol rowType, string how, KnownSymbols symbols)
    {
        ReportOne(report, reported, split, rowType, how, symbols.GroupKeyAttribute, Descriptors.RandomGroupSplit);
        ReportOne(report, reported, split, rowType, how, symbols.EventTimeAttribute, Descriptors.RandomTimeSplit);
    }

    // Reports the split once per rule when the rows have the member that rule protects.
    private static void ReportOne(Action<Diagnostic> report, HashSet<(IOperation, string)> reported, IOperation split, ITypeSymbol rowType, string how, INamedTypeSymbol? attribute, DiagnosticDescriptor descriptor)
    {
        if (KnownSymbols.FindMember(rowType, attribute) is { } member && reported.Add((split, descriptor.Id)))
        {
            report(Diagnostic.Create(descriptor, split.Syntax.GetLocation(), rowType.Name, $"{member.ContainingType.Name}.{member.Name}", how));
        }
    }

    /// <summary>
    /// For a split by time alone or by group alone, the rows it splits and whether it is by time: a
    /// <c>SplitByTime</c> or <c>SplitByGroup</c> of a feature set, or the <c>DeterministicSplit</c> method it calls.
    /// </summary>
    private static (ITypeSymbol? RowType, bool ByTime) OneAxisSplit(IInvocationOperation invocation, KnownSymbols symbols)
    {
        var method = invocation.TargetMethod;
        var byTime = TimeOnlySplits.Contains(method.Name);
        if ((!byTime && !GroupOnlySplits.Contains(method.Name))
            || method.ReturnType is not INamedTypeSymbol { Name: "Split", TypeArguments.Length: 1 } split
            || split.ContainingNamespace?.ToDisplayString() != "Skewless"
            || method.ContainingType is not { } owner
            || !(owner.ToDisplayString() == "Skewless.DeterministicSplit" || KnownSymbols.Find(owner, symbols.FeatureSetAttribute) is not null))
        {
            return (null, false);
        }

        return (split.TypeArguments[0], byTime);
    }

    private static bool HasSplitMember(ITypeSymbol rowType, KnownSymbols symbols) =>
        KnownSymbols.FindMember(rowType, symbols.GroupKeyAttribute) is not null || KnownSymbols.FindMember(rowType, symbols.EventTimeAttribute) is not null;

    /// <summary>For an ML.NET split or cross-validation without a sampling key, the data it splits.</summary>
    internal static IOperation? RandomMachineLearningSplit(IInvocationOperation invocation) =>
        MachineLearningSplit(invocation) is ({ } data, false) ? data : null;

    /// <summary>For an ML.NET split or cross-validation, the data it splits and whether it hashes a sampling key.</summary>
    private static (IOperation? Data, bool Keyed) MachineLearningSplit(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (!MachineLearningSplits.Contains(method.Name) || method.ContainingNamespace?.ToDisplayString() != "Microsoft.ML"
            || !method.Parameters.Any(parameter => parameter.Name == SamplingKeyParameter))
        {
            return (null, false);
        }

        var key = invocation.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == SamplingKeyParameter);
        var random = key is null || key.Value.ConstantValue is { HasValue: true, Value: null };
        return (invocation.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == "data")?.Value, !random);
    }

    /// <summary>The row type of data loaded with ML.NET's <c>LoadFromEnumerable&lt;T&gt;</c> or Skewless.ML's <c>ToDataView&lt;T, …&gt;</c>, whose first type argument is the row type and the others its label's and group key's.</summary>
    internal static ITypeSymbol? LoadedRowType(IInvocationOperation invocation, DataSymbols data)
    {
        var method = invocation.TargetMethod;
        var loads = (method.Name == "LoadFromEnumerable" && DataSymbols.Is(method.ContainingType, data.DataCatalog))
            || (method.Name == "ToDataView" && DataSymbols.Is(method.ContainingType, data.FittedFeatureSetExtensions));
        return loads && method.TypeArguments.Length > 0 ? method.TypeArguments[0] : null;
    }

    private static bool IsPartition(IInvocationOperation invocation, DataSymbols data) =>
        Partitions.Contains(invocation.TargetMethod.Name) && DataSymbols.Is(invocation.TargetMethod.ContainingType, data.Enumerable)
        && invocation.TargetMethod.TypeArguments.Length == 1 && invocation.Arguments.Length > 0;

    /// <summary>The shuffles that put <paramref name="source"/>'s rows in a random order: the source itself, or an in-place shuffle of the local it reads.</summary>
    private static IEnumerable<IOperation> Shuffles(IOperation source, List<IInvocationOperation> invocations, DataSymbols data)
    {
        if (source is IInvocationOperation invocation && IsShuffle(invocation, data))
        {
            yield return invocation;
        }

        if (ReferencedSymbol(source) is { } shuffled)
        {
            foreach (var inPlace in invocations.Where(candidate => IsInPlaceShuffle(candidate, data)
                && SymbolEqualityComparer.Default.Equals(ReferencedSymbol(candidate.Arguments[0].Value), shuffled)))
            {
                yield return inPlace;
            }
        }
    }

    private static bool IsShuffle(IInvocationOperation invocation, DataSymbols data)
    {
        var method = invocation.TargetMethod;
        if (!DataSymbols.Is(method.ContainingType, data.Enumerable))
        {
            return false;
        }

        return method.Name == "Shuffle"
            || (Orderings.Contains(method.Name) && invocation.Arguments.Length > 1
                && LocalLineage.Unconverted(invocation.Arguments[1].Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation key }
                && key.Body.Descendants().OfType<IInvocationOperation>().Any(call => IsRandomSource(call.TargetMethod, data)));
    }

    // Random.Shuffle(array) shuffles its argument where it is.
    private static bool IsInPlaceShuffle(IInvocationOperation invocation, DataSymbols data) =>
        invocation.TargetMethod.Name == "Shuffle" && DataSymbols.DerivesFrom(invocation.TargetMethod.ContainingType, data.Random) && invocation.Arguments.Length == 1;

    private static bool IsRandomSource(IMethodSymbol method, DataSymbols data) =>
        DataSymbols.DerivesFrom(method.ContainingType, data.Random)
        || DataSymbols.Is(method.ContainingType, data.RandomNumberGenerator)
        || (method.Name == "NewGuid" && DataSymbols.Is(method.ContainingType, data.Guid));

    private static ISymbol? ReferencedSymbol(IOperation operation) => LocalLineage.Unconverted(operation) switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    private static string Describe(IOperation shuffle) => shuffle is IInvocationOperation { TargetMethod.Name: "Shuffle" } invocation
        ? $"{invocation.TargetMethod.ContainingType.Name}.Shuffle"
        : "OrderBy on a random key";
}
