using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Registry;

/// <summary>A feature set the registry cannot name is left out of it, and loading its artifact says why.</summary>
public sealed class UnreachableFeatureSetTests
{
    [Fact]
    public void An_artifact_of_a_feature_set_nested_in_a_private_class_is_refused_with_the_reason()
    {
        var compilation = TestCompilation.Create("""
            using System.IO;
            using Skewless;

            [DataSource("rows")]
            public sealed class Row { public float A { get; set; } }

            public static partial class Probe
            {
                private static partial class Hidden
                {
                    [FeatureSet(typeof(Row), Name = "Hidden")]
                    internal static partial class RowFeatures { [Feature] internal static float A(Row r) => r.A; }
                }

                public static string Run()
                {
                    using var stream = new MemoryStream();
                    Hidden.RowFeatures.Fit(new[] { new Row { A = 1 } }).Save(stream);
                    stream.Position = 0;
                    return Tests.FeatureSets.Load<Row>(stream).Schema.Name;
                }
            }
            """);

        var refused = Assert.Throws<FeatureSetVersionNotFoundException>(() => GeneratedAssembly.RunProbe(compilation));

        Assert.Contains("this program has no feature set named 'Hidden' (it has none)", refused.Message, StringComparison.Ordinal);
        Assert.EndsWith("Left out of the registry, because a class it is nested in is private: Hidden v1 in Probe.Hidden.RowFeatures; make that class internal to load its artifacts here.", refused.Message, StringComparison.Ordinal);
    }
}
