using System.Reflection;
using Microsoft.CodeAnalysis;
using Skewless.Analyzers.Diagnostics;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Definitions;

/// <summary>Every diagnostic has a docs page, a help link to it, a release-tracking entry, and an analyzer that reports it.</summary>
public sealed class DiagnosticCatalogTests
{
    public static TheoryData<string> Ids() => new(AllDescriptors().Select(descriptor => descriptor.Id));

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors() => typeof(Descriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
        .Select(field => (DiagnosticDescriptor)field.GetValue(null)!);

    [Theory]
    [MemberData(nameof(Ids))]
    public void Has_a_docs_page_and_a_help_link_to_it(string id)
    {
        var page = Path.Combine(RepositoryPaths.Root, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"docs/rules/{id}.md is missing.");
        Assert.StartsWith($"# {id}: ", File.ReadAllText(page), StringComparison.Ordinal);
        Assert.EndsWith($"/docs/rules/{id}.md", AllDescriptors().Single(descriptor => descriptor.Id == id).HelpLinkUri, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Is_tracked_for_release_with_its_severity(string id)
    {
        var descriptor = AllDescriptors().Single(candidate => candidate.Id == id);
        var releases = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "Skewless.Analyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", releases, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Is_reported_by_an_analyzer(string id) =>
        Assert.Contains(TestCompilation.AllAnalyzers, analyzer => analyzer.SupportedDiagnostics.Any(descriptor => descriptor.Id == id));

    [Fact]
    public void Ids_are_unique() =>
        Assert.Equal(AllDescriptors().Count(), AllDescriptors().Select(descriptor => descriptor.Id).Distinct().Count());
}
