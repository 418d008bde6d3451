using System.Globalization;
using System.Text;
using Skewless.Monitoring;

namespace Skewless.Cli;

/// <summary>The commands of the <c>skewless</c> tool, with hand-written argument parsing: there are three commands and three options.</summary>
internal static class Commands
{
    public const int Ok = 0;
    public const int Crossed = 1;
    public const int BadInput = 2;

    public const string Usage = """
        Usage:
          skewless compare <baseline> <current> [<current>...] [--html <report.html>] [--threshold <distance>] [--min-rows <rows>]
              Compares the feature statistics of two files. Each is an artifact (its training statistics)
              or a snapshot saved from a FeatureMonitor. Prints every feature's distance, largest first.
              Several current snapshots are merged first: one window's from several replicas, windows that do not
              overlap (a week of days), or both; windows that overlap without being the same are refused.
              --html       also writes one self-contained HTML page with a histogram per feature
              --threshold  the threshold of every feature without [DriftThreshold] (default 0.1 for L-infinity, 0.02 for Jensen-Shannon)
              --min-rows   the fewest rows both files need for a feature to be flagged (default 200); with fewer,
                           distances are shown as "too few rows", for they measure the sample's noise more than drift
              Exit code: 0 if no feature crossed its threshold, 1 if one did, 2 for bad input (also a file without rows,
                         or too few rows for any feature to be judged).
          skewless show <file>
              Prints the features and statistics of an artifact or snapshot, and a snapshot's residuals when it has outcomes.
          skewless map <skewless.dependencies.json> [<data source> <member>]
              Prints which features read each member of each data source (the file the build writes to obj/).
              With a data source (its [DataSource] name or type) and a member: the features a change to it affects.
              Exit code: 0, or 2 for bad input (also a data source or member the map does not have).
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            return args switch
            {
                ["compare", .. var rest] => Compare(rest, output, error),
                ["show", var file] => Show(file, output),
                ["map", var file] => Map(file, output),
                ["map", var file, var dataSource, var member] => Affected(file, dataSource, member, output, error),
                ["--help" or "-h" or "help"] => Help(output),
                _ => throw new UsageException(args.Length == 0 ? "No command given." : $"Unknown command or arguments: {string.Join(" ", args)}"),
            };
        }
        catch (UsageException exception)
        {
            error.WriteLine($"skewless: {exception.Message}");
            error.WriteLine(Usage);
            return BadInput;
        }
        catch (Exception exception) when (exception is InvalidDataException or IncomparableStatisticsException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"skewless: {exception.Message}");
            return BadInput;
        }
    }

    private static int Help(TextWriter output)
    {
        output.WriteLine(Usage);
        return Ok;
    }

    private static int Compare(string[] args, TextWriter output, TextWriter error)
    {
        var files = new List<string>();
        string? html = null;
        var options = new ComparisonOptions();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--html":
                    html = Value(args, ++i, "--html");
                    break;
                case "--threshold":
                    var text = Value(args, ++i, "--threshold");
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold) || !(threshold >= 0) || double.IsInfinity(threshold))
                    {
                        throw new UsageException($"--threshold needs a non-negative number, not '{text}'.");
                    }

                    options.LInfinityThreshold = threshold;
                    options.JensenShannonThreshold = threshold;
                    break;
                case "--min-rows":
                    var rows = Value(args, ++i, "--min-rows");
                    options.MinimumRows = int.TryParse(rows, NumberStyles.None, CultureInfo.InvariantCulture, out var minimum)
                        ? minimum
                        : throw new UsageException($"--min-rows needs a whole number of rows, not '{rows}'.");
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    throw new UsageException($"Unknown option {option}.");
                default:
                    files.Add(args[i]);
                    break;
            }
        }

        if (files.Count < 2)
        {
            throw new UsageException($"compare needs a baseline and at least one current file, not {files.Count} file(s).");
        }

        var baseline = Load(files[0]);
        RequireRows(files[0], baseline);
        var current = files.Count == 2 ? Load(files[1]) : ServingStatistics.Merge(files.Skip(1).Select(LoadSnapshot));
        RequireRows(files.Count == 2 ? files[1] : string.Join(" + ", files.Skip(1)), current);
        var report = DriftReport.Compare(baseline, current, options);
        report.WriteTable(output);
        if (html is not null)
        {
            using (var writer = new StreamWriter(html, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                report.WriteHtml(writer);
            }

            output.WriteLine($"Wrote {Path.GetFullPath(html)}.");
        }

        if (report.AnyCrossed)
        {
            return Crossed;
        }

        // A gate that could judge no feature has not found the traffic healthy: say so rather than pass.
        if (report.Features.All(feature => feature.TooFewRows || double.IsNaN(feature.Distance)))
        {
            error.WriteLine($"skewless: nothing was checked: every feature has fewer than {options.MinimumRows} rows on a side (--min-rows), where a distance is mostly the sample's noise.");
            return BadInput;
        }

        return Ok;
    }

    // A side without rows has no distance to cross, so it would pass the gate as healthy, while it nearly always means
    // serving broke: nothing went through the monitor, or the window or file is the wrong one.
    private static void RequireRows(string path, FeatureSetStatistics statistics)
    {
        if (statistics.Rows == 0)
        {
            throw new InvalidDataException($"{path}: {statistics.Source} has no rows, so there is nothing to compare. A serving window without rows means nothing was monitored in it: check that serving passes its monitor to Transform, and the window and file.");
        }
    }

    private static int Show(string file, TextWriter output)
    {
        var statistics = Load(file);
        output.WriteLine(Invariant($"{statistics.FeatureSet} ({statistics.Name} v{statistics.Version}, definition {statistics.Fingerprint})"));
        output.WriteLine(Invariant($"{statistics.Source}: {statistics.Rows:N0} rows, {statistics.Features.Count} features"));
        foreach (var feature in statistics.Features.Concat(statistics.Label is null ? Array.Empty<FeatureStatistics>() : new[] { statistics.Label }))
        {
            var role = ReferenceEquals(feature, statistics.Label) ? "label" : feature.Transform.ToString();
            var threshold = feature.DriftThreshold is { } value ? Invariant($", drift threshold {value}") : "";
            output.WriteLine();
            output.WriteLine(Invariant($"{feature.Name} ({feature.Kind}, {role}{threshold}): {feature.Count:N0} present, {feature.Missing:N0} missing"));
            switch (feature)
            {
                case NumericStatistics numeric:
                    output.WriteLine(Invariant($"  mean {numeric.Mean:G6}, standard deviation {numeric.StandardDeviation:G6}, minimum {numeric.Minimum:G6}, maximum {numeric.Maximum:G6}"));
                    for (var bin = 0; bin < numeric.BinCounts.Count; bin++)
                    {
                        var low = bin == 0 ? "-inf" : numeric.Edges[bin - 1].ToString("G6", CultureInfo.InvariantCulture);
                        var high = bin == numeric.Edges.Count ? "+inf" : numeric.Edges[bin].ToString("G6", CultureInfo.InvariantCulture);
                        output.WriteLine(Invariant($"  {$"[{low}, {high})",-30} {numeric.BinCounts[bin],12:N0}"));
                    }

                    break;
                case CategoricalStatistics categorical:
                    for (var i = 0; i < categorical.Categories.Count; i++)
                    {
                        output.WriteLine(Invariant($"  {categorical.Categories[i],-30} {categorical.CategoryCounts[i],12:N0}"));
                    }

                    output.WriteLine(Invariant($"  {"(other)",-30} {categorical.Other,12:N0}"));
                    if (categorical.OutOfVocabulary is { } outOfVocabulary)
                    {
                        output.WriteLine(Invariant($"  {"  of which out of vocabulary",-30} {outOfVocabulary,12:N0}"));
                    }

                    break;
            }
        }

        if (statistics is ServingStatistics { Residuals: { Count: > 0 } residuals })
        {
            WriteResiduals(residuals, output);
        }

        return Ok;
    }

    // Every slice, in the stored order (schema, then bin or category), so a slice that stands out is read beside its neighbours.
    private static void WriteResiduals(ResidualStatistics residuals, TextWriter output)
    {
        var featureWidth = Math.Max("feature".Length, residuals.Slices.Select(slice => slice.Feature.Length).DefaultIfEmpty(0).Max());
        var sliceWidth = Math.Max("slice".Length, residuals.Slices.Select(slice => slice.Slice.Length).DefaultIfEmpty(0).Max());
        output.WriteLine();
        output.WriteLine(Invariant($"Residuals (outcome minus prediction): {residuals.Count:N0} outcomes, mean prediction {residuals.MeanPrediction:G6}, mean outcome {residuals.MeanOutcome:G6}, mean residual {residuals.MeanResidual:G6}, mean absolute {residuals.MeanAbsoluteResidual:G6}"));
        output.WriteLine(Invariant($"  {"feature".PadRight(featureWidth)}  {"slice".PadRight(sliceWidth)}  {"outcomes",12}  {"mean residual",14}  {"mean absolute",14}"));
        foreach (var slice in residuals.Slices)
        {
            output.WriteLine(Invariant($"  {slice.Feature.PadRight(featureWidth)}  {slice.Slice.PadRight(sliceWidth)}  {slice.Count,12:N0}  {slice.MeanResidual,14:G6}  {slice.MeanAbsoluteResidual,14:G6}"));
        }
    }

    private static int Map(string file, TextWriter output)
    {
        output.Write(LoadMap(file).ToString());
        return Ok;
    }

    private static int Affected(string file, string dataSource, string member, TextWriter output, TextWriter error)
    {
        // A misspelt source or member would otherwise read as "nothing is affected", the answer that
        // lets a change through: say it is unknown, and what the map does know.
        var map = LoadMap(file);
        var sources = map.DataSources.Where(source => source.Name == dataSource || source.Type == dataSource).ToList();
        if (sources.Count == 0)
        {
            var known = map.DataSources.Select(source => source.Name is null ? source.Type : $"{source.Name} ({source.Type})");
            error.WriteLine($"skewless: The map has no data source {dataSource}. Its data sources: {string.Join(", ", known)}.");
            return BadInput;
        }

        var members = sources.SelectMany(source => source.Members).Select(known => known.Name).Distinct(StringComparer.Ordinal).ToList();
        if (!members.Contains(member, StringComparer.Ordinal))
        {
            error.WriteLine($"skewless: Data source {dataSource} has no member {member}. Its members: {string.Join(", ", members)}.");
            return BadInput;
        }

        var features = map.Affected(dataSource, member);
        output.WriteLine(features.Count == 0
            ? $"No feature reads {dataSource}.{member}."
            : $"A change to {dataSource}.{member} affects {features.Count} feature(s):");
        foreach (var feature in features)
        {
            output.WriteLine($"  {feature} ({feature.FeatureSetClass})");
        }

        return Ok;
    }

    private static DependencyMap LoadMap(string path)
    {
        var text = ReadExisting(path, File.ReadAllText);
        try
        {
            return DependencyMap.Parse(text);
        }
        catch (FormatException exception)
        {
            throw new InvalidDataException($"{path}: {exception.Message}", exception);
        }
    }

    private static T ReadExisting<T>(string path, Func<string, T> read) =>
        File.Exists(path) ? read(path) : throw new UsageException($"No such file: {path}");

    private static FeatureSetStatistics Load(string path)
    {
        using var stream = ReadExisting(path, File.OpenRead);
        try
        {
            return StatisticsFile.Load(stream);
        }
        catch (ArtifactException exception)
        {
            throw new InvalidDataException($"{path}: {exception.Message}", exception);
        }
    }

    // Several current files are merged, which only snapshots can be.
    private static ServingStatistics LoadSnapshot(string path) =>
        Load(path) as ServingStatistics ?? throw new InvalidDataException($"{path}: it is an artifact, but several current files are merged, which only monitor snapshots can be.");

    private static string Value(string[] args, int index, string option) =>
        index < args.Length ? args[index] : throw new UsageException($"{option} needs a value.");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class UsageException(string message) : Exception(message);
}
