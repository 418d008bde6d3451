using System.Text.RegularExpressions;
using Skewless.IntegrationTests.Infrastructure;
using Xunit;

namespace Skewless.IntegrationTests;

/// <summary>
/// The dependency rules in real builds: consumers of the packed Skewless restore two tiny local
/// packages (<see cref="TinyPackages"/>) with floating, ranged and exact versions, with and without
/// lock files and central package management, and `dotnet build` must print each SKW4xx at the
/// project or props file line that causes it, and no other.
/// </summary>
[Collection(PackedSkewlessCollection.Name)]
public sealed partial class DependencyBuildTests(PackedSkewless package)
{
    private const string Features = """
        using Skewless;
        using SkwTest;

        namespace Shop;

        [DataSource("shop.orders", Owner = "sales", Version = "1")]
        public sealed record Order(float Amount);

        [FeatureSet(typeof(Order), Version = 1)]
        public static partial class OrderFeatures
        {
            [Feature] public static float Scaled(Order o) => Scale.Apply(o.Amount);
        }
        """;

    [Fact]
    public async Task An_application_with_floating_and_ranged_versions_and_no_lock_file_gets_SKW400_SKW401_and_SKW402_at_their_lines()
    {
        var project = $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                {ConsumerProject.PackageReference(package)}
                <PackageReference Include="SkwTest.Scale" Version="1.*" />
                <PackageReference Include="SkwTest.Shift" Version="[1.0.0, 2.0.0)" />
              </ItemGroup>
            </Project>
            """;
        var consumer = await CreateAsync("deps-floating-app", new() { ["Shop.csproj"] = project, ["Features.cs"] = Features, ["Program.cs"] = "Console.WriteLine(Shop.OrderFeatures.Scaled(new(1)));" });

        var build = await consumer.BuildAsync();

        Assert.True(build.Succeeded, build.Describe());
        AssertFired(build, "SKW400", "SKW401", "SKW402");
        AssertAt(build, consumer, "Shop.csproj", project, "SkwTest.Scale", "warning SKW400: PackageReference 'SkwTest.Scale' uses the floating version '1.*'");
        AssertContains(build, "pin it to the version restore resolves today, 1.1.0");
        AssertAt(build, consumer, "Shop.csproj", project, "SkwTest.Shift", "warning SKW401: PackageReference 'SkwTest.Shift' asks for the range '[1.0.0, 2.0.0)'");
        AssertAt(build, consumer, "Shop.csproj", project, "<OutputType>", "warning SKW402: 'Shop.csproj' is an application (OutputType Exe)");
    }

    [Fact]
    public async Task Exact_versions_with_a_lock_file_are_clean_and_CI_without_locked_mode_gets_SKW403()
    {
        var project = $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <RestorePackagesWithLockFile>true</RestorePackagesWithLockFile>
              </PropertyGroup>
              <ItemGroup>
                {ConsumerProject.PackageReference(package)}
                <PackageReference Include="SkwTest.Scale" Version="1.0.0" />
                <PackageReference Include="SkwTest.Shift" Version="[1.1.0]" />
              </ItemGroup>
            </Project>
            """;
        var consumer = await CreateAsync("deps-pinned-app", new() { ["Shop.csproj"] = project, ["Features.cs"] = Features, ["Program.cs"] = "Console.WriteLine(Shop.OrderFeatures.Scaled(new(1)));" });

        var local = await consumer.BuildAsync();
        Assert.True(local.Succeeded, local.Describe());
        Assert.True(File.Exists(Path.Combine(consumer.Directory, "packages.lock.json")), local.Describe());
        AssertFired(local);

        var ci = await consumer.BuildAsync("-p:ContinuousIntegrationBuild=true");
        Assert.True(ci.Succeeded, ci.Describe());
        AssertFired(ci, "SKW403");
        AssertAt(ci, consumer, "Shop.csproj", project, "<RestorePackagesWithLockFile>", "warning SKW403: 'Shop.csproj' has a lock file, but this continuous-integration build restores without RestoreLockedMode");

        var locked = await consumer.BuildAsync("-p:ContinuousIntegrationBuild=true", "-p:RestoreLockedMode=true");
        Assert.True(locked.Succeeded, locked.Describe());
        AssertFired(locked);
    }

    [Fact]
    public async Task Central_package_management_reports_floating_central_versions_in_the_props_file_and_a_ranged_override_from_a_property()
    {
        var props = """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
                <CentralPackageFloatingVersionsEnabled>true</CentralPackageFloatingVersionsEnabled>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="Skewless" Version="$(SkewlessVersion)" />
                <PackageVersion Include="SkwTest.Scale" Version="1.*" />
                <PackageVersion Include="SkwTest.Shift" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """;
        var project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ShiftRange>[1.0.0, 1.5.0)</ShiftRange>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Skewless" />
                <PackageReference Include="SkwTest.Scale" />
                <PackageReference Include="SkwTest.Shift" VersionOverride="$(ShiftRange)" />
              </ItemGroup>
            </Project>
            """;
        var consumer = await CreateAsync("deps-central", new()
        {
            ["Directory.Packages.props"] = props,
            ["Directory.Build.props"] = $"<Project><PropertyGroup><SkewlessVersion>{package.Version}</SkewlessVersion></PropertyGroup></Project>",
            ["Shop.csproj"] = project,
            ["Features.cs"] = Features,
        });

        var build = await consumer.BuildAsync();

        Assert.True(build.Succeeded, build.Describe());
        AssertFired(build, "SKW400", "SKW401");
        AssertAt(build, consumer, "Directory.Packages.props", props, "SkwTest.Scale", "warning SKW400: PackageVersion 'SkwTest.Scale' uses the floating version '1.*'");
        AssertAt(build, consumer, "Shop.csproj", project, "SkwTest.Shift", "warning SKW401: The VersionOverride of 'SkwTest.Shift' asks for the range '[1.0.0, 1.5.0)'");
    }

    [Fact]
    public async Task A_peer_lock_file_that_resolves_a_shared_package_differently_gets_SKW404_naming_both_versions()
    {
        static string Project(string scaleVersion, string extra) => $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <RestorePackagesWithLockFile>true</RestorePackagesWithLockFile>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Skewless" Version="$(SkewlessVersion)" />
                <PackageReference Include="SkwTest.Scale" Version="{scaleVersion}" />
                <PackageReference Include="SkwTest.Shift" Version="1.0.0" />
                {extra}
              </ItemGroup>
            </Project>
            """;
        var training = Project("1.0.0", """<SkewlessPeerLockFile Include="../Serving/packages.lock.json" />""");
        var consumer = await CreateAsync("deps-peers", new()
        {
            ["Directory.Build.props"] = $"<Project><PropertyGroup><SkewlessVersion>{package.Version}</SkewlessVersion></PropertyGroup></Project>",
            ["Serving/Serving.csproj"] = Project("1.1.0", ""),
            ["Training/Training.csproj"] = training,
            ["Training/Features.cs"] = Features,
        });

        var serving = await consumer.BuildAsync("Serving/Serving.csproj");
        Assert.True(serving.Succeeded, serving.Describe());
        var build = await consumer.BuildAsync("Training/Training.csproj");

        Assert.True(build.Succeeded, build.Describe());
        AssertFired(build, "SKW404");
        AssertAt(build, consumer, "Training/Training.csproj", training, "SkwTest.Scale", "warning SKW404: Package 'SkwTest.Scale' resolves to 1.0.0 here but to 1.1.0 in the peer lock file '../Serving/packages.lock.json'");
        Assert.DoesNotContain("'SkwTest.Shift' resolves", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Features_fitted_with_one_library_version_fail_the_build_and_the_load_where_another_is_used()
    {
        // Shop.Features is compiled against SkwTest.Scale 1.0.0; Trainer uses it as is, and fits and saves.
        // Server references Shop.Features too, but asks for SkwTest.Scale 1.1.0 itself.
        var features = """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Skewless" Version="$(SkewlessVersion)" />
                <PackageReference Include="SkwTest.Scale" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """;
        static string App(string extra) => $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <RestorePackagesWithLockFile>true</RestorePackagesWithLockFile>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../Features/Shop.Features.csproj" />
                <PackageReference Include="Skewless" Version="$(SkewlessVersion)" />
                {extra}
              </ItemGroup>
            </Project>
            """;
        var server = App("""<PackageReference Include="SkwTest.Scale" Version="1.1.0" />""");
        const string Program = """
            using Shop;
            using Skewless;

            var path = args[1];
            Order[] orders = [new(1f), new(2f), new(4f)];
            if (args[0] == "train")
            {
                using var file = File.Create(path);
                OrderFeatures.Fit(orders).Save(file);
                Console.WriteLine($"trained: {OrderFeatures.Scaled(new(1f))}");
                return;
            }

            try
            {
                using var file = File.OpenRead(path);
                OrderFeatures.Fitted.Load(file);
                Console.WriteLine("loaded");
            }
            catch (LibraryVersionMismatchException mismatch)
            {
                Console.WriteLine($"refused: {mismatch.Library} {mismatch.ArtifactVersion} -> {mismatch.CurrentVersion}");
                Console.WriteLine($"message: {mismatch.Message}");
            }

            using (var file = File.OpenRead(path))
            {
                var seen = new List<string>();
                OrderFeatures.Fitted.Load(file, new ArtifactLoadOptions { OnLibraryMismatch = mismatch => seen.Add(mismatch.Library) });
                Console.WriteLine($"lenient: {string.Join(",", seen)}; served: {OrderFeatures.Scaled(new(1f))}");
            }
            """;
        var consumer = await CreateAsync("deps-feature-libraries", new()
        {
            ["Directory.Build.props"] = $"<Project><PropertyGroup><SkewlessVersion>{package.Version}</SkewlessVersion></PropertyGroup></Project>",
            ["Features/Shop.Features.csproj"] = features,
            ["Features/Features.cs"] = Features,
            ["Trainer/Trainer.csproj"] = App(""),
            ["Trainer/Program.cs"] = Program,
            ["Server/Server.csproj"] = server,
            ["Server/Program.cs"] = Program,
        });
        var artifact = Path.Combine(consumer.Directory, "orders.artifact.json");

        var trainer = await consumer.BuildAsync("Trainer/Trainer.csproj");
        Assert.True(trainer.Succeeded, trainer.Describe());
        AssertFired(trainer);
        var train = await consumer.RunAsync("Trainer/Trainer.csproj", "train", artifact);
        Assert.True(train.Succeeded, train.Describe());
        Assert.Contains("trained: 2", train.Output, StringComparison.Ordinal);

        var refused = await consumer.BuildAsync("Server/Server.csproj");
        Assert.False(refused.Succeeded, "SKW405 is an error, so the build must fail." + Environment.NewLine + refused.Describe());
        AssertFired(refused, "SKW405");
        AssertAt(refused, consumer, "Server/Server.csproj", server, "SkwTest.Scale", "error SKW405: Feature set 'Shop.OrderFeatures' in 'Shop.Features' was compiled against SkwTest.Scale 1.0.0.0 (1.0.0), but this project compiles against SkwTest.Scale 1.1.0.0 (1.1.0)");

        // Configured down to a warning, as its docs page shows, the server builds; the artifact check then refuses the load at run time.
        await File.WriteAllTextAsync(Path.Combine(consumer.Directory, "Server", ".globalconfig"), "is_global = true\ndotnet_diagnostic.SKW405.severity = warning\n");
        var built = await consumer.BuildAsync("Server/Server.csproj");
        Assert.True(built.Succeeded, built.Describe());
        AssertFired(built, "SKW405");
        var serve = await consumer.RunAsync("Server/Server.csproj", "serve", artifact);
        Assert.True(serve.Succeeded, serve.Describe());
        Assert.Contains("refused: SkwTest.Scale 1.0.0.0 -> 1.1.0.0", serve.Output, StringComparison.Ordinal);
        Assert.Contains("message: Cannot load a Shop.OrderFeatures artifact: it was fitted with SkwTest.Scale 1.0.0.0 (1.0.0), but this process runs the feature code with SkwTest.Scale 1.1.0.0 (1.1.0).", serve.Output, StringComparison.Ordinal);
        // The lenient load goes on, and the same feature code now computes another number.
        Assert.Contains("lenient: SkwTest.Scale; served: 3", serve.Output, StringComparison.Ordinal);
    }

    private async Task<ConsumerProject> CreateAsync(string name, Dictionary<string, string> files) =>
        ConsumerProject.Create(package, name, files, await TinyPackages.FeedAsync(package));

    /// <summary>Exactly these SKW4xx codes appear in the output (each may repeat in the summary).</summary>
    private static void AssertFired(CommandResult build, params string[] expected)
    {
        var fired = DependencyCode().Matches(build.Output).Select(match => match.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.Order(StringComparer.Ordinal).SequenceEqual(fired), $"Expected [{string.Join(", ", expected)}] but the build reported [{string.Join(", ", fired)}].{Environment.NewLine}{build.Describe()}");
    }

    /// <summary>The output has <paramref name="text"/> at the file and line where <paramref name="marker"/> first appears, at its element's '&lt;'.</summary>
    private static void AssertAt(CommandResult build, ConsumerProject consumer, string file, string content, string marker, string text)
    {
        var lines = content.Split('\n');
        var index = Array.FindIndex(lines, line => line.Contains(marker, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{marker}' is not in {file}.");
        var column = lines[index].IndexOf('<', StringComparison.Ordinal) + 1;
        AssertContains(build, $"{Path.Combine(consumer.Directory, file)}({index + 1},{column}): {text}");
    }

    private static void AssertContains(CommandResult command, string expected) =>
        Assert.True(command.Output.Contains(expected, StringComparison.Ordinal), $"The output lacks '{expected}'.{Environment.NewLine}{command.Describe()}");

    [GeneratedRegex(@": (?:warning|error) (SKW4\d\d):")]
    private static partial Regex DependencyCode();
}
