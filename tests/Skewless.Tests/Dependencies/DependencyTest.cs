using System.Text;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Skewless.Tests.Infrastructure;

namespace Skewless.Tests.Dependencies;

/// <summary>
/// A project as the package's build targets present it to the dependency rules: additional files
/// tagged with <c>SkewlessKind</c> metadata and the compiler-visible properties, both passed the way
/// the compiler passes them (a global analyzer config of <c>build_property.*</c> and
/// <c>build_metadata.AdditionalFiles.*</c>). Files may hold markup such as <c>{|SKW400:…|}</c>.
/// </summary>
internal sealed class DependencyProject
{
    public const string Directory = "/src/Service/";
    public const string ProjectPath = Directory + "Service.csproj";
    public const string AssetsPath = Directory + "obj/project.assets.json";
    public const string LockPath = Directory + "packages.lock.json";
    public const string PropsPath = "/src/Directory.Packages.props";
    public const string ParentPropsPath = "/Directory.Packages.props";

    public string? Project { get; init; }

    public string? Assets { get; init; }

    public string? Lock { get; init; }

    public string? PackagesProps { get; init; }

    /// <summary>The <c>Directory.Packages.props</c> files above <see cref="PropsPath"/>, by path, as the build passes them.</summary>
    public Dictionary<string, string> ParentProps { get; init; } = new();

    /// <summary>Peer lock files by path.</summary>
    public Dictionary<string, string> Peers { get; init; } = new();

    public Dictionary<string, string> Properties { get; init; } = new();

    /// <summary>Whether the compilation references Skewless, as every project that gets these rules does.</summary>
    public bool ReferencesSkewless { get; init; } = true;

    public IEnumerable<(string Path, string Kind, string Content)> Files()
    {
        if (Project is not null) yield return (ProjectPath, "ProjectFile", Project);
        if (Assets is not null) yield return (AssetsPath, "Assets", Assets);
        if (Lock is not null) yield return (LockPath, "LockFile", Lock);
        if (PackagesProps is not null) yield return (PropsPath, "PackagesProps", PackagesProps);
        foreach (var (path, content) in ParentProps) yield return (path, "ParentPackagesProps", content);
        foreach (var (path, content) in Peers) yield return (path, "PeerLockFile", content);
    }

    public string GlobalConfig()
    {
        var config = new StringBuilder("is_global = true\n");
        foreach (var (name, value) in Properties)
        {
            config.Append("build_property.").Append(name).Append(" = ").Append(value).Append('\n');
        }

        foreach (var (path, kind, _) in Files())
        {
            config.Append('[').Append(path).Append("]\nbuild_metadata.AdditionalFiles.SkewlessKind = ").Append(kind).Append('\n');
        }

        return config.ToString();
    }

    public static Task VerifyAsync<TAnalyzer>(DependencyProject project, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = "public class Program { }",
            ReferenceAssemblies = TestReferences.None,
        };
        test.TestState.AdditionalReferences.AddRange(project.ReferencesSkewless ? TestReferences.All : TestReferences.Runtime);
        foreach (var (path, _, content) in project.Files())
        {
            test.TestState.AdditionalFiles.Add((path, content));
        }

        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", project.GlobalConfig()));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}

/// <summary>Writes the NuGet files the rules read, in the shapes restore writes them.</summary>
internal static class NuGetFiles
{
    /// <summary>A project file with the given items and properties.</summary>
    public static string Project(string items, string properties = "<TargetFramework>net10.0</TargetFramework>") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            {properties}
          </PropertyGroup>
          <ItemGroup>
            {items}
          </ItemGroup>
        </Project>
        """;

    /// <summary>A props file whose one <c>ItemGroup</c> holds the given items.</summary>
    public static string PropsWithItems(string items) => $"""
        <Project>
          <ItemGroup>
            {items}
          </ItemGroup>
        </Project>
        """;

    /// <summary>A nearest <c>Directory.Packages.props</c> that only imports the one above it, with the line the CPM documentation suggests.</summary>
    public const string ImportsParentProps = """
        <Project>
          <Import Project="$([MSBuild]::GetPathOfFileAbove(Directory.Packages.props, $(MSBuildThisFileDirectory)..))" />
        </Project>
        """;

    /// <summary>BotSharp's <c>Directory.Packages.props</c>: one <c>PackageVersion</c> per framework group, net6.0's (dead in a net8.0 project) first.</summary>
    public static string FrameworkGroupProps(string netSix, string netEight) => $$"""
        <Project>
          <ItemGroup Condition="'$(TargetFramework)' == 'net6.0'">
            {{netSix}}
          </ItemGroup>
          <ItemGroup Condition="'$(TargetFramework)' == 'net8.0'">
            {{netEight}}
          </ItemGroup>
        </Project>
        """;

    /// <summary>An assets file: per framework, the project's requests (id, version as restore writes it, optional VersionOverride) and the packages resolved.</summary>
    public static string Assets(params Framework[] frameworks)
    {
        var targets = string.Join(",\n", frameworks.Select(framework =>
            $"\"{framework.Name}\": {{ {string.Join(", ", framework.Resolved.Select(package => $"\"{package.Id}/{package.Version}\": {{ \"type\": \"package\", \"compile\": {{ \"lib/net10.0/{package.Id}.dll\": {{}} }} }}"))} }}"));
        var projectFrameworks = string.Join(",\n", frameworks.Select(framework =>
            $$"""
            "{{framework.Name}}": {
              "targetAlias": "{{framework.Name}}",
              "dependencies": { {{string.Join(", ", framework.Requests.Select(request =>
                $"\"{request.Id}\": {{ \"target\": \"Package\", \"version\": \"{request.Version}\"{(request.VersionOverride is null ? "" : $", \"versionOverride\": \"{request.VersionOverride}\"")}{(request.AutoReferenced ? ", \"autoReferenced\": true" : "")} }}"))}} },
              "centralPackageVersions": { {{string.Join(", ", framework.Central.Select(central => $"\"{central.Key}\": \"{central.Value}\""))}} }
            }
            """));
        return $$"""
            {
              "version": 3,
              "targets": { {{targets}} },
              "libraries": {},
              "project": {
                "version": "1.0.0",
                "restore": { "projectName": "Service", "projectStyle": "PackageReference" },
                "frameworks": { {{projectFrameworks}} }
              }
            }
            """;
    }

    /// <summary>A lock file with one section per target, each listing (id, type, requested, resolved).</summary>
    public static string Lock(params (string Target, (string Id, string Resolved)[] Packages)[] sections) => $$"""
        {
          "version": 1,
          "dependencies": {
            {{string.Join(",\n", sections.Select(section => $"\"{section.Target}\": {{ {string.Join(", ", section.Packages.Select(package => $"\"{package.Id}\": {{ \"type\": \"Direct\", \"requested\": \"[{package.Resolved}, )\", \"resolved\": \"{package.Resolved}\", \"contentHash\": \"abc=\" }}"))} }}"))}}
          }
        }
        """;

    public static Framework Net10(params Request[] requests) => new("net10.0", requests);

    public static Request R(string id, string version, string? VersionOverride = null, bool AutoReferenced = false) => new(id, version, VersionOverride, AutoReferenced);

    internal sealed record Request(string Id, string Version, string? VersionOverride = null, bool AutoReferenced = false);

    internal sealed record Framework(string Name, Request[] Requests)
    {
        public (string Id, string Version)[] Resolved { get; init; } = Array.Empty<(string, string)>();

        public Dictionary<string, string> Central { get; init; } = new();
    }
}
