using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Skewless.Analyzers.Generation;

namespace Skewless.Benchmarks.Analyzers;

/// <summary>
/// A generated project for timing the build: <c>sets</c> feature sets of 10 features each, every feature
/// calling its own chain of helpers three deep (locals, a branch, a lambda in a local), one set in ten
/// with a feature that leaks the label, and a training method per set that splits and fits. Without
/// Skewless, the same code carries look-alike attributes of its own, so the compilation is as large but
/// does not reference Skewless.
/// </summary>
internal static class SyntheticProject
{
    public const int FeaturesPerSet = 10;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>The compilation a build would analyse: the sources, plus the generator's output when Skewless is referenced.</summary>
    public static Compilation Create(int sets, bool withSkewless)
    {
        var compilation = BeforeGenerators(sets, withSkewless);
        if (!withSkewless)
        {
            return compilation;
        }

        Generate(compilation, new FeatureSetGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);
        return generated;
    }

    /// <summary>A driver that runs <paramref name="generators"/> as a build would, timing each.</summary>
    public static GeneratorDriver Generate(Compilation compilation, params IIncrementalGenerator[] generators) =>
        CSharpGeneratorDriver.Create(generators.Select(GeneratorExtensions.AsSourceGenerator), parseOptions: ParseOptions, driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    /// <summary>The sources and references alone, before any generator runs.</summary>
    public static Compilation BeforeGenerators(int sets, bool withSkewless)
    {
        var trees = Sources(sets, withSkewless).Select(source => CSharpSyntaxTree.ParseText(source.Text, ParseOptions, source.Path)).ToList();

        var references = Directory.EnumerateFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll")
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll"))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
        if (withSkewless)
        {
            references.Add(MetadataReference.CreateFromFile(typeof(FeatureSetAttribute).Assembly.Location));
        }

        return CSharpCompilation.Create(
            "Synthetic",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>
    /// The project's source files, each a file name and its text: one per feature set, the look-alike attributes
    /// (empty with Skewless) and the global usings. <see cref="Create"/> compiles these, and
    /// <see cref="AnalyzerShare"/> writes them into a real SDK project.
    /// </summary>
    public static IEnumerable<(string Path, string Text)> Sources(int sets, bool withSkewless)
    {
        for (var set = 0; set < sets; set++)
        {
            yield return ($"Set{set}.cs", FeatureSet(set, withSkewless));
        }

        yield return ("Attributes.cs", withSkewless ? "" : LookAlikeAttributes);
        yield return ("Usings.cs", "global using System; global using System.Collections.Generic; global using System.Linq;");
    }

    private static string FeatureSet(int set, bool withSkewless)
    {
        var code = new StringBuilder();
        code.AppendLine(withSkewless ? "using Skewless;" : "using LookAlike;");
        code.AppendLine(Invariant($"namespace Synthetic.Set{set};"));
        code.AppendLine(Invariant($"[DataSource(\"synthetic.set{set}\", Owner = \"bench\", Version = \"1\")]"));
        code.AppendLine("public sealed class Row");
        code.AppendLine("{");
        for (var feature = 0; feature < FeaturesPerSet; feature++)
        {
            code.AppendLine(Invariant($"    public float V{feature} {{ get; set; }}"));
        }

        code.AppendLine("    public float W { get; set; }");
        code.AppendLine("    [EventTime] public DateTime At { get; set; }");
        code.AppendLine("    [GroupKey] public string Group { get; set; } = \"\";");
        code.AppendLine("    [Label] public float Target { get; set; }");
        code.AppendLine("}");
        code.AppendLine("public static class Helpers");
        code.AppendLine("{");
        for (var feature = 0; feature < FeaturesPerSet; feature++)
        {
            // One set in ten leaks the label three calls down, so the analyzers have something to find.
            var deepest = set % 10 == 0 && feature == 0 ? "r.Target" : "r.W";
            code.AppendLine(Invariant($"    public static float H{feature}a(Row r) {{ var x = r.V{feature}; var y = H{feature}b(r, x); return y > 0 ? y : -y; }}"));
            code.AppendLine(Invariant($"    public static float H{feature}b(Row r, float x) {{ if (x > {feature}) {{ return H{feature}c(x, {deepest}); }} return x * 2; }}"));
            code.AppendLine(Invariant($"    public static float H{feature}c(float x, float w) {{ Func<float, float> scale = v => v * w; return scale(x) + MathF.Sqrt(MathF.Abs(w)); }}"));
        }

        code.AppendLine("    public static float Unreached(Row r) => r.Target;");
        code.AppendLine("}");
        // Each set its own name: sets of the same name and version in one project are an error (SKW109) in a real build.
        code.AppendLine(Invariant($"[FeatureSet(typeof(Row), Name = \"Set{set}\", Version = 1)]"));
        code.AppendLine("public static partial class Features");
        code.AppendLine("{");
        for (var feature = 0; feature < FeaturesPerSet; feature++)
        {
            code.AppendLine(Invariant($"    [Feature] public static float F{feature}(Row r) => Helpers.H{feature}a(r){(feature > 0 ? Invariant($" + F{feature - 1}(r) / 2") : "")};"));
        }

        code.AppendLine("}");
        code.AppendLine("public static class Training");
        code.AppendLine("{");
        code.AppendLine("    public static Row[] Recent(Row[] rows) { var ordered = rows.OrderBy(r => r.At).ToArray(); var cut = ordered.Length / 2; return ordered.Skip(cut).ToArray(); }");
        if (withSkewless)
        {
            code.AppendLine("    public static float Evaluate(Row[] rows) { var (train, test) = Features.SplitByTime(rows, 0.2); var fitted = Features.Fit(train); return fitted.Transform(test[0]).F9; }");
        }

        code.AppendLine("}");
        return code.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private const string LookAlikeAttributes = """
        namespace LookAlike;

        public sealed class DataSourceAttribute(string name) : Attribute { public string Name { get; } = name; public string? Owner { get; set; } public string? Version { get; set; } }
        public sealed class FeatureSetAttribute(Type input) : Attribute { public Type Input { get; } = input; public string? Name { get; set; } public int Version { get; set; } }
        public sealed class FeatureAttribute : Attribute { }
        public sealed class LabelAttribute : Attribute { }
        public sealed class EventTimeAttribute : Attribute { }
        public sealed class GroupKeyAttribute : Attribute { }
        """;
}
