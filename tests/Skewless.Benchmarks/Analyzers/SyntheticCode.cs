using System.Text;

namespace Skewless.Benchmarks.Analyzers;

/// <summary>
/// Generated C# for the build benchmarks. No large real code base is on this machine and nothing
/// may be fetched, so the "large project" is generated: ordinary service code (records, LINQ,
/// lambdas, loops, pattern matching, string formatting, async, exceptions) in the proportions of a
/// line-of-business code base, with member names that collide with the feature inputs' so the
/// search does its semantic checks too. The project sets InvariantGlobalization, so the numbers
/// interpolated here are formatted the same everywhere.
/// </summary>
internal static class SyntheticCode
{
    /// <summary>A service code base of <paramref name="modules"/> files (about 130 lines each), plus one small feature set it could copy.</summary>
    public static string[] ServiceCodeBase(int modules)
    {
        var files = new List<string> { ListingFeatures };
        for (var i = 0; i < modules; i++)
        {
            files.Add(ServiceModule(i));
        }

        return files.ToArray();
    }

    /// <summary>
    /// A feature project: <paramref name="features"/> features in sets of ten over fifty input types,
    /// and serving code of one class per feature set, one method in twenty of which copies a feature.
    /// </summary>
    public static string[] ManyFeatures(int features)
    {
        var files = new List<string>();
        for (var input = 0; input < 50; input++)
        {
            files.Add($$"""
                using System;
                using Skewless;

                namespace Features.Inputs;

                [DataSource("warehouse.rows_{{input}}", Owner = "data", Version = "1")]
                public sealed record Row{{input}}
                {
                    public float A { get; init; }
                    public float B { get; init; }
                    public float C { get; init; }
                    public int Count { get; init; }
                    public string Code { get; init; } = "";
                    public DateTime When { get; init; }
                }
                """);
        }

        for (var set = 0; set < features / 10; set++)
        {
            var input = $"Features.Inputs.Row{set % 50}";
            var body = new StringBuilder();
            for (var feature = 0; feature < 10; feature++)
            {
                body.Append("    ").Append(Feature(set, feature)).Append('\n');
            }

            files.Add($$"""
                using System;
                using Skewless;

                namespace Features.Sets;

                [FeatureSet(typeof({{input}}), Version = 1)]
                public static partial class Set{{set}}
                {
                {{body}}
                    private static float Squash(float x) => x / (1 + MathF.Abs(x));
                }

                public sealed class Scorer{{set}}
                {
                    private readonly System.Collections.Generic.List<{{input}}> _recent = new();

                    public float Score({{input}} row)
                    {
                        _recent.Add(row);
                        var total = 0f;
                        foreach (var seen in _recent)
                        {
                            total += seen.A > 0 ? seen.B : -seen.C;
                        }

                        return total / _recent.Count + Features.Sets.Set{{set}}.F{{set}}_0(row);
                    }

                    public float Copy({{input}} row) => {{(set % 20 == 0 ? CopyOf(set) : "row.A + row.B")}};

                    public string Label({{input}} row) => $"{row.Code}-{row.Count}";
                }
                """);
        }

        return files.ToArray();
    }

    // Ten shapes of feature, each with constants that depend on the set, so every fingerprint differs.
    private static string Feature(int set, int feature) => feature switch
    {
        0 => $"[Feature] public static float F{set}_0(Features.Inputs.Row{set % 50} r) => r.A / {set + 2} + r.B;",
        1 => $"[Feature] public static float F{set}_1(Features.Inputs.Row{set % 50} r) => MathF.Log(1 + r.C * {set + 3});",
        2 => $"[Feature] public static float F{set}_2(Features.Inputs.Row{set % 50} r) => r.When.Hour + r.When.Minute / {set + 60}f;",
        3 => $"[Feature] public static bool F{set}_3(Features.Inputs.Row{set % 50} r) => r.Code.Length > {set % 7 + 1} && r.Count < {set + 10};",
        4 => $"[Feature] public static float F{set}_4(Features.Inputs.Row{set % 50} r) => Squash(r.A - r.B * {set + 1});",
        5 => $"[Feature] public static int F{set}_5(Features.Inputs.Row{set % 50} r) => r.Count % {set + 5} + r.When.Day;",
        6 => $"[Feature] public static float F{set}_6(Features.Inputs.Row{set % 50} r) {{ var ratio = r.A / (r.B + {set + 1}); return ratio * ratio; }}",
        7 => $"[Feature] public static double F{set}_7(Features.Inputs.Row{set % 50} r) => Math.Sqrt(r.A * r.A + r.C * {set + 4});",
        8 => $"[Feature] public static bool F{set}_8(Features.Inputs.Row{set % 50} r) => r.When.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && r.A > {set};",
        _ => $"[Feature] public static float F{set}_9(Features.Inputs.Row{set % 50} r) => (r.A + r.B + r.C) / {set + 3} - r.Count;",
    };

    // The serving copy of feature 1 of a set, planted in one scorer in twenty.
    private static string CopyOf(int set) => $"MathF.Log(1 + row.C * {set + 3})";

    private const string ListingFeatures = """
        using System;
        using Skewless;

        namespace Corpus.Features;

        [DataSource("catalog.listings", Owner = "catalog", Version = "3")]
        public sealed record Listing
        {
            public decimal Price { get; init; }
            public float Weight { get; init; }
            public string Name { get; init; } = "";
            public DateTime Created { get; init; }
            public int Id { get; init; }
        }

        [FeatureSet(typeof(Listing), Version = 1)]
        public static partial class ListingFeatures
        {
            [Feature] public static float Heavy(Listing l) => l.Weight / 1000f + 1;
            [Feature] public static float LogWeight(Listing l) => MathF.Log(1 + l.Weight);
            [Feature] public static double Price(Listing l) => (double)l.Price * 0.9;
            [Feature] public static float Age(Listing l) => l.Created.Hour + l.Created.Minute / 60f;
            [Feature] public static bool LongName(Listing l) => l.Name.Length > 40 && l.Id % 2 == 0;
            [Feature] public static int Bucket(Listing l) => l.Id % 97 + l.Name.Length;
            [Feature] public static double Score(Listing l) => Math.Sqrt((double)l.Price * l.Weight + 1);
            [Feature] public static bool Weekend(Listing l) => l.Created.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        }
        """;

    private static string ServiceModule(int i) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;

        namespace Corpus.Module{{i % 40}};

        public sealed record Order{{i}}(int Id, string Name, decimal Price, float Weight, DateTime Created)
        {
            public List<Line{{i}}> Lines { get; } = new();
            public string? Note { get; init; }
        }

        public sealed record Line{{i}}(string Sku, int Quantity, decimal UnitPrice);

        public sealed class OrderNotFound{{i}}(int id) : Exception($"Order {id} was not found.");

        public interface IStore{{i}}
        {
            Task<Order{{i}}?> FindAsync(int id);
            IEnumerable<Order{{i}}> All();
        }

        public sealed class OrderService{{i}}
        {
            private readonly IStore{{i}} _store;
            private readonly Dictionary<string, decimal> _discounts = new(StringComparer.Ordinal);
            private int _calls;

            public OrderService{{i}}(IStore{{i}} store) => _store = store;

            public decimal Total(Order{{i}} order)
            {
                var sum = 0m;
                foreach (var line in order.Lines)
                {
                    sum += line.Quantity * line.UnitPrice;
                }

                return _discounts.TryGetValue(order.Name, out var discount) ? sum * (1 - discount) : sum;
            }

            public IReadOnlyList<string> RecentNames(int days) =>
                _store.All()
                    .Where(order => order.Created > DateTime.UnixEpoch.AddDays({{i % 300}}) && order.Lines.Count > 0)
                    .OrderByDescending(order => order.Created)
                    .Take(days * {{i % 5 + 1}})
                    .Select(order => order.Name.Trim())
                    .ToList();

            public float ShippingCost(Order{{i}} order)
            {
                var kilos = order.Weight / {{i % 9 + 1}}f;
                if (kilos > 20)
                {
                    return 15 + (kilos - 20) * 0.{{i % 9 + 1}}f;
                }

                return kilos < 1 ? 2.5f : MathF.Round(kilos * 1.2f, 2);
            }

            public string Describe(Order{{i}} order) => order switch
            {
                { Lines.Count: 0 } => $"{order.Id}: empty",
                { Price: > 1000m } => $"{order.Id}: {order.Name} (large, {order.Lines.Count} lines)",
                _ => $"{order.Id}: {order.Name} at {order.Price:F2}",
            };

            public async Task<decimal> TotalAsync(int id)
            {
                _calls++;
                var order = await _store.FindAsync(id).ConfigureAwait(false) ?? throw new OrderNotFound{{i}}(id);
                return Total(order);
            }

            public Dictionary<string, int> CountBySku(IEnumerable<Order{{i}}> orders)
            {
                var counts = new Dictionary<string, int>();
                foreach (var line in orders.SelectMany(order => order.Lines))
                {
                    counts[line.Sku] = counts.TryGetValue(line.Sku, out var count) ? count + line.Quantity : line.Quantity;
                }

                return counts;
            }

            public bool IsSuspicious(Order{{i}} order)
            {
                try
                {
                    var average = order.Lines.Count == 0 ? 0 : order.Lines.Average(line => (double)line.UnitPrice);
                    return average > {{i % 500 + 100}} || order.Name.Contains("test", StringComparison.OrdinalIgnoreCase) || _calls > 1000;
                }
                catch (InvalidOperationException)
                {
                    return false;
                }
            }

            public int Priority(Order{{i}} order)
            {
                var score = order.Id % {{i % 13 + 2}};
                for (var step = 0; step < order.Lines.Count; step++)
                {
                    score += order.Lines[step].Quantity > 10 ? 2 : 1;
                }

                return Math.Clamp(score, 0, 10);
            }
        }
        """;
}
