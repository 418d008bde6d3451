using Skewless.IntegrationTests.Infrastructure;
using Xunit;

namespace Skewless.IntegrationTests;

/// <summary>
/// Consumer projects that know Skewless only as a package: each restores the packed .nupkg from the
/// local feed, and `dotnet build` runs the generator and analyzers from inside it.
/// </summary>
[Collection(PackedSkewlessCollection.Name)]
public sealed class ConsumerBuildTests(PackedSkewless package)
{
    [Fact]
    public async Task Net10_console_app_trains_saves_loads_and_serves_with_the_generated_code()
    {
        var consumer = ConsumerProject.Create(package, "console-net10", new Dictionary<string, string>
        {
            ["Shop.csproj"] = $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <InvariantGlobalization>true</InvariantGlobalization>
                    <!-- An application pins its whole package graph; without this, SKW402 would warn. -->
                    <RestorePackagesWithLockFile>true</RestorePackagesWithLockFile>
                  </PropertyGroup>
                  <ItemGroup>
                    {ConsumerProject.PackageReference(package)}
                  </ItemGroup>
                </Project>
                """,
            ["Features.cs"] = """
                using Skewless;

                namespace Shop;

                public enum Channel { Web, Store, Phone }

                [DataSource("shop.orders", Owner = "sales", Version = "2024-06")]
                public sealed record Order(float Amount, int Items, Channel Channel);

                [FeatureSet(typeof(Order), Version = 1)]
                public static partial class OrderFeatures
                {
                    [Feature] public static float Amount(Order o) => o.Amount;
                    [Feature] public static bool Bulk(Order o) => o.Items >= 10;
                    [Feature] public static Channel Channel(Order o) => o.Channel;
                }
                """,
            ["Program.cs"] = """
                using Shop;

                Order[] orders = [new(12.5f, 12, Channel.Store), new(3f, 1, Channel.Web)];
                var fitted = OrderFeatures.Fit(orders);
                var matrix = new float[orders.Length * OrderFeatures.Vector.Width];
                fitted.Transform(orders, matrix);

                using var artifact = new MemoryStream();
                fitted.Save(artifact);
                artifact.Position = 0;
                var loaded = OrderFeatures.Fitted.Load(artifact);
                var served = loaded.Transform(new Order(7.25f, 10, Channel.Phone));
                var slots = new float[OrderFeatures.Vector.Width];
                served.CopyTo(slots);

                Console.WriteLine($"schema: {string.Join(", ", OrderFeatures.Schema.Features.Select(f => f.Name))}; width {OrderFeatures.Vector.Width}");
                Console.WriteLine($"batch: {string.Join(" ", matrix)}");
                Console.WriteLine($"loaded: fitted on {loaded.TrainingRows} rows");
                Console.WriteLine($"served: {served.Amount} {served.Bulk} {served.Channel} -> {string.Join(" ", slots)}");
                """,
        });

        var build = await consumer.BuildAsync();
        Assert.True(build.Succeeded, build.Describe());
        AssertNoSkewlessWarnings(build);
        package.AssertConsumersRestoredThisPackage();

        var run = await consumer.RunAsync();
        Assert.True(run.Succeeded, run.Describe());
        Assert.Equal(
            [
                "schema: Amount, Bulk, Channel; width 5",
                // Amount, Bulk as 1/0, Channel one-hot over Web, Store, Phone; one row after the other.
                "batch: 12.5 1 0 1 0 3 0 1 0 0",
                "loaded: fitted on 2 rows",
                "served: 7.25 True Phone -> 7.25 1 0 0 1",
            ],
            Lines(run.Output));
    }

    [Fact]
    public async Task NetStandard2_0_library_at_CSharp_7_3_builds_with_the_generated_code()
    {
        // No LangVersion: netstandard2.0 defaults to C# 7.3, where generated code must not say #nullable.
        var consumer = ConsumerProject.Create(package, "library-netstandard2.0", new Dictionary<string, string>
        {
            ["Legacy.csproj"] = $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>netstandard2.0</TargetFramework>
                    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                    <!-- Moves the generated registry out of the assembly name's namespace, through the package's targets. -->
                    <SkewlessRegistryNamespace>Legacy.Registry</SkewlessRegistryNamespace>
                  </PropertyGroup>
                  <ItemGroup>
                    {ConsumerProject.PackageReference(package)}
                  </ItemGroup>
                </Project>
                """,
            ["Features.cs"] = """
                using Skewless;

                namespace Legacy
                {
                    public enum Tier { Bronze, Silver, Gold }

                    [DataSource("crm.accounts", Owner = "sales", Version = "2024-06")]
                    public sealed class Account
                    {
                        public float Balance { get; set; }
                        public int Logins { get; set; }
                        public Tier Tier { get; set; }
                    }

                    [FeatureSet(typeof(Account), Version = 1)]
                    public static partial class AccountFeatures
                    {
                        [Feature] public static float Balance(Account a) { return a.Balance; }

                        [Feature] public static bool Active(Account a) { return a.Logins > 0; }

                        [Feature] public static Tier Tier(Account a) { return a.Tier; }
                    }

                    public static class Training
                    {
                        // Uses the generated members, so the build fails if the generator did not run.
                        public static float[] Matrix(Account[] accounts)
                        {
                            var matrix = new float[accounts.Length * AccountFeatures.Vector.Width];
                            AccountFeatures.Fit(accounts).Transform(accounts, matrix);
                            return matrix;
                        }

                        public static int Versions() { return Legacy.Registry.FeatureSets.Registry.FeatureSets.Count; }
                    }
                }
                """,
        });

        var build = await consumer.BuildAsync();
        Assert.True(build.Succeeded, build.Describe());
        AssertNoSkewlessWarnings(build);

        var generated = Directory.GetFiles(Path.Combine(consumer.Directory, "obj"), "Legacy.AccountFeatures.g.cs", SearchOption.AllDirectories);
        Assert.True(generated.Length == 1, $"Expected one generated Legacy.AccountFeatures.g.cs under obj/, found {generated.Length}.{Environment.NewLine}{build.Describe()}");
        Assert.DoesNotContain("#nullable", await File.ReadAllTextAsync(generated[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_definitions_fail_the_build_with_the_file_and_line_of_each()
    {
        var consumer = ConsumerProject.Create(package, "broken-definitions", BrokenDefinitions.Files(package));

        var build = await consumer.BuildAsync();

        Assert.True(!build.TimedOut && build.ExitCode != 0, "A build with SKW100 and SKW102 errors must fail." + Environment.NewLine + build.Describe());
        var (line, column) = BrokenDefinitions.PositionOf("public partial class OrderFeatures", "OrderFeatures");
        AssertOutputContains(build, $"Features.cs({line},{column}): error SKW100: ");
        (line, column) = BrokenDefinitions.PositionOf("public static string Coupon", "string");
        AssertOutputContains(build, $"Features.cs({line},{column}): error SKW102: ");
    }

    [Fact]
    public async Task A_leaking_feature_fails_the_build_with_its_file_line_and_the_path_to_the_label()
    {
        var consumer = ConsumerProject.Create(package, "leaking-feature", new Dictionary<string, string>
        {
            ["Shop.csproj"] = ConsoleProject(package),
            ["Features.cs"] = LeakingFeatures.Source,
            ["Program.cs"] = """Console.WriteLine(Shop.OrderFeatures.Amount(new Shop.Order(1f, false)));""",
        });

        var build = await consumer.BuildAsync();

        Assert.True(!build.TimedOut && build.ExitCode != 0, "A build with an SKW200 error must fail." + Environment.NewLine + build.Describe());
        var (line, column) = PositionOf(LeakingFeatures.Source, "public static int WillReturn", "WillReturn");
        AssertOutputContains(build, $"Features.cs({line},{column}): error SKW200: Feature 'WillReturn' depends on label 'Order.Returned' via Returns.Flag(…) → local 'returned'");
        Assert.DoesNotContain("Feature 'Amount'", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compiler_older_than_Roslyn_4_8_gets_a_warning_and_no_analyzers_instead_of_CS8032()
    {
        // The same broken definitions: had the analyzers run, SKW100 and SKW102 would fail this build.
        // CompilerApiVersion is what the compiler's own targets report; setting it plays an old SDK.
        var consumer = ConsumerProject.Create(package, "old-compiler", BrokenDefinitions.Files(package));

        var build = await consumer.BuildAsync("-p:CompilerApiVersion=roslyn4.7");

        Assert.True(build.Succeeded, build.Describe());
        AssertOutputContains(build, "warning SKW001: The Skewless source generator and analyzers need Roslyn 4.8 or later");
        Assert.False(build.Output.Contains("SKW100", StringComparison.Ordinal) || build.Output.Contains("CS8032", StringComparison.Ordinal), "The analyzers still ran." + Environment.NewLine + build.Describe());
    }

    private static void AssertOutputContains(CommandResult command, string expected) =>
        Assert.True(command.Output.Contains(expected, StringComparison.Ordinal), $"The output lacks '{expected}'.{Environment.NewLine}{command.Describe()}");

    private static void AssertNoSkewlessWarnings(CommandResult build)
    {
        var warnings = ConsumerProject.SkewlessWarnings(build.Output);
        Assert.True(warnings.Count == 0, $"The build warned about Skewless:{Environment.NewLine}{string.Join(Environment.NewLine, warnings)}{Environment.NewLine}{Environment.NewLine}{build.Describe()}");
    }

    private static List<string> Lines(string output) =>
        output.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0).ToList();

    /// <summary>The 1-based line and column of <paramref name="token"/> on the line of <paramref name="source"/> that contains <paramref name="lineText"/>.</summary>
    private static (int Line, int Column) PositionOf(string source, string lineText, string token)
    {
        var lines = source.Split('\n');
        var index = Array.FindIndex(lines, line => line.Contains(lineText, StringComparison.Ordinal));
        Assert.True(index >= 0, $"No line with '{lineText}' in the source.");
        return (index + 1, lines[index].IndexOf(lineText, StringComparison.Ordinal) + lineText.IndexOf(token, StringComparison.Ordinal) + 1);
    }

    private static string ConsoleProject(PackedSkewless package) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>
            {ConsumerProject.PackageReference(package)}
          </ItemGroup>
        </Project>
        """;

    /// <summary>A consumer whose feature reads the label two steps away, in a helper's local.</summary>
    private static class LeakingFeatures
    {
        public const string Source = """
            using Skewless;

            namespace Shop;

            [DataSource("shop.orders", Owner = "sales", Version = "2024-06")]
            public sealed record Order(float Amount, [property: Label] bool Returned);

            public static class Returns
            {
                public static int Flag(Order o)
                {
                    var returned = o.Returned;
                    return returned ? 1 : 0;
                }
            }

            [FeatureSet(typeof(Order), Version = 1)]
            public static partial class OrderFeatures
            {
                [Feature] public static float Amount(Order o) => o.Amount;

                [Feature] public static int WillReturn(Order o) => Returns.Flag(o);
            }
            """;
    }

    /// <summary>A consumer with one feature set that is not static (SKW100) and one feature that returns a string (SKW102).</summary>
    private static class BrokenDefinitions
    {
        private const string Features = """
            using Skewless;

            namespace Shop;

            [DataSource("shop.orders", Owner = "sales", Version = "2024-06")]
            public sealed record Order(float Amount, string Coupon);

            [FeatureSet(typeof(Order), Version = 1)]
            public partial class OrderFeatures
            {
                [Feature] public static float Amount(Order o) => o.Amount;
            }

            [FeatureSet(typeof(Order), Version = 1)]
            public static partial class CouponFeatures
            {
                [Feature] public static string Coupon(Order o) => o.Coupon;
            }
            """;

        public static Dictionary<string, string> Files(PackedSkewless package) => new()
        {
            ["Shop.csproj"] = ConsoleProject(package),
            ["Features.cs"] = Features,
            ["Program.cs"] = """Console.WriteLine(Shop.OrderFeatures.Amount(new Shop.Order(1f, "")));""",
        };

        /// <summary>The 1-based line and column of <paramref name="token"/> on the line that contains <paramref name="lineText"/>.</summary>
        public static (int Line, int Column) PositionOf(string lineText, string token) => ConsumerBuildTests.PositionOf(Features, lineText, token);
    }
}
