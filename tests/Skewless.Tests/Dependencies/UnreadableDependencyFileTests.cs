using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.Dependencies;
using Skewless.Tests.Infrastructure;
using Xunit;
using static Skewless.Tests.Dependencies.NuGetFiles;

namespace Skewless.Tests.Dependencies;

/// <summary>
/// Empty, truncated or malformed inputs: no exception from any analyzer, and exactly one
/// informational SKW406 that names the file.
/// </summary>
public sealed class UnreadableDependencyFileTests
{
    private static readonly string GoodAssets = Assets(Net10(R("Microsoft.ML", "[5.*, )")) with { Resolved = [("Microsoft.ML", "5.0.1")] });
    private static readonly string GoodLock = Lock(("net10.0", [("Microsoft.ML", "5.0.1")]));

    public static TheoryData<string, string> BadJson() => new()
    {
        { "empty", "" },
        { "white space", "  \n " },
        { "truncated", GoodLock[..(GoodLock.Length / 2)] },
        { "truncated inside a string", """{ "dependencies": { "net10.0": { "Micro""" },
        { "not JSON", "<Project />" },
        { "a JSON array", "[1, 2, 3]" },
        { "JSON of another file", """{ "name": "package.json" }""" },
        { "a bad escape", """{ "dependencies": { "a\q": {} } }""" },
        { "trailing text", GoodLock + " extra" },
        { "too deep", new string('[', 1000) + new string(']', 1000) },
    };

    public static TheoryData<string, string> BadXml() => new()
    {
        { "empty", "" },
        { "truncated", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"A\" Ver" },
        { "not XML", "{ \"dependencies\": {} }" },
        { "a DTD", "<!DOCTYPE Project [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Project>&e;</Project>" },
        { "mismatched tags", "<Project><ItemGroup></Project>" },
    };

    [Theory]
    [MemberData(nameof(BadJson))]
    public Task A_bad_assets_file_gives_one_SKW406(string what, string content) => VerifyOneAsync(what, DependencyProject.AssetsPath, new()
    {
        Properties = { ["OutputType"] = "Exe" },
        Project = Project("""<PackageReference Include="Microsoft.ML" Version="$(MLVersion)" />"""),
        Assets = content,
        Lock = GoodLock,
    });

    [Theory]
    [MemberData(nameof(BadJson))]
    public Task A_bad_lock_file_gives_one_SKW406(string what, string content) => VerifyOneAsync(what, DependencyProject.LockPath, new()
    {
        Properties = { ["OutputType"] = "Exe", ["ContinuousIntegrationBuild"] = "true", ["RestoreLockedMode"] = "true" },
        Project = Project("""<PackageReference Include="Microsoft.ML" Version="5.0.1" />"""),
        Lock = content,
    });

    [Theory]
    [MemberData(nameof(BadJson))]
    public Task A_bad_peer_lock_file_gives_one_SKW406(string what, string content) => VerifyOneAsync(what, "/src/Serving/packages.lock.json", new()
    {
        Project = Project("""<PackageReference Include="Microsoft.ML" Version="5.0.1" />"""),
        Lock = GoodLock,
        Peers = { ["/src/Serving/packages.lock.json"] = content },
    });

    [Theory]
    [MemberData(nameof(BadXml))]
    public Task A_bad_project_file_gives_one_SKW406(string what, string content) => VerifyOneAsync(what, DependencyProject.ProjectPath, new()
    {
        Properties = { ["OutputType"] = "Exe", ["ContinuousIntegrationBuild"] = "true" },
        Project = content,
        Assets = GoodAssets,
        Lock = GoodLock,
    });

    [Theory]
    [MemberData(nameof(BadXml))]
    public Task A_bad_props_file_gives_one_SKW406(string what, string content) => VerifyOneAsync(what, DependencyProject.PropsPath, new()
    {
        Properties = { ["ManagePackageVersionsCentrally"] = "true", ["CentralPackageFloatingVersionsEnabled"] = "true" },
        Project = Project("""<PackageReference Include="Microsoft.ML" />"""),
        PackagesProps = content,
        Assets = GoodAssets,
    });

    [Fact]
    public Task The_message_names_the_file_and_the_problem() => DependencyProject.VerifyAsync<UnreadableDependencyFileAnalyzer>(
        new() { Project = Project(""), Lock = "{ \"dependencies\": {" },
        new DiagnosticResult("SKW406", DiagnosticSeverity.Info)
            .WithSpan(DependencyProject.LockPath, 1, 1, 1, 1)
            .WithArguments("NuGet lock file", DependencyProject.LockPath, "the file ends early (truncated?) at line 1, column 20"));

    // Every analyzer runs; the only Skewless diagnostic about the bad file is SKW406, and nothing throws.
    private static async Task VerifyOneAsync(string what, string badPath, DependencyProject project)
    {
        var diagnostics = await DependencyHarness.AnalyzeAsync(project);
        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "AD0001");
        var unreadable = diagnostics.Where(diagnostic => diagnostic.Id == "SKW406").ToList();
        var single = Assert.Single(unreadable);
        Assert.Equal(badPath, single.Location.GetLineSpan().Path);
        Assert.Equal(DiagnosticSeverity.Info, single.Severity);
        Assert.Contains(badPath, single.GetMessage(), StringComparison.Ordinal);
        Assert.True(what.Length > 0);
    }
}
