using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Skewless.Analyzers.Leakage.Preprocessing;
using Skewless.Analyzers.Leakage.Splits;
using Skewless.Tests.Infrastructure;
using Skewless.Tests.Robustness;
using Xunit;

namespace Skewless.Tests.Leakage;

/// <summary>
/// The split and preprocessing analyzers on ML.NET code as it is being typed: every prefix of the
/// Pitfalls files that split and fit, cut after each token, with ML.NET referenced. The shared
/// half-typed test (<see cref="HalfTypedCodeTests"/>) compiles without ML.NET, so it never reaches
/// these analyzers' ML.NET paths. No AD0001.
/// </summary>
public sealed class HalfTypedSplitCodeTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = [new RandomSplitAnalyzer(), new PreprocessingLeakageAnalyzer()];

    [Theory]
    [InlineData("SKW203_GroupSplit.cs")]
    [InlineData("SKW205_PreprocessingLeak.cs")]
    public async Task Every_prefix_runs_without_exceptions(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "Pitfalls", file));
        var usings = CSharpSyntaxTree.ParseText(TestCompilation.ImplicitUsings, TestCompilation.ParseOptions);

        var failures = await HalfTypedCodeTests.CrashesOnEveryPrefix(
            text,
            HalfTypedCodeTests.Cuts(text),
            prefix => CSharpCompilation.Create("Typing", [usings, CSharpSyntaxTree.ParseText(prefix, TestCompilation.ParseOptions)], TestReferences.WithMachineLearning, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)),
            Analyzers);

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
    }
}
