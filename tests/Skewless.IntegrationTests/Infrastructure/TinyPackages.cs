using System.Collections.Concurrent;

namespace Skewless.IntegrationTests.Infrastructure;

/// <summary>
/// Two tiny libraries, <c>SkwTest.Scale</c> and <c>SkwTest.Shift</c>, each packed with <c>dotnet pack</c>
/// at 1.0.0 and 1.1.0 into a local folder feed, so dependency rules can be tested against a real
/// restore with no registry. The versions compute different numbers (Scale multiplies by 2, then by
/// 3), as a library upgrade can. Packed once per run, on first use.
/// </summary>
internal static class TinyPackages
{
    public static readonly string[] Versions = ["1.0.0", "1.1.0"];

    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Feeds = new();

    /// <summary>The folder feed holding both packages at both versions.</summary>
    public static Task<string> FeedAsync(PackedSkewless package) =>
        Feeds.GetOrAdd(package.WorkRoot, _ => new Lazy<Task<string>>(() => PackAsync(package))).Value;

    private static async Task<string> PackAsync(PackedSkewless package)
    {
        var feed = Path.Combine(package.WorkRoot, "tiny-feed");
        Directory.CreateDirectory(feed);
        foreach (var (id, body) in new[] { ("SkwTest.Scale", "x * Factor"), ("SkwTest.Shift", "x + Factor") })
        {
            foreach (var version in Versions)
            {
                var source = Path.Combine(package.WorkRoot, "tiny-src", id, version);
                Directory.CreateDirectory(source);
                var factor = version == "1.0.0" ? "2f" : "3f";
                var name = id["SkwTest.".Length..];
                await File.WriteAllTextAsync(Path.Combine(source, id + ".csproj"), """
                    <Project Sdk="Microsoft.NET.Sdk">
                      <PropertyGroup>
                        <TargetFramework>net10.0</TargetFramework>
                      </PropertyGroup>
                    </Project>
                    """);
                await File.WriteAllTextAsync(Path.Combine(source, name + ".cs"), $$"""
                    namespace SkwTest;

                    public static class {{name}}
                    {
                        private static readonly float Factor = {{factor}};

                        public static float Apply(float x) => {{body}};
                    }
                    """);

                var pack = await Dotnet.RunAsync(
                    source,
                    new Dictionary<string, string?> { ["NUGET_PACKAGES"] = package.PackagesFolder },
                    ConsumerProject.CommandTimeout,
                    "pack", "-c", "Release", "-o", feed, $"-p:Version={version}", "-tl:off", "--disable-build-servers", "-nologo");
                if (!pack.Succeeded)
                {
                    throw new InvalidOperationException($"Packing {id} {version} failed." + Environment.NewLine + pack.Describe());
                }
            }
        }

        return feed;
    }
}
