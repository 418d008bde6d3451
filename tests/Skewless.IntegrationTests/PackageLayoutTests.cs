using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Skewless.IntegrationTests.Infrastructure;
using Xunit;

namespace Skewless.IntegrationTests;

/// <summary>What is inside the packed Skewless.nupkg: the files, where they are, and what the nuspec promises.</summary>
[Collection(PackedSkewlessCollection.Name)]
public sealed class PackageLayoutTests(PackedSkewless package)
{
    private static readonly string[] RequiredFiles =
    [
        "lib/netstandard2.0/Skewless.dll",
        "lib/netstandard2.0/Skewless.xml",
        "lib/net10.0/Skewless.dll",
        "lib/net10.0/Skewless.xml",
        "analyzers/dotnet/cs/Skewless.Analyzers.dll",
        "analyzers/dotnet/cs/Skewless.CodeFixes.dll",
        "build/Skewless.props",
        "build/Skewless.targets",
        "buildTransitive/Skewless.props",
        "buildTransitive/Skewless.targets",
        "README.md",
    ];

    [Fact]
    public void Package_is_named_by_id_and_the_repository_version()
    {
        var versionPrefix = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props")).Descendants("VersionPrefix").Single().Value;
        Assert.Equal($"Skewless.{versionPrefix}.nupkg", Path.GetFileName(package.PackagePath));
    }

    [Fact]
    public void Package_holds_the_runtime_per_framework_the_compiler_extension_and_the_build_files()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var files = archive.Entries.Select(entry => entry.FullName).ToHashSet(StringComparer.Ordinal);
        var listing = string.Join(Environment.NewLine, files.Order(StringComparer.Ordinal));

        foreach (var required in RequiredFiles)
        {
            Assert.True(files.Contains(required), $"The package lacks {required}. It holds:{Environment.NewLine}{listing}");
        }

        // The packaging project's own empty assembly, Roslyn, or any other stray assembly must not ride along.
        var assemblies = files.Where(file => file.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal);
        Assert.Equal(RequiredFiles.Where(file => file.EndsWith(".dll", StringComparison.Ordinal)).Order(StringComparer.Ordinal), assemblies);

        // Each lib folder holds the runtime built for that framework, not one build copied twice.
        Assert.Equal(".NETStandard,Version=v2.0", TargetFramework(archive, "lib/netstandard2.0/Skewless.dll"));
        Assert.Equal(".NETCoreApp,Version=v10.0", TargetFramework(archive, "lib/net10.0/Skewless.dll"));
        Assert.Equal(".NETStandard,Version=v2.0", TargetFramework(archive, "analyzers/dotnet/cs/Skewless.Analyzers.dll"));

        // build/ is for direct references and packages.config projects; it only forwards to buildTransitive/.
        foreach (var extension in new[] { "props", "targets" })
        {
            var forwarder = XDocument.Parse(ReadText(archive, $"build/Skewless.{extension}"));
            var imports = forwarder.Root!.Elements().Where(element => element.Name.LocalName == "Import").Select(element => element.Attribute("Project")?.Value).ToList();
            Assert.Equal([$@"..\buildTransitive\Skewless.{extension}"], imports);
        }
    }

    [Fact]
    public void Nuspec_has_the_metadata_and_depends_on_the_runtime_packages_for_netstandard2_0_only()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var nuspec = XDocument.Parse(ReadText(archive, "Skewless.nuspec"));
        var metadata = nuspec.Root!.Elements().Single(element => element.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(element => element.Name.LocalName == name)?.Value;

        Assert.Equal("Skewless", Value("id"));
        Assert.Equal(package.Version, Value("version"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")), "The package needs a description.");
        Assert.False(string.IsNullOrWhiteSpace(Value("tags")), "The package needs tags.");
        Assert.Equal("README.md", Value("readme"));
        var license = metadata.Elements().Single(element => element.Name.LocalName == "license");
        Assert.Equal("expression", license.Attribute("type")?.Value);
        Assert.Equal("MIT", license.Value);
        // The runtime is needed at run time: a development dependency would not flow to consumers' outputs.
        Assert.NotEqual("true", Value("developmentDependency"));

        var groups = metadata.Descendants().Where(element => element.Name.LocalName == "group").ToDictionary(
            group => group.Attribute("targetFramework")!.Value,
            group => group.Elements().Where(element => element.Name.LocalName == "dependency")
                .ToDictionary(dependency => dependency.Attribute("id")!.Value, dependency => dependency.Attribute("version")!.Value));
        var dump = nuspec.ToString();

        Assert.Equal([".NETStandard2.0", "net10.0"], groups.Keys.Order(StringComparer.Ordinal));
        Assert.True(groups["net10.0"].Count == 0, $"net10.0 has everything in the framework, so it needs no dependency:{Environment.NewLine}{dump}");

        // The same versions the runtime project restores, from Directory.Packages.props.
        var versions = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(version => version.Attribute("Include")!.Value, version => version.Attribute("Version")!.Value);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["System.Memory"] = versions["System.Memory"],
                ["System.Text.Json"] = versions["System.Text.Json"],
                ["System.Diagnostics.DiagnosticSource"] = versions["System.Diagnostics.DiagnosticSource"],
                ["Microsoft.Bcl.TimeProvider"] = versions["Microsoft.Bcl.TimeProvider"],
            },
            groups[".NETStandard2.0"]);

        // Skewless.Analyzers and friends are inside this package, and Roslyn comes with the compiler.
        var all = groups.Values.SelectMany(dependencies => dependencies.Keys).ToList();
        Assert.DoesNotContain(all, id => id.StartsWith("Skewless", StringComparison.OrdinalIgnoreCase) || id.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
    }

    private static string ReadText(ZipArchive archive, string path)
    {
        using var reader = new StreamReader(archive.GetEntry(path)!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>The framework in an assembly's <c>[TargetFramework]</c> attribute.</summary>
    private static string? TargetFramework(ZipArchive archive, string path)
    {
        using var buffer = new MemoryStream();
        using (var entry = archive.GetEntry(path)!.Open())
        {
            entry.CopyTo(buffer);
        }

        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        var reader = pe.GetMetadataReader();
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind == HandleKind.MemberReference
                && reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent is { Kind: HandleKind.TypeReference } parent
                && reader.GetString(reader.GetTypeReference((TypeReferenceHandle)parent).Name) == "TargetFrameworkAttribute")
            {
                var value = reader.GetBlobReader(attribute.Value);
                value.ReadUInt16(); // prolog
                return value.ReadSerializedString();
            }
        }

        return null;
    }
}
