using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.Generation;

namespace Skewless.Tests.Infrastructure;

/// <summary>Microsoft.CodeAnalysis.Testing with the default verifier and offline references. Mark expected spans as <c>{|SKW100:…|}</c>.</summary>
internal static class Verify
{
    public static Task AnalyzerAsync<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new() => AnalyzerAsync<TAnalyzer>([source], expected);

    /// <summary>Analyzes several files of one project, each of which may carry markup.</summary>
    public static Task AnalyzerAsync<TAnalyzer>(string[] sources, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { ReferenceAssemblies = TestReferences.None };
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>As <see cref="AnalyzerAsync{TAnalyzer}(string, DiagnosticResult[])"/>, for several files, with the options of <paramref name="setup"/>.</summary>
    public static Task AnalyzerAsync<TAnalyzer>(Setup setup, string[] sources, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new AnalyzerTestWithGenerator<TAnalyzer>(setup.WithGenerator)
        {
            ReferenceAssemblies = TestReferences.None,
            TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck,
        };
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        test.TestState.AdditionalReferences.AddRange(setup.References);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// As <see cref="CodeFixAsync{TAnalyzer, TCodeFix}(string, string, int)"/>, with the options of <paramref name="setup"/>;
    /// <paramref name="incrementalIterations"/>, when given, is how many one-at-a-time fixes it takes.
    /// </summary>
    public static Task CodeFixAsync<TAnalyzer, TCodeFix>(Setup setup, string source, string fixedSource, int iterations = 1, int? incrementalIterations = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CodeFixTestWithGenerator<TAnalyzer, TCodeFix>(setup.WithGenerator)
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = TestReferences.None,
            NumberOfFixAllIterations = iterations,
            NumberOfIncrementalIterations = incrementalIterations,
            TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck,
        };
        test.TestState.AdditionalReferences.AddRange(setup.References);
        test.FixedState.AdditionalReferences.AddRange(setup.References);
        test.BatchFixedState.AdditionalReferences.AddRange(setup.References);
        return test.RunAsync();
    }

    public static Task CodeFixAsync<TAnalyzer, TCodeFix>(string source, string fixedSource, int iterations = 1)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = TestReferences.None,
            NumberOfFixAllIterations = iterations,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.FixedState.AdditionalReferences.AddRange(TestReferences.All);
        test.BatchFixedState.AdditionalReferences.AddRange(TestReferences.All);
        return test.RunAsync();
    }

    /// <summary>How a test compiles its sources.</summary>
    /// <param name="WithGenerator">Whether the Skewless generator runs, so code can call the members it generates.</param>
    /// <param name="References">The references, by default <see cref="TestReferences.All"/>.</param>
    public sealed record Setup(bool WithGenerator, ImmutableArray<MetadataReference> References)
    {
        public static Setup Plain { get; } = new(false, TestReferences.All);

        public static Setup Generated { get; } = new(true, TestReferences.All);

        public static Setup GeneratedWithMachineLearning { get; } = new(true, TestReferences.WithMachineLearning);
    }

    // The generated sources are the generator tests' business; here they only need to compile alongside.
    private sealed class AnalyzerTestWithGenerator<TAnalyzer>(bool withGenerator) : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        protected override IEnumerable<Type> GetSourceGenerators() => withGenerator ? [typeof(FeatureSetGenerator)] : [];
    }

    private sealed class CodeFixTestWithGenerator<TAnalyzer, TCodeFix>(bool withGenerator) : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        protected override IEnumerable<Type> GetSourceGenerators() => withGenerator ? [typeof(FeatureSetGenerator)] : [];
    }
}
