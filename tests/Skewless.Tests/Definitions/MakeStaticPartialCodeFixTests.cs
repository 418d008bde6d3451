using Skewless.Analyzers.Definitions;
using Skewless.CodeFixes.Definitions;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Definitions;

public sealed class MakeStaticPartialCodeFixTests
{
    private const string Flight = TestSources.Flight;

    private static Task VerifyAsync(string source, string fixedSource, int iterations = 1) =>
        Verify.CodeFixAsync<FeatureSetDefinitionAnalyzer, MakeStaticPartialCodeFix>(Flight + source, Flight + fixedSource, iterations);

    [Fact]
    public Task Adds_static_and_partial() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public class {|SKW100:FlightFeatures|}
        {
            [Feature] public static float Distance(Flight f) => f.DistanceMiles;
        }
        """, """
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static float Distance(Flight f) => f.DistanceMiles;
        }
        """);

    [Theory]
    [InlineData("sealed")]
    [InlineData("abstract")]
    public Task Drops_a_modifier_a_static_class_cannot_have(string modifier) => VerifyAsync($$"""
        [FeatureSet(typeof(Flight))]
        internal {{modifier}} class {|SKW100:FlightFeatures|}
        {
            [Feature] public static float Distance(Flight f) => f.DistanceMiles;
        }
        """, """
        [FeatureSet(typeof(Flight))]
        internal static partial class FlightFeatures
        {
            [Feature] public static float Distance(Flight f) => f.DistanceMiles;
        }
        """);

    [Fact]
    public Task Is_not_offered_on_a_class_written_to_be_instantiated()
    {
        const string Source = """
            [FeatureSet(typeof(Flight))]
            public partial class {|SKW100:FlightFeatures|}
            {
                private readonly float _scale;
                public FlightFeatures(float scale) => _scale = scale;
                public float Scaled(Flight f) => f.DistanceMiles * _scale;
                [Feature] public static float Distance(Flight f) => f.DistanceMiles;
            }

            public static class Uses
            {
                public static float Run(Flight f) => new FlightFeatures(2f).Scaled(f);
            }
            """;
        return VerifyAsync(Source, Source, iterations: 0);
    }

    [Fact]
    public Task Is_offered_beside_a_nested_type() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public class {|SKW100:FlightFeatures|}
        {
            public enum Band { Short, Long }
            [Feature] public static Band Length(Flight f) => f.DistanceMiles > 1000 ? Band.Long : Band.Short;
        }
        """, """
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            public enum Band { Short, Long }
            [Feature] public static Band Length(Flight f) => f.DistanceMiles > 1000 ? Band.Long : Band.Short;
        }
        """);

    [Fact]
    public Task Puts_static_before_an_existing_partial() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        internal partial class {|SKW100:FlightFeatures|}
        {
        }
        """, """
        [FeatureSet(typeof(Flight))]
        internal static partial class FlightFeatures
        {
        }
        """);

    [Fact]
    public Task Keeps_the_indentation_of_a_class_without_modifiers() => VerifyAsync("""
        namespace Features
        {
            [FeatureSet(typeof(Flight))]
            class {|SKW100:FlightFeatures|}
            {
            }
        }
        """, """
        namespace Features
        {
            [FeatureSet(typeof(Flight))]
            static partial class FlightFeatures
            {
            }
        }
        """);

    [Fact]
    public Task Makes_containing_types_partial() => VerifyAsync("""
        public class Outer
        {
            [FeatureSet(typeof(Flight))]
            public static class {|SKW100:FlightFeatures|}
            {
            }
        }
        """, """
        public partial class Outer
        {
            [FeatureSet(typeof(Flight))]
            public static partial class FlightFeatures
            {
            }
        }
        """);

    [Fact]
    public Task Fixes_every_feature_set_at_once() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public class {|SKW100:FirstFeatures|}
        {
        }

        [FeatureSet(typeof(Flight))]
        public static class {|SKW100:SecondFeatures|}
        {
        }
        """, """
        [FeatureSet(typeof(Flight))]
        public static partial class FirstFeatures
        {
        }

        [FeatureSet(typeof(Flight))]
        public static partial class SecondFeatures
        {
        }
        """);

    [Fact]
    public Task Offers_nothing_for_a_generic_class() => VerifyAsync(iterations: 0, source: """
        [FeatureSet(typeof(Flight))]
        public static partial class {|SKW100:FlightFeatures|}<T>
        {
        }
        """, fixedSource: """
        [FeatureSet(typeof(Flight))]
        public static partial class {|SKW100:FlightFeatures|}<T>
        {
        }
        """);
}
