using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.Dependencies;
using Xunit;
using static Skewless.Tests.Dependencies.NuGetFiles;

namespace Skewless.Tests.Dependencies;

/// <summary>SKW404: a package that this project and its peer resolve to different versions.</summary>
public sealed class PeerLockFileAnalyzerTests
{
    private const string PeerPath = "/src/Serving/packages.lock.json";

    private static Task VerifyAsync(DependencyProject project, params DiagnosticResult[] expected) =>
        DependencyProject.VerifyAsync<PeerLockFileAnalyzer>(project, expected);

    private static string Training(string items) => Project(items + "\n    <SkewlessPeerLockFile Include=\"../Serving/packages.lock.json\" />");

    [Fact]
    public Task A_direct_package_at_another_version_fires_at_its_reference_naming_both_versions() => VerifyAsync(
        new()
        {
            Project = Project("""
                {|#0:<PackageReference Include="Microsoft.ML" Version="5.0.0" />|}
                    <SkewlessPeerLockFile Include="../Serving/packages.lock.json" />
                """),
            Lock = Lock(("net10.0", [("Microsoft.ML", "5.0.0"), ("System.Memory", "4.6.3")])),
            Peers = { [PeerPath] = Lock(("net10.0", [("Microsoft.ML", "5.0.1"), ("System.Memory", "4.6.3")])) },
        },
        new DiagnosticResult("SKW404", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Microsoft.ML", "5.0.0", "5.0.1", "../Serving/packages.lock.json"));

    [Fact]
    public Task A_transitive_package_at_another_version_fires_at_the_peer_item() => VerifyAsync(new()
    {
        Project = Project("""
            <PackageReference Include="Microsoft.ML" Version="5.0.1" />
                {|SKW404:<SkewlessPeerLockFile Include="../Serving/packages.lock.json" />|}
            """),
        Lock = Lock(("net10.0", [("Microsoft.ML", "5.0.1"), ("System.Memory", "4.5.5")])),
        Peers = { [PeerPath] = Lock(("net10.0", [("Microsoft.ML", "5.0.1"), ("System.Memory", "4.6.3")])) },
    });

    [Fact]
    public Task The_same_versions_and_packages_on_one_side_only_are_fine() => VerifyAsync(new()
    {
        Project = Training("""<PackageReference Include="Microsoft.ML" Version="5.0.1" />"""),
        Lock = Lock(("net10.0", [("Microsoft.ML", "5.0.1"), ("Microsoft.ML.FastTree", "5.0.1")])),
        Peers = { [PeerPath] = Lock(("net10.0", [("Microsoft.ML", "5.0.1"), ("Microsoft.AspNetCore.OpenApi", "10.0.0")])) },
    });

    [Fact]
    public Task Runtime_specific_sections_are_compared_too() => VerifyAsync(new()
    {
        Project = Training("""{|SKW404:<PackageReference Include="Microsoft.ML.CpuMath" Version="5.0.1" />|}"""),
        Lock = Lock(("net10.0", [("Microsoft.ML.CpuMath", "5.0.1")]), ("net10.0/linux-x64", [("Microsoft.ML.CpuMath", "5.0.1")])),
        Peers = { [PeerPath] = Lock(("net10.0", [("Microsoft.ML.CpuMath", "5.0.1")]), ("net10.0/linux-x64", [("Microsoft.ML.CpuMath", "5.0.0")])) },
    });

    [Fact]
    public Task Different_frameworks_compare_the_versions_each_side_resolves() => Task.WhenAll(
        VerifyAsync(new()
        {
            Project = Training("""<PackageReference Include="Microsoft.ML" Version="5.0.1" />"""),
            Lock = Lock(("net8.0", [("Microsoft.ML", "5.0.1")])),
            Peers = { [PeerPath] = Lock(("net10.0", [("Microsoft.ML", "5.0.1")])) },
        }),
        VerifyAsync(new()
        {
            Project = Training("""{|SKW404:<PackageReference Include="Microsoft.ML" Version="5.0.1" />|}"""),
            Lock = Lock(("net8.0", [("Microsoft.ML", "5.0.1")])),
            Peers = { [PeerPath] = Lock(("net10.0", [("Microsoft.ML", "5.1.0")])) },
        }));

    [Fact]
    public Task Without_its_own_lock_file_this_side_is_read_from_the_assets_file() => VerifyAsync(new()
    {
        Project = Training("""{|SKW404:<PackageReference Include="Microsoft.ML" Version="5.0.0" />|}"""),
        Assets = Assets(Net10(R("Microsoft.ML", "[5.0.0, )")) with { Resolved = [("Microsoft.ML", "5.0.0")] }),
        Peers = { [PeerPath] = Lock(("net10.0", [("Microsoft.ML", "5.0.1")])) },
    });

    [Fact]
    public Task Under_central_management_the_package_version_is_reported() => VerifyAsync(new()
    {
        Properties = { ["ManagePackageVersionsCentrally"] = "true" },
        Project = Training("""<PackageReference Include="Microsoft.ML" />"""),
        PackagesProps = PropsWithItems("""{|SKW404:<PackageVersion Include="Microsoft.ML" Version="5.0.0" />|}"""),
        Lock = Lock(("net10.0", [("Microsoft.ML", "5.0.0")])),
        Peers = { [PeerPath] = Lock(("net10.0", [("Microsoft.ML", "5.0.1")])) },
    });

    [Fact]
    public Task Under_central_management_the_package_version_is_reported_at_the_item_the_framework_sees() => Task.WhenAll(
        VerifyAsync(new()
        {
            Properties = { ["ManagePackageVersionsCentrally"] = "true" },
            Project = Training("""<PackageReference Include="Newtonsoft.Json" />"""),
            PackagesProps = FrameworkGroupProps(
                """<PackageVersion Include="Newtonsoft.Json" Version="12.0.3" />""",
                """{|SKW404:<PackageVersion Include="Newtonsoft.Json" Version="13.0.3" />|}"""),
            Assets = Assets(new Framework("net8.0", [R("Newtonsoft.Json", "[13.0.3, )")]) { Central = new() { ["Newtonsoft.Json"] = "13.0.3" } }),
            Lock = Lock(("net8.0", [("Newtonsoft.Json", "13.0.3")])),
            Peers = { [PeerPath] = Lock(("net8.0", [("Newtonsoft.Json", "13.0.1")])) },
        }),
        // Without an assets file, the framework is the build's.
        VerifyAsync(new()
        {
            Properties = { ["ManagePackageVersionsCentrally"] = "true", ["TargetFramework"] = "net8.0" },
            Project = Training("""<PackageReference Include="Newtonsoft.Json" />"""),
            PackagesProps = FrameworkGroupProps(
                """<PackageVersion Include="Newtonsoft.Json" Version="12.0.3" />""",
                """{|SKW404:<PackageVersion Include="Newtonsoft.Json" Version="13.0.3" />|}"""),
            Lock = Lock(("net8.0", [("Newtonsoft.Json", "13.0.3")])),
            Peers = { [PeerPath] = Lock(("net8.0", [("Newtonsoft.Json", "13.0.1")])) },
        }));

    [Fact]
    public Task Under_central_management_a_package_version_in_an_imported_parent_props_file_is_reported_there() => VerifyAsync(new()
    {
        Properties = { ["ManagePackageVersionsCentrally"] = "true" },
        Project = Training("""<PackageReference Include="Microsoft.ML" />"""),
        PackagesProps = ImportsParentProps,
        ParentProps = { [DependencyProject.ParentPropsPath] = PropsWithItems("""{|SKW404:<PackageVersion Include="Microsoft.ML" Version="5.0.0" />|}""") },
        Lock = Lock(("net10.0", [("Microsoft.ML", "5.0.0")])),
        Peers = { [PeerPath] = Lock(("net10.0", [("Microsoft.ML", "5.0.1")])) },
    });

    [Fact]
    public Task Under_central_management_a_version_override_is_reported_where_it_is_set() => VerifyAsync(new()
    {
        Properties = { ["ManagePackageVersionsCentrally"] = "true" },
        Project = Training("""{|SKW404:<PackageReference Include="Microsoft.ML" VersionOverride="5.0.0" />|}"""),
        PackagesProps = PropsWithItems("""<PackageVersion Include="Microsoft.ML" Version="5.0.1" />"""),
        Lock = Lock(("net10.0", [("Microsoft.ML", "5.0.0")])),
        Peers = { [PeerPath] = Lock(("net10.0", [("Microsoft.ML", "5.0.1")])) },
    });

    [Fact]
    public void Versions_are_compared_as_versions() =>
        Assert.Null(PeerLockFileAnalyzer.Differ(new Dictionary<string, string> { ["net10.0"] = "5.0" }, new Dictionary<string, string> { ["net10.0"] = "5.0.0" }));
}
