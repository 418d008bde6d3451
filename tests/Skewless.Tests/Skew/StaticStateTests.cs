using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Skew.Purity;
using Skewless.Tests.Infrastructure;
using Skewless.Tests.Robustness;
using Xunit;

namespace Skewless.Tests.Skew;

/// <summary>
/// SKW302 on static state that a <c>static readonly</c> field holds: the field cannot be given another
/// object, but the object can change, from row to row in the features themselves, or in training code
/// that fills a table features read.
/// </summary>
public sealed class StaticStateTests
{
    private const string Usings = """
        using System.Collections;
        using System.Collections.Concurrent;
        using System.Collections.Frozen;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using System.Linq;
        using System.Text.RegularExpressions;
        using System.Threading;

        """;

    // Static objects of every kind the theories below change.
    private const string State = """
        public sealed class Running
        {
            public double Sum;
            public List<double> Values = new();
            public static readonly Running Instance = new();
        }

        public static class State
        {
            public static readonly List<float> List = new();
            public static readonly Dictionary<string, int> Map = new();
            public static readonly HashSet<string> Set = new();
            public static readonly Queue<float> Queue = new();
            public static readonly Stack<float> Stack = new();
            public static readonly SortedDictionary<string, int> Sorted = new();
            public static readonly SortedList<string, int> SortedList = new();
            public static readonly SortedSet<string> SortedSet = new();
            public static readonly LinkedList<float> Linked = new();
            public static readonly ConcurrentDictionary<string, int> Concurrent = new();
            public static readonly ConcurrentBag<float> Bag = new();
            public static readonly ConcurrentQueue<float> ConcurrentQueue = new();
            public static readonly ConcurrentStack<float> ConcurrentStack = new();
            public static readonly int[] Array = new int[4];
            public static readonly ICollection<float> Collection = new List<float>();
            public static readonly ArrayList Untyped = new();
            public static readonly List<List<float>> Nested = new() { new() };
            public static List<float> Reassignable = new();
            public static List<float> Auto { get; } = new();
        }

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        Verify.AnalyzerAsync<NondeterministicFeatureAnalyzer>(Usings + TestSources.Flight + source, expected);

    private static DiagnosticResult Expected(int location, string feature, string use, string via = "") =>
        new DiagnosticResult(Descriptors.NondeterministicFeature).WithLocation(location).WithArguments(feature, use, via);

    /// <summary>A feature that runs <paramref name="statement"/> (over its row <c>f</c>) and returns a value of its row.</summary>
    private static string Running(string statement) => $$"""
        {{State}}
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static float Distance(Flight f)
            {
                {{statement}};
                return f.DistanceMiles;
            }
        }
        """;

    /// <summary>The same, with <paramref name="statement"/> in a helper of another class that the feature calls.</summary>
    private static string RunningThroughHelper(string statement) => $$"""
        public static class Helper
        {
            public static void Run(Flight f)
            {
                {{statement}};
            }
        }

        {{Running("Helper.Run(f)")}}
        """;

    public static TheoryData<string> Changes() => new()
    {
        "{|SKW302:State.List.Add(f.DistanceMiles)|}",
        "{|SKW302:State.List.AddRange(new[] { f.DistanceMiles })|}",
        "{|SKW302:State.List.Insert(0, f.DistanceMiles)|}",
        "{|SKW302:State.List.InsertRange(0, new[] { f.DistanceMiles })|}",
        "{|SKW302:State.List.Remove(f.DistanceMiles)|}",
        "{|SKW302:State.List.RemoveAt(0)|}",
        "{|SKW302:State.List.RemoveAll(x => x > f.DistanceMiles)|}",
        "{|SKW302:State.List.Clear()|}",
        "{|SKW302:State.List.Sort()|}",
        "{|SKW302:State.List.Reverse()|}",
        "{|SKW302:State.List[0]|} = f.DistanceMiles",
        "{|SKW302:State.List[0]|} += f.DistanceMiles",
        "{|SKW302:State.Map[f.Origin]|} = 1",
        "{|SKW302:State.Map[f.Origin]|}++",
        "{|SKW302:State.Map.Add(f.Origin, 1)|}",
        "{|SKW302:State.Map.TryAdd(f.Origin, 1)|}",
        "{|SKW302:State.Map.Remove(f.Origin)|}",
        "{|SKW302:CollectionExtensions.TryAdd((IDictionary<string, int>)State.Map, f.Origin, 1)|}",
        "{|SKW302:State.Set.Add(f.Origin)|}",
        "{|SKW302:State.Set.UnionWith(new[] { f.Origin })|}",
        "{|SKW302:State.Set.RemoveWhere(s => s == f.Origin)|}",
        "{|SKW302:State.Queue.Enqueue(f.DistanceMiles)|}",
        "{|SKW302:State.Queue.Dequeue()|}",
        "{|SKW302:State.Queue.TryDequeue(out _)|}",
        "{|SKW302:State.Stack.Push(f.DistanceMiles)|}",
        "{|SKW302:State.Stack.Pop()|}",
        "{|SKW302:State.Stack.TryPop(out _)|}",
        "{|SKW302:State.Sorted.Add(f.Origin, 1)|}",
        "{|SKW302:State.SortedList.Remove(f.Origin)|}",
        "{|SKW302:State.SortedSet.Add(f.Origin)|}",
        "{|SKW302:State.Linked.AddLast(f.DistanceMiles)|}",
        "{|SKW302:State.Linked.RemoveFirst()|}",
        "{|SKW302:State.Concurrent.TryAdd(f.Origin, 1)|}",
        "{|SKW302:State.Concurrent.TryRemove(f.Origin, out _)|}",
        "{|SKW302:State.Concurrent.TryUpdate(f.Origin, 2, 1)|}",
        "{|SKW302:State.Concurrent.AddOrUpdate(f.Origin, 1, (_, n) => n + 1)|}",
        "{|SKW302:State.Bag.Add(f.DistanceMiles)|}",
        "{|SKW302:State.ConcurrentQueue.Enqueue(f.DistanceMiles)|}",
        "{|SKW302:State.ConcurrentQueue.TryDequeue(out _)|}",
        "{|SKW302:State.ConcurrentStack.Push(f.DistanceMiles)|}",
        "{|SKW302:State.ConcurrentStack.TryPop(out _)|}",
        "{|SKW302:State.Collection.Add(f.DistanceMiles)|}",
        "{|SKW302:State.Untyped.Add(f.Origin)|}",
        "{|SKW302:State.Nested[0].Add(f.DistanceMiles)|}",
        "{|SKW302:State.Auto.Add(f.DistanceMiles)|}",
        "{|SKW302:State.Reassignable.Add(f.DistanceMiles)|}",
        "++{|SKW302:State.Array[0]|}",
        "{|SKW302:State.Array[(int)f.Cabin]|} = 1",
        "{|SKW302:Array.Fill(State.Array, 1)|}",
        "{|SKW302:Array.Clear(State.Array)|}",
        "{|SKW302:Array.Sort(State.Array)|}",
        "{|SKW302:Array.Reverse(State.Array)|}",
        "{|SKW302:State.Array.AsSpan()[0]|} = 1",
        "{|SKW302:State.Array.AsSpan().Fill(0)|}",
        "{|SKW302:MemoryExtensions.Sort<int>(State.Array)|}",
        "{|SKW302:State.Array.AsSpan(1).Reverse()|}",
        "Interlocked.Increment(ref {|SKW302:State.Array[0]|})",
        "{|SKW302:Running.Instance.Sum|} += f.DistanceMiles",
        "{|SKW302:Running.Instance.Sum|} = f.DistanceMiles",
        "{|SKW302:Running.Instance.Values.Add(f.DistanceMiles)|}",

        // Through a local that holds the same object, or a ?. access.
        "var seen = State.List; {|SKW302:seen.Add(f.DistanceMiles)|}",
        "IList<float> seen = State.List; {|SKW302:seen.Add(f.DistanceMiles)|}",
        "var seen = State.List; var again = seen; {|SKW302:again.Clear()|}",
        "var map = State.Map; {|SKW302:map[f.Origin]|} = 1",
        "var auto = State.Auto; {|SKW302:auto.Add(f.DistanceMiles)|}",
        "var array = State.Array; ++{|SKW302:array[0]|}",
        "var array = State.Array; {|SKW302:Array.Fill(array, 1)|}",
        "var span = State.Array.AsSpan(); {|SKW302:span[0]|} = 1",
        "ref var count = ref State.Array[0]; {|SKW302:count|}++",
        "var running = Running.Instance; {|SKW302:running.Sum|} += f.DistanceMiles",
        "var values = Running.Instance.Values; {|SKW302:values.Add(f.DistanceMiles)|}",
        "var seen = State.List; new[] { 1f }.ToList().ForEach(x => {|SKW302:seen.Add(x)|})",
        "{|SKW302:State.List?.Add(f.DistanceMiles)|}",
        "{|SKW302:State.Map?.Remove(f.Origin)|}",
        "{|SKW302:Running.Instance?.Values.Add(f.DistanceMiles)|}",
        "{|SKW302:State.Nested?[0]?.Add(f.DistanceMiles)|}",
        "var seen = State.List; {|SKW302:seen?.Add(f.DistanceMiles)|}",
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public Task Each_change_to_a_static_object_fires_in_the_feature(string statement) => VerifyAsync(Running(statement));

    [Theory]
    [MemberData(nameof(Changes))]
    public Task Each_change_to_a_static_object_fires_through_a_helper(string statement) => VerifyAsync(RunningThroughHelper(statement));

    // A memo returns for a key what its factory makes; a factory handing out ids in order of arrival is reported in itself.
    [Fact]
    public Task A_memo_filled_by_GetOrAdd_does_not_fire_but_a_factory_counting_arrivals_does() => VerifyAsync(Running("""
        _ = State.Concurrent.GetOrAdd(f.Origin, origin => origin.Length) + State.Concurrent.GetOrAdd(f.Origin, 1);
        _ = State.Concurrent.GetOrAdd(f.Origin + "!", _ => ++{|SKW302:State.Array[0]|})
        """));

    [Fact]
    public Task The_message_names_the_change_the_static_field_and_the_path() => VerifyAsync("""
        public sealed class Running
        {
            public double Sum;
            public static readonly Running Instance = new();
        }

        public static class Stats
        {
            private static readonly List<double> History = new();

            public static double Observe(double value)
            {
                {|#4:History.Add(value)|};
                return History.Average();
            }
        }

        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            private static readonly List<float> Seen = new();
            private static readonly int[] Counter = new int[1];
            private static readonly Dictionary<string, int> Prior = new();

            [Feature] public static float RunningMean(Flight f)
            {
                {|#0:Seen.Add(f.DistanceMiles)|};
                return Seen.Average();
            }

            [Feature] public static int RowNumber(Flight f) => ++{|#1:Counter[0]|};

            [Feature] public static int PriorFlights(Flight f)
            {
                Prior.TryGetValue(f.Origin, out var n);
                {|#2:Prior[f.Origin]|} = n + 1;
                return n;
            }

            [Feature] public static double Accumulated(Flight f)
            {
                {|#3:Running.Instance.Sum|} += f.DistanceMiles;
                return Running.Instance.Sum;
            }

            [Feature] public static double Smoothed(Flight f) => Stats.Observe(f.DistanceMiles);
        }
        """,
        Expected(0, "RunningMean", "calls List<float>.Add() on static field 'FlightFeatures.Seen'"),
        Expected(1, "RowNumber", "writes an element of static field 'FlightFeatures.Counter'"),
        Expected(2, "PriorFlights", "writes an element of static field 'FlightFeatures.Prior'"),
        Expected(3, "Accumulated", "writes Running.Sum of static field 'Running.Instance'"),
        Expected(4, "Smoothed", "calls List<double>.Add() on static field 'Stats.History'", " via Stats.Observe()"));

    [Fact]
    public Task A_field_that_is_not_readonly_is_reported_once_at_the_change() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            private static List<float> Seen = new();

            [Feature] public static float Count(Flight f)
            {
                {|#0:Seen.Add(f.DistanceMiles)|};
                return f.DistanceMiles;
            }

            [Feature] public static float Last(Flight f) => {|#1:Seen|}.LastOrDefault();
        }
        """,
        Expected(0, "Count", "calls List<float>.Add() on static field 'FlightFeatures.Seen'"),
        Expected(1, "Last", "reads mutable static field 'FlightFeatures.Seen'"));

    [Fact]
    public Task A_table_training_code_fills_fires_where_a_feature_reads_it() => VerifyAsync("""
        public static class TargetEncoding
        {
            public static readonly Dictionary<string, double> Rate = new();
            public static Dictionary<string, double> Smoothed { get; } = new();
        }

        public static class Train
        {
            public static void Fit(IEnumerable<Flight> rows)
            {
                foreach (var g in rows.GroupBy(r => r.Origin))
                {
                    TargetEncoding.Rate[g.Key] = g.Average(r => r.DelayMinutes);
                }
            }

            public static void Smooth(IEnumerable<Flight> rows) =>
                rows.ToList().ForEach(r => TargetEncoding.Smoothed.TryAdd(r.Origin, r.DelayMinutes));
        }

        public static class Lookup
        {
            public static double Smoothed(string origin) => {|#1:TargetEncoding.Smoothed|}.TryGetValue(origin, out var rate) ? rate : 0;
        }

        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static double OriginDelay(Flight f) => {|#0:TargetEncoding.Rate|}.GetValueOrDefault(f.Origin, 0.1);

            [Feature] public static double SmoothedDelay(Flight f) => Lookup.Smoothed(f.Origin);
        }
        """,
        Expected(0, "OriginDelay", "reads static field 'TargetEncoding.Rate', which Train.Fit() writes after it is initialised"),
        Expected(1, "SmoothedDelay", "reads static property 'TargetEncoding.Smoothed', which Train.Smooth() writes after it is initialised", " via Lookup.Smoothed()"));

    [Fact]
    public Task A_table_filled_when_initialised_and_changed_later_fires() => VerifyAsync("""
        public sealed class Rates
        {
            public static readonly Dictionary<string, double> ByOrigin = new() { ["JFK"] = 0.2 };

            static Rates() => ByOrigin["LAX"] = 0.3;

            public Rates(IEnumerable<Flight> rows)
            {
                foreach (var row in rows)
                {
                    ByOrigin[row.Origin] = row.DelayMinutes;
                }
            }
        }

        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static double OriginDelay(Flight f) => {|#0:Rates.ByOrigin|}.GetValueOrDefault(f.Origin);
        }
        """,
        Expected(0, "OriginDelay", "reads static field 'Rates.ByOrigin', which the constructor of Rates writes after it is initialised"));

    [Fact]
    public Task A_public_method_that_fills_a_table_fires_even_if_only_the_static_constructor_calls_it() => VerifyAsync("""
        public static class Regions
        {
            public static readonly Dictionary<string, int> Codes = new();

            static Regions() => Register("NY", 1);

            public static void Register(string name, int code) => Codes[name] = code;
        }

        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static int Region(Flight f) => {|#0:Regions.Codes|}.GetValueOrDefault(f.Origin);
        }
        """,
        Expected(0, "Region", "reads static field 'Regions.Codes', which Regions.Register() writes after it is initialised"));

    [Fact]
    public Task Lookups_filled_when_initialised_and_reads_of_static_objects_do_not_fire() => VerifyAsync("""
        public static class Lookups
        {
            public static readonly Dictionary<string, int> Regions = new() { ["NY"] = 1, ["CA"] = 2 };
            public static readonly int[] Weights = { 1, 2, 3 };
            public static readonly HashSet<string> Hubs = new() { "ATL", "ORD" };
            public static readonly FrozenDictionary<string, int> Frozen = new Dictionary<string, int> { ["NY"] = 1 }.ToFrozenDictionary();
            public static readonly ImmutableDictionary<string, int> Immutable = ImmutableDictionary<string, int>.Empty.Add("NY", 1);
            public static readonly Regex Code = new("^[A-Z]{3}$", RegexOptions.Compiled);
            public static readonly Dictionary<string, int> Filled = new();
            public static readonly List<string> Ordered = new();
            public static readonly HashSet<string> Helped = new();
            public static readonly int[] Counts = new int[3];
            public static readonly Dictionary<string, int> Built = Build();
            public static List<string> Names { get; } = new() { "a" };
            private static readonly bool Seeded = Seed();

            static Lookups()
            {
                Filled["NY"] = 1;
                Filled.Add("CA", 2);
                foreach (var hub in new[] { "ATL", "ORD" })
                {
                    Ordered.Add(hub);
                }

                Array.Fill(Counts, 1);
                new[] { "DEN" }.ToList().ForEach(hub => AddHub(hub));
                Names.Add("b");
            }

            private static void AddHub(string hub) => AddHubNow(hub);

            private static void AddHubNow(string hub) => Helped.Add(hub);

            private static bool Seed()
            {
                Ordered.Add("SEA");
                return true;
            }

            private static Dictionary<string, int> Build()
            {
                var built = new Dictionary<string, int>();
                built["TX"] = 3;
                return built;
            }
        }

        // A feature that reads Count runs Fill once, when Tables is initialised.
        public static class Tables
        {
            public static readonly Dictionary<string, int> Codes = new();
            public static readonly int Count = Fill();

            private static int Fill()
            {
                Codes["NY"] = 1;
                return Codes.Count;
            }
        }

        // Training code may change static collections that no feature reads.
        public static class TrainingOnly
        {
            public static readonly List<float> Log = new();

            public static void Record(Flight f) => Log.Add(f.DistanceMiles);
        }

        public sealed class Scratch
        {
            public float Total;
            public List<float> Items = new();
        }

        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static int Region(Flight f) =>
                Lookups.Regions.GetValueOrDefault(f.Origin) + Lookups.Filled.GetValueOrDefault(f.Origin) + Lookups.Built.GetValueOrDefault(f.Origin)
                + (Lookups.Hubs.Contains(f.Origin) ? 1 : 0) + (Lookups.Helped.Contains(f.Origin) ? 1 : 0) + Lookups.Ordered.Count + Lookups.Names.Count;

            [Feature] public static int Immutable(Flight f) => Lookups.Frozen.GetValueOrDefault(f.Origin) + Lookups.Immutable.GetValueOrDefault(f.Origin);

            [Feature] public static bool Valid(Flight f) => Lookups.Code.IsMatch(f.Origin);

            [Feature] public static int Code(Flight f) => Tables.Codes.GetValueOrDefault(f.Origin) + Tables.Count;

            [Feature] public static float Local(Flight f)
            {
                var list = new List<float>();
                list.Add(f.DistanceMiles);
                list.Sort();
                return list.Sum();
            }

            [Feature] public static int Weight(Flight f) => Lookups.Weights[(int)f.Cabin] + Lookups.Weights.Length + Lookups.Counts[0];

            [Feature] public static int Copies(Flight f)
            {
                var copy = Lookups.Weights.ToArray();
                Array.Sort(copy);
                copy[0] = 1;
                var names = Lookups.Ordered.ToList();
                names.Add(f.Origin);
                return copy[0] + names.Count + Lookups.Regions.Keys.Count(k => k == f.Origin) + Lookups.Hubs.Where(h => h == f.Origin).Count();
            }

            [Feature] public static float Fresh(Flight f)
            {
                var scratch = new Scratch();
                scratch.Total += f.DistanceMiles;
                scratch.Items.Add(f.DistanceMiles);
                return scratch.Total;
            }
        }
        """);

    [Fact]
    public Task A_change_through_a_local_or_a_conditional_access_names_the_local() => VerifyAsync("""
        public sealed class Running
        {
            public double Sum;
            public static readonly Running Instance = new();
        }

        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            private static readonly List<float> Seen = new();
            private static readonly int[] Counter = new int[1];

            [Feature] public static float RunningMean(Flight f)
            {
                var seen = Seen;
                {|#0:seen.Add(f.DistanceMiles)|};
                return seen.Average();
            }

            [Feature] public static int RowNumber(Flight f)
            {
                ref var count = ref Counter[0];
                return ++{|#1:count|};
            }

            [Feature] public static double Accumulated(Flight f)
            {
                var running = Running.Instance;
                {|#2:running.Sum|} += f.DistanceMiles;
                return running.Sum;
            }

            [Feature] public static float Last(Flight f)
            {
                {|#3:Seen?.Add(f.DistanceMiles)|};
                return f.DistanceMiles;
            }
        }
        """,
        Expected(0, "RunningMean", "calls List<float>.Add() on static field 'FlightFeatures.Seen' through local 'seen'"),
        Expected(1, "RowNumber", "writes an element of static field 'FlightFeatures.Counter' through local 'count'"),
        Expected(2, "Accumulated", "writes Running.Sum of static field 'Running.Instance' through local 'running'"),
        Expected(3, "Last", "calls List<float>.Add() on static field 'FlightFeatures.Seen'"));

    // A local is followed only when it keeps the object it is declared with; one given another object is not, even when
    // the change comes before that (the last feature): a false negative, as SKW302's page says.
    [Fact]
    public Task Locals_that_only_read_a_static_object_or_hold_another_one_do_not_fire() => VerifyAsync("""
        public struct Point
        {
            public float X;
        }

        public static class Lookups
        {
            public static readonly Dictionary<string, int> Regions = new() { ["NY"] = 1 };
            public static readonly Dictionary<string, int> Filled = new();
            public static readonly List<string> Ordered = new() { "ATL" };
            public static readonly ConcurrentDictionary<string, int> Memo = new();
            public static readonly Point[] Points = new Point[2];
            public static readonly Point Origin;

            static Lookups()
            {
                var filled = Filled;
                filled["NY"] = 1;
                filled?.Add("CA", 2);
            }
        }

        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static int Region(Flight f)
            {
                var regions = Lookups.Regions;
                IReadOnlyDictionary<string, int> filled = Lookups.Filled;
                var ordered = Lookups.Ordered;
                return regions.GetValueOrDefault(f.Origin) + filled.GetValueOrDefault(f.Origin) + ordered.Count + (Lookups.Ordered?.Count ?? 0)
                    + ordered.Where(o => o == f.Origin).Count();
            }

            [Feature] public static int Memo(Flight f)
            {
                var memo = Lookups.Memo;
                return memo.GetOrAdd(f.Origin, origin => origin.Length) + (Lookups.Memo?.GetOrAdd(f.Origin, 1) ?? 0);
            }

            [Feature] public static float Fresh(Flight f)
            {
                var local = new List<float>();
                local.Add(f.DistanceMiles);
                var copy = Lookups.Ordered.ToList();
                copy.Add(f.Origin);
                return local.Sum() + copy.Count;
            }

            [Feature] public static float Copied(Flight f)
            {
                var point = Lookups.Points[0];
                point.X += f.DistanceMiles;
                var origin = Lookups.Origin;
                origin.X = f.DistanceMiles;
                var count = Lookups.Regions.Count;
                count++;
                return point.X + origin.X + count;
            }

            [Feature] public static int Replaced(Flight f)
            {
                var names = Lookups.Ordered;
                names = new List<string>();
                names.Add(f.Origin);
                return names.Count;
            }

            [Feature] public static int ReplacedAfter(Flight f)
            {
                var names = Lookups.Ordered;
                var count = names.Count;
                names = new List<string> { f.Origin };
                return count + names.Count;
            }
        }
        """);

    [Fact]
    public Task A_table_training_code_fills_through_a_local_or_with_a_conditional_access_fires_where_a_feature_reads_it() => VerifyAsync("""
        public static class TargetEncoding
        {
            public static readonly Dictionary<string, double> Rate = new();
            public static readonly Dictionary<string, double> Smoothed = new();
            public static readonly Dictionary<string, double> Read = new() { ["JFK"] = 1 };
        }

        public static class Train
        {
            public static void Fit(IEnumerable<Flight> rows)
            {
                var rate = TargetEncoding.Rate;
                foreach (var g in rows.GroupBy(r => r.Origin))
                {
                    rate[g.Key] = g.Average(r => r.DelayMinutes);
                }
            }

            public static void Smooth(Flight row) => TargetEncoding.Smoothed?.TryAdd(row.Origin, row.DelayMinutes);

            public static double Report()
            {
                var read = TargetEncoding.Read;
                return read.Values.Sum() + (TargetEncoding.Read?.Count ?? 0);
            }
        }

        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static double OriginDelay(Flight f) => {|#0:TargetEncoding.Rate|}.GetValueOrDefault(f.Origin, 0.1);

            [Feature] public static double SmoothedDelay(Flight f) => {|#1:TargetEncoding.Smoothed|}.GetValueOrDefault(f.Origin, 0.1);

            [Feature] public static double ReadDelay(Flight f) => TargetEncoding.Read.GetValueOrDefault(f.Origin, 0.1);
        }
        """,
        Expected(0, "OriginDelay", "reads static field 'TargetEncoding.Rate', which Train.Fit() writes after it is initialised"),
        Expected(1, "SmoothedDelay", "reads static field 'TargetEncoding.Smoothed', which Train.Smooth() writes after it is initialised"));

    [Fact]
    public Task A_change_features_make_is_reported_where_it_is_not_at_every_read() => VerifyAsync("""
        public static class Shared
        {
            public static readonly List<float> Seen = new();
        }

        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static float Record(Flight f)
            {
                {|#0:Shared.Seen.Add(f.DistanceMiles)|};
                return Shared.Seen.Count;
            }

            [Feature] public static float Total(Flight f) => Shared.Seen.Sum();
        }
        """,
        Expected(0, "Record", "calls List<float>.Add() on static field 'Shared.Seen'"));

    [Fact]
    public Task Every_prefix_of_static_state_code_runs_without_exceptions()
    {
        var text = Usings + TestSources.Flight + """
            public static class TargetEncoding
            {
                public static readonly Dictionary<string, double> Rate = new() { ["JFK"] = 1 };
                public static readonly int[] Counter = new int[1];

                static TargetEncoding() => Fill("LAX");

                private static void Fill(string origin) => Rate[origin] = 0.5;

                public static void Fit(IEnumerable<Flight> rows)
                {
                    foreach (var g in rows.GroupBy(r => r.Origin)) TargetEncoding.Rate[g.Key] = g.Average(r => r.DelayMinutes);
                }
            }

            [FeatureSet(typeof(Flight))]
            public static partial class FlightFeatures
            {
                [Feature] public static double Delay(Flight f) => TargetEncoding.Rate.GetValueOrDefault(f.Origin, 0.1) + ++TargetEncoding.Counter[0];

                [Feature] public static double Seen(Flight f)
                {
                    var rate = TargetEncoding.Rate;
                    rate?.TryAdd(f.Origin, 1);
                    ref var count = ref TargetEncoding.Counter[0];
                    return rate.Count + count++;
                }
            }
            """;
        return NoCrashOnAnyPrefix(text);
    }

    private static async Task NoCrashOnAnyPrefix(string text)
    {
        var usings = CSharpSyntaxTree.ParseText(TestCompilation.ImplicitUsings, TestCompilation.ParseOptions);
        var failures = await HalfTypedCodeTests.CrashesOnEveryPrefix(
            text,
            HalfTypedCodeTests.Cuts(text).Where(cut => cut > Usings.Length + TestSources.Flight.Length),
            prefix => CSharpCompilation.Create("Typing", [usings, CSharpSyntaxTree.ParseText(prefix, TestCompilation.ParseOptions)], TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)),
            ImmutableArray.Create<DiagnosticAnalyzer>(new NondeterministicFeatureAnalyzer()));
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
    }
}
