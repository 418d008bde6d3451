using Microsoft.CodeAnalysis.Text;
using Skewless.Analyzers.Dependencies;
using Xunit;
using static Skewless.Tests.Dependencies.NuGetFiles;

namespace Skewless.Tests.Dependencies;

/// <summary>The small readers the dependency rules use instead of NuGet's and System.Text.Json.</summary>
public sealed class ParserTests
{
    [Theory]
    [InlineData("*", nameof(VersionRequestKind.Floating))]
    [InlineData("1.*", nameof(VersionRequestKind.Floating))]
    [InlineData("6.0.*", nameof(VersionRequestKind.Floating))]
    [InlineData("1.2.3-*", nameof(VersionRequestKind.Floating))]
    [InlineData("*-*", nameof(VersionRequestKind.Floating))]
    [InlineData("[1.0.*, )", nameof(VersionRequestKind.Floating))]
    [InlineData("[1.*, )", nameof(VersionRequestKind.Floating))]
    [InlineData("1.2.3", nameof(VersionRequestKind.Minimum))]
    [InlineData(" 1.2.3 ", nameof(VersionRequestKind.Minimum))]
    [InlineData("1.2.3.4", nameof(VersionRequestKind.Minimum))]
    [InlineData("1.2.3-beta.1+sha.5", nameof(VersionRequestKind.Minimum))]
    [InlineData("[1.2.3, )", nameof(VersionRequestKind.Minimum))]
    [InlineData("[1.2.3]", nameof(VersionRequestKind.Exact))]
    [InlineData("[1.2.3, 1.2.3]", nameof(VersionRequestKind.Exact))]
    [InlineData("[1.2, 1.2.0.0]", nameof(VersionRequestKind.Exact))]
    [InlineData("[1.0,2.0)", nameof(VersionRequestKind.Range))]
    [InlineData("[1.0, 2.0]", nameof(VersionRequestKind.Range))]
    [InlineData("[1.2.3, 1.2.3)", nameof(VersionRequestKind.Range))]
    [InlineData("(, 2.0]", nameof(VersionRequestKind.Unjudged))]
    [InlineData("(1.0, )", nameof(VersionRequestKind.Unjudged))]
    [InlineData("(1.0, 2.0)", nameof(VersionRequestKind.Unjudged))]
    [InlineData("", nameof(VersionRequestKind.Unjudged))]
    [InlineData(null, nameof(VersionRequestKind.Unjudged))]
    [InlineData("$(MLVersion)", nameof(VersionRequestKind.Unjudged))]
    [InlineData("latest", nameof(VersionRequestKind.Unjudged))]
    [InlineData("1.2.3-", nameof(VersionRequestKind.Unjudged))]
    [InlineData("[1.0", nameof(VersionRequestKind.Unjudged))]
    [InlineData("[]", nameof(VersionRequestKind.Unjudged))]
    public void Versions_are_classified(string? text, string expected) => Assert.Equal(expected, VersionRequest.Classify(text).ToString());

    [Fact]
    public void Json_values_strings_and_escapes_are_read()
    {
        var value = JsonValue.Parse("""{ "a": [1, -2.5e3, true, false, null], "b\u00e9\"\\\/": "x\ty\u0041", "c": {} }""");
        Assert.Equal(["1", "-2.5e3", "true", "false", "null"], value["a"]!.Items.Select(item => ((JsonLiteral)item).Text));
        Assert.Equal("x\tyA", value["bé\"\\/"]!.AsString);
        Assert.Empty(value["c"]!.Members);
        Assert.Null(value["missing"]);
        Assert.True(JsonValue.Parse("\uFEFF true ").IsTrue);
        Assert.True(JsonValue.Parse("\"TRUE\"").IsTrue);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("{", "the file ends early (truncated?) at line 1, column 2")]
    [InlineData("{\n  \"a\": 1,\n  \"b\" 2 }", "expected ':' at line 3, column 7")]
    [InlineData("[1, 2", "the file ends early (truncated?) at line 1, column 6")]
    [InlineData("{\"a\": tru}", "an unexpected word at line 1, column 7")]
    [InlineData("{\"a\": 1.2.3}", "a malformed number at line 1, column 7")]
    [InlineData("{\"a\": \"x\ny\"}", "a control character inside a string at line 1, column 9")]
    [InlineData("{} {}", "text follows the end of the JSON document at line 1, column 4")]
    [InlineData("{'a': 1}", "expected a property name in quotes at line 1, column 2")]
    public void Malformed_json_says_what_and_where(string text, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => JsonValue.Parse(text)).Message);

    [Fact]
    public void A_lock_file_with_runtime_sections_is_read_per_target()
    {
        var lockFile = LockFile.Parse("""
            {
              "version": 2,
              "dependencies": {
                "net10.0": {
                  "Microsoft.ML": { "type": "Direct", "requested": "[5.0.1, )", "resolved": "5.0.1", "contentHash": "x", "dependencies": { "Microsoft.ML.CpuMath": "5.0.1" } },
                  "Microsoft.ML.CpuMath": { "type": "Transitive", "resolved": "5.0.1", "contentHash": "y" },
                  "Skewless.Features": { "type": "Project", "dependencies": { "Skewless": "[0.1.0, )" } }
                },
                "net10.0/linux-x64": {
                  "runtime.linux-x64.Native": { "type": "Transitive", "resolved": "1.0.0", "contentHash": "z" }
                }
              }
            }
            """);

        Assert.Equal(["net10.0", "net10.0/linux-x64"], lockFile.Sections.Select(section => section.Target));
        Assert.False(lockFile.Sections[0].IsRuntimeSpecific);
        Assert.True(lockFile.Sections[1].IsRuntimeSpecific);
        Assert.Equal("[5.0.1, )", lockFile.Sections[0].Packages["microsoft.ml"].Requested);
        Assert.Equal("Transitive", lockFile.Sections[0].Packages["Microsoft.ML.CpuMath"].Type);
        Assert.False(lockFile.Sections[0].Packages.ContainsKey("Skewless.Features"));
        Assert.Equal("1.0.0", lockFile.Resolved["runtime.linux-x64.Native"]["net10.0/linux-x64"]);
        Assert.Equal("5.0.1", Resolution.Single(lockFile.Resolved, "MICROSOFT.ML"));
    }

    [Fact]
    public void An_assets_file_keeps_each_framework_of_a_multi_targeting_project()
    {
        var assets = AssetsFile.Parse(Assets(
            Net10(R("Microsoft.ML", "[5.0.1, )", VersionOverride: "[5.0.1, )"), R("Microsoft.NET.ILLink.Tasks", "[10.0.0, )", AutoReferenced: true)) with { Resolved = [("Microsoft.ML", "5.0.1")], Central = new() { ["Microsoft.ML"] = "5.*" } },
            new Framework("netstandard2.0", [R("Microsoft.ML", "[5.*, )")]) { Resolved = [("Microsoft.ML", "5.1.0")] }));

        Assert.Equal(["net10.0", "netstandard2.0"], assets.Frameworks.Select(framework => framework.Name));
        Assert.Equal(["[5.0.1, )", "[5.*, )"], assets.RequestedVersions("microsoft.ml"));
        Assert.Equal(["[5.0.1, )"], assets.RequestedVersions("Microsoft.ML", overrideOnly: true));
        Assert.Equal(["5.*"], assets.CentralVersions("Microsoft.ML"));
        Assert.True(assets.Frameworks[0].Dependencies["Microsoft.NET.ILLink.Tasks"].AutoReferenced);
        Assert.Null(Resolution.Single(assets.Resolved, "Microsoft.ML"));
        Assert.Equal("5.1.0", assets.Resolved["Microsoft.ML"]["netstandard2.0"]);
    }

    [Theory]
    [InlineData("""{ "version": 1 }""")]
    [InlineData("""[]""")]
    public void Json_of_another_shape_is_not_a_lock_or_assets_file(string text)
    {
        Assert.Throws<FormatException>(() => LockFile.Parse(text));
        Assert.Throws<FormatException>(() => AssetsFile.Parse(text));
    }

    [Fact]
    public void Project_items_are_read_with_the_place_of_each_and_of_its_version()
    {
        var text = SourceText.From("""
            <Project Sdk="Microsoft.NET.Sdk" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <PropertyGroup Condition="'$(Configuration)' == 'Release'">
                <OutputType>Exe</OutputType>
              </PropertyGroup>
              <!-- <PackageReference Include="Commented.Out" Version="*" /> -->
              <ItemGroup>
                <PackageReference Include="A" Version="1.*" />
                <PackageReference
                    Include="B"
                    VersionOverride = '[2.0]' />
                <PackageReference Update="C"><Version> 3.* </Version></PackageReference>
                <PackageVersion Include="D" Version="$(DVersion)" />
                <SkewlessPeerLockFile Include="../Serving/packages.lock.json" />
                <Compile Include="E.cs" Version="1.*" />
              </ItemGroup>
            </Project>
            """);
        var file = MsBuildFile.Parse(text);

        Assert.Equal("<Project Sdk=\"Microsoft.NET.Sdk\" xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\">", text.ToString(file.Root.Span));
        Assert.Equal("<OutputType>", text.ToString(file.Properties["OutputType"].Span));
        Assert.Equal(["A", "B", "C", "D", "../Serving/packages.lock.json"], file.Items.Select(item => item.Id));

        var a = file.Items[0];
        Assert.Equal("<PackageReference Include=\"A\" Version=\"1.*\" />", text.ToString(a.Span.Span));
        Assert.Equal((6, 4), (a.Span.Lines.Start.Line, a.Span.Lines.Start.Character));
        Assert.Equal("1.*", text.ToString(a.Version!.Span.Span));

        var b = file.Items[1];
        Assert.StartsWith("<PackageReference\n", text.ToString(b.Span.Span).Replace("\r", ""), StringComparison.Ordinal);
        Assert.Null(b.Version);
        Assert.Equal("[2.0]", text.ToString(b.VersionOverride!.Span.Span));

        var c = file.Items[2];
        Assert.True(c.IsUpdate);
        Assert.Equal("3.*", c.Version!.Text);
        Assert.Equal("3.*", text.ToString(c.Version.Span.Span));

        Assert.Equal("$(DVersion)", file.Items[3].Version!.Text);
        Assert.Equal(MsBuildFile.PeerLockFile, file.Items[4].ItemType);
    }

    [Theory]
    [InlineData("'$(TargetFramework)' == 'net6.0'", "net6.0", true)]
    [InlineData("'$(TargetFramework)' == 'net6.0'", "net8.0", false)]
    [InlineData(" '$(TargetFramework)'=='NET6.0' ", "net6.0", true)]
    [InlineData("'$(TargetFramework)' != 'net6.0'", "net8.0", true)]
    [InlineData("$(TargetFramework) == net6.0", "net6.0", true)]
    [InlineData("'net6.0' == '$(TargetFramework)'", "net8.0", false)]
    [InlineData("'$(TargetFramework)' == 'net6.0' or '$(TargetFramework)' == 'net7.0'", "net7.0", true)]
    [InlineData("'$(TargetFramework)' == 'net6.0' or '$(TargetFramework)' == 'net7.0'", "net8.0", false)]
    [InlineData("('$(TargetFramework)' == 'net6.0') and '$(Configuration)' == 'Release'", "net8.0", false)]
    [InlineData("'$(TargetFramework)' == 'net6.0' and '$(Configuration)' == 'Release'", "net6.0", null)]
    [InlineData("'$(TargetFramework)' == 'net6.0' or '$(UseCsv)' == 'true'", "net8.0", null)]
    [InlineData("'$(TargetFramework)' == 'net8.0' or '$(UseCsv)' == 'true'", "net8.0", true)]
    [InlineData("!('$(TargetFramework)' == 'net6.0')", "net8.0", true)]
    [InlineData("Exists('x.props') and '$(TargetFramework)' == 'net6.0'", "net8.0", false)]
    [InlineData("$(TargetFramework.StartsWith('net4'))", "net8.0", null)]
    [InlineData("$([MSBuild]::IsTargetFrameworkCompatible('$(TargetFramework)', 'net6.0'))", "net8.0", null)]
    [InlineData("'$(TargetFramework)' == '$(NetCurrent)'", "net8.0", null)]
    [InlineData("'$(TargetFrameworkVersion)' >= 'v6.0'", "net8.0", null)]
    [InlineData("'$(TargetFramework)' == 'net6.0", "net8.0", null)]
    [InlineData("'$(TargetFramework)' == 'net6.0' and", "net8.0", null)]
    [InlineData("((", "net8.0", null)]
    [InlineData("", "net8.0", null)]
    public void Conditions_on_the_target_framework_are_read_and_others_are_unknown(string condition, string framework, bool? expected) =>
        Assert.Equal(expected, MsBuildCondition.Evaluate(condition, framework));

    [Fact]
    public void Items_and_imports_keep_the_conditions_around_them()
    {
        var file = MsBuildFile.Parse(SourceText.From("""
            <Project>
              <Import Project="../Directory.Packages.props" Condition="Exists('../Directory.Packages.props')" />
              <ItemGroup Condition="'$(TargetFramework)' == 'net6.0'">
                <PackageVersion Include="A" Version="1.0" Condition="'$(Configuration)' == 'Release'" />
              </ItemGroup>
              <Choose>
                <When Condition="'$(TargetFramework)' == 'net8.0'">
                  <ItemGroup>
                    <PackageVersion Include="B" Version="2.0" />
                  </ItemGroup>
                </When>
              </Choose>
              <ItemGroup>
                <PackageVersion Include="C" Version="3.0" />
              </ItemGroup>
            </Project>
            """));

        Assert.Equal("../Directory.Packages.props", file.Imports.Single().Project);
        Assert.Equal(["Exists('../Directory.Packages.props')"], file.Imports.Single().Conditions);
        Assert.Equal(["'$(TargetFramework)' == 'net6.0'", "'$(Configuration)' == 'Release'"], file.Items[0].Conditions);
        Assert.Equal(["'$(TargetFramework)' == 'net8.0'"], file.Items[1].Conditions);
        Assert.Empty(file.Items[2].Conditions);
        Assert.True(MsBuildCondition.IsInactive(file.Items[0].Conditions, ["net8.0"]));
        Assert.False(MsBuildCondition.IsInactive(file.Items[0].Conditions, ["net8.0", "net6.0"]));
        Assert.False(MsBuildCondition.IsInactive(file.Items[1].Conditions, []));
    }

    [Fact]
    public void The_cache_parses_equal_content_once_and_forgets_the_oldest()
    {
        var cache = new ParsedFileCache<LockFile>(text => LockFile.Parse(text.ToString()));
        var content = Lock(("net10.0", [("A", "1.0.0")]));
        var first = SourceText.From(content);

        var parsed = cache.Get(first);
        Assert.Same(parsed, cache.Get(first));
        Assert.Same(parsed, cache.Get(SourceText.From(content)));
        Assert.Equal(1, cache.ParseCount);

        Assert.NotSame(parsed, cache.Get(SourceText.From(content + " ")));
        Assert.Equal(2, cache.ParseCount);

        for (var i = 0; i < ParsedFileCache<LockFile>.Capacity; i++)
        {
            cache.Get(SourceText.From(Lock(("net10.0", [("Filler" + i, "1.0.0")]))));
        }

        cache.Get(SourceText.From(content));
        Assert.Equal(3 + ParsedFileCache<LockFile>.Capacity, cache.ParseCount);
    }

    [Fact]
    public void The_cache_keeps_a_failure_too()
    {
        var cache = new ParsedFileCache<LockFile>(text => LockFile.Parse(text.ToString()));
        var broken = cache.Get(SourceText.From("{"));
        Assert.Null(broken.Value);
        Assert.NotNull(broken.Error);
        Assert.Same(broken, cache.Get(SourceText.From("{")));
        Assert.Equal(1, cache.ParseCount);
    }
}
