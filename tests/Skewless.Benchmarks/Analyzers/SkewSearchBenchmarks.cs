using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Skewless.Analyzers.Generation;
using Skewless.Analyzers.Parsing;
using Skewless.Analyzers.Skew.Clones;

namespace Skewless.Benchmarks.Analyzers;

/// <summary>
/// The SKW300/SKW301 search (building the fingerprint table, hashing every expression, checking the
/// matches) against building the same code, measured in one run: the Ratio column is the search's
/// share of compile time. Compile runs the Skewless generator and emits the result, as a build does;
/// the search then runs on the compilation such a build made, as the analyzer does once the compiler
/// has bound a tree, skipping generated files as the analyzer driver does. Both run on one thread, so the ratio
/// compares work done, whatever else the machine is running.
/// </summary>
public abstract class SkewSearchBenchmarks
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References = Directory
        .EnumerateFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll")
        .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll"))
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .Append(MetadataReference.CreateFromFile(typeof(FeatureSetAttribute).Assembly.Location))
        .ToImmutableArray();

    private ImmutableArray<SyntaxTree> _trees;
    private Compilation _compilation = null!;
    private Compilation _fresh = null!;

    /// <summary>The copies the search must find, as a check that it searched.</summary>
    protected abstract int ExpectedCopies { get; }

    protected abstract string[] Sources();

    [GlobalSetup]
    public void Setup()
    {
        _trees = Sources().Select((source, index) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"File{index}.cs")).ToImmutableArray();
        _compilation = Build();
        var errors = _compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).Take(3).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The generated code does not compile: " + string.Join("; ", errors));
        }

        var found = Search();
        if (found != ExpectedCopies)
        {
            throw new InvalidOperationException($"The search found {found} copies; the generated code has {ExpectedCopies}.");
        }

        Console.WriteLine($"// {GetType().Name}: {_trees.Length} files, {_trees.Sum(tree => tree.GetText().Lines.Count)} lines, {_compilation.SyntaxTrees.Count() - _trees.Length} generated files, {found} copies found");
    }

    [IterationSetup(Target = nameof(Compile))]
    public void FreshCompilation() => _fresh = Create();

    [Benchmark(Baseline = true)]
    public bool Compile() => Generate(_fresh).Emit(Stream.Null).Success;

    // Each search builds its own table and semantic models; what the compilation caches (symbols,
    // attributes) the build has already filled, as it has when analyzers run.
    [Benchmark]
    public int Search()
    {
        var table = FingerprintTable.Build(_compilation, KnownSymbols.TryCreate(_compilation)!, CancellationToken.None);
        if (table is null)
        {
            return 0;
        }

        var copies = 0;
        foreach (var tree in _compilation.SyntaxTrees.Where(tree => !tree.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)))
        {
            copies += ReimplementedFeatureAnalyzer.Search(_compilation.GetSemanticModel(tree), table, CancellationToken.None).Count();
        }

        return copies;
    }

    private CSharpCompilation Create() =>
        CSharpCompilation.Create("Corpus", _trees, References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));

    private static Compilation Generate(Compilation compilation)
    {
        CSharpGeneratorDriver.Create([new FeatureSetGenerator().AsSourceGenerator()], parseOptions: ParseOptions).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return output;
    }

    // A compilation as the analyzers see it in a build: with the generated code, every tree bound.
    private Compilation Build()
    {
        var compilation = Generate(Create());
        compilation.Emit(Stream.Null);
        return compilation;
    }
}

/// <summary>(a) A large service code base with no features of its own that can see one small feature set: the search hashes all of it and finds nothing.</summary>
public class ServiceCodeBaseSearchBenchmarks : SkewSearchBenchmarks
{
    [Params(250, 500, 1000)]
    public int Modules { get; set; }

    protected override int ExpectedCopies => 0;

    protected override string[] Sources() => SyntheticCode.ServiceCodeBase(Modules);
}

/// <summary>(b) A feature project with thousands of features and a serving class per feature set, one in twenty of which copies a feature.</summary>
public class ManyFeaturesSearchBenchmarks : SkewSearchBenchmarks
{
    [Params(1250, 2500, 5000)]
    public int Features { get; set; }

    // Sets 0, 20, 40, ... copy a feature.
    protected override int ExpectedCopies => ((Features / 10) + 19) / 20;

    protected override string[] Sources() => SyntheticCode.ManyFeatures(Features);
}
