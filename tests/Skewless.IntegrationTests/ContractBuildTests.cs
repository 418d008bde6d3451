using System.Text.Json;
using Skewless.IntegrationTests.Infrastructure;
using Xunit;

namespace Skewless.IntegrationTests;

/// <summary>
/// A consumer whose FeatureSets.Shipped.txt no longer matches its feature set, built from the packed
/// package: `dotnet build` warns with SKW502 at the feature set's file and line, and writes the
/// dependency map to obj/ for other tools.
/// </summary>
[Collection(PackedSkewlessCollection.Name)]
public sealed class ContractBuildTests(PackedSkewless package)
{
    private const string Features = """
        using Skewless;

        namespace Shop;

        [DataSource("shop.orders", Owner = "sales", Version = "2024-06")]
        public sealed record Order(float Amount, int Items, string Coupon);

        [DataSource("shop.customers", Owner = "crm", Version = "3")]
        public sealed record Customer(string Country, int Orders);

        [FeatureSet(typeof(Order), Name = "Orders", Version = 1)]
        public static partial class OrderFeatures
        {
            [Feature] public static float Amount(Order o) => o.Amount;
            [Feature] public static bool Bulk(Order o) => o.Items >= 10;
        }

        [FeatureSet(typeof(Customer), Name = "Customers", Version = 1)]
        public static partial class CustomerFeatures
        {
            [Feature, HashBuckets(8)] public static string Country(Customer c) => c.Country;
        }
        """;

    // Orders v1 as it was recorded before Bulk was added; Customers is not recorded (SKW503, info only).
    private const string Contract = """
        # Skewless feature contract
        Orders v1 0123456789abcdef Shop.OrderFeatures
            Amount Single None 1

        """;

    [Fact]
    public async Task Build_warns_with_SKW502_at_the_feature_set_and_writes_the_dependency_map_to_obj()
    {
        var consumer = ConsumerProject.Create(package, "contract-net10", new Dictionary<string, string>
        {
            ["Shop.csproj"] = $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    {ConsumerProject.PackageReference(package)}
                  </ItemGroup>
                </Project>
                """,
            ["Features.cs"] = Features,
            ["FeatureSets.Shipped.txt"] = Contract,
        });

        var build = await consumer.BuildAsync();

        Assert.True(build.Succeeded, build.Describe());
        var line = Array.FindIndex(Features.Split('\n'), text => text.Contains("class OrderFeatures", StringComparison.Ordinal)) + 1;
        var column = Features.Split('\n')[line - 1].IndexOf("OrderFeatures", StringComparison.Ordinal) + 1;
        var warning = Assert.Single(ConsumerProject.SkewlessWarnings(build.Output));
        Assert.Contains(
            $"Features.cs({line},{column}): warning SKW502: Feature set 'OrderFeatures' no longer matches Orders v1 as recorded in FeatureSets.Shipped.txt (definition 0123456789abcdef recorded, ",
            warning,
            StringComparison.Ordinal);
        Assert.Contains("now: 'Bulk' added), but its Version is still 1", warning, StringComparison.Ordinal);

        var path = Path.Combine(consumer.Directory, "obj", "Debug", "net10.0", "skewless.dependencies.json");
        Assert.True(File.Exists(path), $"No {path}.{Environment.NewLine}{build.Describe()}");
        using var map = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var root = map.RootElement;
        Assert.Equal(("skewless.dependencies", 1), (root.GetProperty("format").GetString(), root.GetProperty("formatVersion").GetInt32()));
        Assert.Equal(
            [
                "shop.customers (crm, 3): Country <- Customers v1 Country; Orders <- nothing",
                "shop.orders (sales, 2024-06): Amount <- Orders v1 Amount; Items <- Orders v1 Bulk; Coupon <- nothing",
            ],
            root.GetProperty("dataSources").EnumerateArray().Select(Describe));
        var orders = root.GetProperty("featureSets").EnumerateArray().Single(featureSet => featureSet.GetProperty("name").GetString() == "Orders");
        Assert.Equal(("Shop.OrderFeatures", "Shop.Order", 1), (orders.GetProperty("class").GetString(), orders.GetProperty("inputType").GetString(), orders.GetProperty("version").GetInt32()));
        Assert.Matches("^[0-9a-f]{16}$", orders.GetProperty("fingerprint").GetString());
        Assert.Equal(["Amount Single None 1 [Amount]", "Bulk Boolean None 1 [Items]"], orders.GetProperty("features").EnumerateArray().Select(feature =>
            $"{feature.GetProperty("name")} {feature.GetProperty("kind")} {feature.GetProperty("transform")} {feature.GetProperty("width")} [{string.Join(", ", feature.GetProperty("reads").EnumerateArray())}]"));
    }

    private static string Describe(JsonElement source)
    {
        var members = source.GetProperty("members").EnumerateArray().Select(member =>
        {
            var readers = member.GetProperty("features").EnumerateArray()
                .Select(feature => $"{feature.GetProperty("featureSet")} v{feature.GetProperty("version")} {feature.GetProperty("feature")}")
                .ToList();
            return $"{member.GetProperty("name")} <- {(readers.Count == 0 ? "nothing" : string.Join(", ", readers))}";
        });
        return $"{source.GetProperty("name")} ({source.GetProperty("owner")}, {source.GetProperty("version")}): {string.Join("; ", members)}";
    }
}
