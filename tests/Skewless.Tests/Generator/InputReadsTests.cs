using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Generator;

/// <summary>The schema lists, for each feature, the input members its code reads, following the code wherever it goes in the compilation.</summary>
public sealed class InputReadsTests
{
    private const string Patient = """
        using System;
        using System.Linq;
        using Skewless;

        [DataSource("ehr.visits", Owner = "clinical-data")]
        public sealed class Visit
        {
            public int Age { get; set; }
            public float Weight { get; set; }
            public float Height { get; set; }
            public string Hospital { get; set; } = "";
            public int[] Readings { get; set; } = Array.Empty<int>();
            [Label] public bool Readmitted { get; set; }
            public float Bmi => Weight / (Height * Height);
        }

        public static class VisitExtensions
        {
            public static bool IsSenior(this Visit v) => v.Age >= 65;
        }

        public static class Generic
        {
            public static T Pick<T>(T value) => value;
        }
        """;

    private static string[] ReadsOf(string feature, string body)
    {
        var model = Parse.FeatureSet(Patient, $$"""
            using System;
            using System.Linq;
            using Skewless;

            [FeatureSet(typeof(Visit))]
            public static partial class VisitFeatures
            {
                [Feature] public static float Age(Visit v) => v.Age;
                {{body}}
                private static float Ratio(float a, float b) => a / b;
                private static float Weight(Visit v) => v.Weight;
            }
            """);
        return model.Features.Single(candidate => candidate.Name == feature).Reads.ToArray();
    }

    [Theory]
    [InlineData("direct", "[Feature] public static float X(Visit v) => v.Weight;", new[] { "Weight" })]
    [InlineData("local", "[Feature] public static float X(Visit v) { var w = v.Weight; return w * 2; }", new[] { "Weight" })]
    [InlineData("helper", "[Feature] public static float X(Visit v) => Ratio(v.Weight, v.Height);", new[] { "Height", "Weight" })]
    [InlineData("helper taking the row", "[Feature] public static float X(Visit v) => Weight(v);", new[] { "Weight" })]
    [InlineData("extension", "[Feature] public static bool X(Visit v) => v.IsSenior();", new[] { "Age" })]
    [InlineData("generic helper", "[Feature] public static float X(Visit v) => Generic.Pick(v).Height;", new[] { "Height" })]
    [InlineData("lambda", "[Feature] public static int X(Visit v) => v.Readings.Count(r => r > v.Age);", new[] { "Age", "Readings" })]
    [InlineData("local function", "[Feature] public static float X(Visit v) { float H() => v.Height; return H(); }", new[] { "Height" })]
    [InlineData("method group", "[Feature] public static float X(Visit v) { Func<Visit, float> f = Weight; return f(v); }", new[] { "Weight" })]
    [InlineData("other feature", "[Feature] public static float X(Visit v) => Age(v) + 1;", new[] { "Age" })]
    [InlineData("computed property", "[Feature] public static float X(Visit v) => v.Bmi;", new[] { "Bmi", "Height", "Weight" })]
    [InlineData("nothing", "[Feature] public static float X(Visit v) => 1;", new string[0])]
    public void Are_followed_through(string through, string body, string[] expected)
    {
        Assert.NotNull(through);
        Assert.Equal(expected, ReadsOf("X", body));
    }
}
