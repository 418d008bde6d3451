using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.Contracts;
using Skewless.CodeFixes.Contracts;
using Skewless.Tests.Infrastructure;

namespace Skewless.Tests.Contracts;

/// <summary>Runs <see cref="FeatureContractAnalyzer"/> and its code fix with or without a <c>FeatureSets.Shipped.txt</c>.</summary>
internal static class ContractVerify
{
    /// <summary>
    /// <paramref name="contract"/> with the header of <paramref name="name"/> v<paramref name="version"/> marked as SKW505
    /// expects it there: the version is recorded but no class declares it.
    /// </summary>
    public static string MarkUndeclared(string contract, string name, int version)
    {
        var lines = contract.Split('\n');
        var index = Array.FindIndex(lines, line => line.StartsWith($"{name} v{version} ", StringComparison.Ordinal));
        lines[index] = "{|SKW505:" + lines[index] + "|}";
        return string.Join("\n", lines);
    }

    public static Task AnalyzerAsync(string source, string? contract, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<FeatureContractAnalyzer, DefaultVerifier> { TestCode = source, ReferenceAssemblies = TestReferences.None };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        if (contract is not null)
        {
            test.TestState.AdditionalFiles.Add((FeatureContract.FileName, contract));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// Applies the fix with <paramref name="equivalenceKey"/>, one at a time and with Fix All, and checks the code and the contract after it;
    /// with <paramref name="otherProject"/>, in a solution that also has a project of that code, which must stay as it is.
    /// </summary>
    public static Task CodeFixAsync(string source, string? contract, string fixedSource, string fixedContract, string equivalenceKey, int iterations = 1, string? otherProject = null)
    {
        var test = new CSharpCodeFixTest<FeatureContractAnalyzer, FeatureContractCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = TestReferences.None,
            CodeActionEquivalenceKey = equivalenceKey,
            NumberOfIncrementalIterations = iterations,
            NumberOfFixAllIterations = 1,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.FixedState.AdditionalReferences.AddRange(TestReferences.All);
        test.BatchFixedState.AdditionalReferences.AddRange(TestReferences.All);
        if (contract is not null)
        {
            test.TestState.AdditionalFiles.Add((FeatureContract.FileName, contract));
        }

        test.FixedState.AdditionalFiles.Add((FeatureContract.FileName, fixedContract));
        if (otherProject is not null)
        {
            foreach (var state in new[] { test.TestState, test.FixedState, test.BatchFixedState })
            {
                state.AdditionalProjects["Other"].Sources.Add(otherProject);
                state.AdditionalProjects["Other"].AdditionalReferences.AddRange(TestReferences.All);
            }
        }

        return test.RunAsync();
    }
}
