using Microsoft.CodeAnalysis;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Generator;

/// <summary>
/// The generated code finds each library the features call through a typeof of one of its public types; a library
/// reached only through a generic type must get a typeof that compiles.
/// </summary>
public sealed class LibraryTypeOfTests
{
    [Theory]
    [InlineData("p.BodyMass.GetValueOrDefault()", "typeof(global::System.Nullable<>).Assembly")]
    [InlineData("p.BodyMass.HasValue ? p.BodyMass.Value : 0f", "typeof(global::System.Nullable<>).Assembly")]
    [InlineData("Colonies.Keys.Count", "typeof(global::System.Collections.Generic.Dictionary<,>).Assembly")]
    public void A_library_reached_only_through_a_generic_type_gets_a_typeof_that_compiles(string body, string typeOf)
    {
        var source = $$"""
            using System.Collections.Generic;
            using Skewless;

            [DataSource("penguins")]
            public sealed record Penguin(float? BodyMass);

            [FeatureSet(typeof(Penguin))]
            public static partial class PenguinFeatures
            {
                private static readonly Dictionary<string, int> Colonies = new() { ["Biscoe"] = 1 };

                [Feature] public static float Mass(Penguin p) => {{body}};
            }
            """;

        var (output, generatorDiagnostics, result) = TestCompilation.Generate(TestCompilation.Create(source));

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(output.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        Assert.Contains(typeOf, result.GeneratedSources.Single(generated => generated.HintName == "PenguinFeatures.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }
}
