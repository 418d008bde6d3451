using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Skewless.Analyzers.Dependencies;

namespace Skewless.Benchmarks.Analyzers;

/// <summary>
/// The dependency rules (SKW400-SKW406) on the largest real restore made here: a project on
/// net10.0, net8.0 and netstandard2.0 for linux-x64 and win-x64 that references ML.NET, ASP.NET
/// Core, EF Core, Azure and gRPC packages (Analyzers/Data: a 547 KB project.assets.json and a 89 KB
/// packages.lock.json, the same lock file also as a peer). Each benchmark runs every dependency
/// analyzer over one new compilation, as a build or an editor does.
/// Run with <c>--filter '*DependencyRule*'</c>.
/// </summary>
[MemoryDiagnoser]
public class DependencyRuleBenchmarks
{
    private static readonly string DataFolder = Path.Combine(AppContext.BaseDirectory, "Analyzers", "Data");

    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers =
    [
        new PackageVersionAnalyzer(), new MissingLockFileAnalyzer(), new UnenforcedLockFileAnalyzer(),
        new PeerLockFileAnalyzer(), new UnreadableDependencyFileAnalyzer(), new FeatureLibraryVersionAnalyzer(),
    ];

    private (string Path, string Kind, string Content)[] _files = [];
    private AnalyzerOptions _sameTexts = null!;
    private AnalyzerOptions _noFiles = null!;
    private ImmutableArray<MetadataReference> _references;
    private SyntaxTree _tree = null!;
    private string _assets = "";

    [GlobalSetup]
    public void Setup()
    {
        _assets = File.ReadAllText(Path.Combine(DataFolder, "project.assets.json"));
        var lockFile = File.ReadAllText(Path.Combine(DataFolder, "packages.lock.json"));
        _files =
        [
            ("/src/Service/Service.csproj", DependencyFileKind.ProjectFile, File.ReadAllText(Path.Combine(DataFolder, "Service.csproj.xml"))),
            ("/src/Service/obj/project.assets.json", DependencyFileKind.Assets, _assets),
            ("/src/Service/packages.lock.json", DependencyFileKind.LockFile, lockFile),
            ("/src/Serving/packages.lock.json", DependencyFileKind.PeerLockFile, lockFile),
        ];
        _sameTexts = WithFiles();
        _noFiles = new AnalyzerOptions([], new OptionsProvider(new Dictionary<string, string>()));
        _references = Directory.EnumerateFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "System.*.dll")
            .Append(typeof(object).Assembly.Location)
            .Append(typeof(FeatureSetAttribute).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
        _tree = CSharpSyntaxTree.ParseText("public static class Program { public static void Main() { } }");

        // The rules must find something here, or the benchmark would time an early return.
        var found = Run(_sameTexts);
        if (!found.Any(diagnostic => diagnostic.Id == "SKW400") || found.Any(diagnostic => diagnostic.Id == "AD0001"))
        {
            throw new InvalidOperationException("Expected SKW400 on Newtonsoft.Json 13.* and no analyzer exception, got: " + string.Join("; ", found));
        }
    }

    [Benchmark(Baseline = true, Description = "Analyzers, no dependency files (driver overhead)")]
    public int NoFiles() => Run(_noFiles).Length;

    [Benchmark(Description = "Rules, files unchanged (editor: same SourceText)")]
    public int SameTexts() => Run(_sameTexts).Length;

    [Benchmark(Description = "Rules, files read again (next build: equal content)")]
    public int EqualContent() => Run(WithFiles()).Length;

    [Benchmark(Description = "Parse project.assets.json once, uncached (first compilation)")]
    public int ParseAssets() => AssetsFile.Parse(_assets).Frameworks.Count;

    private ImmutableArray<Diagnostic> Run(AnalyzerOptions options)
    {
        var compilation = CSharpCompilation.Create("Service", [_tree], _references, new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        return compilation
            .WithAnalyzers(_analyzers, new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();
    }

    // New files with their own texts: reused, they are an editor between edits elsewhere; made anew,
    // the next build in the same compiler server, which reads every file again.
    private AnalyzerOptions WithFiles()
    {
        var properties = new Dictionary<string, string>
        {
            ["build_property.OutputType"] = "Exe",
            ["build_property.RestorePackagesWithLockFile"] = "true",
            ["build_property.ContinuousIntegrationBuild"] = "true",
        };
        var kinds = _files.ToDictionary(file => file.Path, file => file.Kind);
        return new AnalyzerOptions(
            [.. _files.Select(file => (AdditionalText)new MemoryFile(file.Path, file.Content))],
            new OptionsProvider(properties, kinds));
    }

    /// <summary>An additional file that, like the compiler's, reads its text once and then returns the same <see cref="SourceText"/>.</summary>
    private sealed class MemoryFile(string path, string content) : AdditionalText
    {
        private readonly Lazy<SourceText> _text = new(() => SourceText.From(content));

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text.Value;
    }

    private sealed class OptionsProvider(Dictionary<string, string> global, Dictionary<string, string>? kinds = null) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new ConfigOptions(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new ConfigOptions([]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            new ConfigOptions(kinds is not null && kinds.TryGetValue(textFile.Path, out var kind) ? new() { [DependencyFileKind.MetadataKey] = kind } : []);
    }

    private sealed class ConfigOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
