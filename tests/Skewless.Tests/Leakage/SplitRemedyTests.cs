using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Leakage.Splits;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Leakage;

/// <summary>What SKW203 and SKW204 tell the user to split with, when the generated split is not in the project that splits.</summary>
public sealed class SplitRemedyTests
{
    public const string Essays = """
        using Skewless;

        [DataSource("school.essays")]
        public sealed class Essay
        {
            [GroupKey] public string Author { get; set; } = "";
            public string Text { get; set; } = "";
            [Label] public float Grade { get; set; }
        }

        [FeatureSet(typeof(Essay))]
        public static partial class EssayFeatures
        {
            [Feature] public static float Length(Essay e) => e.Text.Length;
        }
        """;

    [Fact]
    public async Task Names_the_split_of_a_feature_set_in_a_referenced_features_library()
    {
        // A team keeps its feature sets in a library: the message must name the split there, not ask for a feature set.
        var training = TestCompilation.ReferencingFeatures(Essays, "Training", """
            using System.Collections.Generic;
            using Microsoft.ML;

            public static class Training
            {
                public static void Run(MLContext ml, List<Essay> essays) => ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(essays));
            }
            """, "Training.cs", TestReferences.WithMachineLearning);

        var diagnostics = await TestCompilation.AnalyzeAsync(training, [new RandomSplitAnalyzer()]);

        var reported = Assert.Single(diagnostics);
        Assert.EndsWith("split with EssayFeatures.SplitByGroup instead", reported.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public Task Names_the_runtime_split_for_an_event_time_no_generated_split_can_compare() => Verify.AnalyzerAsync<RandomSplitAnalyzer>(Verify.Setup.GeneratedWithMachineLearning, ["""
        using System.Collections.Generic;
        using Microsoft.ML;
        using Skewless;

        [DataSource("natality")]
        public sealed class YearlyBirth
        {
            [EventTime] public int Year { get; set; }
            [Label] public float WeightPounds { get; set; }
        }

        [FeatureSet(typeof(YearlyBirth))]
        public static partial class BirthFeatures
        {
            [Feature] public static float Year(YearlyBirth b) => b.Year;
        }

        public static class Training
        {
            public static void Run(MLContext ml, List<YearlyBirth> births)
            {
                var split = {|#0:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(births))|};
            }
        }
        """], new DiagnosticResult(Descriptors.RandomTimeSplit).WithLocation(0)
            .WithArguments("YearlyBirth", "YearlyBirth.Year", "TrainTestSplit splits them at random", "split with DeterministicSplit.ByTime(rows, row => row.Year, cutoff) instead"));
}
