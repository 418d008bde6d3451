using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using Skewless.Analyzers.Leakage.Dependencies;
using Skewless.IntegrationTests.Infrastructure;

namespace Skewless.Benchmarks.Analyzers;

/// <summary>
/// Issue 4 by the compiler's own timing: writes <see cref="SyntheticProject"/> as a real SDK project that references the
/// packed Skewless package from a local folder feed, as a user's would, builds it with <c>dotnet build</c> and csc's
/// <c>/reportanalyzer</c>, and reads the Csc task's duration (the whole compilation: parsing, binding, generators, every
/// analyzer including the SDK's defaults, emit) and the analyzer and generator times the compiler reports. The variant
/// without Skewless has the look-alike attributes and no package reference. Usage: <c>--analyzer-share [sets...]
/// [--builds N] [--leakage-only] [--keep]</c>; the largest size is built with and without Skewless first, then the others
/// with it. With <c>--leakage-only</c>, each size is built instead with Skewless but only its leakage analyzers enabled, so
/// that no other Skewless analyzer pays first for binding the bodies they share.
/// </summary>
internal static partial class AnalyzerShare
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(20);

    /// <param name="LeakageOnly">Skewless referenced, but every diagnostic of its other analyzers set to none, so the compiler runs only the leakage analyzers (and the generators).</param>
    private sealed record Variant(int Sets, bool WithSkewless, bool LeakageOnly = false)
    {
        public string Name => LeakageOnly ? $"leakage-only-{Sets}" : WithSkewless ? $"skewless-{Sets}" : $"plain-{Sets}";

        public string Label => LeakageOnly ? $"{Sets}, leakage analyzers only" : WithSkewless ? Sets.ToString(CultureInfo.InvariantCulture) : $"{Sets}, no Skewless";

        public int Features => Sets * SyntheticProject.FeaturesPerSet;
    }

    /// <summary>What one build reported, in seconds; analyzer and generator times are summed over the compiler's threads.</summary>
    private sealed record Build(double Csc, double Wall, double Analyzers, double Leakage, double Skewless, double Generators, double SkewlessTargets);

    public static int Run(string[] args)
    {
        var builds = 3;
        var keep = false;
        var leakageOnly = false;
        var sizes = new List<int>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--builds":
                    builds = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--keep":
                    keep = true;
                    break;
                case "--leakage-only":
                    leakageOnly = true;
                    break;
                default:
                    sizes.Add(int.Parse(args[i], CultureInfo.InvariantCulture));
                    break;
            }
        }

        if (sizes.Count == 0)
        {
            sizes = [100, 250, 500];
        }

        var largest = sizes.Max();
        Variant[] variants = leakageOnly
            ? [.. sizes.Distinct().OrderDescending().Select(size => new Variant(size, true, LeakageOnly: true))]
            : [new(largest, true), new(largest, false), .. sizes.Where(size => size != largest).Distinct().Order().Select(size => new Variant(size, true))];

        var root = Path.Combine(Path.GetTempPath(), "skw-share-" + Guid.NewGuid().ToString("N")[..12]);
        Console.WriteLine($"Analyzer share by csc /reportanalyzer: {builds} builds per variant, in {root}.");
        Console.WriteLine($"Started {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {PairedRunner.LoadAverage()}, {Environment.ProcessorCount} logical cores.");
        try
        {
            var (feed, version) = Pack(root);
            var packages = Path.Combine(root, "packages");
            var results = new List<(Variant Variant, List<Build> Builds)>();
            foreach (var variant in variants)
            {
                var project = WriteProject(root, feed, version, variant);
                Dotnet(project, packages, "restore", "-nologo", "-tl:off", "--disable-build-servers");
                var measured = new List<Build>();
                for (var build = 0; build < builds; build++)
                {
                    // Any newer source makes CoreCompile run again; restore and the other targets stay as they are.
                    File.SetLastWriteTimeUtc(Path.Combine(project, "Usings.cs"), DateTime.UtcNow);
                    var result = Dotnet(
                        project,
                        packages,
                        "build", "--no-restore", "-c", "Release", "-p:ReportAnalyzer=true", "-p:UseSharedCompilation=false",
                        "-v:detailed", "-clp:PerformanceSummary", "-nologo", "-tl:off", "--disable-build-servers");
                    File.WriteAllText(Path.Combine(project, $"build-{build + 1}.log"), result.Output);
                    var parsed = Parse(result, variant);
                    measured.Add(parsed);
                    Console.WriteLine(FormattableString.Invariant(
                        $"// {variant.Name} build {build + 1}: Csc {parsed.Csc:0.00} s, analyzers {parsed.Analyzers:0.000} s, leakage {parsed.Leakage:0.000} s, Skewless analyzers {parsed.Skewless:0.000} s, Skewless generators {parsed.Generators:0.000} s (load {PairedRunner.LoadAverage()})"));
                }

                results.Add((variant, measured));
            }

            Print(results);
            Console.WriteLine($"Finished {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {PairedRunner.LoadAverage()}.");
            return 0;
        }
        finally
        {
            if (keep)
            {
                Console.WriteLine($"Kept {root} (build logs are build-N.log in each project).");
            }
            else
            {
                try
                {
                    Directory.Delete(root, recursive: true);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    // A leftover temporary folder is not worth failing the run for.
                }
            }
        }
    }

    /// <summary>Packs Skewless into a fresh folder feed, fenced off from the repository's MSBuild files, as the integration tests do.</summary>
    private static (string Feed, string Version) Pack(string root)
    {
        var feed = Path.Combine(root, "feed");
        Directory.CreateDirectory(feed);
        foreach (var fence in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(root, fence), "<Project />\n");
        }

        Dotnet(RepositoryPaths.Root, null, "pack", RepositoryPaths.PackageProject, "-c", "Release", "-o", feed, "-nologo", "-tl:off", "--disable-build-servers");
        var package = Directory.GetFiles(feed, "Skewless.*.nupkg").Single();
        return (feed, Path.GetFileNameWithoutExtension(package)["Skewless.".Length..]);
    }

    /// <summary>
    /// The synthetic sources in an SDK project of their own. The planted leaks are SKW200 errors, which would fail the
    /// build; an .editorconfig makes them warnings, as a user keeping the build green would, and leaves the work the same.
    /// </summary>
    private static string WriteProject(string root, string feed, string version, Variant variant)
    {
        var directory = Path.Combine(root, variant.Name);
        Directory.CreateDirectory(directory);
        foreach (var (path, text) in SyntheticProject.Sources(variant.Sets, variant.WithSkewless))
        {
            File.WriteAllText(Path.Combine(directory, path), text);
        }

        var reference = variant.WithSkewless ? $"""<PackageReference Include="Skewless" Version="{version}" />""" : "";

        // An analyzer all of whose diagnostics are suppressed for the whole compilation (NoWarn; a severity of none in an
        // .editorconfig section is per file and does not do it) is not run by the compiler at all.
        var noWarn = variant.LeakageOnly ? $"<NoWarn>$(NoWarn);{string.Join(';', OtherSkewlessDiagnostics())}</NoWarn>" : "";
        File.WriteAllText(Path.Combine(directory, "Synthetic.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>disable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <LangVersion>latest</LangVersion>
                {noWarn}
              </PropertyGroup>
              <ItemGroup>
                {reference}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.SKW200.severity = warning\n");

        // The local feed on top of the machine's own sources; no fallback folders, which could hold another Skewless.
        new XDocument(new XElement("configuration",
                new XElement("packageSources", new XElement("add", new XAttribute("key", "skewless-under-test"), new XAttribute("value", feed))),
                new XElement("fallbackPackageFolders", new XElement("clear"))))
            .Save(Path.Combine(directory, "nuget.config"));
        return directory;
    }

    /// <summary>The IDs of every Skewless analyzer's diagnostics that no leakage analyzer reports, from the analyzers themselves.</summary>
    private static IEnumerable<string> OtherSkewlessDiagnostics()
    {
        var analyzers = typeof(FeatureDependencyAnalyzer).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(DiagnosticAnalyzer)) && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null)
            .Select(type => (Leakage: type.Namespace!.StartsWith("Skewless.Analyzers.Leakage", StringComparison.Ordinal), Ids: ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics.Select(rule => rule.Id)))
            .ToList();
        var leakage = analyzers.Where(analyzer => analyzer.Leakage).SelectMany(analyzer => analyzer.Ids).ToHashSet(StringComparer.Ordinal);
        return analyzers.Where(analyzer => !analyzer.Leakage).SelectMany(analyzer => analyzer.Ids).Where(id => !leakage.Contains(id)).Distinct().Order(StringComparer.Ordinal);
    }

    /// <summary>Runs <c>dotnet</c> as the integration tests do; <paramref name="packages"/> is the NuGet packages folder, or null for the machine's.</summary>
    private static CommandResult Dotnet(string directory, string? packages, params string[] arguments)
    {
        var environment = new Dictionary<string, string?>();
        if (packages is not null)
        {
            // The run's own packages folder: a Skewless of the same version cached on the machine must not stand in for this one.
            environment["NUGET_PACKAGES"] = packages;
        }

        var result = IntegrationTests.Infrastructure.Dotnet.RunAsync(directory, environment, BuildTimeout, arguments).GetAwaiter().GetResult();
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.Describe());
        }

        return result;
    }

    /// <summary>
    /// Reads the Csc task's duration from the performance summary, and the /reportanalyzer tables: assembly rows
    /// ("time % Assembly, Version=…") and, indented further, one row per analyzer or generator ("time % Type (IDs)").
    /// </summary>
    private static Build Parse(CommandResult result, Variant variant)
    {
        var lines = result.Output.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        double? csc = null;
        double? analyzers = null;
        double? generators = null;
        double leakage = 0, skewless = 0, skewlessGenerators = 0, skewlessTargets = 0;
        var leakageAnalyzers = new HashSet<string>(StringComparer.Ordinal);
        var section = "";
        var assembly = "";
        var performanceSummary = "";
        foreach (var line in lines)
        {
            if (line.TrimEnd().EndsWith("Performance Summary:", StringComparison.Ordinal))
            {
                performanceSummary = line.Trim();
            }
            else if (TotalLine().Match(line) is { Success: true } total)
            {
                section = total.Groups["kind"].Value;
                var seconds = double.Parse(total.Groups["seconds"].Value, CultureInfo.InvariantCulture);
                if (section == "analyzer")
                {
                    analyzers = seconds;
                }
                else
                {
                    generators = seconds;
                }
            }
            else if (SummaryLine().Match(line) is { Success: true } summary)
            {
                var milliseconds = double.Parse(summary.Groups["ms"].Value, CultureInfo.InvariantCulture);
                if (performanceSummary.StartsWith("Task", StringComparison.Ordinal) && summary.Groups["name"].Value == "Csc")
                {
                    csc = milliseconds / 1000;
                }
                else if (performanceSummary.StartsWith("Target", StringComparison.Ordinal) && summary.Groups["name"].Value.StartsWith("_Skewless", StringComparison.Ordinal))
                {
                    // The package's own targets run around the compilation; they appear in the target summary.
                    skewlessTargets += milliseconds / 1000;
                }
            }
            else if (section != "" && TimeRow().Match(line) is { Success: true } row)
            {
                var seconds = row.Groups["less"].Success ? 0 : double.Parse(row.Groups["seconds"].Value, CultureInfo.InvariantCulture);
                var name = row.Groups["name"].Value;
                if (row.Groups["indent"].Value.Length <= 3)
                {
                    assembly = name;
                    if (name.StartsWith("Skewless.", StringComparison.Ordinal))
                    {
                        if (section == "analyzer")
                        {
                            skewless += seconds;
                        }
                        else
                        {
                            skewlessGenerators += seconds;
                        }
                    }
                }
                else if (section == "analyzer" && assembly.StartsWith("Skewless.", StringComparison.Ordinal) && name.StartsWith("Skewless.Analyzers.Leakage.", StringComparison.Ordinal))
                {
                    leakage += seconds;
                    leakageAnalyzers.Add(name.Split(' ')[0]);
                }
            }
            else if (line.Contains("Done executing task \"Csc\"", StringComparison.Ordinal))
            {
                section = "";
            }
        }

        if (csc is null || analyzers is null)
        {
            throw new InvalidOperationException($"No Csc duration or no /reportanalyzer total in the build output of {variant.Name}." + Environment.NewLine + result.Describe());
        }

        // The work measured must be the intended work: with Skewless, the three leakage analyzers ran and found exactly the
        // planted leaks (one set in ten, all ten of its features); without it, no Skewless analyzer or generator ran at all.
        var leaks = lines.Select(line => SkewlessWarning().Match(line)).Where(match => match.Success).Select(match => match.Value).Distinct(StringComparer.Ordinal).ToList();
        if (variant.WithSkewless)
        {
            var expected = (variant.Sets + 9) / 10 * SyntheticProject.FeaturesPerSet;
            if (leakageAnalyzers.Count != 3 || leaks.Count(leak => leak.Contains("SKW200", StringComparison.Ordinal)) != expected)
            {
                throw new InvalidOperationException($"{variant.Name}: expected the 3 leakage analyzers and {expected} SKW200, found {string.Join(", ", leakageAnalyzers)} and {leaks.Count} Skewless warnings.");
            }
        }
        else if (skewless != 0 || skewlessGenerators != 0 || leaks.Count != 0 || lines.Any(line => TimeRow().Match(line) is { Success: true } row && row.Groups["name"].Value.StartsWith("Skewless.", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"{variant.Name}: a Skewless analyzer or generator ran in a project that does not reference Skewless.");
        }

        return new Build(csc.Value, result.Duration.TotalSeconds, analyzers.Value, leakage, skewless, skewlessGenerators, skewlessTargets);
    }

    private static void Print(List<(Variant Variant, List<Build> Builds)> results)
    {
        Console.WriteLine();
        Console.WriteLine("Seconds are medians (range) over the builds; shares are each build's time over its own Csc time, median (range).");
        Console.WriteLine("Analyzer and generator times are summed over the compiler's threads (2 cores here), so they may exceed a share of wall time.");
        Console.WriteLine();
        Console.WriteLine("| sets | features | Csc task (whole compilation) | all analyzers | leakage analyzers | leakage share | all Skewless analyzers | Skewless analyzers' share | Skewless generators | Skewless MSBuild targets | Csc per feature | leakage per feature |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (variant, builds) in results.OrderBy(result => result.Variant.Sets).ThenByDescending(result => result.Variant.WithSkewless).ThenBy(result => result.Variant.LeakageOnly))
        {
            string Seconds(Func<Build, double> value) => Summary(builds.Select(value), "0.00", " s");
            string Share(Func<Build, double> value) => Summary(builds.Select(build => 100 * value(build) / build.Csc), "0.0", "%");
            string PerFeature(Func<Build, double> value) => FormattableString.Invariant($"{1000 * Median(builds.Select(value)) / variant.Features:0.00} ms");
            Console.WriteLine(string.Join(" | ", [
                "| " + variant.Label,
                variant.Features.ToString(CultureInfo.InvariantCulture),
                Seconds(build => build.Csc),
                Seconds(build => build.Analyzers),
                variant.WithSkewless ? Seconds(build => build.Leakage) : "none ran",
                variant.WithSkewless ? Share(build => build.Leakage) : "0",
                variant.WithSkewless ? Seconds(build => build.Skewless) : "none ran",
                variant.WithSkewless ? Share(build => build.Skewless) : "0",
                variant.WithSkewless ? Seconds(build => build.Generators) : "none ran",
                variant.WithSkewless ? Seconds(build => build.SkewlessTargets) : "none ran",
                PerFeature(build => build.Csc),
                (variant.WithSkewless ? PerFeature(build => build.Leakage) : "-") + " |",
            ]));
        }

        Console.WriteLine();
        Console.WriteLine("Whole `dotnet build` wall time (restore skipped): " + string.Join(", ", results.Select(result => $"{result.Variant.Name} {Summary(result.Builds.Select(build => build.Wall), "0.0", " s")}")));
    }

    private static string Summary(IEnumerable<double> values, string format, string unit)
    {
        var sorted = values.Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture, $"{Median(sorted).ToString(format, CultureInfo.InvariantCulture)}{unit} ({sorted[0].ToString(format, CultureInfo.InvariantCulture)}–{sorted[^1].ToString(format, CultureInfo.InvariantCulture)})");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    // "Total analyzer execution time: 0.594 seconds." and the same for generators.
    [GeneratedRegex(@"Total (?<kind>analyzer|generator) execution time: (?<seconds>[0-9.]+) seconds")]
    private static partial Regex TotalLine();

    // "   0.108   18   Skewless.Analyzers, Version=…" (an assembly) or "   0.040    6      Skewless.Analyzers.X (SKW402)" (one of its analyzers).
    [GeneratedRegex(@"^\s*(?<less><)?(?<seconds>[0-9]+\.[0-9]+)\s+<?[0-9]+(?<indent> {3,})(?<name>\S.*)$")]
    private static partial Regex TimeRow();

    // "     2255 ms  Csc                                        1 calls", in the task and target performance summaries.
    [GeneratedRegex(@"^\s*(?<ms>[0-9]+) ms  (?<name>\S+)\s+[0-9]+ calls$")]
    private static partial Regex SummaryLine();

    // "…/Set0.cs(41,47): warning SKW200: …", the planted leaks, where the logger may put a node number ("1>") before the path.
    [GeneratedRegex(@"[^\s>]+\([0-9]+,[0-9]+\): warning SKW[0-9]+")]
    private static partial Regex SkewlessWarning();
}
