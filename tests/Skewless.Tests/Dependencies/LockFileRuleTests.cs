using Skewless.Analyzers.Dependencies;
using Xunit;
using static Skewless.Tests.Dependencies.NuGetFiles;

namespace Skewless.Tests.Dependencies;

/// <summary>SKW402: applications restore with a lock file. SKW403: CI enforces it.</summary>
public sealed class LockFileRuleTests
{
    private static readonly string Assets1 = Assets(Net10(R("Microsoft.ML", "[5.0.1, )")) with { Resolved = [("Microsoft.ML", "5.0.1")] });
    private static readonly string Lock1 = Lock(("net10.0", [("Microsoft.ML", "5.0.1")]));
    private const string Reference = """<PackageReference Include="Microsoft.ML" Version="5.0.1" />""";

    private static Task MissingAsync(DependencyProject project) => DependencyProject.VerifyAsync<MissingLockFileAnalyzer>(project);

    private static Task UnenforcedAsync(DependencyProject project) => DependencyProject.VerifyAsync<UnenforcedLockFileAnalyzer>(project);

    [Theory]
    [InlineData("Exe")]
    [InlineData("WinExe")]
    [InlineData("exe")]
    public Task An_application_without_a_lock_file_fires_at_its_OutputType(string outputType) => MissingAsync(new()
    {
        Properties = { ["OutputType"] = outputType },
        Project = Project(Reference, $"<TargetFramework>net10.0</TargetFramework>\n    {{|SKW402:<OutputType>|}}{outputType}</OutputType>"),
        Assets = Assets1,
    });

    [Fact]
    public Task A_project_that_is_not_packable_counts_as_an_application() => MissingAsync(new()
    {
        Properties = { ["OutputType"] = "Library", ["IsPackable"] = "false" },
        Project = Project(Reference, "{|SKW402:<IsPackable>|}false</IsPackable>"),
        Assets = Assets1,
    });

    [Fact]
    public Task An_OutputType_set_in_an_imported_file_is_reported_on_the_project() => MissingAsync(new()
    {
        Properties = { ["OutputType"] = "Exe" },
        Project = $$"""
            {|SKW402:<Project Sdk="Microsoft.NET.Sdk">|}
              <ItemGroup>
                {{Reference}}
              </ItemGroup>
            </Project>
            """,
    });

    [Fact]
    public Task An_application_with_a_lock_file_is_fine() => MissingAsync(new()
    {
        Properties = { ["OutputType"] = "Exe" },
        Project = Project(Reference),
        Assets = Assets1,
        Lock = Lock1,
    });

    [Fact]
    public Task An_application_that_will_write_its_lock_file_at_the_next_restore_is_fine() => MissingAsync(new()
    {
        // A design-time build before the first restore: the property is set, the file does not exist yet.
        Properties = { ["OutputType"] = "Exe", ["RestorePackagesWithLockFile"] = "true" },
        Project = Project(Reference),
    });

    [Theory]
    [InlineData("Library", "")]
    [InlineData("Library", "true")]
    [InlineData("", "")]
    public Task A_packable_library_keeps_its_ranges_without_a_lock_file(string outputType, string isPackable) => MissingAsync(new()
    {
        Properties = { ["OutputType"] = outputType, ["IsPackable"] = isPackable },
        Project = Project(Reference),
        Assets = Assets1,
    });

    [Fact]
    public Task An_application_without_packages_needs_no_lock_file() => MissingAsync(new()
    {
        Properties = { ["OutputType"] = "Exe" },
        Project = Project(""),
        Assets = Assets(Net10(R("Microsoft.NET.ILLink.Tasks", "[10.0.0, )", AutoReferenced: true))),
    });

    [Fact]
    public Task A_lock_file_not_enforced_on_CI_fires_where_the_lock_file_is_turned_on() => UnenforcedAsync(new()
    {
        Properties = { ["ContinuousIntegrationBuild"] = "true", ["RestorePackagesWithLockFile"] = "true" },
        Project = Project(Reference, "{|SKW403:<RestorePackagesWithLockFile>|}true</RestorePackagesWithLockFile>"),
        Lock = Lock1,
    });

    [Fact]
    public Task A_lock_file_found_beside_the_project_counts_even_without_the_property() => UnenforcedAsync(new()
    {
        Properties = { ["ContinuousIntegrationBuild"] = "true" },
        Project = """
            {|SKW403:<Project Sdk="Microsoft.NET.Sdk">|}
            </Project>
            """,
        Lock = Lock1,
    });

    [Theory]
    [InlineData("true", "true", true)]
    [InlineData("false", "", true)]
    [InlineData("", "", true)]
    [InlineData("true", "", false)]
    public Task No_diagnostic_when_enforced_not_on_CI_or_without_a_lock_file(string ci, string lockedMode, bool hasLockFile) => UnenforcedAsync(new()
    {
        Properties = { ["ContinuousIntegrationBuild"] = ci, ["RestoreLockedMode"] = lockedMode },
        Project = Project(Reference),
        Lock = hasLockFile ? Lock1 : null,
    });
}
