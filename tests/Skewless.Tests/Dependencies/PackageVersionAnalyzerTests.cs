using Skewless.Analyzers.Dependencies;
using Xunit;
using static Skewless.Tests.Dependencies.NuGetFiles;

namespace Skewless.Tests.Dependencies;

/// <summary>SKW400 (floating versions) and SKW401 (ranges), located at the item that states the version.</summary>
public sealed class PackageVersionAnalyzerTests
{
    private static Task VerifyAsync(DependencyProject project) => DependencyProject.VerifyAsync<PackageVersionAnalyzer>(project);

    [Theory]
    [InlineData("*")]
    [InlineData("1.*")]
    [InlineData("6.0.*")]
    [InlineData("1.2.3-*")]
    [InlineData("*-*")]
    [InlineData("[1.0.*, )")]
    [InlineData("1.2.3-beta.*")]
    public Task A_floating_version_fires(string version) => VerifyAsync(new()
    {
        Project = Project($$"""{|SKW400:<PackageReference Include="Microsoft.ML" Version="{{version}}" />|}"""),
    });

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("[1.2.3]")]
    [InlineData("[1.2.3, 1.2.3]")]
    [InlineData("[1.2.3, )")]
    [InlineData("1.2.3-beta.1")]
    // NuGet's NU1604 already reports a missing or exclusive lower bound.
    [InlineData("(, 2.0]")]
    [InlineData("(1.0, )")]
    [InlineData("")]
    public Task A_plain_minimum_or_exact_version_is_fine(string version) => VerifyAsync(new()
    {
        Project = Project($"""<PackageReference Include="Microsoft.ML" Version="{version}" />"""),
    });

    [Theory]
    [InlineData("[1.0,2.0)")]
    [InlineData("[1.0, 2.0]")]
    [InlineData("[1.0.0, 1.5.0)")]
    public Task A_range_with_an_upper_bound_fires(string version) => VerifyAsync(new()
    {
        Project = Project($$"""{|SKW401:<PackageReference Include="Microsoft.ML" Version="{{version}}" />|}"""),
    });

    [Fact]
    public Task A_version_in_a_child_element_is_located_at_the_item() => VerifyAsync(new()
    {
        Project = Project("""
            {|SKW400:<PackageReference Include="Microsoft.ML">|}
                  <Version>5.*</Version>
                </PackageReference>
                <PackageReference Include="Microsoft.ML.FastTree">
                  <Version>5.0.1</Version>
                </PackageReference>
            """),
    });

    [Fact]
    public Task A_version_from_a_property_is_named_as_written_and_a_range_gets_a_plain_version_to_use() =>
        DependencyProject.VerifyAsync<PackageVersionAnalyzer>(
            new()
            {
                Project = Project("""
                    {|#0:<PackageReference Include="Microsoft.ML" Version="$(MicrosoftMLVersion)" />|}
                        {|#1:<PackageReference Include="Newtonsoft.Json" Version="$(JsonVersion)" />|}
                    """),
                Assets = Assets(Net10(R("Microsoft.ML", "[5.*, )"), R("Newtonsoft.Json", "[13.0.1, 14.0.0)"))),
                Lock = Lock(("net10.0", [("Microsoft.ML", "5.0.1"), ("Newtonsoft.Json", "13.0.3")])),
            },
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("SKW400", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                .WithLocation(0)
                .WithArguments("PackageReference", "Microsoft.ML", "5.*", " to the version restore resolves today, 5.0.1"),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("SKW401", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                .WithLocation(1)
                .WithArguments("PackageReference", "Newtonsoft.Json", "[13.0.1, 14.0.0)", ", such as the version restore resolves today, 13.0.3"));

    [Fact]
    public Task The_message_names_the_package_the_version_and_what_restore_resolves_today() =>
        DependencyProject.VerifyAsync<PackageVersionAnalyzer>(
            new()
            {
                Project = Project("""{|#0:<PackageReference Include="Microsoft.ML" Version="{|#1:5.*|}" />|}"""),
                Lock = Lock(("net10.0", [("Microsoft.ML", "5.0.1")])),
            },
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("SKW400", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                .WithLocation(0)
                .WithLocation(1)
                .WithArguments("PackageReference", "Microsoft.ML", "5.*", " to the version restore resolves today, 5.0.1"));

    [Fact]
    public Task A_version_from_a_property_is_judged_by_its_value_in_the_assets_file() => VerifyAsync(new()
    {
        Project = Project("""
            {|SKW400:<PackageReference Include="Microsoft.ML" Version="$(MicrosoftMLVersion)" />|}
                <PackageReference Include="Microsoft.ML.FastTree" Version="$(FastTreeVersion)" />
                {|SKW401:<PackageReference Include="Newtonsoft.Json" Version="$(JsonVersion)" />|}
            """),
        Assets = Assets(Net10(R("Microsoft.ML", "[5.*, )"), R("Microsoft.ML.FastTree", "[5.0.1, )"), R("Newtonsoft.Json", "[13.0.1, 14.0.0)"))),
    });

    [Fact]
    public Task A_version_from_a_property_is_not_judged_without_an_assets_file() => VerifyAsync(new()
    {
        Project = Project("""<PackageReference Include="Microsoft.ML" Version="$(MicrosoftMLVersion)" />"""),
    });

    [Fact]
    public Task Multi_targeting_judges_each_framework_of_the_one_assets_file_and_reports_once() => VerifyAsync(new()
    {
        Project = Project(
            """
            {|SKW400:<PackageReference Include="Microsoft.ML" Version="$(MicrosoftMLVersion)" />|}
                <PackageReference Include="System.Memory" Version="$(MemoryVersion)" />
            """,
            "<TargetFrameworks>net10.0;netstandard2.0</TargetFrameworks>"),
        Assets = Assets(
            Net10(R("Microsoft.ML", "[5.0.1, )"), R("System.Memory", "[4.6.3, )")) with { Resolved = [("Microsoft.ML", "5.0.1")] },
            new Framework("netstandard2.0", [R("Microsoft.ML", "[5.*, )"), R("System.Memory", "[4.6.3, )")]) { Resolved = [("Microsoft.ML", "5.1.0")] },
            new Framework("net8.0", [R("Microsoft.ML", "[5.*, )"), R("System.Memory", "[4.6.3, )")])),
    });

    // BotSharp's shape: a net8.0-only project that kept its net6.0 group.
    private static string FrameworkGroups(string targetFrameworks, string netSixFloat, string netSixRange) => $$"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            {{targetFrameworks}}
          </PropertyGroup>
          <ItemGroup Condition="'$(TargetFramework)' == 'net8.0'">
            <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
          </ItemGroup>
          <ItemGroup Condition=" '$(TargetFramework)' == 'net6.0' ">
            {{netSixFloat}}
            {{netSixRange}}
          </ItemGroup>
        </Project>
        """;

    [Fact]
    public Task An_item_under_a_condition_no_target_framework_meets_is_not_judged() => Task.WhenAll(
        // The frameworks restore saw, from the assets file.
        VerifyAsync(new()
        {
            Project = FrameworkGroups(
                "<TargetFramework>net8.0</TargetFramework>",
                """<PackageReference Include="Newtonsoft.Json" Version="12.*" />""",
                """<PackageReference Include="CsvHelper" Version="[30.0,31.0)" Condition="'$(TargetFramework)' != 'net8.0'" />"""),
            Assets = Assets(new Framework("net8.0", [R("Newtonsoft.Json", "[13.0.3, )")]) { Resolved = [("Newtonsoft.Json", "13.0.3")] }),
        }),
        // Before the first restore, from the build's properties.
        VerifyAsync(new()
        {
            Properties = { ["TargetFramework"] = "net8.0" },
            Project = FrameworkGroups(
                "<TargetFramework>net8.0</TargetFramework>",
                """<PackageReference Include="Newtonsoft.Json" Version="12.*" />""",
                """<PackageReference Include="CsvHelper" Version="[30.0,31.0)" />"""),
        }));

    [Fact]
    public Task An_item_under_a_condition_some_target_framework_meets_or_that_cannot_be_read_is_judged() => Task.WhenAll(
        VerifyAsync(new()
        {
            Project = FrameworkGroups(
                "<TargetFrameworks>net8.0;net6.0</TargetFrameworks>",
                """{|SKW400:<PackageReference Include="Newtonsoft.Json" Version="12.*" />|}""",
                """{|SKW401:<PackageReference Include="CsvHelper" Version="[30.0,31.0)" />|}"""),
            Assets = Assets(
                new Framework("net8.0", [R("Newtonsoft.Json", "[13.0.3, )")]),
                new Framework("net6.0", [R("Newtonsoft.Json", "[12.*, )"), R("CsvHelper", "[30.0.0, 31.0.0)")])),
        }),
        VerifyAsync(new()
        {
            Properties = { ["_SkewlessTargetFrameworks"] = "net8.0 net6.0", ["TargetFramework"] = "net8.0" },
            Project = FrameworkGroups(
                "<TargetFrameworks>net8.0;net6.0</TargetFrameworks>",
                """{|SKW400:<PackageReference Include="Newtonsoft.Json" Version="12.*" />|}""",
                """{|SKW401:<PackageReference Include="CsvHelper" Version="[30.0,31.0)" />|}"""),
        }),
        // A condition on anything but the framework is judged as before.
        VerifyAsync(new()
        {
            Project = Project("""
                {|SKW400:<PackageReference Include="Newtonsoft.Json" Version="12.*" Condition="'$(Configuration)' == 'Release'" />|}
                    {|SKW401:<PackageReference Include="CsvHelper" Version="[30.0,31.0)" Condition="'$(TargetFramework)' == 'net6.0' or '$(UseCsv)' == 'true'" />|}
                """),
            Assets = Assets(Net10()),
        }));

    [Fact]
    public Task A_package_added_by_an_imported_file_is_reported_on_the_project() => VerifyAsync(new()
    {
        Project = """
            {|SKW400:<Project Sdk="Microsoft.NET.Sdk">|}
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """,
        Assets = Assets(Net10(R("Microsoft.ML", "[5.*, )"), R("Microsoft.NET.ILLink.Tasks", "[10.*, )", AutoReferenced: true))),
    });

    [Fact]
    public Task A_version_set_by_an_Update_elsewhere_is_reported_at_the_reference() => VerifyAsync(new()
    {
        Project = Project("""{|SKW400:<PackageReference Include="Microsoft.ML" />|}"""),
        Assets = Assets(Net10(R("Microsoft.ML", "[5.*, )"))),
    });

    [Fact]
    public Task An_Update_item_with_a_floating_version_fires() => VerifyAsync(new()
    {
        Project = Project("""
            <PackageReference Include="Microsoft.ML" />
                {|SKW400:<PackageReference Update="Microsoft.ML" Version="5.*" />|}
            """),
    });

    [Fact]
    public Task An_Update_item_in_the_project_is_reported_once_even_with_an_assets_file() => VerifyAsync(new()
    {
        Project = Project("""
            <PackageReference Include="Microsoft.ML" />
                {|SKW400:<PackageReference Update="Microsoft.ML" Version="5.*" />|}
            """),
        Assets = Assets(Net10(R("Microsoft.ML", "[5.*, )"))),
    });

    [Fact]
    public Task Nothing_is_reported_when_the_compilation_does_not_reference_Skewless() => VerifyAsync(new()
    {
        ReferencesSkewless = false,
        Project = Project("""<PackageReference Include="Microsoft.ML" Version="*" />"""),
    });

    [Fact]
    public Task Missing_files_give_no_diagnostic() => VerifyAsync(new()
    {
        Properties = { ["OutputType"] = "Exe", ["ManagePackageVersionsCentrally"] = "true" },
    });

    public sealed class CentralPackageManagement
    {
        private static readonly Dictionary<string, string> Central = new() { ["ManagePackageVersionsCentrally"] = "true" };
        private static readonly Dictionary<string, string> CentralFloating = new() { ["ManagePackageVersionsCentrally"] = "true", ["CentralPackageFloatingVersionsEnabled"] = "true" };

        private static string Props(string items) => $"""
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                {items}
              </ItemGroup>
            </Project>
            """;

        [Fact]
        public Task A_floating_central_version_fires_in_the_props_file_when_floating_is_enabled() => VerifyAsync(new()
        {
            Properties = CentralFloating,
            Project = Project("""<PackageReference Include="Microsoft.ML" />"""),
            PackagesProps = Props("""{|SKW400:<PackageVersion Include="Microsoft.ML" Version="5.*" />|}"""),
            Assets = Assets(Net10(R("Microsoft.ML", "[5.*, )")) with { Central = new() { ["Microsoft.ML"] = "5.*" } }),
        });

        [Fact]
        public Task A_floating_central_version_is_left_to_NuGet_when_floating_is_not_enabled() => VerifyAsync(new()
        {
            // Restore fails with NU1011 here; saying it again would be noise.
            Properties = Central,
            Project = Project("""<PackageReference Include="Microsoft.ML" />"""),
            PackagesProps = Props("""<PackageVersion Include="Microsoft.ML" Version="5.*" />"""),
        });

        [Fact]
        public Task Pinned_central_versions_are_fine() => VerifyAsync(new()
        {
            Properties = CentralFloating,
            Project = Project("""<PackageReference Include="Microsoft.ML" />"""),
            PackagesProps = Props("""<PackageVersion Include="Microsoft.ML" Version="5.0.1" />"""),
        });

        [Fact]
        public Task A_floating_VersionOverride_fires_at_the_reference_even_without_floating_enabled() => VerifyAsync(new()
        {
            Properties = Central,
            Project = Project("""{|SKW400:<PackageReference Include="Microsoft.ML" VersionOverride="5.*" />|}"""),
            PackagesProps = Props("""<PackageVersion Include="Microsoft.ML" Version="5.0.1" />"""),
        });

        [Fact]
        public Task An_exact_VersionOverride_is_fine_and_replaces_a_ranged_central_version() => VerifyAsync(new()
        {
            Properties = Central,
            Project = Project("""<PackageReference Include="Microsoft.ML" VersionOverride="[5.0.0]" />"""),
            PackagesProps = Props("""<PackageVersion Include="Microsoft.ML" Version="[5.0,6.0)" />"""),
        });

        [Fact]
        public Task A_VersionOverride_from_a_property_is_judged_by_the_assets_file() => VerifyAsync(new()
        {
            Properties = Central,
            Project = Project("""{|SKW400:<PackageReference Include="Microsoft.ML" VersionOverride="$(MLVersion)" />|}"""),
            PackagesProps = Props("""<PackageVersion Include="Microsoft.ML" Version="5.0.1" />"""),
            Assets = Assets(Net10(R("Microsoft.ML", "[5.*, )", VersionOverride: "[5.*, )"))),
        });

        [Fact]
        public Task A_ranged_central_version_fires_in_the_props_file() => VerifyAsync(new()
        {
            Properties = Central,
            Project = Project("""<PackageReference Include="Microsoft.ML" />"""),
            PackagesProps = Props("""
                {|SKW401:<PackageVersion Include="Microsoft.ML" Version="[5.0,6.0)" />|}
                    <PackageVersion Include="Unused.Package" Version="[1.0,2.0)" />
                """),
        });

        [Fact]
        public Task A_central_version_in_the_project_file_itself_is_found_there() => VerifyAsync(new()
        {
            Properties = CentralFloating,
            Project = Project("""
                <PackageReference Include="Microsoft.ML" />
                    {|SKW400:<PackageVersion Include="Microsoft.ML" Version="5.*" />|}
                """),
        });

        [Fact]
        public Task Transitive_pins_are_judged_only_with_transitive_pinning() => Task.WhenAll(
            VerifyAsync(new()
            {
                Properties = Central,
                Project = Project("""<PackageReference Include="Microsoft.ML" />"""),
                PackagesProps = Props("""
                    <PackageVersion Include="Microsoft.ML" Version="5.0.1" />
                        <PackageVersion Include="System.Memory" Version="[4.5,5.0)" />
                    """),
                Assets = Assets(Net10(R("Microsoft.ML", "[5.0.1, )")) with { Resolved = [("Microsoft.ML", "5.0.1"), ("System.Memory", "4.6.3")] }),
            }),
            VerifyAsync(new()
            {
                Properties = new(Central) { ["CentralPackageTransitivePinningEnabled"] = "true" },
                Project = Project("""<PackageReference Include="Microsoft.ML" />"""),
                PackagesProps = Props("""
                    <PackageVersion Include="Microsoft.ML" Version="5.0.1" />
                        {|SKW401:<PackageVersion Include="System.Memory" Version="[4.5,5.0)" />|}
                    """),
                Assets = Assets(Net10(R("Microsoft.ML", "[5.0.1, )")) with { Resolved = [("Microsoft.ML", "5.0.1"), ("System.Memory", "4.6.3")] }),
            }));

        private static readonly string NetEightAssets = Assets(new Framework("net8.0", [R("Newtonsoft.Json", "[13.0.3, )")]) { Resolved = [("Newtonsoft.Json", "13.0.3")], Central = new() { ["Newtonsoft.Json"] = "13.0.3" } });

        [Fact]
        public Task A_central_version_under_a_condition_no_target_framework_meets_is_not_judged() => VerifyAsync(new()
        {
            Properties = CentralFloating,
            Project = Project("""<PackageReference Include="Newtonsoft.Json" />""", "<TargetFramework>net8.0</TargetFramework>"),
            PackagesProps = FrameworkGroupProps("""<PackageVersion Include="Newtonsoft.Json" Version="12.*" />""", """<PackageVersion Include="Newtonsoft.Json" Version="13.0.3" />"""),
            Assets = NetEightAssets,
        });

        [Fact]
        public Task The_central_version_judged_is_the_one_under_a_condition_the_framework_meets() => VerifyAsync(new()
        {
            Properties = CentralFloating,
            Project = Project("""<PackageReference Include="Newtonsoft.Json" />""", "<TargetFramework>net8.0</TargetFramework>"),
            PackagesProps = FrameworkGroupProps("""<PackageVersion Include="Newtonsoft.Json" Version="12.0.3" />""", """{|SKW400:<PackageVersion Include="Newtonsoft.Json" Version="13.*" />|}"""),
            Assets = NetEightAssets,
        });

        [Theory]
        [InlineData("SKW401", "[6.0.0,7.0.0)", "[6.0.0, 7.0.0)")]
        [InlineData("SKW400", "6.*", "[6.*, )")]
        public Task A_global_package_reference_is_reported_once_at_its_own_line_not_again_at_the_project(string rule, string version, string requested) => VerifyAsync(new()
        {
            // Restore lists a global reference among the direct ones, with a central version, like a PackageVersion.
            Properties = CentralFloating,
            Project = Project("""<PackageReference Include="Microsoft.ML" />"""),
            PackagesProps = Props($$"""
                <PackageVersion Include="Microsoft.ML" Version="5.0.1" />
                    {|{{rule}}:<GlobalPackageReference Include="coverlet.collector" Version="{{version}}" />|}
                """),
            Assets = Assets(Net10(R("Microsoft.ML", "[5.0.1, )"), R("coverlet.collector", requested)) with
            {
                Resolved = [("Microsoft.ML", "5.0.1"), ("coverlet.collector", "6.0.4")],
                Central = new() { ["Microsoft.ML"] = "5.0.1", ["coverlet.collector"] = version },
            }),
        });

        // The root props file of a nested layout (fernandezja's CPM experiment), with transitive pinning.
        private static string ParentProps(string floating, string ranged) => $$"""
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
                <CentralPackageFloatingVersionsEnabled>true</CentralPackageFloatingVersionsEnabled>
                <CentralPackageTransitivePinningEnabled>true</CentralPackageTransitivePinningEnabled>
              </PropertyGroup>
              <ItemGroup>
                {{floating}}
                {{ranged}}
              </ItemGroup>
            </Project>
            """;

        private static string NestedProps(string import) => $$"""
            <Project>
              {{import}}
              <ItemGroup>
                <PackageVersion Include="McMaster.Extensions.CommandLineUtils" Version="2.3.0" />
              </ItemGroup>
            </Project>
            """;

        private static readonly string NestedAssets = Assets(Net10(R("McMaster.Extensions.CommandLineUtils", "[2.3.0, )"), R("Newtonsoft.Json", "[13.0.*, )")) with
        {
            Resolved = [("McMaster.Extensions.CommandLineUtils", "2.3.0"), ("Newtonsoft.Json", "13.0.4"), ("System.ComponentModel.Annotations", "4.7.0")],
            Central = new() { ["McMaster.Extensions.CommandLineUtils"] = "2.3.0", ["Newtonsoft.Json"] = "13.0.*", ["System.ComponentModel.Annotations"] = "[4.6.0,5.0.0)" },
        });

        private static readonly Dictionary<string, string> CentralPinned = new(CentralFloating) { ["CentralPackageTransitivePinningEnabled"] = "true" };

        [Theory]
        [InlineData("""<Import Project="$([MSBuild]::GetPathOfFileAbove(Directory.Packages.props, $(MSBuildThisFileDirectory)..))" />""")]
        [InlineData("""<Import Project="$([MSBuild]::GetPathOfFileAbove('Directory.Packages.props', '$(MSBuildThisFileDirectory)../'))" Condition="Exists('$([MSBuild]::GetPathOfFileAbove(Directory.Packages.props, $(MSBuildThisFileDirectory)..))')" />""")]
        [InlineData("""<Import Project="$(MSBuildThisFileDirectory)..\Directory.Packages.props" />""")]
        [InlineData("""<Import Project="../Directory.Packages.props" />""")]
        public Task A_parent_props_file_that_the_nearest_one_imports_is_judged_at_its_own_lines(string import) => VerifyAsync(new()
        {
            Properties = CentralPinned,
            Project = Project("""
                <PackageReference Include="Newtonsoft.Json" />
                    <PackageReference Include="McMaster.Extensions.CommandLineUtils" />
                """),
            PackagesProps = NestedProps(import),
            ParentProps =
            {
                [DependencyProject.ParentPropsPath] = ParentProps(
                    """{|SKW400:<PackageVersion Include="Newtonsoft.Json" Version="13.0.*" />|}""",
                    """{|SKW401:<PackageVersion Include="System.ComponentModel.Annotations" Version="[4.6.0,5.0.0)" />|}"""),
            },
            Assets = NestedAssets,
        });

        [Theory]
        [InlineData("")]
        [InlineData("""<Import Project="../Other.props" />""")]
        [InlineData("""<Import Project="$(RepoRoot)Directory.Packages.props" />""")]
        [InlineData("""<Import Project="../Directory.Packages.props" Condition="'$(UseRootVersions)' == 'true'" />""")]
        public Task A_parent_props_file_that_no_import_reaches_is_not_judged(string import) => VerifyAsync(new()
        {
            Properties = CentralPinned,
            Project = Project("""<PackageReference Include="McMaster.Extensions.CommandLineUtils" />"""),
            PackagesProps = NestedProps(import),
            ParentProps =
            {
                [DependencyProject.ParentPropsPath] = ParentProps(
                    """<PackageVersion Include="Newtonsoft.Json" Version="13.0.*" />""",
                    """<PackageVersion Include="System.ComponentModel.Annotations" Version="[4.6.0,5.0.0)" />"""),
            },
            Assets = Assets(Net10(R("McMaster.Extensions.CommandLineUtils", "[2.3.0, )")) with
            {
                Resolved = [("McMaster.Extensions.CommandLineUtils", "2.3.0"), ("System.ComponentModel.Annotations", "4.7.0")],
                Central = new() { ["McMaster.Extensions.CommandLineUtils"] = "2.3.0" },
            }),
        });

        [Fact]
        public Task A_floating_global_package_reference_fires_when_floating_is_enabled() => VerifyAsync(new()
        {
            Properties = CentralFloating,
            Project = Project("<PackageReference Include=\"Microsoft.ML\" />"),
            PackagesProps = Props("""
                <PackageVersion Include="Microsoft.ML" Version="5.0.1" />
                    {|SKW400:<GlobalPackageReference Include="Nerdbank.GitVersioning" Version="3.*" />|}
                """),
        });
    }
}
