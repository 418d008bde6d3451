using System.Diagnostics;
using Parquet;
using Parquet.Schema;
using Skewless;

namespace Skewless.Benchmarks;

/// <summary>One flight of the 3-million-row training file, with only the columns the training benchmark's features read.</summary>
[DataSource("flights-3m.parquet")]
public sealed class TrainingFlight
{
    /// <summary>Miles flown; NaN where the file has no value.</summary>
    public float Distance { get; set; }

    /// <summary>The origin airport code, shared with every other row of the same airport (interned on read).</summary>
    public string Origin { get; set; } = "";

    /// <summary>The destination airport code, interned like <see cref="Origin"/>.</summary>
    public string Destination { get; set; } = "";
}

/// <summary>Reads <c>flights-3m.parquet</c> column by column (one array per column and row group), as DESIGN.md §6 asks, and builds the rows once.</summary>
public static class TrainingData
{
    /// <summary>The shared training file; <c>SKEWLESS_FLIGHTS_3M</c> overrides where it is.</summary>
    public static string Path =>
        Environment.GetEnvironmentVariable("SKEWLESS_FLIGHTS_3M") is { Length: > 0 } path ? path : "/work/shared/data/flights-3m.parquet";

    private static TrainingFlight[]? s_rows;

    /// <summary>How long the one read of the file took: reported apart from the fit and transform being measured.</summary>
    public static TimeSpan ReadTime { get; private set; }

    /// <summary>The file's rows, read once per process.</summary>
    public static TrainingFlight[] Rows()
    {
        if (s_rows is null)
        {
            var start = Stopwatch.GetTimestamp();
            s_rows = ReadAsync(Path).GetAwaiter().GetResult();
            ReadTime = Stopwatch.GetElapsedTime(start);
            Console.WriteLine($"// Read {s_rows.Length:N0} rows of {System.IO.Path.GetFileName(Path)} column by column in {ReadTime.TotalMilliseconds:N0} ms (not part of any measurement).");
        }

        return s_rows;
    }

    /// <summary><c>--read</c>: times three reads of the file (the first includes JIT) and counts what the vocabularies must hold.</summary>
    public static int Describe()
    {
        TrainingFlight[] rows = [];
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var start = Stopwatch.GetTimestamp();
            rows = ReadAsync(Path).GetAwaiter().GetResult();
            Console.WriteLine($"Read {attempt}: {rows.Length:N0} rows, column by column, in {Stopwatch.GetElapsedTime(start).TotalMilliseconds:N0} ms.");
        }

        var origins = rows.Select(row => row.Origin).Distinct().Count();
        var destinations = rows.Select(row => row.Destination).Distinct().Count();
        var airports = rows.Select(row => row.Origin).Concat(rows.Select(row => row.Destination)).Distinct().Count();
        Console.WriteLine($"Distinct origins {origins}, destinations {destinations}, airports {airports}; vocabularies hold up to {TrainingFeatures.MaxAirports}.");
        Console.WriteLine($"Missing: distance {rows.Count(row => float.IsNaN(row.Distance))}, origin {rows.Count(row => row.Origin.Length == 0)}, destination {rows.Count(row => row.Destination.Length == 0)}.");
        Console.WriteLine($"Distance: min {rows.Min(row => row.Distance)}, max {rows.Max(row => row.Distance)}, all integers: {rows.All(row => row.Distance == MathF.Round(row.Distance))}.");
        return 0;
    }

    private static async Task<TrainingFlight[]> ReadAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path).ConfigureAwait(false);
        var fields = reader.Schema.GetDataFields();
        var distanceField = Field(fields, "distance");
        var originField = Field(fields, "origin");
        var destinationField = Field(fields, "destination");

        var rows = new List<TrainingFlight>();
        var airports = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = checked((int)group.RowCount);
            var distances = new long?[count];
            var origins = new string?[count];
            var destinations = new string?[count];
            await group.ReadAsync<long>(distanceField, distances.AsMemory()).ConfigureAwait(false);
            await group.ReadAsync(originField, origins.AsMemory()).ConfigureAwait(false);
            await group.ReadAsync(destinationField, destinations.AsMemory()).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                rows.Add(new TrainingFlight
                {
                    Distance = distances[i] is { } miles ? miles : float.NaN,
                    Origin = Intern(airports, origins[i]),
                    Destination = Intern(airports, destinations[i]),
                });
            }
        }

        return rows.ToArray();
    }

    private static string Intern(Dictionary<string, string> pool, string? value)
    {
        if (value is null)
        {
            return "";
        }

        if (!pool.TryGetValue(value, out var shared))
        {
            pool.Add(value, value);
            shared = value;
        }

        return shared;
    }

    private static DataField Field(DataField[] fields, string name) =>
        fields.FirstOrDefault(field => field.Name == name) ?? throw new InvalidOperationException($"{Path} has no column '{name}'.");
}
