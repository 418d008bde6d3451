using Skewless.Analyzers.Leakage.Splits;
using Skewless.CodeFixes.Leakage;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Leakage;

public sealed class UseDeterministicSplitCodeFixTests
{
    private const string Rows = RandomSplitAnalyzerTests.Rows;

    /// <summary>A feature set of the visits, which have both a group key and an event time.</summary>
    private const string VisitFeatures = """

        [FeatureSet(typeof(Visit))]
        public static partial class VisitFeatures
        {
            [Feature] public static float Hour(Visit v) => v.At.Hour;
        }
        """;

    private static Task VerifyAsync(string source, string fixedSource, int iterations = 1, int? incrementalIterations = null) =>
        Verify.CodeFixAsync<RandomSplitAnalyzer, UseDeterministicSplitCodeFix>(Verify.Setup.GeneratedWithMachineLearning, Rows + source, Rows + fixedSource, iterations, incrementalIterations);

    [Fact]
    public Task Splits_timed_rows_by_time_loads_each_side_and_drops_the_dead_load() => VerifyAsync("""
        public static class Training
        {
            public static void Run(MLContext ml, Flight[] flights)
            {
                var data = ml.Data.LoadFromEnumerable(flights);
                var split = {|SKW204:ml.Data.TrainTestSplit(data, testFraction: 0.2)|};
                var model = ml.Regression.Trainers.Sdca("DelayMinutes", "DistanceMiles").Fit(split.TrainSet);
                var metrics = ml.Regression.Evaluate(model.Transform(split.TestSet), "DelayMinutes");
            }
        }
        """, """
        public static class Training
        {
            public static void Run(MLContext ml, Flight[] flights)
            {
                var split = FlightFeatures.SplitByTime(flights, testFraction: 0.2);
                var model = ml.Regression.Trainers.Sdca("DelayMinutes", "DistanceMiles").Fit(ml.Data.LoadFromEnumerable(split.Train));
                var metrics = ml.Regression.Evaluate(model.Transform(ml.Data.LoadFromEnumerable(split.Test)), "DelayMinutes");
            }
        }
        """);

    [Fact]
    public Task Splits_with_the_feature_set_of_a_referenced_features_library() =>
        Verify.CodeFixAsync<RandomSplitAnalyzer, UseDeterministicSplitCodeFix>(
            new Verify.Setup(false, TestReferences.WithMachineLearning.Add(TestCompilation.FeaturesLibrary(SplitRemedyTests.Essays))),
            """
            using System.Collections.Generic;
            using Microsoft.ML;

            public static class Training
            {
                public static IDataView Run(MLContext ml, List<Essay> essays)
                {
                    var split = {|SKW203:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(essays))|};
                    return split.TestSet;
                }
            }
            """,
            """
            using System.Collections.Generic;
            using Microsoft.ML;

            public static class Training
            {
                public static IDataView Run(MLContext ml, List<Essay> essays)
                {
                    var split = EssayFeatures.SplitByGroup(essays, testFraction: 0.1);
                    return ml.Data.LoadFromEnumerable(split.Test);
                }
            }
            """);

    [Fact]
    public Task Splits_grouped_rows_by_group_with_the_default_fraction() => VerifyAsync("""
        public static class Training
        {
            public static IDataView Run(MLContext ml, List<Essay> essays)
            {
                DataOperationsCatalog.TrainTestData split = {|SKW203:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(essays))|};
                return split.TestSet;
            }
        }
        """, """
        public static class Training
        {
            public static IDataView Run(MLContext ml, List<Essay> essays)
            {
                var split = EssayFeatures.SplitByGroup(essays, testFraction: 0.1);
                return ml.Data.LoadFromEnumerable(split.Test);
            }
        }
        """);

    [Fact]
    public Task Names_the_feature_set_that_gets_a_split_not_a_draft_that_sorts_first() => VerifyAsync("""
        [FeatureSet(typeof(Flight), Name = "Draft")]
        public partial class ADraftOfFlightFeatures
        {
            [Feature] public static float Miles(Flight f) => f.DistanceMiles;
        }

        public static class Training
        {
            public static IDataView Run(MLContext ml, Flight[] flights)
            {
                var split = {|SKW204:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(flights), 0.3)|};
                return split.TrainSet;
            }
        }
        """, """
        [FeatureSet(typeof(Flight), Name = "Draft")]
        public partial class ADraftOfFlightFeatures
        {
            [Feature] public static float Miles(Flight f) => f.DistanceMiles;
        }

        public static class Training
        {
            public static IDataView Run(MLContext ml, Flight[] flights)
            {
                var split = FlightFeatures.SplitByTime(flights, testFraction: 0.3);
                return ml.Data.LoadFromEnumerable(split.Train);
            }
        }
        """);

    [Fact]
    public Task Fixes_every_split_at_once() => VerifyAsync("""
        public static class Training
        {
            public static IDataView January(MLContext ml, Flight[] flights)
            {
                var split = {|SKW204:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(flights), 0.3)|};
                return split.TrainSet;
            }

            public static IDataView February(MLContext ml, Flight[] flights)
            {
                var split = {|SKW204:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(flights), 0.4)|};
                return split.TestSet;
            }
        }
        """, """
        public static class Training
        {
            public static IDataView January(MLContext ml, Flight[] flights)
            {
                var split = FlightFeatures.SplitByTime(flights, testFraction: 0.3);
                return ml.Data.LoadFromEnumerable(split.Train);
            }

            public static IDataView February(MLContext ml, Flight[] flights)
            {
                var split = FlightFeatures.SplitByTime(flights, testFraction: 0.4);
                return ml.Data.LoadFromEnumerable(split.Test);
            }
        }
        """);

    [Fact]
    public Task Keeps_the_load_when_something_else_reads_it() => VerifyAsync("""
        public static class Training
        {
            public static IDataView Run(MLContext ml, Flight[] flights)
            {
                var data = ml.Data.LoadFromEnumerable(flights);
                var split = {|SKW204:ml.Data.TrainTestSplit(data, testFraction: 0.2)|};
                var preview = data.Preview();
                return split.TestSet;
            }
        }
        """, """
        public static class Training
        {
            public static IDataView Run(MLContext ml, Flight[] flights)
            {
                var data = ml.Data.LoadFromEnumerable(flights);
                var split = FlightFeatures.SplitByTime(flights, testFraction: 0.2);
                var preview = data.Preview();
                return ml.Data.LoadFromEnumerable(split.Test);
            }
        }
        """);

    [Fact]
    public Task Splits_rows_with_a_group_and_a_time_by_both_from_either_rule() => VerifyAsync("""
        public static class Training
        {
            public static void Run(MLContext ml, Visit[] visits)
            {
                var data = ml.Data.LoadFromEnumerable(visits);
                var split = {|SKW203:{|SKW204:ml.Data.TrainTestSplit(data, testFraction: 0.2)|}|};
                var model = ml.Regression.Trainers.Sdca("Outcome").Fit(split.TrainSet);
            }
        }
        """ + VisitFeatures, """
        public static class Training
        {
            public static void Run(MLContext ml, Visit[] visits)
            {
                var split = VisitFeatures.SplitByTimeAndGroup(visits, testFraction: 0.2);
                var model = ml.Regression.Trainers.Sdca("Outcome").Fit(ml.Data.LoadFromEnumerable(split.Train));
            }
        }
        """ + VisitFeatures);

    [Fact]
    public Task Fixes_every_split_of_one_load_at_once_and_drops_the_load() => VerifyAsync("""
        public static class Training
        {
            public static void Run(MLContext ml, Visit[] visits)
            {
                var data = ml.Data.LoadFromEnumerable(visits);
                var first = {|SKW203:{|SKW204:ml.Data.TrainTestSplit(data, testFraction: 0.2)|}|};
                var second = {|SKW203:{|SKW204:ml.Data.TrainTestSplit(data, testFraction: 0.3)|}|};
                var model = ml.Regression.Trainers.Sdca("Outcome").Fit(first.TrainSet);
                var other = ml.Regression.Trainers.Sdca("Outcome").Fit(second.TrainSet);
            }
        }
        """ + VisitFeatures, """
        public static class Training
        {
            public static void Run(MLContext ml, Visit[] visits)
            {
                var first = VisitFeatures.SplitByTimeAndGroup(visits, testFraction: 0.2);
                var second = VisitFeatures.SplitByTimeAndGroup(visits, testFraction: 0.3);
                var model = ml.Regression.Trainers.Sdca("Outcome").Fit(ml.Data.LoadFromEnumerable(first.Train));
                var other = ml.Regression.Trainers.Sdca("Outcome").Fit(ml.Data.LoadFromEnumerable(second.Train));
            }
        }
        """ + VisitFeatures, iterations: 1, incrementalIterations: 2);

    [Fact]
    public Task Turns_a_split_along_one_axis_into_one_along_both() => VerifyAsync("""
        public static class Training
        {
            public static Visit[] Run(Visit[] visits)
            {
                var byGroup = {|SKW204:VisitFeatures.SplitByGroup(visits, 0.2)|};
                var byTime = {|SKW203:VisitFeatures.SplitByTime(visits, testFraction: 0.3)|};
                return byGroup.Test.Concat(byTime.Test).ToArray();
            }
        }
        """ + VisitFeatures, """
        public static class Training
        {
            public static Visit[] Run(Visit[] visits)
            {
                var byGroup = VisitFeatures.SplitByTimeAndGroup(visits, 0.2);
                var byTime = VisitFeatures.SplitByTimeAndGroup(visits, testFraction: 0.3);
                return byGroup.Test.Concat(byTime.Test).ToArray();
            }
        }
        """ + VisitFeatures, iterations: 1, incrementalIterations: 2);

    [Fact]
    public Task Turns_folds_along_one_axis_into_folds_along_both() => VerifyAsync("""
        public static class Training
        {
            public static int Run(Visit[] visits)
            {
                var byGroup = {|SKW204:VisitFeatures.FoldsByGroup(visits, 5)|};
                var byTime = {|SKW203:VisitFeatures.FoldsByTime(visits, folds: 3)|};
                return byGroup.Count + byTime.Count;
            }
        }
        """ + VisitFeatures, """
        public static class Training
        {
            public static int Run(Visit[] visits)
            {
                var byGroup = VisitFeatures.FoldsByTimeAndGroup(visits, 5);
                var byTime = VisitFeatures.FoldsByTimeAndGroup(visits, folds: 3);
                return byGroup.Count + byTime.Count;
            }
        }
        """ + VisitFeatures, iterations: 1, incrementalIterations: 2);

    [Fact]
    public Task Offers_nothing_for_a_split_by_a_cutoff_which_says_no_fraction() => NoFixAsync("""
        public static class Training
        {
            public static Split<Visit> Run(Visit[] visits) => {|SKW203:VisitFeatures.SplitByTime(visits, new DateTime(2001, 3, 1))|};
        }
        """ + VisitFeatures);

    [Fact]
    public Task Offers_nothing_when_the_split_is_used_whole() => NoFixAsync("""
        public static class Training
        {
            public static DataOperationsCatalog.TrainTestData Run(MLContext ml, Flight[] flights)
            {
                var split = {|SKW204:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(flights))|};
                return split;
            }
        }
        """);

    [Fact]
    public Task Offers_nothing_when_no_feature_set_of_the_rows_can_split_them() => NoFixAsync("""
        public static class Training
        {
            public static IDataView Run(MLContext ml, Visit[] visits)
            {
                var split = {|SKW203:{|SKW204:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(visits))|}|};
                return split.TestSet;
            }
        }
        """);

    [Fact]
    public Task Offers_nothing_for_a_shuffle_or_a_cross_validation() => NoFixAsync("""
        public static class Training
        {
            public static (Flight[], Flight[]) Shuffled(Flight[] flights)
            {
                var shuffled = {|SKW204:flights.OrderBy(_ => Random.Shared.Next())|}.ToArray();
                return (shuffled.Take(10).ToArray(), shuffled.Skip(10).ToArray());
            }

            public static void Folds(MLContext ml, Flight[] flights)
            {
                var folds = {|SKW204:ml.Data.CrossValidationSplit(ml.Data.LoadFromEnumerable(flights))|};
            }
        }
        """);

    private static Task NoFixAsync(string source) => VerifyAsync(source, source, iterations: 0);
}
