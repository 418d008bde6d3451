using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Skewless.Analyzers.Dependencies;
using Skewless.Tests.Infrastructure;

namespace Skewless.Tests.Dependencies;

/// <summary>Runs analyzers directly over a <see cref="DependencyProject"/>, for tests that look at all diagnostics at once.</summary>
internal static class DependencyHarness
{
    public static ImmutableArray<DiagnosticAnalyzer> DependencyAnalyzers { get; } = TestCompilation.AllAnalyzers
        .Where(analyzer => analyzer.GetType().Namespace == typeof(DependencyAnalyzer).Namespace)
        .ToImmutableArray();

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(DependencyProject project, Compilation? compilation = null, ImmutableArray<DiagnosticAnalyzer>? analyzers = null)
    {
        var files = project.Files().Select(file => (AdditionalText)new TextFile(file.Path, file.Content)).ToImmutableArray();
        var kinds = project.Files().ToDictionary(file => file.Path, file => file.Kind);
        var options = new AnalyzerOptions(files, new OptionsProvider(project.Properties, kinds));
        compilation ??= project.ReferencesSkewless ? TestCompilation.Create("public class Program { }") : Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("NoSkewless", references: TestReferences.Runtime);
        return await compilation
            .WithAnalyzers(analyzers ?? TestCompilation.AllAnalyzers, new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync();
    }

    /// <summary>An additional file held in memory; a new <see cref="SourceText"/> each call, as a fresh compiler process reads it.</summary>
    public sealed class TextFile(string path, string content, bool sameTextEachTime = false) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(content);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => sameTextEachTime ? _text : SourceText.From(content);
    }

    public sealed class OptionsProvider(IReadOnlyDictionary<string, string> properties, IReadOnlyDictionary<string, string> kinds) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(properties.ToDictionary(property => "build_property." + property.Key, property => property.Value));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            kinds.TryGetValue(textFile.Path, out var kind) ? new Options(new Dictionary<string, string> { [DependencyFileKind.MetadataKey] = kind }) : Options.Empty;
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static Options Empty { get; } = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
