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

    private static DiagnosticResult Grouped(string how, string row = "Essay", string member = "Essay.Author", int location = 0, string? remedy = null) =>
        GroupedBy($"{how} splits them at random", row, member, location, remedy);

    private static DiagnosticResult Timed(string how, string row = "Flight", string member = "Flight.Departure", int location = 0, string? remedy = null) =>
        TimedBy($"{how} splits them at random", row, member, location, remedy);

    private static DiagnosticResult GroupedBy(string how, string row = "Visit", string member = "Visit.Patient", int location = 0, string? remedy = null) =>
        new DiagnosticResult(Descriptors.RandomGroupSplit).WithLocation(location).WithArguments(row, member, how, remedy ?? Remedy(row, "SplitByGroup"));

    private static DiagnosticResult TimedBy(string how, string row = "Visit", string member = "Visit.At", int location = 0, string? remedy = null) =>
        new DiagnosticResult(Descriptors.RandomTimeSplit).WithLocation(location).WithArguments(row, member, how, remedy ?? Remedy(row, "SplitByTime"));

    // The generated split the message names: the rows' feature set has it, and the visits' (in VisitFeatures) honours both axes.
    private static string Remedy(string row, string single) =>
        row == "Visit" ? "split with VisitFeatures.SplitByTimeAndGroup instead" : $"split with {row}Features.{single} instead";

    /// <summary>Cross-validation's remedy is folds, not one split.</summary>
    private const string EssayFolds = "fold with EssayFeatures.FoldsByGroup instead";

    /// <summary>For a view loaded from the essays, ML.NET's own sampling key comes first.</summary>
    private static string KeyFirst(string remedy) => $"pass samplingKeyColumnName: \"Author\", or {remedy}";

    /// <summary>The remedy for visits when no feature set of them is in the test.</summary>
    private const string VisitsWithoutFeatureSet = "split with DeterministicSplit.ByTimeAndGroup(rows, row => row.At, cutoff, row => row.Patient, testFraction) instead";

    /// <summary>Cross-validation's remedy for visits when no feature set of them is in the test.</summary>
    private const string VisitFoldsWithoutFeatureSet = "fold with DeterministicSplit.FoldsByTimeAndGroup(rows, row => row.At, row => row.Patient, folds) instead";

    // A unit test shuffles and cuts rows on purpose and ships no model; the same code outside a test is reported.
    [Fact]
    public Task Is_silent_in_a_unit_test_and_fires_outside_one() => VerifyAsync("""
        namespace Xunit { public sealed class FactAttribute : System.Attribute { } }

        public static class Tests
        {
            [Xunit.Fact]
            public static void Order_does_not_matter(MLContext ml, Essay[] essays)
            {
                var shuffled = essays.OrderBy(_ => Random.Shared.Next()).ToArray();
                var (first, rest) = (shuffled[..10], shuffled[10..]);
                var split = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(essays));
            }

            public static void NotATest(MLContext ml, Essay[] essays)
            {
                var split = {|#0:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(essays))|};
            }
        }
        """, Grouped("TrainTestSplit without a sampling key", remedy: KeyFirst("split with EssayFeatures.SplitByGroup instead")));

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
        """, Grouped("TrainTestSplit without a sampling key", remedy: KeyFirst("split with EssayFeatures.SplitByGroup instead")));

    [Fact]
    public Task SKW204_fires_on_TrainTestSplit_of_timed_rows_loaded_inline() => VerifyAsync("""
        public static class Training
        {
            public static void Run(MLContext ml, Flight[] flights)
            {
                var split = {|#0:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(flights))|};
            }
        }
        """, Timed("TrainTestSplit"));

    [Fact]
    public Task SKW204_names_the_feature_set_that_gets_a_split_not_a_draft_that_sorts_first() => VerifyAsync("""
        [FeatureSet(typeof(Flight), Name = "Draft")]
        public partial class ADraftOfFlightFeatures
        {
            [Feature] public static float Miles(Flight f) => f.DistanceMiles;
        }

        public static class Training
        {
            public static void Run(MLContext ml, Flight[] flights)
            {
                var split = {|#0:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(flights))|};
            }
        }
        """, Timed("TrainTestSplit"));

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
        """, Grouped("CrossValidate without a sampling key", remedy: KeyFirst(EssayFolds)), Grouped("CrossValidationSplit without a sampling key", location: 1, remedy: KeyFirst(EssayFolds)));

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
        """, Timed("TrainTestSplit"), Timed("TrainTestSplit", location: 1));

    // Model Builder's generated ModelBuilder: CreateModel loads the rows and hands them to a private Evaluate, which
    // cross-validates them. A method others may call, or one called twice, is not followed into its callers.
    [Fact]
    public Task SKW203_fires_on_rows_a_private_method_is_handed_by_its_one_caller() => VerifyAsync("""
        public static class ModelBuilder
        {
            private static readonly MLContext mlContext = new MLContext(seed: 1);

            public static void CreateModel(string path)
            {
                IDataView trainingDataView = mlContext.Data.LoadFromTextFile<Essay>(path, hasHeader: true);
                IEstimator<ITransformer> trainingPipeline = mlContext.Regression.Trainers.Sdca("Grade");
                Evaluate(mlContext, trainingDataView, trainingPipeline);
                Shared(mlContext, trainingDataView, trainingPipeline);
                Twice(mlContext, trainingDataView);
                Twice(mlContext, mlContext.Data.LoadFromEnumerable(new Reading[0]));
            }

            private static void Evaluate(MLContext mlContext, IDataView trainingDataView, IEstimator<ITransformer> trainingPipeline)
            {
                var crossValidationResults = {|#0:mlContext.Regression.CrossValidate(trainingDataView, trainingPipeline, numberOfFolds: 5, labelColumnName: "Grade")|};
            }

            public static void Shared(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline) => ml.Regression.CrossValidate(data, pipeline, labelColumnName: "Grade");

            private static void Twice(MLContext ml, IDataView data) => ml.Data.TrainTestSplit(data);
        }
        """, Grouped("CrossValidate without a sampling key", remedy: KeyFirst(EssayFolds)));

    // A view a helper loads from the rows has their columns, so ML.NET's sampling key is the first remedy; a Skewless
    // ToDataView's has only the features and the label, so it is not.
    [Fact]
    public Task SKW203_names_the_sampling_key_first_for_a_view_a_helper_loads() => VerifyAsync("""
        public static class Grading
        {
            public static void Run(MLContext ml, string path, Essay[] essays)
            {
                var split = {|#0:ml.Data.TrainTestSplit(Load(ml, path), testFraction: 0.2)|};
                var features = {|#1:ml.Data.TrainTestSplit(Features(ml, essays), testFraction: 0.2)|};
            }

            private static IDataView Load(MLContext ml, string path) => ml.Data.LoadFromTextFile<Essay>(path, hasHeader: true);

            private static IDataView Features(MLContext ml, Essay[] essays) => EssayFeatures.Fit(essays).ToDataView(essays, e => e.Text);
        }
        """,
        Grouped("TrainTestSplit without a sampling key", remedy: KeyFirst("split with EssayFeatures.SplitByGroup instead")),
        Grouped("TrainTestSplit without a sampling key", location: 1));

    // Round 9's football engine keeps its view in a field the same method fills: a field or property of the object, or a
    // static one, is followed as a local is. One that another method fills is not.
    [Fact]
    public Task SKW203_and_SKW204_fire_on_a_view_held_in_a_field_or_property_the_method_assigns() => VerifyAsync("""
        public sealed class Engine
        {
            private static readonly MLContext Ml = new MLContext(seed: 1);
            private IDataView _dataView = null!;
            private List<Flight> _flights = new();
            private IDataView Essays { get; set; } = null!;
            private DataOperationsCatalog.TrainTestData _split;

            public void Prepare(IEnumerable<Flight> flights, string path)
            {
                _flights = flights.ToList();
                _dataView = Ml.Data.LoadFromEnumerable(_flights);
                _split = {|#0:Ml.Data.TrainTestSplit(_dataView, testFraction: 0.2)|};
                this.Essays = Ml.Data.LoadFromTextFile<Essay>(path, hasHeader: true);
                var essays = {|#1:Ml.Data.TrainTestSplit(this.Essays, testFraction: 0.2)|};
            }

            public void Load(string path) => _dataView = Ml.Data.LoadFromTextFile<Flight>(path, hasHeader: true);

            public void SplitElsewhere() => _split = Ml.Data.TrainTestSplit(_dataView, testFraction: 0.2);
        }
        """,
        Timed("TrainTestSplit"),
        Grouped("TrainTestSplit without a sampling key", location: 1, remedy: KeyFirst("split with EssayFeatures.SplitByGroup instead")));

    // Round 8's sales trainer projects each sale into a type of its own before loading it: its rows are still the
    // sales, one each, in their groups and times. Rows made one per group are not, and a view of them is not reported.
    [Fact]
    public Task SKW203_and_SKW204_fire_on_a_view_of_a_one_to_one_projection_of_the_rows() => VerifyAsync("""
        public sealed class Input
        {
            public float Hour { get; set; }
            public float Outcome { get; set; }
        }

        public static class Training
        {
            public static void Run(MLContext ml, List<Visit> visits)
            {
                var inputs = visits.Where(v => v.Outcome >= 0).Select(v => new Input { Hour = v.At.Hour, Outcome = v.Outcome }).ToList();
                var split = {|#0:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(inputs), testFraction: 0.2)|};

                var perPatient = visits.GroupBy(v => v.Patient).Select(g => new Input { Hour = g.Count(), Outcome = g.Max(v => v.Outcome) });
                var patients = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(perPatient), testFraction: 0.2);
            }
        }
        """,
        GroupedBy("TrainTestSplit without a sampling key splits them at random", remedy: VisitsWithoutFeatureSet),
        TimedBy("TrainTestSplit splits them at random", remedy: VisitsWithoutFeatureSet));

    // Round 17's FLIS trainer projects its rows in one method and hands the list to a private method it calls once, which
    // loads and splits it: the projection is followed into that caller, as a view handed so is. A generic helper's rows
    // are named at the call to it, once, not again in its body.
    [Fact]
    public Task SKW204_fires_on_a_projection_handed_to_a_private_method_that_loads_and_splits_it() => VerifyAsync("""
        public sealed class Input
        {
            public float Distance { get; set; }
            public float Delay { get; set; }
        }

        public sealed class Trainer
        {
            private readonly MLContext _ml = new MLContext(seed: 1);

            public void Train(List<Flight> flights)
            {
                var inputs = flights.Select(f => new Input { Distance = f.DistanceMiles, Delay = f.DelayMinutes }).ToList();
                Evaluate(inputs);
                var split = {|#1:Split(_ml, flights)|};
            }

            private void Evaluate(List<Input> inputs)
            {
                var view = _ml.Data.LoadFromEnumerable(inputs);
                var split = {|#0:_ml.Data.TrainTestSplit(view, testFraction: 0.2)|};
            }

            private static DataOperationsCatalog.TrainTestData Split<TRow>(MLContext ml, List<TRow> rows) where TRow : class =>
                ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(rows), 0.2);
        }
        """,
        Timed("TrainTestSplit"),
        TimedBy("in Trainer.Split(), TrainTestSplit splits them at random", "Flight", "Flight.Departure", location: 1, remedy: Remedy("Flight", "SplitByTime")));

    // A stock lab loads the prices in a private helper; today's Model Builder loads them in a public LoadIDataViewFromFile.
    [Fact]
    public Task SKW204_fires_on_rows_a_method_of_the_file_loads_and_returns() => VerifyAsync("""
        public static class StockModel
        {
            public static void Train(MLContext ml, string path)
            {
                var data = LoadProcessed(ml, path);
                var split = {|#0:ml.Data.TrainTestSplit(data, testFraction: 0.2)|};
                var other = {|#1:ml.Data.TrainTestSplit(LoadIDataViewFromFile(ml, path, ',', true), testFraction: 0.2)|};
            }

            private static IDataView LoadProcessed(MLContext ml, string path)
            {
                var raw = ml.Data.LoadFromTextFile<Flight>(path, hasHeader: true, separatorChar: ',');
                return ml.Data.FilterRowsByColumn(raw, "DistanceMiles", lowerBound: 1);
            }

            public static IDataView LoadIDataViewFromFile(MLContext mlContext, string inputDataFilePath, char separatorChar, bool hasHeader) =>
                mlContext.Data.LoadFromTextFile<Flight>(inputDataFilePath, separatorChar, hasHeader);
        }
        """, Timed("TrainTestSplit"), Timed("TrainTestSplit", location: 1));

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
        """, Grouped("CrossValidate without a sampling key", remedy: EssayFolds), Grouped("CrossValidate without a sampling key", location: 1, remedy: EssayFolds));

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
        """, Timed("OrderBy on a random key cut by Take and Skip"));

    [Fact]
    public Task SKW203_fires_on_an_OrderBy_Guid_shuffle_and_on_Random_Shuffle() => VerifyAsync("""
        public static class Training
        {
            public static (Essay[], Essay[]) ByGuid(List<Essay> essays)
            {
                var shuffled = {|#0:essays.OrderBy(_ => Guid.NewGuid())|}.ToList();
                return (shuffled.Take(100).ToArray(), shuffled.Skip(100).ToArray());
            }

            public static (Essay[], Essay[]) InPlace(List<Essay> essays)
            {
                var array = essays.ToArray();
                {|#1:Random.Shared.Shuffle(array)|};
                return (array.SkipLast(100).ToArray(), array.TakeLast(100).ToArray());
            }
        }
        """, Grouped("OrderBy on a random key cut by Take and Skip"), Grouped("Random.Shuffle cut by SkipLast and TakeLast", location: 1));

    // Before .NET 8 there was no Shuffle to call, so projects write their own Fisher-Yates extension, or take MoreLINQ's.
    [Fact]
    public Task SKW203_fires_on_a_shuffle_of_the_project_s_own_in_place_or_returned() => VerifyAsync("""
        public static class ListExtensions
        {
            public static void Shuffle<T>(this IList<T> list, Random rng)
            {
                for (var i = list.Count - 1; i > 0; i--)
                {
                    var j = rng.Next(i + 1);
                    (list[i], list[j]) = (list[j], list[i]);
                }
            }

            public static IEnumerable<T> Shuffled<T>(this IEnumerable<T> source, int seed)
            {
                var copy = source.ToList();
                copy.Shuffle(new Random(seed));
                return copy;
            }
        }

        public static class Training
        {
            public static (Essay[], Essay[]) InPlace(List<Essay> essays)
            {
                {|#0:essays.Shuffle(new Random(42))|};
                var cut = essays.Count * 4 / 5;
                return (essays.Take(cut).ToArray(), essays.Skip(cut).ToArray());
            }

            public static (Essay[], Essay[]) Returned(Essay[] essays)
            {
                var shuffled = {|#1:essays.Shuffled(seed: 7)|}.ToList();
                return (shuffled.Take(100).ToArray(), shuffled.Skip(100).ToArray());
            }

            // A shuffle with no cut, to train in a fresh order, splits nothing.
            public static List<Essay> Epoch(List<Essay> essays) => essays.Shuffled(seed: 1).ToList();
        }
        """, Grouped("ListExtensions.Shuffle cut by Take and Skip"), Grouped("ListExtensions.Shuffled cut by Take and Skip", location: 1));

    [Fact]
    public Task SKW203_and_SKW204_both_fire_on_rows_with_a_group_and_a_time() => VerifyAsync("""
        public static class Training
        {
            public static void Run(MLContext ml, Visit[] visits)
            {
                var split = {|#0:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(visits), 0.25)|};
                var folds = {|#1:ml.Regression.CrossValidate(ml.Data.LoadFromEnumerable(visits), ml.Regression.Trainers.Sdca(), 5)|};
            }
        }
        """,
        Grouped("TrainTestSplit without a sampling key", "Visit", "Visit.Patient", remedy: VisitsWithoutFeatureSet),
        Timed("TrainTestSplit", "Visit", "Visit.At", remedy: VisitsWithoutFeatureSet),
        Grouped("CrossValidate without a sampling key", "Visit", "Visit.Patient", location: 1, remedy: VisitFoldsWithoutFeatureSet),
        Timed("CrossValidate", "Visit", "Visit.At", location: 1, remedy: VisitFoldsWithoutFeatureSet));

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

    // Folds along one axis are random along the other, as one split is; the folds of both axes, and one-axis folds of
    // rows that have only that axis, are the remedy.
    [Fact]
    public Task SKW203_and_SKW204_fire_on_folds_by_one_axis_of_rows_with_both() => VerifyAsync("""
        public static class Training
        {
            public static void Run(Visit[] visits, Essay[] essays, Flight[] flights)
            {
                var byGroup = {|#0:VisitFeatures.FoldsByGroup(visits, 5)|};
                var byTime = {|#1:VisitFeatures.FoldsByTime(visits, 5)|};
                var direct = {|#2:DeterministicSplit.FoldsByGroup(visits, v => v.Patient, 5)|};
                var both = VisitFeatures.FoldsByTimeAndGroup(visits, 5);
                var essayFolds = EssayFeatures.FoldsByGroup(essays, 5);
                var flightFolds = FlightFeatures.FoldsByTime(flights, 5);
            }
        }
        """ + VisitFeatures,
        TimedBy("FoldsByGroup folds them by group alone", remedy: "fold with VisitFeatures.FoldsByTimeAndGroup instead"),
        GroupedBy("FoldsByTime folds them by time alone", location: 1, remedy: "fold with VisitFeatures.FoldsByTimeAndGroup instead"),
        TimedBy("FoldsByGroup folds them by group alone", location: 2, remedy: "fold with VisitFeatures.FoldsByTimeAndGroup instead"));

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
        """, TimedBy("TrainTestSplit with a sampling key splits them by group alone", remedy: VisitsWithoutFeatureSet));

    // A sampling key keeps the rows sharing its value together: the label's or a feature's, not the group's. A column
    // the method derives (a key made from the group) is not known, and not reported.
    [Fact]
    public Task SKW203_fires_on_a_sampling_key_that_names_another_member_than_the_group_key() => VerifyAsync("""
        public static class Training
        {
            public static void Run(MLContext ml, Essay[] essays)
            {
                var data = ml.Data.LoadFromEnumerable(essays);
                var byLabel = {|#0:ml.Data.TrainTestSplit(data, 0.2, samplingKeyColumnName: nameof(Essay.Grade))|};
                var folds = {|#1:ml.Regression.CrossValidate(data, ml.Regression.Trainers.Sdca("Grade"), 5, samplingKeyColumnName: "Text")|};
                var byAuthor = ml.Data.TrainTestSplit(data, 0.2, samplingKeyColumnName: nameof(Essay.Author));
                var derived = ml.Data.TrainTestSplit(ml.Transforms.Conversion.Hash("AuthorKey", "Author").Fit(data).Transform(data), 0.2, samplingKeyColumnName: "AuthorKey");
            }
        }
        """,
        Grouped("TrainTestSplit with sampling key 'Grade', a column other than the group key's,", remedy: KeyFirst("split with EssayFeatures.SplitByGroup instead")),
        Grouped("CrossValidate with sampling key 'Text', a column other than the group key's,", location: 1, remedy: KeyFirst(EssayFolds)));

    // Round 11: in a view of a projection, the key names the projected member, which stands for the row's member copied
    // into it: the grade as 'Score' is no group key, the author as 'Writer' is.
    [Fact]
    public Task SKW203_fires_on_a_sampling_key_that_names_a_projected_copy_of_another_member_than_the_group_key() => VerifyAsync("""
        public sealed class Graded
        {
            public string Writer { get; set; } = "";
            public float Score { get; set; }
            public float Words { get; set; }
        }

        public static class Training
        {
            public static void Run(MLContext ml, Essay[] essays)
            {
                var data = ml.Data.LoadFromEnumerable(essays.Select(e => new Graded { Writer = e.Author, Score = e.Grade, Words = e.Text.Length }));
                var byScore = {|#0:ml.Data.TrainTestSplit(data, 0.2, samplingKeyColumnName: nameof(Graded.Score))|};
                var byWriter = ml.Data.TrainTestSplit(data, 0.2, samplingKeyColumnName: nameof(Graded.Writer));
            }
        }
        """,
        Grouped("TrainTestSplit with sampling key 'Score', a column other than the group key's,"));

    // Round 12's trading trainer undersamples each class at random, puts the rows back in time order, and cuts that: a
    // split by time. A sample left in its random order and cut is a split at random.
    [Fact]
    public Task SKW204_is_silent_on_a_shuffle_put_back_in_time_order_before_the_cut() => VerifyAsync("""
        public static class Training
        {
            public static (List<Flight>, List<Flight>) Balanced(List<Flight> flights)
            {
                var random = new Random(0);
                var late = flights.Where(f => f.DelayMinutes > 15).OrderBy(f => random.Next()).Take(500).ToList();
                var onTime = flights.Where(f => f.DelayMinutes <= 15).OrderBy(f => random.Next()).Take(500).ToList();
                var balanced = late.Concat(onTime).OrderBy(f => f.Departure).ToList();
                var cut = (int)(balanced.Count * 0.8);
                return (balanced.Take(cut).ToList(), balanced.Skip(cut).ToList());
            }

            public static (List<Flight>, List<Flight>) Sampled(List<Flight> flights)
            {
                var random = new Random(0);
                var sample = {|#0:flights.OrderBy(f => random.Next())|}.Take(100).ToList();
                return (sample.Take(80).ToList(), sample.Skip(80).ToList());
            }
        }
        """, Timed("OrderBy on a random key cut by Take and Skip"));

    [Fact]
    public Task SKW204_fires_on_a_shuffle_cut_into_train_validation_and_test() => VerifyAsync("""
        public static class Training
        {
            public static void Run(Flight[] flights)
            {
                var rng = new Random(7);
                var shuffled = {|#0:flights.OrderBy(_ => rng.Next())|}.ToArray();
                var train = shuffled.Take(800).ToArray();
                var rest = shuffled.Skip(800).ToArray();
                var validation = rest.Take(100).ToArray();
                var test = rest.Skip(100).ToArray();
            }
        }
        """, Timed("OrderBy on a random key cut by Take and Skip"));

    [Fact]
    public Task SKW203_fires_on_a_query_ordered_at_random_cut_by_Take_and_Skip() => VerifyAsync("""
        public static class Training
        {
            public static (Essay[], Essay[]) Run(List<Essay> essays)
            {
                var rng = new Random(7);
                var train = ({|#0:from e in essays orderby rng.Next() select e|}).Take(240).ToArray();
                var test = ({|#1:from e in essays orderby rng.Next() select e|}).Skip(240).ToArray();
                var shuffled = {|#2:from e in essays orderby rng.Next() select e|};
                return (shuffled.Take(240).ToArray(), shuffled.Skip(240).ToArray());
            }
        }
        """,
        Grouped("OrderBy on a random key cut by Take and Skip"),
        Grouped("OrderBy on a random key cut by Take and Skip", location: 1),
        Grouped("OrderBy on a random key cut by Take and Skip", location: 2));

    [Fact]
    public Task SKW204_fires_on_a_shuffle_cut_by_ranges_GetRange_or_AsSpan() => VerifyAsync("""
        public static class Training
        {
            public static void Run(List<Flight> flights)
            {
                var rng = new Random(7);
                var array = {|#0:flights.OrderBy(_ => rng.Next())|}.ToArray();
                var train = array[..240];
                var test = array[240..];

                var list = {|#1:flights.OrderBy(_ => rng.Next())|}.ToList();
                var first = list.GetRange(0, 240);
                var rest = list.GetRange(240, list.Count - 240);

                var spanned = {|#2:flights.OrderBy(_ => rng.NextDouble())|}.ToArray();
                var head = spanned.AsSpan(0, 240).ToArray();
                var tail = spanned.AsSpan(240).ToArray();

                var fromEnd = {|#3:flights.OrderBy(_ => rng.Next())|}.ToArray();
                var older = fromEnd[..^60];
                var newer = fromEnd.Take(^60..);
            }
        }
        """,
        Timed("OrderBy on a random key cut by [..n] and [n..]"),
        Timed("OrderBy on a random key cut by GetRange and GetRange", location: 1),
        Timed("OrderBy on a random key cut by AsSpan and AsSpan", location: 2),
        Timed("OrderBy on a random key cut by [..n] and [n..]", location: 3));

    [Fact]
    public Task SKW204_fires_on_ShuffleRows_cut_by_TakeRows_and_SkipRows() => VerifyAsync("""
        public static class Training
        {
            public static void Run(MLContext ml, Flight[] flights)
            {
                var view = ml.Data.LoadFromEnumerable(flights);
                var shuffled = {|#0:ml.Data.ShuffleRows(view, seed: 3)|};
                var train = ml.Data.TakeRows(shuffled, 240);
                var test = ml.Data.SkipRows(shuffled, 240);
            }
        }
        """, Timed("ShuffleRows cut by TakeRows and SkipRows"));

    [Fact]
    public Task SKW204_fires_on_TrainTestSplit_of_rows_loaded_from_a_text_file() => VerifyAsync("""
        public static class Training
        {
            public static void Run(MLContext ml, string path)
            {
                var data = ml.Data.LoadFromTextFile<Flight>(path, ',', hasHeader: true);
                var split = {|#0:ml.Data.TrainTestSplit(data, 0.2)|};
            }
        }
        """, Timed("TrainTestSplit"));

    // Round 17's maintenance system reads its rows with a text loader. A generic loader's type argument is the row type; a
    // loader given its columns by name, in options, an array or LoadFromTextFile, reads rows of the one data source that
    // has a column of each name (Visit's, Flight's).
    [Fact]
    public Task SKW203_and_SKW204_fire_on_rows_a_text_loader_reads() => VerifyAsync("""
        namespace Loading
        {
            using Microsoft.ML.Data;

            public static class Training
            {
                public static void Run(MLContext ml, string path)
                {
                    var typed = ml.Data.CreateTextLoader<Visit>(separatorChar: ',', hasHeader: true).Load(path);
                    var split = {|#0:ml.Data.TrainTestSplit(typed, testFraction: 0.2)|};

                    var loader = ml.Data.CreateTextLoader(new TextLoader.Options
                    {
                        HasHeader = true,
                        Columns = new[]
                        {
                            new TextLoader.Column("Patient", DataKind.String, 0),
                            new TextLoader.Column("At", DataKind.DateTime, 1),
                            new TextLoader.Column { Name = "Outcome", DataKind = DataKind.Single, Source = new[] { new TextLoader.Range(2) } },
                        },
                    });
                    var data = loader.Load(path);
                    var folds = {|#1:ml.Regression.CrossValidate(data, ml.Regression.Trainers.Sdca("Outcome"))|};

                    var columns = new[] { new TextLoader.Column("DistanceMiles", DataKind.Single, 0), new TextLoader.Column(nameof(Flight.Departure), DataKind.DateTime, 1) };
                    var flights = {|#2:ml.Data.TrainTestSplit(ml.Data.LoadFromTextFile(path, columns, ','), 0.2)|};

                    // Round 17's maintenance readings: the loader names the label's column by the member, which the row
                    // type renames "Label" for the trainer; the code copies it across after loading.
                    var readings = ml.Data.CreateTextLoader(new[] { new TextLoader.Column("Timestamp", DataKind.DateTime, 0), new TextLoader.Column("WillFail", DataKind.Boolean, 1) }).Load(path);
                    var machines = {|#3:ml.Data.TrainTestSplit(readings, 0.2)|};
                }
            }

            [DataSource("plant.readings")]
            public sealed class MachineReading
            {
                [EventTime] public DateTime Timestamp { get; set; }
                [ColumnName("Label"), Label] public bool WillFail { get; set; }
            }
        }
        """,
        TimedBy("TrainTestSplit splits them at random", "MachineReading", "MachineReading.Timestamp", location: 3, remedy: "split with DeterministicSplit.ByTime(rows, row => row.Timestamp, cutoff) instead"),
        GroupedBy("TrainTestSplit without a sampling key splits them at random", remedy: VisitsWithoutFeatureSet),
        TimedBy("TrainTestSplit splits them at random", remedy: VisitsWithoutFeatureSet),
        GroupedBy("CrossValidate without a sampling key splits them at random", location: 1, remedy: VisitFoldsWithoutFeatureSet),
        TimedBy("CrossValidate splits them at random", location: 1, remedy: VisitFoldsWithoutFeatureSet),
        Timed("TrainTestSplit", location: 2));

    [Fact]
    public Task SKW203_and_SKW204_fire_on_a_random_mask_whose_rows_make_the_other_side() => VerifyAsync("""
        public static class Training
        {
            public static void Except(List<Essay> essays)
            {
                var rng = new Random(7);
                var train = {|#0:essays.Where(_ => rng.NextDouble() < 0.8)|}.ToList();
                var test = essays.Except(train).ToList();
            }

            public static void Contains(Flight[] flights)
            {
                var train = {|#1:flights.Where(_ => Random.Shared.NextDouble() < 0.8)|}.ToHashSet();
                var test = flights.Where(f => !train.Contains(f)).ToList();
            }

            public static void Query(Flight[] flights)
            {
                var train = ({|#2:from f in flights where Guid.NewGuid().GetHashCode() % 5 != 0 select f|}).ToList();
                var test = flights.Except(train).ToList();
            }
        }
        """,
        Grouped("Where on a random draw"),
        Timed("Where on a random draw", location: 1),
        Timed("Where on a random draw", location: 2));

    // string.GetHashCode() looks like a stable hash of the row but is seeded afresh in every process: the split differs from run to run.
    [Fact]
    public Task SKW203_and_SKW204_fire_on_a_split_by_a_hash_code_seeded_in_every_process() => VerifyAsync("""
        public static class Training
        {
            public static void ByAuthor(List<Essay> essays)
            {
                var train = {|#0:essays.Where(e => Math.Abs(e.Author.GetHashCode()) % 10 < 8)|}.ToList();
                var test = {|#1:essays.Where(e => Math.Abs(e.Author.GetHashCode()) % 10 >= 8)|}.ToList();
            }

            public static void ByRoute(Flight[] flights)
            {
                var train = {|#2:flights.Where(f => (HashCode.Combine(f.DistanceMiles, f.Departure) & 7) != 0)|}.ToList();
                var test = flights.Except(train).ToList();
            }

            public static void Ordered(List<Essay> essays)
            {
                var ordered = {|#3:essays.OrderBy(e => StringComparer.Ordinal.GetHashCode(e.Text))|}.ToList();
                var (train, test) = (ordered.Take(800).ToList(), ordered.Skip(800).ToList());
            }
        }
        """,
        Grouped("Where on string.GetHashCode(), which .NET seeds afresh in every process,"),
        Grouped("Where on string.GetHashCode(), which .NET seeds afresh in every process,", location: 1),
        Timed("Where on HashCode.Combine(), which .NET seeds afresh in every process,", location: 2),
        Grouped("OrderBy on StringComparer.GetHashCode(), which .NET seeds afresh in every process, cut by Take and Skip", location: 3));

    // A hash that is the same in every run makes a repeatable split, but one by hash, not by time; and by group only when it hashes the key.
    [Fact]
    public Task SKW203_and_SKW204_fire_on_a_split_by_a_stable_hash_that_is_not_of_the_key_or_not_by_time() => VerifyAsync("""
        public static class Training
        {
            public static void Folds(Flight[] flights, int fold)
            {
                var train = {|#0:flights.Where(f => Math.Abs(f.Departure.GetHashCode()) % 5 != fold)|}.ToList();
                var test = {|#1:flights.Where(f => Math.Abs(f.Departure.GetHashCode()) % 5 == fold)|}.ToList();
            }

            public static void ByText(List<Essay> essays)
            {
                var train = {|#2:essays.Where(e => StableHash.Of(e.Text) % 10 < 8)|}.ToList();
                var test = essays.Except(train).ToList();
            }

            public static void ByPatient(Visit[] visits)
            {
                var train = {|#3:visits.Where(v => StableHash.Bucket(v.Patient, 10) < 8)|}.ToList();
                var test = visits.Except(train).ToList();
            }
        }
        """ + VisitFeatures,
        GroupedBy("Where on StableHash.Of() hashes other members than 'Author'", "Essay", "Essay.Author", location: 2),
        TimedBy("Where on DateTime.GetHashCode() splits them by a hash, not by time", "Flight", "Flight.Departure", remedy: Remedy("Flight", "SplitByTime")),
        TimedBy("Where on DateTime.GetHashCode() splits them by a hash, not by time", "Flight", "Flight.Departure", location: 1, remedy: Remedy("Flight", "SplitByTime")),
        TimedBy("Where on StableHash.Bucket() splits them by a hash, not by time", location: 3));

    // A shuffle that is the same in every run (an order by a stable hash) cut in two is a split by hash, as such a mask is.
    [Fact]
    public Task SKW203_and_SKW204_fire_on_an_order_by_a_stable_hash_cut_in_two() => VerifyAsync("""
        public static class Training
        {
            public static void Run(Flight[] flights, List<Essay> essays)
            {
                var ordered = {|#0:flights.OrderBy(f => f.Departure.GetHashCode())|}.ToList();
                var train = ordered.Take(800).ToList();
                var test = ordered.Skip(800).ToList();
                var byText = {|#1:essays.OrderBy(e => StableHash.Of(e.Text))|}.ToArray();
                var (first, rest) = (byText[..100], byText[100..]);
            }
        }
        """,
        GroupedBy("OrderBy on StableHash.Of() cut by [..n] and [n..] hashes other members than 'Author'", "Essay", "Essay.Author", location: 1),
        TimedBy("OrderBy on DateTime.GetHashCode() cut by Take and Skip splits them by a hash, not by time", "Flight", "Flight.Departure", remedy: Remedy("Flight", "SplitByTime")));

    // Every fifth row to test, and the rest to train: neighbouring days, and one author's essays, land on both sides.
    [Fact]
    public Task SKW203_and_SKW204_fire_on_a_split_that_interleaves_rows_by_position() => VerifyAsync("""
        public static class DataUtils
        {
            public static (List<T> Train, List<T> Test) EveryKth<T>(List<T> rows, int k) =>
                (rows.Where((r, i) => i % k != 0).ToList(), rows.Where((r, i) => i % k == 0).ToList());
        }

        public static class Training
        {
            public static void ByDay(List<Flight> flights)
            {
                var test = {|#0:flights.Where((f, i) => i % 5 == 0)|}.ToList();
                var train = {|#1:flights.Where((f, i) => i % 5 != 0)|}.ToList();
            }

            public static void ByVisit(List<Visit> visits)
            {
                var (train, test) = {|#3:DataUtils.EveryKth(visits, 5)|};
            }

            public static void ByAuthor(Essay[] essays)
            {
                var train = {|#2:essays.Where((e, index) => (index + 1) % 10 != 0)|}.ToArray();
                var test = essays.Except(train).ToArray();
            }
        }
        """,
        GroupedBy("Where on (index + 1) % 10 interleaves them by position", "Essay", "Essay.Author", location: 2),
        GroupedBy("in DataUtils.EveryKth(), Where on i % k interleaves them by position", location: 3, remedy: VisitsWithoutFeatureSet),
        TimedBy("Where on i % 5 interleaves them by position", "Flight", "Flight.Departure", remedy: Remedy("Flight", "SplitByTime")),
        TimedBy("Where on i % 5 interleaves them by position", "Flight", "Flight.Departure", location: 1, remedy: Remedy("Flight", "SplitByTime")),
        TimedBy("in DataUtils.EveryKth(), Where on i % k interleaves them by position", location: 3, remedy: VisitsWithoutFeatureSet));

    // The shuffle is in a generic utility, where the rows are a T; the call is where they are known to be essays and flights.
    [Fact]
    public Task SKW203_and_SKW204_fire_on_a_call_to_a_generic_helper_that_splits_at_random() => VerifyAsync("""
        public static class DataUtils
        {
            public static (List<T> Train, List<T> Test) TrainTestSplit<T>(IEnumerable<T> rows, double testFraction)
            {
                var shuffled = rows.OrderBy(_ => Random.Shared.Next()).ToList();
                var test = (int)(shuffled.Count * testFraction);
                return (shuffled.Skip(test).ToList(), shuffled.Take(test).ToList());
            }

            public static DataOperationsCatalog.TrainTestData Split<TRow>(MLContext ml, IEnumerable<TRow> rows) where TRow : class =>
                ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(rows), 0.2);

            public static (T[] Train, T[] Test) Holdout<T>(this T[] rows, int test)
            {
                var copy = rows.ToArray();
                Random.Shared.Shuffle(copy);
                return (copy[test..], copy[..test]);
            }
        }

        public static class Training
        {
            public static void Run(MLContext ml, List<Essay> essays, Flight[] flights, Reading[] readings)
            {
                var (train, test) = {|#0:DataUtils.TrainTestSplit(essays, 0.2)|};
                var byTime = {|#1:DataUtils.TrainTestSplit(flights, 0.2)|};
                var data = {|#2:DataUtils.Split(ml, flights)|};
                var fine = DataUtils.TrainTestSplit(readings, 0.2);
                var holdout = {|#3:flights.Holdout(100)|};
            }
        }
        """,
        Grouped("in DataUtils.TrainTestSplit(), OrderBy on a random key cut by Take and Skip"),
        Timed("in DataUtils.TrainTestSplit(), OrderBy on a random key cut by Take and Skip", location: 1),
        TimedBy("in DataUtils.Split(), TrainTestSplit splits them at random", "Flight", "Flight.Departure", location: 2, remedy: Remedy("Flight", "SplitByTime")),
        Timed("in DataUtils.Holdout(), Random.Shuffle cut by [..n] and [n..]", location: 3));

    // Must not fire.

    // Ordered by a stable hash of the group key and cut (each author on one side but the one at the cut), a sample of
    // the first rows by a hash, and rows with neither axis.
    [Fact]
    public Task Is_silent_on_orders_by_a_stable_hash_that_split_no_group_or_time() => VerifyAsync("""
        public static class Training
        {
            public static void Run(List<Essay> essays, Flight[] flights, Reading[] readings)
            {
                var byAuthor = essays.OrderBy(e => StableHash.Of(e.Author)).ToList();
                var (train, test) = (byAuthor[..100], byAuthor[100..]);
                var sample = flights.OrderBy(f => f.Departure.GetHashCode()).Take(10).ToList();
                var ordered = readings.OrderBy(r => r.Value.GetHashCode()).ToList();
                var (head, tail) = (ordered.Take(5).ToList(), ordered.Skip(5).ToList());
            }
        }
        """);

    // Cut by position once (rows in time order), every hundredth row alone (a sample), rows with neither axis, and a remainder of a value, not of the position.
    [Fact]
    public Task Is_silent_on_positions_that_do_not_interleave_a_split() => VerifyAsync("""
        public static class Training
        {
            public static void Run(List<Flight> flights, Reading[] readings, int cut)
            {
                var ordered = flights.OrderBy(f => f.Departure).ToList();
                var train = ordered.Where((f, i) => i < cut).ToList();
                var test = ordered.Where((f, i) => i >= cut).ToList();
                var sample = flights.Where((f, i) => i % 100 == 0).ToList();
                var odd = readings.Where((r, i) => i % 2 == 1).ToList();
                var even = readings.Where((r, i) => i % 2 == 0).ToList();
                var evenHours = flights.Where((f, i) => f.Departure.Hour % 2 == 0).ToList();
                var oddHours = flights.Where((f, i) => f.Departure.Hour % 2 == 1).ToList();
            }
        }
        """);

    // A stable hash of the group key (here one the project wrote) keeps each author on one side in every run, as SplitByGroup does.
    [Fact]
    public Task Is_silent_on_a_split_by_a_stable_hash_of_the_group_key() => VerifyAsync("""
        public static class Training
        {
            public static void Run(List<Essay> essays, Reading[] readings)
            {
                var train = essays.Where(e => Fnv(e.Author) % 10 < 8).ToList();
                var test = essays.Except(train).ToList();
                var byKey = essays.Where(e => StableHash.Of(e.Author) % 10 < 8).ToList();
                var heldOut = essays.Except(byKey).ToList();
                var noSplitMember = readings.Where(r => r.GetHashCode() % 2 == 0).ToList();
                var others = readings.Except(noSplitMember).ToList();
            }

            private static uint Fnv(string text)
            {
                var hash = 2166136261;
                foreach (var c in text) { hash = (hash ^ c) * 16777619; }
                return hash;
            }
        }
        """);

    // A generic helper that samples, batches or splits in order is no split at random, whatever rows it is called with.
    [Fact]
    public Task Is_silent_on_calls_to_generic_helpers_that_do_not_split_at_random() => VerifyAsync("""
        public static class DataUtils
        {
            public static List<T> Sample<T>(IEnumerable<T> rows, int count) => rows.OrderBy(_ => Random.Shared.Next()).Take(count).ToList();

            public static (List<T> Train, List<T> Test) InOrder<T>(IReadOnlyList<T> rows, double testFraction)
            {
                var test = (int)(rows.Count * testFraction);
                return (rows.Take(rows.Count - test).ToList(), rows.Skip(rows.Count - test).ToList());
            }

            public static List<T> Shuffled<T>(IEnumerable<T> rows) => rows.OrderBy(_ => Random.Shared.Next()).ToList();
        }

        public static class Training
        {
            public static void Run(List<Essay> essays, Flight[] flights)
            {
                var peek = DataUtils.Sample(essays, 5);
                var (train, test) = DataUtils.InOrder(flights.OrderBy(f => f.Departure).ToList(), 0.2);
                var epoch = DataUtils.Shuffled(flights);
            }
        }
        """);

    [Fact]
    public Task Is_silent_on_minibatches_and_a_peek_at_a_shuffled_sample() => VerifyAsync("""
        public static class Training
        {
            public static IEnumerable<Essay[]> Batches(Essay[] train)
            {
                var rng = new Random(7);
                var shuffled = train.OrderBy(_ => rng.Next()).ToArray();
                for (var i = 0; i < shuffled.Length; i += 32)
                {
                    yield return shuffled.Skip(i).Take(32).ToArray();
                }
            }

            public static void Windows(List<Flight> flights)
            {
                var rng = new Random(7);
                var list = flights.OrderBy(_ => rng.Next()).ToList();
                var array = list.ToArray();
                for (var i = 0; i < list.Count; i += 32)
                {
                    var batch = list.GetRange(i, Math.Min(32, list.Count - i));
                    var span = array.AsSpan(i, Math.Min(32, array.Length - i));
                    var slice = array[i..Math.Min(i + 32, array.Length)];
                }

                var pending = flights.OrderBy(_ => rng.Next()).ToList();
                while (pending.Count > 0)
                {
                    var next = pending.Take(32).ToArray();
                    pending = pending.Skip(32).ToList();
                }
            }

            public static Essay[] Peek(List<Essay> essays) => essays.OrderBy(_ => Guid.NewGuid()).Take(5).ToArray();

            public static IEnumerable<Essay[]> PeekThenBatches(List<Essay> essays)
            {
                Console.WriteLine(essays.OrderBy(_ => Guid.NewGuid()).Take(5).Count());
                var shuffled = essays.OrderBy(_ => Random.Shared.Next()).ToArray();
                Console.WriteLine(shuffled.Take(5).Count());
                for (var i = 0; i < shuffled.Length; i += 32)
                {
                    yield return shuffled.Skip(i).Take(32).ToArray();
                }
            }

            public static Flight[] Tail(Flight[] flights) => flights.OrderBy(_ => Random.Shared.Next()).ToArray()[^5..];
        }
        """);

    [Fact]
    public Task Is_silent_on_a_random_sample_and_a_deterministic_filter() => VerifyAsync("""
        public static class Training
        {
            public static List<Essay> Sample(List<Essay> essays) => essays.Where(_ => Random.Shared.NextDouble() < 0.1).ToList();

            public static void Filter(Flight[] flights)
            {
                var rng = new Random(7);
                var sample = flights.Where(_ => rng.NextDouble() < 0.1).ToList();
                var longHaul = flights.Where(f => f.DistanceMiles > 1000).ToList();
                var rest = flights.Except(longHaul).ToList();
            }
        }
        """);

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

    // A loader whose columns are no data source's (a vector of features), are two data sources' (Visit's and Reading's
    // Outcome), or are named by a variable reads rows of no type known: it is not guessed at.
    [Fact]
    public Task Is_silent_on_a_text_loader_whose_columns_name_no_one_data_source() => VerifyAsync("""
        namespace Loading
        {
            using Microsoft.ML.Data;

            public static class Training
            {
                public static void Run(MLContext ml, string path, string name)
                {
                    var vector = ml.Data.CreateTextLoader(new[] { new TextLoader.Column("At", DataKind.DateTime, 0), new TextLoader.Column("Features", DataKind.Single, 1, 9) }).Load(path);
                    var split = ml.Data.TrainTestSplit(vector);
                    var outcomes = ml.Data.LoadFromTextFile(path, new[] { new TextLoader.Column("Outcome", DataKind.Single, 0) });
                    var both = ml.Data.TrainTestSplit(outcomes);
                    var named = ml.Data.LoadFromTextFile(path, new[] { new TextLoader.Column(name, DataKind.String, 0), new TextLoader.Column("At", DataKind.DateTime, 1) });
                    var unknown = ml.Data.TrainTestSplit(named);
                }
            }
        }
        """);

    // A projection handed to a private method called twice, or to a public one, may not be the rows it splits; a
    // projection made one row per group is not the rows' groups and times.
    [Fact]
    public Task Is_silent_on_a_projection_handed_to_a_method_of_other_callers_or_made_per_group() => VerifyAsync("""
        public sealed class Input
        {
            public float Hour { get; set; }
            public float Outcome { get; set; }
        }

        public sealed class Trainer
        {
            private readonly MLContext _ml = new MLContext(seed: 1);

            public void Train(List<Visit> visits)
            {
                var inputs = visits.Select(v => new Input { Hour = v.At.Hour, Outcome = v.Outcome }).ToList();
                Twice(inputs);
                Twice(new List<Input>());
                Shared(inputs);
                PerPatient(visits.GroupBy(v => v.Patient).Select(g => new Input { Hour = g.Count(), Outcome = g.Max(v => v.Outcome) }).ToList());
            }

            private void Twice(List<Input> inputs) => _ml.Data.TrainTestSplit(_ml.Data.LoadFromEnumerable(inputs));

            public void Shared(List<Input> inputs) => _ml.Data.TrainTestSplit(_ml.Data.LoadFromEnumerable(inputs));

            private void PerPatient(List<Input> inputs) => _ml.Data.TrainTestSplit(_ml.Data.LoadFromEnumerable(inputs));
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
