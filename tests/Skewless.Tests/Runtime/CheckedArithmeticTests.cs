using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Runtime;

/// <summary>
/// A project built with <c>CheckForOverflowUnderflow</c> compiles the generated code checked too. Its missing and odd
/// values (a vocabulary's -1, an undeclared enum value) must still get their defined slots, not an OverflowException.
/// </summary>
public sealed class CheckedArithmeticTests
{
    private const string Source = """
        using System;
        using System.Linq;
        using Skewless;
        using Skewless.Monitoring;

        public enum Color { Red = 1, Green, Blue }
        public enum Size { Small = 1, Large = 10 }

        [DataSource("rows")]
        public sealed class Row
        {
            public string? City { get; set; }
            public Color Color { get; set; }
            public Size Size { get; set; }
        }

        [FeatureSet(typeof(Row))]
        public static partial class RowFeatures
        {
            [Feature, Vocabulary(MaxSize = 4)] public static string City(Row r) => r.City ?? "";
            [Feature, Vocabulary(MaxSize = 4, Encoding = VocabularyEncoding.Index)] public static string CityIndex(Row r) => r.City ?? "";
            [Feature, HashBuckets(8)] public static string CityHash(Row r) => r.City ?? "";
            [Feature] public static Color Color(Row r) => r.Color;
            [Feature] public static Size Size(Row r) => r.Size;
        }

        public static class Probe
        {
            public static float[] Run()
            {
                var training = new[] { new Row { City = "Oslo", Color = Color.Red, Size = Size.Small }, new Row { City = "Rome", Color = Color.Blue, Size = Size.Large } };
                var odd = new[]
                {
                    new Row { City = null, Color = (Color)(-1), Size = (Size)int.MinValue },
                    new Row { City = "", Color = (Color)int.MinValue, Size = (Size)(-1) },
                    new Row { City = "Lima", Color = (Color)int.MaxValue, Size = (Size)5 },
                };
                var fitted = RowFeatures.Fit(training.Concat(odd).ToArray());
                var dense = new float[odd.Length * RowFeatures.Vector.Width];
                fitted.Transform(odd, dense);
                var sparse = new float[odd.Length * RowFeatures.Vector.SparseWidth];
                fitted.Transform(odd, new int[sparse.Length], sparse);
                using var monitor = fitted.Monitor();
                var single = new float[RowFeatures.Vector.Width];
                foreach (var row in odd)
                {
                    fitted.Transform(row, monitor).CopyTo(single);
                }

                return dense.Concat(sparse).Concat(single).ToArray();
            }
        }
        """;

    [Fact]
    public void Odd_values_get_the_same_slots_when_the_project_checks_arithmetic()
    {
        var unchecked_ = Run(overflowChecks: false);
        var @checked = Run(overflowChecks: true);

        Assert.Equal(unchecked_, @checked);
        Assert.Contains(1f, @checked);
    }

    private static float[] Run(bool overflowChecks)
    {
        var compilation = TestCompilation.Create(Source);
        try
        {
            return (float[])GeneratedAssembly.RunProbe(compilation.WithOptions(compilation.Options.WithOverflowChecks(overflowChecks)))!;
        }
        catch (OverflowException overflow)
        {
            throw new Xunit.Sdk.XunitException($"With overflow checks {(overflowChecks ? "on" : "off")}: {overflow}");
        }
    }
}
