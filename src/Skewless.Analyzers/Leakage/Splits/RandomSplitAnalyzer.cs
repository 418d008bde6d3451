using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Leakage.Dependencies;
using Skewless.Analyzers.Leakage.Lineage;
using Skewless.Analyzers.Parsing;
using Skewless.Analyzers.Skew;
using Skewless.Analyzers.Skew.Purity;

namespace Skewless.Analyzers.Leakage.Splits;

/// <summary>
/// Reports a random split of rows that have a <c>[GroupKey]</c> (SKW203) or an <c>[EventTime]</c>
/// (SKW204): ML.NET's <c>TrainTestSplit</c>, <c>CrossValidationSplit</c> and <c>CrossValidate</c>
/// without a sampling key, on data loaded from such rows; a shuffle (<c>OrderBy</c> on <c>Random</c> or
/// <c>Guid.NewGuid()</c>, <c>Shuffle</c>, ML.NET's <c>ShuffleRows</c>) cut into a head and a tail (see
/// <see cref="RowCut"/>); and a random mask, a <c>Where</c> on a random draw whose rows are also read for
/// the other side. A hash code seeded afresh in every process, such as <c>string.GetHashCode()</c>, draws at random too,
/// and a mask on a stable hash splits by hash, not by time (nor by group, unless it hashes the key alone). A call to a
/// generic helper that splits its rows so is reported at the call (see <see cref="ProjectHelpers{TFinding}"/>).
/// A shuffle cut once (a sample) or in windows (minibatches) is not a split.
/// A deterministic split along one axis is random along the other, so the generated <c>SplitByTime</c> (or
/// <c>FoldsByTime</c>) of rows that also have a group key is SKW203, and <c>SplitByGroup</c> of rows that also have an event
/// time is SKW204, as are the runtime's <c>DeterministicSplit</c> methods behind them and an ML.NET
/// split with a sampling key.
/// </summary>
/// <remarks>Where the rows come from is followed through the method's locals, not into other methods.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RandomSplitAnalyzer : SkewlessAnalyzer
{
    internal const string SamplingKeyParameter = "samplingKeyColumnName";

    internal static readonly string[] MachineLearningSplits = { "TrainTestSplit", "CrossValidationSplit", "CrossValidate", "CrossValidateNonCalibrated" };
    private static readonly string[] Orderings = { "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending" };

    // A shuffle or a mask draws from a random source in the body, or from a hash code seeded afresh in every process, by one of these names.
    private static readonly string[] RandomDraws = { "Next", "NextDouble", "NextSingle", "NextInt64", "NewGuid", "GetInt32", "Shuffle", "Shuffled", "ShuffleRows", "GetHashCode", "Combine", "ToHashCode" };

    // A mask may also hash the row with a hash that is the same in every run: Skewless's, System.IO.Hashing's or a cryptographic one.
    private static readonly string[] StableHashes = { "StableHash", "Hash", "HashToUInt32", "HashToUInt64", "HashData", "ComputeHash" };

    // A mask by position (Where((row, i) => i % 5 == 0)) draws nothing: only a body with a Where and a % can hold one.
    private static readonly (string[], string[]) PositionMask = (new[] { "Where" }, new[] { NameScreen.Remainder });

    // The one-axis splits: generated on a feature set, and the runtime methods they call.
    private static readonly string[] TimeOnlySplits = { "SplitByTime", "ByTime", "ByTimeFraction", "FoldsByTime" };
    private static readonly string[] GroupOnlySplits = { "SplitByGroup", "ByGroup", "FoldsByGroup" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.RandomGroupSplit,
        Descriptors.RandomTimeSplit);

    private protected override void Start(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        var data = new DataSymbols(context.Compilation);
        var remedy = new SplitRemedy(context.Compilation, symbols);
        var copies = new CopiedMembers(context.Compilation, symbols);
        var textLoaders = new TextLoaderRows(context.Compilation, symbols, data);

        // Every report starts at a split, or at a shuffle or mask that draws at random, so only bodies that name one are analysed.
        // Unit tests shuffle and cut rows on purpose, to test code that must not care about their order, and ship no model.
        // A call to a generic helper of the project that splits at random is one too, named by the helper.
        var names = MachineLearningSplits.Concat(RowCut.Partitions).Concat(RandomDraws).Concat(StableHashes).Concat(TimeOnlySplits).Concat(GroupOnlySplits).ToArray();
        var helpers = new ProjectHelpers<HelperSplit>(
            context.Compilation,
            method => method is MethodDeclarationSyntax { TypeParameterList: not null },
            new NameScreen(MachineLearningSplits.Concat(RandomDraws).Concat(StableHashes), PositionMask),
            (body, helper) => new Analysis(ImmutableArray.Create(body), symbols, data, remedy, textLoaders, helper).HelperSplits());
        MentioningBlocks.Register(
            context,
            () => new NameScreen(names.Concat(helpers.Names), PositionMask),
            (blocks, report, cancellationToken) => new Analysis(blocks, symbols, data, remedy, textLoaders, report, helpers, copies, cancellationToken).Run(),
            TestMethods.IsTest);
    }

    /// <summary>
    /// The analysis of one body: reported, or, for a generic helper, collected as the splits it makes of rows of its
    /// type parameters, which stand for rows that have both a group key and an event time until a call says what they are.
    /// </summary>
    private sealed class Analysis
    {
        private readonly KnownSymbols _symbols;
        private readonly DataSymbols _data;
        private readonly SplitRemedy _remedy;
        private readonly Action<Diagnostic>? _report;
        private readonly ProjectHelpers<HelperSplit>? _helpers;
        private readonly CopiedMembers? _copies;
        private readonly CancellationToken _cancellationToken;
        private readonly IMethodSymbol? _helper;
        private readonly List<HelperSplit> _helperSplits = new();
        private readonly List<IOperation> _operations;
        private readonly List<IInvocationOperation> _invocations;
        private readonly HashSet<(IOperation, string)> _reported = new();
        private readonly LoadedRows _loaded;

        /// <summary>The analysis of a body whose splits are reported, with the helpers it may call.</summary>
        public Analysis(ImmutableArray<IOperation> blocks, KnownSymbols symbols, DataSymbols data, SplitRemedy remedy, TextLoaderRows textLoaders, Action<Diagnostic> report, ProjectHelpers<HelperSplit> helpers, CopiedMembers copies, CancellationToken cancellationToken)
            : this(blocks, symbols, data, remedy, new LoadedRows(blocks, symbols, data, textLoaders, intoOtherMethods: true, cancellationToken))
        {
            _report = report;
            _helpers = helpers;
            _copies = copies;
            _cancellationToken = cancellationToken;
        }

        /// <summary>The analysis of a generic helper's body, for <see cref="HelperSplits"/>.</summary>
        public Analysis(ImmutableArray<IOperation> blocks, KnownSymbols symbols, DataSymbols data, SplitRemedy remedy, TextLoaderRows textLoaders, IMethodSymbol helper)
            : this(blocks, symbols, data, remedy, new LoadedRows(blocks, symbols, data, textLoaders, intoOtherMethods: false, CancellationToken.None))
        {
            _helper = helper;
        }

        private Analysis(ImmutableArray<IOperation> blocks, KnownSymbols symbols, DataSymbols data, SplitRemedy remedy, LoadedRows loaded)
        {
            _loaded = loaded;
            _symbols = symbols;
            _data = data;
            _remedy = remedy;
            _operations = blocks.SelectMany(block => block.Descendants()).ToList();
            _invocations = _operations.OfType<IInvocationOperation>().ToList();
        }

        /// <summary>The random splits the helper makes of rows of its type parameters.</summary>
        public ImmutableArray<HelperSplit> HelperSplits()
        {
            Run();
            return _helperSplits.Distinct().ToImmutableArray();
        }

        private LocalLineage Lineage => _loaded.Lineage;

        public void Run()
        {
            var masks = new List<IInvocationOperation>();
            foreach (var invocation in _invocations)
            {
                if (MachineLearningSplit(invocation) is ({ } rows, var key))
                {
                    var loads = _loaded.Loads(rows);
                    foreach (var rowType in _loaded.RowTypesOf(loads))
                    {
                        var folds = invocation.TargetMethod.Name.StartsWith("CrossValid", StringComparison.Ordinal);
                        if (key is not null)
                        {
                            // Hashing a key keeps its groups apart, but is as random in time as no key.
                            ReportOne(invocation, rowType, $"{invocation.TargetMethod.Name} with a sampling key splits them by group alone", byTime: true, folds: folds);
                            if (OtherKeyThanTheGroup(invocation, rowType, loads) is { } other)
                            {
                                ReportOne(invocation, rowType, $"{invocation.TargetMethod.Name} with sampling key '{other}', a column other than the group key's, splits them at random", byTime: false, folds: folds, samplingKey: SamplingKey(loads, rowType));
                            }
                        }
                        else
                        {
                            // A sampling key is the remedy for groups only: for time it would split by group alone, as above.
                            ReportOne(invocation, rowType, $"{invocation.TargetMethod.Name} without a sampling key splits them at random", byTime: false, folds: folds, samplingKey: SamplingKey(loads, rowType));
                            ReportOne(invocation, rowType, $"{invocation.TargetMethod.Name} splits them at random", byTime: true, folds: folds);
                        }
                    }
                }
                else if (OneAxisSplit(invocation, _symbols) is ({ } rowType, var byTime, var folds))
                {
                    ReportOne(invocation, rowType, $"{invocation.TargetMethod.Name} {(folds ? "folds" : "splits")} them by {(byTime ? "time" : "group")} alone", byTime: !byTime, invocation.TargetMethod.ContainingType, folds);
                }
                else if (IsMask(invocation))
                {
                    masks.Add(invocation);
                }
                else if (invocation.TargetMethod.TypeArguments.Any(HasSplitMember) && _helpers?.Of(invocation.TargetMethod, _cancellationToken) is { Length: > 0 } helperSplits)
                {
                    foreach (var split in helperSplits)
                    {
                        ReportOne(invocation, invocation.TargetMethod.TypeArguments[split.TypeParameter], $"in {FeatureUses.Display(invocation.TargetMethod)}, {split.How}", split.ByTime);
                    }
                }
            }

            // A cut splits at random only after a shuffle in the same body, which most bodies that cut rows have not.
            if (_invocations.Any(invocation => IsShuffle(invocation) || IsInPlaceShuffle(invocation, _data)))
            {
                ReportCutShuffles(_operations.Select(operation => RowCut.Of(operation, _data)).OfType<RowCut>().ToList());
            }

            foreach (var mask in masks.Where(mask => OtherSide(mask, masks) is not null))
            {
                ReportMask(mask, mask.TargetMethod.TypeArguments[0], mask.Arguments[1].Value);
            }
        }

        /// <summary>
        /// Reports each shuffle whose rows are cut into a head and a tail that are not cut from each other,
        /// as a window <c>Skip(i).Take(k)</c> is. Two shuffles of the same rows cut at the same bound, as in
        /// <c>rows.OrderBy(random).Take(n)</c> and <c>rows.OrderBy(random).Skip(n)</c>, split them too.
        /// </summary>
        private void ReportCutShuffles(List<RowCut> cuts)
        {
            var shuffled = new List<(IInvocationOperation Shuffle, RowCut Cut)>();
            foreach (var cut in cuts)
            {
                if (cut.RowType is { } type && !HasSplitMember(type))
                {
                    continue;
                }

                // Rows put back in an order of their own after the shuffle (OrderBy(x => x.At), as an undersample by class is
                // before a cut by time) are cut in that order, not at random.
                var sources = Lineage.Sources(cut.Rows);
                var reordered = sources.OfType<IInvocationOperation>()
                    .Where(order => order.TargetMethod.Name is "OrderBy" or "OrderByDescending" && DataSymbols.Is(order.TargetMethod.ContainingType, _data.Enumerable) && !IsShuffle(order))
                    .SelectMany(order => Lineage.Sources(order.Arguments[0].Value).SelectMany(Shuffles))
                    .ToList();
                foreach (var shuffle in sources.SelectMany(Shuffles).Distinct().Where(shuffle => !reordered.Contains(shuffle)))
                {
                    shuffled.Add((shuffle, cut));
                }
            }

            // A side cut again may be a window's start, as Skip(i) in Skip(i).Take(32): beside a peek such as
            // Take(5) it is a split only when both cut at the same place, as Skip(n) then Take/Skip of the rest does.
            var cutAgain = new HashSet<RowCut>(cuts.Where(cut => cuts.Any(other => !ReferenceEquals(other, cut) && CutFrom(other, cut))));

            // A shuffle cut in two by itself is named with its own cuts, before any pairing with another shuffle.
            var splits = shuffled.Where(pair => pair.Cut.Head)
                .SelectMany(head => shuffled.Where(tail => !tail.Cut.Head && !CutFrom(head.Cut, tail.Cut) && !CutFrom(tail.Cut, head.Cut)).Select(tail => (Head: head, Tail: tail)))
                .Where(split => RowCut.SameBound(split.Head.Cut, split.Tail.Cut)
                    || (ReferenceEquals(split.Head.Shuffle, split.Tail.Shuffle) && !cutAgain.Contains(split.Head.Cut) && !cutAgain.Contains(split.Tail.Cut)))
                .Where(split => ReferenceEquals(split.Head.Shuffle, split.Tail.Shuffle)
                    || Lineage.NodeOf(split.Head.Shuffle.Arguments[0].Value).Equals(Lineage.NodeOf(split.Tail.Shuffle.Arguments[0].Value)))
                .OrderBy(split => ReferenceEquals(split.Head.Shuffle, split.Tail.Shuffle) ? 0 : 1);
            foreach (var ((headShuffle, head), (tailShuffle, tail)) in splits)
            {
                var cut = $"cut by {head.Name} and {tail.Name}";
                foreach (var rowType in RowTypes(head).Concat(RowTypes(tail)).Distinct(SymbolEqualityComparer.Default).OfType<ITypeSymbol>())
                {
                    ReportCut(headShuffle, rowType, cut);
                    ReportCut(tailShuffle, rowType, cut);
                }
            }
        }

        // An order by a hash that is the same in every run is a split by hash once cut, as a mask on it is; any other shuffle is at random.
        private void ReportCut(IInvocationOperation shuffle, ITypeSymbol rowType, string cut)
        {
            if (Orderings.Contains(shuffle.TargetMethod.Name) && RandomDraw(shuffle.Arguments[1].Value) is null && StableHash(shuffle.Arguments[1].Value) is { } hash)
            {
                ReportHashed(shuffle, rowType, $"{shuffle.TargetMethod.Name} on {FeatureUses.Display(hash.TargetMethod)} {cut}", hash);
                return;
            }

            Report(shuffle, rowType, $"{Describe(shuffle)} {cut} splits them at random");
        }

        // Whether one cut reads rows the other cut, as Take reads Skip's in shuffled.Skip(i).Take(k).
        private bool CutFrom(RowCut cut, RowCut from) => Lineage.Sources(cut.Rows).Contains(from.Operation);

        private IEnumerable<ITypeSymbol> RowTypes(RowCut cut) => cut.RowType is { } type ? new[] { type } : _loaded.RowTypes(cut.Rows);

        /// <summary>
        /// The other side of a random mask: a <c>Where</c> or <c>Except</c> of the same rows that draws at
        /// random too or reads the mask's result, as <c>essays.Except(train)</c> does. A mask alone is a sample.
        /// </summary>
        private IInvocationOperation? OtherSide(IInvocationOperation mask, List<IInvocationOperation> masks)
        {
            var source = Lineage.NodeOf(mask.Arguments[0].Value);
            return _invocations.FirstOrDefault(other => !ReferenceEquals(other, mask)
                && other.TargetMethod.Name is "Where" or "Except" && other.Arguments.Length > 1
                && DataSymbols.Is(other.TargetMethod.ContainingType, _data.Enumerable)
                && Lineage.NodeOf(other.Arguments[0].Value).Equals(source)
                && (masks.Contains(other) || other.Arguments[1].Value.DescendantsAndSelf().Any(read =>
                    read is ILocalReferenceOperation or IInvocationOperation && Lineage.Sources(read).Contains(mask))));
        }

        // A Where whose predicate draws at random, hashes the row or takes every k-th position, of rows with a member a split must respect.
        private bool IsMask(IInvocationOperation invocation) =>
            invocation.TargetMethod is { Name: "Where", TypeArguments.Length: 1 } method && DataSymbols.Is(method.ContainingType, _data.Enumerable)
            && invocation.Arguments.Length == 2
            && ((RandomDraw(invocation.Arguments[1].Value) ?? StableHash(invocation.Arguments[1].Value)) is not null || PositionRemainder(invocation.Arguments[1].Value) is not null)
            && HasSplitMember(method.TypeArguments[0]);

        /// <summary>
        /// Reports a mask that has another side. A random one splits along both axes at random, and so does one by position;
        /// one by a hash that is the same in every run is reported by <see cref="ReportHashed"/>.
        /// </summary>
        private void ReportMask(IInvocationOperation mask, ITypeSymbol rowType, IOperation predicate)
        {
            if (RandomDraw(predicate) is { } draw)
            {
                Report(mask, rowType, $"Where on {Drawn(draw, "a random draw")} splits them at random");
                return;
            }

            if (StableHash(predicate) is not { } hash)
            {
                // Every k-th row to one side puts neighbours in time, and rows of one group, on both.
                Report(mask, rowType, $"Where on {PositionRemainder(predicate)!.Syntax} interleaves them by position");
                return;
            }

            ReportHashed(mask, rowType, $"Where on {FeatureUses.Display(hash.TargetMethod)}", hash);
        }

        /// <summary>
        /// Reports a split by a hash that is the same in every run: not by time, and not by group unless it hashes the group
        /// key alone, as a split by group should. In a helper, whose rows are a type parameter, what it hashes for a group
        /// is not known, so only time is.
        /// </summary>
        private void ReportHashed(IInvocationOperation split, ITypeSymbol rowType, string how, IInvocationOperation hash)
        {
            ReportOne(split, rowType, $"{how} splits them by a hash, not by time", byTime: true);
            if (HelperRows(rowType) is null && KnownSymbols.FindMember(rowType, _symbols.GroupKeyAttribute) is { } key && !HashesOnly(hash, key))
            {
                ReportOne(split, rowType, $"{how} hashes other members than '{key.Name}'", byTime: false);
            }
        }

        // A remainder of the position in Where((row, i) => i % k == 0): the lambda's second parameter, divided.
        private static IBinaryOperation? PositionRemainder(IOperation function) =>
            LocalLineage.Unconverted(function) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation { Symbol.Parameters: { Length: 2 } parameters } lambda }
                ? lambda.Body.Descendants().OfType<IBinaryOperation>().FirstOrDefault(division => division.OperatorKind == BinaryOperatorKind.Remainder
                    && division.LeftOperand.DescendantsAndSelf().Any(read => read is IParameterReferenceOperation position && SymbolEqualityComparer.Default.Equals(position.Parameter, parameters[1])))
                : null;

        // A call in a lambda's body that hashes with a hash that is the same in every run.
        private static IInvocationOperation? StableHash(IOperation function) =>
            LocalLineage.Unconverted(function) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
                ? lambda.Body.Descendants().OfType<IInvocationOperation>().FirstOrDefault(IsStableHash)
                : null;

        private static bool IsStableHash(IInvocationOperation call)
        {
            var method = call.TargetMethod;
            var space = method.ContainingNamespace?.ToDisplayString();
            return method.Name == nameof(GetHashCode)
                || (method.ContainingType?.Name == "StableHash" && space == "Skewless")
                || space == "System.IO.Hashing"
                || (space == "System.Security.Cryptography" && method.Name is "HashData" or "ComputeHash");
        }

        // Whether every member of the row that the hash reads is the group key.
        private static bool HashesOnly(IInvocationOperation hash, ISymbol key)
        {
            var read = new[] { hash.Instance }.Concat(hash.Arguments.Select(argument => argument.Value)).OfType<IOperation>()
                .SelectMany(operation => operation.DescendantsAndSelf())
                .OfType<IMemberReferenceOperation>()
                .Where(reference => reference.Instance is { } instance && LocalLineage.Unconverted(instance) is IParameterReferenceOperation)
                .Select(reference => reference.Member)
                .ToList();
            return read.Count > 0 && read.All(member => SymbolEqualityComparer.Default.Equals(member.OriginalDefinition, key.OriginalDefinition));
        }

        // The call in a lambda's body that draws at random: from a random source, or a hash code that differs from run to run.
        private IInvocationOperation? RandomDraw(IOperation function) =>
            LocalLineage.Unconverted(function) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
                ? lambda.Body.Descendants().OfType<IInvocationOperation>().FirstOrDefault(call => _data.IsRandomSource(call.TargetMethod) || NondeterministicApis.IsPerProcessHash(call))
                : null;

        /// <summary>The shuffles that put <paramref name="source"/>'s rows in a random order: the source itself, or an in-place shuffle of the local it reads.</summary>
        private IEnumerable<IInvocationOperation> Shuffles(IOperation source)
        {
            if (source is IInvocationOperation invocation && IsShuffle(invocation))
            {
                yield return invocation;
            }

            if (ReferencedSymbol(source) is { } shuffled)
            {
                foreach (var inPlace in _invocations.Where(candidate => IsInPlaceShuffle(candidate, _data)
                    && SymbolEqualityComparer.Default.Equals(ReferencedSymbol(candidate.Arguments[0].Value), shuffled)))
                {
                    yield return inPlace;
                }
            }
        }

        private bool IsShuffle(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (invocation.Arguments.Length == 0)
            {
                return false;
            }

            if (method.Name == "ShuffleRows")
            {
                return DataSymbols.Is(method.ContainingType, _data.DataCatalog);
            }

            return IsNamedShuffle(invocation, _data) is false
                || (DataSymbols.Is(method.ContainingType, _data.Enumerable) && Orderings.Contains(method.Name) && invocation.Arguments.Length > 1
                    && (RandomDraw(invocation.Arguments[1].Value) ?? StableHash(invocation.Arguments[1].Value)) is not null);
        }

        private string Describe(IInvocationOperation shuffle) => shuffle.TargetMethod.Name switch
        {
            "Shuffle" or "Shuffled" => $"{shuffle.TargetMethod.ContainingType.Name}.{shuffle.TargetMethod.Name}",
            "ShuffleRows" => "ShuffleRows",
            _ => $"{shuffle.TargetMethod.Name} on {Drawn(RandomDraw(shuffle.Arguments[1].Value)!, "a random key")}",
        };

        // A hash code is named, for it looks deterministic: it differs only from one run of the process to the next.
        private string Drawn(IInvocationOperation draw, string random) =>
            _data.IsRandomSource(draw.TargetMethod) ? random : $"{FeatureUses.Display(draw.TargetMethod)}, which .NET seeds afresh in every process,";

        private bool HasSplitMember(ITypeSymbol rowType) =>
            HelperRows(rowType) is not null
            || KnownSymbols.FindMember(rowType, _symbols.GroupKeyAttribute) is not null || KnownSymbols.FindMember(rowType, _symbols.EventTimeAttribute) is not null;

        // In a helper's body, the type parameter of the helper that rows are typed by.
        private ITypeParameterSymbol? HelperRows(ITypeSymbol rowType) =>
            rowType is ITypeParameterSymbol parameter && SymbolEqualityComparer.Default.Equals(parameter.DeclaringMethod, _helper) ? parameter : null;

        private void Report(IOperation split, ITypeSymbol rowType, string how)
        {
            ReportOne(split, rowType, how, byTime: false);
            ReportOne(split, rowType, how, byTime: true);
        }

        // The column to give ML.NET's split as its sampling key, named first in the remedy: the group key's, when the data
        // view was loaded from the rows by ML.NET, here, in a helper or in the caller, so it has their columns (a
        // ToDataView's has not), and they have no event time, for which a key would split by group alone.
        private string? SamplingKey(List<LoadedRows.Load> loads, ITypeSymbol rowType) =>
            KnownSymbols.FindMember(rowType, _symbols.EventTimeAttribute) is null
            && KnownSymbols.FindMember(rowType, _symbols.GroupKeyAttribute) is { } key
            && loads.Any(load => load.Call.TargetMethod.Name != "ToDataView" && SymbolEqualityComparer.Default.Equals(load.RowType, rowType))
                ? PipelineColumns.ColumnOf(key, _data.ColumnName)
                : null;

        // The sampling key an ML.NET split is given when it names another member of the rows than their group key, as the
        // label or a feature: it keeps that column's values together, not the groups. In a view of a projection, the
        // member of the projected type stands for the rows' members copied into it. A column the method derives is not known.
        private string? OtherKeyThanTheGroup(IInvocationOperation split, ITypeSymbol rowType, List<LoadedRows.Load> loads)
        {
            if (split.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == SamplingKeyParameter)?.Value.ConstantValue.Value is not string key
                || KnownSymbols.FindMember(rowType, _symbols.GroupKeyAttribute) is not { } group
                || PipelineColumns.ColumnOf(group, _data.ColumnName) == key)
            {
                return null;
            }

            if (PipelineColumns.ColumnMember(rowType, key, _data.ColumnName) is not null)
            {
                return key;
            }

            var projected = loads.Select(load => load.RowType).Where(type => !SymbolEqualityComparer.Default.Equals(type, rowType))
                .Select(type => PipelineColumns.ColumnMember(type, key, _data.ColumnName)).OfType<ISymbol>()
                .SelectMany(member => _copies?.Of(member, _cancellationToken) ?? ImmutableArray<CopiedMembers.Copy>.Empty)
                .Where(copy => SymbolEqualityComparer.Default.Equals(copy.Source.ContainingType, rowType) || DataSymbols.DerivesFrom(rowType, copy.Source.ContainingType as INamedTypeSymbol))
                .ToList();
            return projected.Count > 0 && !projected.Any(copy => SymbolEqualityComparer.Default.Equals(copy.Source, group)) ? key : null;
        }

        // Reports the split once per rule when the rows have the member that rule protects: SKW204 for time, SKW203 for groups.
        private void ReportOne(IOperation split, ITypeSymbol rowType, string how, bool byTime, INamedTypeSymbol? splitOwner = null, bool folds = false, string? samplingKey = null)
        {
            if (HelperRows(rowType) is { } rows)
            {
                _helperSplits.Add(new HelperSplit(rows.Ordinal, how, byTime));
                return;
            }

            var descriptor = byTime ? Descriptors.RandomTimeSplit : Descriptors.RandomGroupSplit;
            if (KnownSymbols.FindMember(rowType, byTime ? _symbols.EventTimeAttribute : _symbols.GroupKeyAttribute) is { } member && _reported.Add((split, descriptor.Id)))
            {
                var remedy = _remedy.For(rowType, byTime, splitOwner, folds);
                _report?.Invoke(Diagnostic.Create(descriptor, ReportedAt(split).GetLocation(), rowType.Name, $"{member.ContainingType.Name}.{member.Name}", how, samplingKey is null ? remedy : $"pass samplingKeyColumnName: \"{samplingKey}\", or {remedy}"));
            }
        }
    }

    /// <summary>
    /// For a split by time alone or by group alone, the rows it splits, whether it is by time, and whether it cuts them
    /// into folds: a <c>SplitByTime</c>, <c>SplitByGroup</c>, <c>FoldsByTime</c> or <c>FoldsByGroup</c> of a feature set, or
    /// the <c>DeterministicSplit</c> method it calls.
    /// </summary>
    private static (ITypeSymbol? RowType, bool ByTime, bool Folds) OneAxisSplit(IInvocationOperation invocation, KnownSymbols symbols)
    {
        var method = invocation.TargetMethod;
        var byTime = TimeOnlySplits.Contains(method.Name);
        var folds = method.ReturnType is INamedTypeSymbol { Name: "IReadOnlyList", TypeArguments.Length: 1 } list ? list.TypeArguments[0] : null;
        if ((!byTime && !GroupOnlySplits.Contains(method.Name))
            || (folds ?? method.ReturnType) is not INamedTypeSymbol { Name: "Split", TypeArguments.Length: 1 } split
            || split.ContainingNamespace?.ToDisplayString() != "Skewless"
            || method.ContainingType is not { } owner
            || !(owner.ToDisplayString() == "Skewless.DeterministicSplit" || KnownSymbols.Find(owner, symbols.FeatureSetAttribute) is not null))
        {
            return (null, false, false);
        }

        return (split.TypeArguments[0], byTime, folds is not null);
    }

    /// <summary>For an ML.NET split or cross-validation without a sampling key, the data it splits.</summary>
    internal static IOperation? RandomMachineLearningSplit(IInvocationOperation invocation) =>
        MachineLearningSplit(invocation) is ({ } data, null) ? data : null;

    /// <summary>For an ML.NET split or cross-validation with a sampling key, the data it splits and the key.</summary>
    internal static (IOperation Data, IOperation Key)? KeyedMachineLearningSplit(IInvocationOperation invocation) =>
        MachineLearningSplit(invocation) is ({ } data, { } key) ? (data, key) : null;

    /// <summary>For an ML.NET split or cross-validation, the data it splits and the sampling key it hashes, if any.</summary>
    private static (IOperation? Data, IOperation? Key) MachineLearningSplit(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (!MachineLearningSplits.Contains(method.Name) || method.ContainingNamespace?.ToDisplayString() != "Microsoft.ML"
            || !method.Parameters.Any(parameter => parameter.Name == SamplingKeyParameter))
        {
            return (null, null);
        }

        var key = invocation.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == SamplingKeyParameter)?.Value;
        var random = key is null || key.ConstantValue is { HasValue: true, Value: null };
        return (invocation.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == "data")?.Value, random ? null : key);
    }

    /// <summary>
    /// The row type of data loaded with one of ML.NET's generic loaders (<c>LoadFromEnumerable&lt;T&gt;</c>,
    /// <c>LoadFromTextFile&lt;T&gt;</c>, ...) or Skewless.ML's <c>ToDataView&lt;T, …&gt;</c>, whose first type
    /// argument is the row type and the others its label's and group key's.
    /// </summary>
    internal static ITypeSymbol? LoadedRowType(IInvocationOperation invocation, DataSymbols data)
    {
        var method = invocation.TargetMethod;
        var loads = (method.Name.StartsWith("LoadFrom", StringComparison.Ordinal) && DataSymbols.Implements(method.ReturnType, data.DataView) && data.OnDataCatalog(method))
            || (method.Name == "ToDataView" && DataSymbols.Is(method.ContainingType, data.FittedFeatureSetExtensions));
        return loads && method.TypeArguments.Length > 0 ? method.TypeArguments[0] : null;
    }

    // Random.Shuffle(array), or a Fisher-Yates list.Shuffle() of the project's, shuffles its argument where it is.
    private static bool IsInPlaceShuffle(IInvocationOperation invocation, DataSymbols data) => IsNamedShuffle(invocation, data) is true;

    /// <summary>
    /// For a method named for shuffling rows, given as its first argument, whether it shuffles them where they are (it
    /// returns nothing) or returns them shuffled; <see langword="null"/> for any other call. .NET's <c>Enumerable.Shuffle</c>
    /// and <c>Random.Shuffle</c>, MoreLINQ's <c>Shuffle</c> and a project's own extension are all named so, and a seed only
    /// makes their order repeatable, not any less random.
    /// </summary>
    private static bool? IsNamedShuffle(IInvocationOperation invocation, DataSymbols data) =>
        invocation.TargetMethod.Name is "Shuffle" or "Shuffled" && invocation.Arguments.Length > 0 && data.HoldsRows(invocation.Arguments[0].Value.Type)
            ? invocation.TargetMethod.ReturnsVoid
            : null;

    private static ISymbol? ReferencedSymbol(IOperation operation) => LocalLineage.Unconverted(operation) switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    // A clause of a query is reported on the whole query, whose calls are not written out.
    private static SyntaxNode ReportedAt(IOperation split)
    {
        for (var operation = split; operation is not null; operation = operation.Parent)
        {
            if (operation is ITranslatedQueryOperation query)
            {
                return query.Syntax;
            }
        }

        return split.Syntax;
    }
}
