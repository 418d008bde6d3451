using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Skewless.Analyzers.Leakage.Lineage;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Leakage.Preprocessing;

/// <summary>
/// Fits written by hand: statistics taken with LINQ (<c>flights.Average(f => f.DistanceMiles)</c>, <c>distances.Max()</c>),
/// sums kept in a loop over the rows, and a <c>Fit</c> of the project's own (a scaler ported from Python), which learn from
/// rows as much as a normaliser's: a z-score, a range or a share computed over every row carries the test rows into the
/// values it is applied to. Only over rows of a <c>[DataSource]</c> and of members other than its <c>[Label]</c>, whose
/// statistics over the test rows are how metrics are computed (R² divides by the label's variance there), except per group:
/// a label's mean per airport, looked up for each row, is target encoding, a model fitted on the rows it encodes.
/// The project's own helpers that take a statistic of what they are given (<c>Stats.Mean(values)</c>, a scaler's
/// constructor) are fits at their calls: <see cref="InHelper"/> finds what each one does, once.
/// </summary>
internal sealed class HandWrittenFits
{
    /// <summary>LINQ's statistics that fit, with what the message calls them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Average"] = "mean",
        ["Sum"] = "sum",
        ["Min"] = "minimum",
        ["Max"] = "maximum",
    };

    // Counting the rows of a group that meet a condition gives its share of them (of late flights), and counting every row
    // of a group, looked up for each row, is frequency encoding; counting every row gives a size.
    private static readonly Dictionary<string, string> GroupNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Count"] = "count",
        ["LongCount"] = "count",
    };

    /// <summary>LINQ's count of each key's rows (.NET 9): frequency encoding in one call, or of the label's values, a baseline.</summary>
    private const string CountBy = "CountBy";

    /// <summary>Whether a method of this name can take a statistic, over all rows or per group.</summary>
    public static bool IsStatistic(string name) => Names.ContainsKey(name) || GroupNames.ContainsKey(name) || name == CountBy;

    /// <summary>The names a body that takes a statistic by hand names: the statistics', and <c>GroupBy</c> for those per group.</summary>
    public static IEnumerable<string> ScreenNames => Names.Keys.Concat(GroupNames.Keys).Concat(Sorts).Append(CountBy).Append("GroupBy");

    // What values are sorted with before a percentile is read off them by hand.
    private static readonly string[] Sorts = { "OrderBy", "OrderByDescending", "Sort" };

    // LINQ calls whose result keeps some of their source's rows, or reorders them, unchanged.
    private static readonly string[] ChoosingLinq =
    {
        "Where", "TakeWhile", "SkipWhile", "Take", "Skip", "TakeLast", "SkipLast", "OrderBy", "OrderByDescending", "ThenBy",
        "ThenByDescending", "First", "FirstOrDefault", "Last", "LastOrDefault", "Single", "SingleOrDefault",
    };

    // Calls that only change the form or the order of rows, which the statistic is taken through.
    private static readonly string[] SameValues = { "ToArray", "ToList", "AsEnumerable", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending", "Reverse" };

    private readonly KnownSymbols _symbols;
    private readonly DataSymbols _data;
    private readonly LocalLineage _lineage;
    private readonly Func<IOperation, bool, List<IOperation>, bool> _learnsFrom;

    private HandWrittenFits(KnownSymbols symbols, DataSymbols data, LocalLineage lineage, Func<IOperation, bool, List<IOperation>, bool> learnsFrom)
    {
        _symbols = symbols;
        _data = data;
        _lineage = lineage;
        _learnsFrom = learnsFrom;
    }

    /// <summary>The fits of a body over rows of a <c>[DataSource]</c>, of members other than the <c>[Label]</c> unless taken per group.</summary>
    public static HandWrittenFits OverRows(KnownSymbols symbols, DataSymbols data, LocalLineage lineage) =>
        new(symbols, data, lineage, (rows, grouped, selectors) =>
            data.ElementOf(rows.Type) is { } row && symbols.DataSourceOf(row) is not null && (grouped || !selectors.Any(selector => ReadsLabel(selector, symbols))));

    /// <summary>
    /// The statistics a helper of the project takes of its parameters, and what the message calls them; screened by
    /// <see cref="HelperScreen"/>.
    /// </summary>
    public static ImmutableArray<HelperStatistic> InHelper(IOperation body, IMethodSymbol helper, KnownSymbols symbols, DataSymbols data)
    {
        var fits = new HandWrittenFits(symbols, data, new LocalLineage(new[] { body }, data), (rows, grouped, selectors) =>
            !grouped && rows is IParameterReferenceOperation parameter && SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, helper)
            && !selectors.Any(selector => ReadsLabel(selector, symbols)));
        return body.Descendants()
            .Select(operation => operation switch
            {
                IInvocationOperation invocation => fits.Statistic(invocation),
                ICompoundAssignmentOperation sum => fits.SumInLoop(sum),
                _ => fits.Percentile(operation),
            })
            .OfType<(IOperation Rows, string Name)>()
            .Select(statistic => new HelperStatistic(((IParameterReferenceOperation)statistic.Rows).Parameter.Ordinal, statistic.Name))
            .Distinct()
            .ToImmutableArray();
    }

    /// <summary>What a helper's body must name to be looked at: a statistic, or a sum.</summary>
    public static NameScreen HelperScreen { get; } = new(Names.Keys.Concat(Sorts).Append(NameScreen.Accumulation));

    /// <summary>
    /// When <paramref name="invocation"/> takes one of the statistics over rows of a data source, or over groups of them,
    /// the rows (looked through <c>Select</c>, <c>ToList</c>, a <c>Where</c> that drops missing values, locals assigned once,
    /// <c>GroupBy</c>, and a <c>Where</c> that keeps an element's group, <see cref="RowsSharingKey"/>) and the statistic's
    /// name; otherwise <see langword="null"/>.
    /// </summary>
    public (IOperation Rows, string Name)? Statistic(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (!IsStatistic(method.Name) || !DataSymbols.Is(method.ContainingType, _data.Enumerable) || invocation.Arguments.Length == 0)
        {
            return null;
        }

        // Count(x => x.Origin == f.Origin) in a lambda over f counts f's group, as Count() in a GroupBy does, even with a
        // condition on the label beside the keys (a share of the group), which over all rows would be a metric's.
        var keyed = RowsSharingKey.Of(invocation) is not null;
        if (RowsOf(invocation.Arguments[0].Value, keyed ? Enumerable.Empty<IOperation>() : invocation.Arguments.Skip(1).Select(argument => argument.Value)) is not var (rows, grouped))
        {
            return null;
        }

        grouped |= keyed;
        return method.Name == CountBy ? (rows, "count per group")
            : Names.TryGetValue(method.Name, out var name) ? (rows, grouped ? name + " per group" : name)
            : grouped && GroupNames.TryGetValue(method.Name, out name) && (!IsSize(invocation) || !BesideAnotherStatistic(invocation)) ? (rows, name + " per group")
            : null;
    }

    /// <summary>
    /// When <paramref name="element"/> reads one of the values sorted from rows of a data source at a position taken from
    /// their count, a percentile written by hand (<c>sorted[(int)(0.99 * (sorted.Length - 1))]</c>, a cap or a median), the
    /// rows and the statistic's name; otherwise <see langword="null"/>.
    /// </summary>
    public (IOperation Rows, string Name)? Percentile(IOperation element)
    {
        var (values, position) = element switch
        {
            IArrayElementReferenceOperation { Indices.Length: 1 } array => (array.ArrayReference, array.Indices[0]),
            IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } list, Arguments.Length: 1 } indexer => (list, indexer.Arguments[0].Value),
            _ => (null, null),
        };
        if (values is null || position is null || FitResultFlow.Referenced(values) is not ILocalSymbol sorted
            || !position.Descendants().Any(read => read is IPropertyReferenceOperation { Property.Name: "Length" or "Count", Instance: { } counted }
                && SymbolEqualityComparer.Default.Equals(FitResultFlow.Referenced(counted), sorted))
            || !(_lineage.Sources(values).Any(source => source is IInvocationOperation { TargetMethod.Name: var name } call && Sorts.Contains(name) && DataSymbols.Is(call.TargetMethod.ContainingType, _data.Enumerable))
                || SortedInPlace(element, sorted)))
        {
            return null;
        }

        return RowsOf(values, Enumerable.Empty<IOperation>()) is var (rows, grouped) ? (rows, grouped ? "percentile per group" : "percentile") : null;
    }

    // Array.Sort(values) or values.Sort() in the same body: .NET's sorts in place, with or without a comparer.
    private static bool SortedInPlace(IOperation element, ILocalSymbol values) =>
        ClassMethods.Root(element).Descendants().OfType<IInvocationOperation>().Any(call => call.TargetMethod.Name == "Sort"
            && call.TargetMethod.ContainingNamespace?.ToDisplayString() is "System" or "System.Collections.Generic"
            && SymbolEqualityComparer.Default.Equals(FitResultFlow.Referenced(call.Instance ?? call.Arguments.FirstOrDefault()?.Value ?? call), values));

    // A count of every row of a group (g.Count(), or Count(x => x.Origin == f.Origin) with the keys alone), not of those meeting a condition.
    private static bool IsSize(IInvocationOperation count) => count.Arguments.Length == 1 || RowsSharingKey.Of(count) is { ByLabel: false };

    // A group's size beside another statistic of the same group, in one lambda or statement, is part of that one: the
    // denominator of a share or a mean (g.Count(f => f.DelayMinutes > 15) / (double)g.Count()), or a guard for it.
    private static bool BesideAnotherStatistic(IInvocationOperation size)
    {
        var group = FitResultFlow.Referenced(size.Arguments[0].Value);
        IOperation scope = size;
        while (scope is not IAnonymousFunctionOperation && scope.Parent is { } parent && parent is not IBlockOperation)
        {
            scope = parent;
        }

        return group is not null && scope.Descendants().OfType<IInvocationOperation>().Any(other =>
            other != size && other.Arguments.Length > 0 && SymbolEqualityComparer.Default.Equals(FitResultFlow.Referenced(other.Arguments[0].Value), group)
            && (Names.ContainsKey(other.TargetMethod.Name) || (GroupNames.ContainsKey(other.TargetMethod.Name) && !IsSize(other))));
    }

    /// <summary>
    /// When <paramref name="assignment"/> adds a value read from each row to a sum, in a loop over rows of a data source
    /// (<c>foreach (var p in penguins) if (p.BodyMass is double mass) sum += mass;</c>, <c>sum += flights[i].DistanceMiles</c>),
    /// or to a sum per group (<c>sums[f.Origin] += f.Delay</c>), the rows and the statistic's name; otherwise <see langword="null"/>.
    /// </summary>
    public (IOperation Rows, string Name)? SumInLoop(ICompoundAssignmentOperation assignment)
    {
        var target = LocalLineage.Unconverted(assignment.Target);
        if (assignment.OperatorKind != BinaryOperatorKind.Add || target is not (ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation or IArrayElementReferenceOperation))
        {
            return null;
        }

        var perGroup = target is IArrayElementReferenceOperation or IPropertyReferenceOperation { Arguments.Length: > 0 };
        for (var parent = assignment.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is not ILoopOperation loop)
            {
                continue;
            }

            var reads = Read(assignment.Value, loop).ToList();
            var looped = loop is IForEachLoopOperation each && reads.Any(read => read.DescendantsAndSelf().OfType<ILocalReferenceOperation>().Any(local => each.Locals.Contains(local.Local, SymbolEqualityComparer.Default)))
                ? new[] { each.Collection }
                : Enumerable.Empty<IOperation>();
            var indexed = reads.SelectMany(read => read.DescendantsAndSelf()).Select(read => read switch
            {
                IArrayElementReferenceOperation element => element.ArrayReference,
                IPropertyReferenceOperation { Arguments.Length: 1, Instance: { } list } => list,
                _ => null,
            }).OfType<IOperation>();
            if (looped.Concat(indexed).Select(rows => RowsOf(rows, Enumerable.Empty<IOperation>())).FirstOrDefault(rows => rows is not null) is var (rows, grouped))
            {
                return (perGroup || grouped || !reads.Any(read => ReadsLabel(read, _symbols))) && !IsRunning(assignment, loop)
                    ? (rows, perGroup || grouped ? "sum per group" : "sum")
                    : null;
            }
        }

        return null;
    }

    // A running sum, whose value so far each row is given (before[f.Departure] = sum / n; features.Add(sum)), is an
    // expanding window: every row sees only the rows before it, which is what serving sees too.
    private static bool IsRunning(ICompoundAssignmentOperation assignment, ILoopOperation loop)
    {
        var sum = FitResultFlow.Holder(assignment.Target);
        return sum is not null && loop.Body.Descendants().Any(operation => operation switch
        {
            IAssignmentOperation { Target: var target } element when element != assignment && IsElement(target) => GivesSum(element.Value, FitResultFlow.Holder(target)),
            IInvocationOperation { TargetMethod.Name: "Add" or "TryAdd", Instance: { } collection } add => add.Arguments.Any(argument => GivesSum(argument.Value, FitResultFlow.Holder(collection))),
            _ => false,
        });

        static bool IsElement(IOperation target) => LocalLineage.Unconverted(target) is IArrayElementReferenceOperation or IPropertyReferenceOperation { Arguments.Length: > 0 };

        bool GivesSum(IOperation value, ISymbol? collection) =>
            !SymbolEqualityComparer.Default.Equals(collection, sum)
            && Read(value, loop).SelectMany(read => read.DescendantsAndSelf()).Any(read => read is ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation or IArrayElementReferenceOperation
                && SymbolEqualityComparer.Default.Equals(FitResultFlow.Holder(read), sum));
    }

    // The value added, and what the locals it reads were declared with in the loop: `if (p.BodyMass is double mass) sum += mass;`.
    private static IEnumerable<IOperation> Read(IOperation value, ILoopOperation loop)
    {
        yield return value;
        foreach (var local in value.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
        {
            foreach (var declaration in loop.Body.DescendantsAndSelf())
            {
                var declared = declaration switch
                {
                    IVariableDeclaratorOperation { Initializer: { } initializer } declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local) => initializer.Value,
                    IDeclarationPatternOperation pattern when SymbolEqualityComparer.Default.Equals(pattern.DeclaredSymbol, local.Local) && pattern.Parent is IIsPatternOperation test => test.Value,
                    _ => null,
                };
                if (declared is not null)
                {
                    yield return declared;
                }
            }
        }
    }

    /// <summary>
    /// When <paramref name="invocation"/> is a method named <c>Fit</c> that no library's rule covers, given rows of a data
    /// source (looked through as for statistics), the first such argument; otherwise <see langword="null"/>.
    /// </summary>
    public IOperation? Fit(IInvocationOperation invocation) =>
        invocation.TargetMethod.Name == "Fit"
            ? invocation.Arguments.Select(argument => RowsOf(argument.Value, Enumerable.Empty<IOperation>())?.Rows).FirstOrDefault(rows => rows is not null)
            : null;

    /// <summary>
    /// When <paramref name="call"/> (a method's call or a constructor's <c>new</c>) gives rows to a helper of the project
    /// that takes a statistic of them (<see cref="InHelper"/>), and none of its arguments reads the label, the rows and the
    /// statistic's name; otherwise <see langword="null"/>.
    /// </summary>
    public (IOperation Rows, string Name)? HelperCall(IOperation call, ProjectHelpers<HelperStatistic> helpers, CancellationToken cancellationToken)
    {
        var (method, arguments) = call switch
        {
            IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
            IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
            _ => (null, ImmutableArray<IArgumentOperation>.Empty),
        };
        var statistics = method is null ? ImmutableArray<HelperStatistic>.Empty : helpers.Of(method, cancellationToken);
        if (statistics.IsEmpty || arguments.Any(argument => ReadsLabel(argument.Value, _symbols)))
        {
            return null;
        }

        foreach (var statistic in statistics)
        {
            if (arguments.FirstOrDefault(argument => argument.Parameter?.Ordinal == statistic.Parameter) is { } given && RowsOf(given.Value, Enumerable.Empty<IOperation>()) is var (rows, _))
            {
                return (rows, statistic.Name);
            }
        }

        return null;
    }

    // The rows a statistic or fit learns from, looked through to what it is taken of, when this body counts them as rows;
    // and whether it learns from each group of them apart, of which a label's statistic is target encoding.
    private (IOperation Rows, bool Grouped)? RowsOf(IOperation rows, IEnumerable<IOperation> selecting)
    {
        var selectors = selecting.ToList();
        var grouped = false;
        var seen = new HashSet<IOperation>();
        while (seen.Add(rows = LocalLineage.Unconverted(rows)))
        {
            if (GroupingOf(rows, _data, _lineage) is { } grouping)
            {
                // Groups by the label alone are its distribution (the majority class), a baseline as its statistics are.
                if (grouping.Arguments.Length > 1 && ReadsLabel(grouping.Arguments[1].Value, _symbols))
                {
                    selectors.Add(grouping.Arguments[1].Value);
                }
                else
                {
                    grouped = true;
                }

                rows = grouping.Arguments[0].Value;
                continue;
            }

            if (rows is IInvocationOperation where && RowsSharingKey.Of(where) is var (keyed, _, _))
            {
                grouped = true;
                rows = keyed;
                continue;
            }

            var next = rows switch
            {
                IInvocationOperation { Arguments.Length: 2 } select when select.TargetMethod.Name == "Select" && DataSymbols.Is(select.TargetMethod.ContainingType, _data.Enumerable) =>
                    Selecting(select, selectors),
                IInvocationOperation call when SameValues.Contains(call.TargetMethod.Name) => call.Instance ?? call.Arguments.FirstOrDefault()?.Value,
                IInvocationOperation filter when MissingValueFilter.Source(filter) is { } source => source,
                // Only to rows it can look further through: a local loaded from a file is named by its name.
                ILocalReferenceOperation local when _lineage.OnlyValueOf(local.Local) is { } value && LooksThrough(LocalLineage.Unconverted(value)) => value,
                _ => null,
            };
            if (next is null)
            {
                break;
            }

            rows = next;
        }

        return _learnsFrom(rows, grouped, selectors) ? (rows, grouped) : null;

        static bool LooksThrough(IOperation value) =>
            value is ILocalReferenceOperation or IParameterReferenceOperation
            || (value is IInvocationOperation call && (call.TargetMethod.Name == "Select" || SameValues.Contains(call.TargetMethod.Name) || MissingValueFilter.Source(call) is not null));

        static IOperation Selecting(IInvocationOperation select, List<IOperation> selectors)
        {
            selectors.Add(select.Arguments[1].Value);
            return select.Arguments[0].Value;
        }
    }

    /// <summary>
    /// When a statistic of one group is taken in the lambda that makes that group's own element, as
    /// <c>sales.GroupBy(s => s.At.Date).Select(g => new Day { Sales = g.Count() })</c> makes one example a day, that
    /// <c>Select</c>; otherwise <see langword="null"/>. Rows made so are the groups: each holds its own group's
    /// statistic, and no other row's.
    /// </summary>
    public IInvocationOperation? RowOfItsGroup(IInvocationOperation statistic)
    {
        if (statistic.Arguments.Length == 0 || FitResultFlow.Referenced(statistic.Arguments[0].Value) is not IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda })
        {
            return null;
        }

        var function = statistic.Parent;
        while (function is not null && !(function is IAnonymousFunctionOperation anonymous && SymbolEqualityComparer.Default.Equals(anonymous.Symbol, lambda)))
        {
            function = function.Parent;
        }

        var argument = function?.Parent is IDelegateCreationOperation creation ? creation.Parent : function?.Parent;
        return argument is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Select" } select }
            && DataSymbols.Is(select.TargetMethod.ContainingType, _data.Enumerable) && select.Arguments[0] != argument
            && GroupingOf(LocalLineage.Unconverted(statistic.Arguments[0].Value), _data, _lineage) is not null
                ? select
                : null;
    }

    /// <summary>
    /// When <paramref name="group"/> is one group of a <c>GroupBy</c>, that call: the groups of a lambda's parameter given them
    /// (<c>ToDictionary(g => g.Key, g => g.Average(…))</c>), or of a <c>foreach</c> variable over them.
    /// </summary>
    private static IInvocationOperation? GroupingOf(IOperation group, DataSymbols data, LocalLineage lineage)
    {
        var groups = group switch
        {
            IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda } => GivenTo(group, lambda),
            ILocalReferenceOperation local => Looped(group, local.Local),
            _ => null,
        };
        var seen = new HashSet<IOperation>();
        while (groups is not null && seen.Add(groups = LocalLineage.Unconverted(groups)))
        {
            if (groups is IInvocationOperation call && DataSymbols.Is(call.TargetMethod.ContainingType, data.Enumerable) && call.Arguments.Length > 0)
            {
                if (call.TargetMethod.Name == "GroupBy")
                {
                    return call;
                }

                groups = ChoosingLinq.Contains(call.TargetMethod.Name) || SameValues.Contains(call.TargetMethod.Name) ? call.Arguments[0].Value : null;
            }
            else
            {
                groups = groups is ILocalReferenceOperation local ? lineage.OnlyValueOf(local.Local) : null;
            }
        }

        return null;

        // The source of the LINQ call the lambda is given to, whose elements are what the lambda's parameter takes.
        static IOperation? GivenTo(IOperation reference, IMethodSymbol lambda)
        {
            var function = reference.Parent;
            while (function is not null && !(function is IAnonymousFunctionOperation anonymous && SymbolEqualityComparer.Default.Equals(anonymous.Symbol, lambda)))
            {
                function = function.Parent;
            }

            return function is IAnonymousFunctionOperation given ? RowPredicate.SourceOf(given) : null;
        }

        static IOperation? Looped(IOperation reference, ILocalSymbol local)
        {
            for (var parent = reference.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IForEachLoopOperation loop && loop.Locals.Contains(local, SymbolEqualityComparer.Default))
                {
                    return loop.Collection;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// Whether a call keeps or orders some of its source's rows unchanged, as a filter, a sort or a split does: a
    /// statistic that decides which rows it keeps (a cutoff from every row's time) computes none of their values.
    /// </summary>
    public static bool ChoosesRows(IInvocationOperation invocation, DataSymbols data)
    {
        var method = invocation.TargetMethod;
        return (ChoosingLinq.Contains(method.Name) && method.ContainingNamespace?.ToDisplayString() == "System.Linq")
            || data.IsSplit(invocation.Type)
            || (DataSymbols.Is(method.ContainingType, data.DataCatalog) && (method.Name.StartsWith("Filter", StringComparison.Ordinal) || method.Name is "TakeRows" or "SkipRows"));
    }

    private static bool ReadsLabel(IOperation selector, KnownSymbols symbols) =>
        selector.DescendantsAndSelf().OfType<IMemberReferenceOperation>().Any(member => KnownSymbols.Find(member.Member, symbols.LabelAttribute) is not null);
}
