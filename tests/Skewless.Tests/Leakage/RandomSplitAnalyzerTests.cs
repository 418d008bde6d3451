using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Leakage.Splits;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Leakage;

public sealed class RandomSplitAnalyzerTests
{
    /// <summary>Essays grouped by author, flights with a departure time, and readings with neither; with ML.NET and the generated splits.</summary>
    public const string Rows = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.ML;
        using Skewless;
        using Skewless.ML;

        [DataSource("school.essays")]
        public sealed class Essay
        {
            [GroupKey] public string Author { get; set; } = "";
            public string Text { get; set; } = "";
            [Label] public float Grade { get; set; }
        }

        [DataSource("bts.on_time")]
        public sealed class Flight
        {
            [EventTime] public DateTime Departure { get; set; }
            public float DistanceMiles { get; set; }
            [Label] public float DelayMinutes { get; set; }
        }

        [DataSource("clinic.visits")]
        public sealed class Visit
        {
            [GroupKey] public string Patient { get; set; } = "";
            [EventTime] public DateTime At { get; set; }
            [Label] public float Outcome { get; set; }
        }

        [DataSource("lab.readings")]
        public sealed class Reading
        {
            public float Value { get; set; }
            [Label] public float Outcome { get; set; }
        }

        [FeatureSet(typeof(Essay))]
        public static partial class EssayFeatures
        {
            [Feature] public static float Length(Essay e) => e.Text.Length;
        }

        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static float Distance(Flight f) => f.DistanceMiles;
        }

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        Verify.AnalyzerAsync<RandomSplitAnalyzer>(Verify.Setup.GeneratedWithMachineLearning, [Rows + source], expected);

    /// <summary>A feature set of the visits, which have both a group key and an event time.</summary>
    private const string VisitFeatures = """

        [FeatureSet(typeof(Visit))]
        public static partial class VisitFeatures
        {
            [Feature] public static float Outcome(Visit v) => v.At.Hour;
        }
        """;

    private static DiagnosticResult Grouped(string how, string row = "Essay", string member = "Essay.Author", int location = 0) =>
        GroupedBy($"{how} splits them at random", row, member, location);

    private static DiagnosticResult Timed(string how, string row = "Flight", string member = "Flight.Departure", int location = 0) =>
        TimedBy($"{how} splits them at random", row, member, location);

    private static DiagnosticResult GroupedBy(string how, string row = "Visit", string member = "Visit.Patient", int location = 0) =>
        new DiagnosticResult(Descriptors.RandomGroupSplit).WithLocation(location).WithArguments(row, member, how);

    private static DiagnosticResult TimedBy(string how, string row = "Visit", string member = "Visit.At", int location = 0) =>
        new DiagnosticResult(Descriptors.RandomTimeSplit).WithLocation(location).WithArguments(row, member, how);

    // Must fire.

    [Fact]
    public Task SKW203_fires_on_TrainTestSplit_of_grouped_rows_loaded_into_a_local() => VerifyAsync("""
        public static class Training
        {
            public static void Run(MLContext ml, List<Essay> essays)
            {
                var data = ml.Data.LoadFromEnumerable(essays);
                var split = {|#0:ml.Data.TrainTestSplit(data, testFraction: 0.2)|};
            }
        }
        """, Grouped("TrainTestSplit without a sampling key"));

    [Fact]
    public Task SKW204_fires_on_TrainTestSplit_of_timed_rows_loaded_inline() => VerifyAsync("""
        public static class Training
        {
            public static void Run(MLContext ml, Flight[] flights)
            {
                var split = {|#0:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(flights))|};
            }
        }
        """, Timed("TrainTestSplit without a sampling key"));

    [Fact]
    public Task SKW203_fires_on_CrossValidate_without_a_sampling_key() => VerifyAsync("""
        public static class Training
        {
            public static void Run(MLContext ml, List<Essay> essays)
            {
                var data = ml.Data.LoadFromEnumerable(essays);
                var pipeline = ml.Transforms.Concatenate("Features", "Grade").Append(ml.Regression.Trainers.Sdca("Grade"));
                var folds = {|#0:ml.Regression.CrossValidate(data, pipeline, numberOfFolds: 5, labelColumnName: "Grade")|};
                var splits = {|#1:ml.Data.CrossValidationSplit(data, samplingKeyColumnName: null)|};
            }
        }
        """, Grouped("CrossValidate without a sampling key"), Grouped("CrossValidationSplit without a sampling key", location: 1));

    [Fact]
    public Task SKW204_fires_on_data_that_went_through_a_transform_and_Skewless_ToDataView() => VerifyAsync("""
        public static class Training
        {
            public static void Run(MLContext ml, Flight[] flights)
            {
                var data = ml.Data.LoadFromEnumerable(flights);
                var normalized = ml.Transforms.NormalizeMinMax("DistanceMiles").Fit(data).Transform(data);
                var first = {|#0:ml.Data.TrainTestSplit(normalized)|};

                var features = FlightFeatures.Fit(flights).ToDataView(flights, f => f.DelayMinutes);
                var second = {|#1:ml.Data.TrainTestSplit(features)|};
            }
        }
        """, Timed("TrainTestSplit without a sampling key"), Timed("TrainTestSplit without a sampling key", location: 1));

    [Fact]
    public Task SKW203_fires_on_CrossValidate_of_a_ToDataView_whatever_its_label_type() => VerifyAsync("""
        public static class Training
        {
            public static void Run(MLContext ml, Essay[] essays)
            {
                var fitted = EssayFeatures.Fit(essays);
                var trainer = ml.MulticlassClassification.Trainers.SdcaMaximumEntropy();
                var text = {|#0:ml.MulticlassClassification.CrossValidate(fitted.ToDataView(essays, e => e.Text), trainer, 5)|};
                var keyed = fitted.ToDataView(essays, e => e.Grade, e => e.Author);
                var unused = {|#1:ml.Regression.CrossValidate(keyed, ml.Regression.Trainers.Sdca(), 5)|};
            }
        }
        """, Grouped("CrossValidate without a sampling key"), Grouped("CrossValidate without a sampling key", location: 1));

    [Fact]
    public Task SKW204_fires_once_on_an_OrderBy_Random_shuffle_cut_by_Take_and_Skip() => VerifyAsync("""
        public static class Training
        {
            public static (Flight[] Train, Flight[] Test) Run(IEnumerable<Flight> flights)
            {
                var random = new Random(42);
                var shuffled = {|#0:flights.OrderBy(_ => random.Next())|}.ToArray();
                var cut = shuffled.Length * 8 / 10;
                return (shuffled.Take(cut).ToArray(), shuffled.Skip(cut).ToArray());
            }
        }
        """, Timed("OrderBy on a random key followed by Take/Skip"));

    [Fact]
    public Task SKW203_fires_on_an_OrderBy_Guid_shuffle_and_on_Random_Shuffle() => VerifyAsync("""
        public static class Training
        {
            public static Essay[] ByGuid(List<Essay> essays) => {|#0:essays.OrderBy(_ => Guid.NewGuid())|}.Take(100).ToArray();

            public static Essay[] InPlace(List<Essay> essays)
            {
                var array = essays.ToArray();
                {|#1:Random.Shared.Shuffle(array)|};
                return array.Skip(100).ToArray();
            }
        }
        """, Grouped("OrderBy on a random key followed by Take/Skip"), Grouped("Random.Shuffle followed by Take/Skip", location: 1));

    [Fact]
    public Task SKW203_and_SKW204_both_fire_on_rows_with_a_group_and_a_time() => VerifyAsync("""
        public static class Training
        {
            public static void Run(MLContext ml, Visit[] visits)
            {
                var split = {|#0:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(visits), 0.25)|};
            }
        }
        """,
        Grouped("TrainTestSplit without a sampling key", "Visit", "Visit.Patient"),
        Timed("TrainTestSplit without a sampling key", "Visit", "Visit.At"));

    [Fact]
    public Task SKW203_fires_on_a_split_by_time_alone_of_rows_with_a_group() => VerifyAsync("""
        public static class Training
        {
            public static void Run(Visit[] visits)
            {
                var byShare = {|#0:VisitFeatures.SplitByTime(visits, 0.2)|};
                var (train, test) = {|#1:VisitFeatures.SplitByTime(visits, new DateTime(2001, 3, 1))|};
                var direct = {|#2:DeterministicSplit.ByTime(visits, v => v.At, new DateTime(2001, 3, 1))|};
            }
        }
        """ + VisitFeatures,
        GroupedBy("SplitByTime splits them by time alone"),
        GroupedBy("SplitByTime splits them by time alone", location: 1),
        GroupedBy("ByTime splits them by time alone", location: 2));

    [Fact]
    public Task SKW204_fires_on_a_split_by_group_alone_of_rows_with_a_time() => VerifyAsync("""
        public static class Training
        {
            public static void Run(MLContext ml, Visit[] visits)
            {
                var split = {|#0:VisitFeatures.SplitByGroup(visits, testFraction: 0.2)|};
                var trainView = ml.Data.LoadFromEnumerable(split.Train);
                var direct = {|#1:DeterministicSplit.ByGroup(visits, v => v.Patient, 0.2)|};
            }
        }
        """ + VisitFeatures,
        TimedBy("SplitByGroup splits them by group alone"),
        TimedBy("ByGroup splits them by group alone", location: 1));

    [Fact]
    public Task SKW204_fires_on_TrainTestSplit_with_a_sampling_key_of_timed_rows() => VerifyAsync("""
        public static class Training
        {
            public static void Run(MLContext ml, Visit[] visits)
            {
                var data = ml.Data.LoadFromEnumerable(visits);
                var split = {|#0:ml.Data.TrainTestSplit(data, 0.2, samplingKeyColumnName: nameof(Visit.Patient))|};
            }
        }
        """, TimedBy("TrainTestSplit with a sampling key splits them by group alone"));

    // Must not fire.

    [Fact]
    public Task Is_silent_on_a_split_by_time_and_group() => VerifyAsync("""
        public static class Training
        {
            public static void Run(Visit[] visits)
            {
                var byShare = VisitFeatures.SplitByTimeAndGroup(visits, 0.2);
                var (train, test) = VisitFeatures.SplitByTimeAndGroup(visits, new DateTime(2001, 3, 1), testFraction: 0.2);
                var direct = DeterministicSplit.ByTimeAndGroupFraction(visits, v => v.At, v => v.Patient, 0.2);
            }
        }
        """ + VisitFeatures);

    [Fact]
    public Task Is_silent_on_a_split_along_the_only_axis_the_rows_have() => VerifyAsync("""
        public static class Training
        {
            public static void Run(Flight[] flights, Essay[] essays, Reading[] readings)
            {
                var byTime = DeterministicSplit.ByTimeFraction(flights, f => f.Departure, 0.2);
                var byGroup = DeterministicSplit.ByGroup(essays, e => e.Author, 0.2);
                var byValue = DeterministicSplit.ByGroup(readings, r => r.Value, 0.2);
            }
        }
        """);

    [Fact]
    public Task Is_silent_on_a_method_of_the_same_name_elsewhere() => VerifyAsync("""
        public static class Splitter
        {
            public static Split<Visit> SplitByGroup(Visit[] visits) => new Split<Visit>(visits, visits);
        }

        public static class Training
        {
            public static void Run(Visit[] visits) => Splitter.SplitByGroup(visits);
        }
        """);

    [Fact]
    public Task Is_silent_on_a_split_with_a_sampling_key() => VerifyAsync("""
        public static class Training
        {
            public static void Run(MLContext ml, List<Essay> essays)
            {
                var data = ml.Data.LoadFromEnumerable(essays);
                var split = ml.Data.TrainTestSplit(data, testFraction: 0.2, samplingKeyColumnName: nameof(Essay.Author));
            }
        }
        """);

    [Fact]
    public Task Is_silent_on_CrossValidate_of_a_ToDataView_with_its_group_key_column() => VerifyAsync("""
        public static class Training
        {
            public static void Run(MLContext ml, Essay[] essays)
            {
                var fitted = EssayFeatures.Fit(essays);
                var view = fitted.ToDataView(essays, e => e.Grade, e => e.Author);
                var folds = ml.Regression.CrossValidate(view, ml.Regression.Trainers.Sdca(), 5, samplingKeyColumnName: FeatureColumns.GroupKey);
                var split = ml.Data.TrainTestSplit(fitted.ToDataView(essays.ToList(), e => e.Grade > 3, e => e.Author), 0.2, samplingKeyColumnName: "GroupKey");
            }
        }
        """);

    [Fact]
    public Task Is_silent_on_rows_without_a_group_or_time() => VerifyAsync("""
        public static class Training
        {
            public static void Run(MLContext ml, Reading[] readings)
            {
                var split = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(readings));
                var sample = readings.OrderBy(_ => Random.Shared.Next()).Take(10).ToArray();
            }
        }
        """);

    [Fact]
    public Task Is_silent_on_the_generated_deterministic_splits() => VerifyAsync("""
        public static class Training
        {
            public static void Run(MLContext ml, Flight[] flights, Essay[] essays)
            {
                var (train, test) = FlightFeatures.SplitByTime(flights, new DateTime(2001, 3, 1));
                var byGroup = EssayFeatures.SplitByGroup(essays, 0.2);
                var trainView = ml.Data.LoadFromEnumerable(byGroup.Train);
            }
        }
        """);

    [Fact]
    public Task Is_silent_on_a_deterministic_order_or_a_shuffle_that_is_not_cut() => VerifyAsync("""
        public static class Training
        {
            public static Flight[] Earliest(Flight[] flights) => flights.OrderBy(f => f.Departure).Take(1000).ToArray();

            public static Flight[] InRandomOrder(Flight[] flights) => flights.OrderBy(_ => Random.Shared.Next()).ToArray();

            public static Flight[] First(Flight[] flights) => flights.Take(10).ToArray();
        }
        """);

    [Fact]
    public Task Is_silent_when_the_rows_cannot_be_traced() => VerifyAsync("""
        public static class Training
        {
            public static void Run(MLContext ml, IDataView data)
            {
                var split = ml.Data.TrainTestSplit(data);
            }
        }
        """);
}
