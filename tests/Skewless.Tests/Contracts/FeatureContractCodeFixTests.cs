using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Skewless.Analyzers.Contracts;
using Skewless.Analyzers.Diagnostics;
using Skewless.CodeFixes.Contracts;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Contracts;

/// <summary>Each fix once, one at a time over several diagnostics, and as Fix All: the code and the contract file after it.</summary>
public sealed class FeatureContractCodeFixTests
{
    private const string Flight = TestSources.Flight;

    private const string Flights = """
        [FeatureSet(typeof(Flight), Name = "Flights")]
        public static partial class {|#0:FlightFeatures|}
        {
            [Feature] public static float Hour(Flight f) => f.Departure.Hour;
        }

        """;

    private const string Routes = """
        [FeatureSet(typeof(Flight), Name = "Routes", Version = 4)]
        public static partial class {|#1:RouteFeatures|}
        {
            [Feature, HashBuckets(8)] public static string Origin(Flight f) => f.Origin;
        }

        """;

    private static string Plain(string source) => source
        .Replace("{|#0:", "", StringComparison.Ordinal)
        .Replace("{|#1:", "", StringComparison.Ordinal)
        .Replace("|}", "", StringComparison.Ordinal);

    private static string Entry(string source) => FeatureContract.Entry(Parse.FeatureSet(Flight + Plain(source))) + "\n";

    private static string Changed(string source) => source
        .Replace("f.Departure.Hour;", "f.Departure.Hour + 1;", StringComparison.Ordinal)
        .Replace("=> f.Origin;", "=> f.Origin.Trim();", StringComparison.Ordinal);

    private static string Marked(string source, string id) => source.Replace("{|#0:", "{|" + id + ":", StringComparison.Ordinal).Replace("{|#1:", "{|" + id + ":", StringComparison.Ordinal);

    [Fact]
    public Task Bump_adds_a_Version_one_past_the_recorded_ones_and_records_it_beside_the_old_entry()
    {
        var contract = FeatureContract.NewFileHeader + Entry(Flights);
        var fixedFlights = Plain(Changed(Flights)).Replace("Name = \"Flights\")]", "Name = \"Flights\", Version = 2)]", StringComparison.Ordinal);
        return ContractVerify.CodeFixAsync(
            Flight + Marked(Changed(Flights), "SKW502"),
            contract,
            Flight + fixedFlights,
            ContractVerify.MarkUndeclared(contract + Entry(fixedFlights), "Flights", 1),
            FeatureContractCodeFix.BumpKey);
    }

    [Fact]
    public Task Bump_skips_versions_already_recorded_and_rewrites_an_existing_Version()
    {
        var contract = FeatureContract.NewFileHeader + Entry(Routes) + Entry(Routes).Replace("Routes v4 ", "Routes v7 ", StringComparison.Ordinal);
        var fixedRoutes = Plain(Changed(Routes)).Replace("Version = 4", "Version = 8", StringComparison.Ordinal);
        return ContractVerify.CodeFixAsync(
            Flight + Marked(Changed(Routes), "SKW502"),
            ContractVerify.MarkUndeclared(contract, "Routes", 7),
            Flight + fixedRoutes,
            ContractVerify.MarkUndeclared(ContractVerify.MarkUndeclared(contract + Entry(fixedRoutes), "Routes", 4), "Routes", 7),
            FeatureContractCodeFix.BumpKey);
    }

    [Fact]
    public Task Update_rewrites_the_entry_and_leaves_the_code_as_it_is()
    {
        var contract = FeatureContract.NewFileHeader + Entry(Flights) + Entry(Routes);
        return ContractVerify.CodeFixAsync(
            Flight + Marked(Changed(Flights), "SKW502") + Routes.Replace("{|#1:", "", StringComparison.Ordinal).Replace("RouteFeatures|}", "RouteFeatures", StringComparison.Ordinal),
            contract,
            Flight + Plain(Changed(Flights)) + Plain(Routes),
            FeatureContract.NewFileHeader + Entry(Changed(Flights)) + Entry(Routes),
            FeatureContractCodeFix.UpdateKey);
    }

    [Fact]
    public Task Fix_All_bumps_every_changed_feature_set_and_writes_the_contract_once()
    {
        var contract = FeatureContract.NewFileHeader + Entry(Flights) + Entry(Routes);
        var fixedFlights = Plain(Changed(Flights)).Replace("Name = \"Flights\")]", "Name = \"Flights\", Version = 2)]", StringComparison.Ordinal);
        var fixedRoutes = Plain(Changed(Routes)).Replace("Version = 4", "Version = 5", StringComparison.Ordinal);
        return ContractVerify.CodeFixAsync(
            Flight + Marked(Changed(Flights), "SKW502") + Marked(Changed(Routes), "SKW502"),
            contract,
            Flight + fixedFlights + fixedRoutes,
            ContractVerify.MarkUndeclared(ContractVerify.MarkUndeclared(FeatureContract.NewFileHeader + Entry(Flights) + Entry(fixedFlights) + Entry(Routes) + Entry(fixedRoutes), "Flights", 1), "Routes", 4),
            FeatureContractCodeFix.BumpKey,
            iterations: 2);
    }

    [Fact]
    public Task Fix_All_updates_every_changed_entry()
    {
        var contract = FeatureContract.NewFileHeader + Entry(Flights) + Entry(Routes);
        return ContractVerify.CodeFixAsync(
            Flight + Marked(Changed(Flights), "SKW502") + Marked(Changed(Routes), "SKW502"),
            contract,
            Flight + Plain(Changed(Flights)) + Plain(Changed(Routes)),
            FeatureContract.NewFileHeader + Entry(Changed(Flights)) + Entry(Changed(Routes)),
            FeatureContractCodeFix.UpdateKey,
            iterations: 2);
    }

    [Fact]
    public Task Record_adds_the_entry_in_order()
    {
        var contract = FeatureContract.NewFileHeader + Entry(Routes);
        return ContractVerify.CodeFixAsync(
            Flight + Marked(Flights, "SKW503") + Plain(Routes),
            contract,
            Flight + Plain(Flights) + Plain(Routes),
            FeatureContract.NewFileHeader + Entry(Flights) + Entry(Routes),
            FeatureContractCodeFix.RecordKey);
    }

    [Fact]
    public Task Record_creates_the_contract_file_when_the_project_has_none_and_Fix_All_records_every_version_leaving_other_projects_as_they_are()
    {
        // Fix All in the solution used to add an empty contract file to every project, which dotnet format cannot do: it crashed instead.
        return ContractVerify.CodeFixAsync(
            Flight + Marked(Flights, "SKW503") + Marked(Routes, "SKW503"),
            contract: null,
            Flight + Plain(Flights) + Plain(Routes),
            FeatureContract.NewFileHeader + Entry(Flights) + Entry(Routes),
            FeatureContractCodeFix.RecordKey,
            iterations: 2,
            otherProject: "public static class Helpers { public static int Twice(int x) => 2 * x; }");
    }

    [Fact]
    public async Task An_entry_it_cannot_read_back_offers_no_fix_rather_than_throwing()
    {
        // A diagnostic from another analyzer version, or a name the analyzer let through, must not crash the IDE.
        using var workspace = new AdhocWorkspace();
        var document = workspace.AddProject("P", LanguageNames.CSharp).AddDocument("A.cs", "static partial class C { }");
        var properties = ImmutableDictionary<string, string?>.Empty.Add(FeatureContractAnalyzer.EntryProperty, "a\nb v1 0000000000000001 C\n    Hour Single None 1");
        var actions = new List<CodeAction>();
        foreach (var descriptor in new[] { Descriptors.UnrecordedFeatureSet, Descriptors.ChangedWithoutNewVersion })
        {
            var diagnostic = Diagnostic.Create(descriptor, Location.None, properties, "C", "a\nb", 1, "");
            await new FeatureContractCodeFix().RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        }

        Assert.Empty(actions);
    }
}
