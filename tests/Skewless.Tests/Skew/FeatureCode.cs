namespace Skewless.Tests.Skew;

/// <summary>Feature sets that run an expression, directly or through a helper, for rules about what features reach.</summary>
internal static class FeatureCode
{
    /// <summary>A feature of <c>Flight</c> that evaluates <paramref name="expression"/> (over its row <c>f</c>) and returns a value of the row.</summary>
    public static string Using(string expression) => $$"""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static float Distance(Flight f)
            {
                _ = {{expression}};
                return f.DistanceMiles;
            }
        }
        """;

    /// <summary>The same, with <paramref name="expression"/> in a helper of another class that the feature calls.</summary>
    public static string ThroughHelper(string expression) => $$"""
        public static class Helper
        {
            public static object Value(Flight f) => {{expression}};
        }

        {{Using("Helper.Value(f)")}}
        """;
}
