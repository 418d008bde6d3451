using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Skewless.Analyzers.Leakage.Dependencies;
using Skewless.Analyzers.Leakage.Evaluation;
using Skewless.Analyzers.Leakage.Preprocessing;
using Skewless.Analyzers.Leakage.Splits;
using Skewless.Tests.Infrastructure;
using Skewless.Tests.Robustness;
using Xunit;

namespace Skewless.Tests.Leakage;

/// <summary>
/// The split, preprocessing and pipeline-column analyzers on ML.NET code as it is being typed: every prefix of the
/// Pitfalls files that split and fit, cut after each token, with ML.NET referenced. The shared
/// half-typed test (<see cref="HalfTypedCodeTests"/>) compiles without ML.NET, so it never reaches
/// these analyzers' ML.NET paths. No AD0001.
/// </summary>
public sealed class HalfTypedSplitCodeTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = [new RandomSplitAnalyzer(), new PreprocessingLeakageAnalyzer(), new PipelineColumnAnalyzer(), new TrainingRowsEvaluationAnalyzer(), new BestFoldModelAnalyzer(), new TestSetSelectionAnalyzer(), new LabelSamplingKeyAnalyzer()];

    [Theory]
    [InlineData("SKW201_NotAtServing.cs")]
    [InlineData("SKW203_GroupSplit.cs")]
    [InlineData("SKW205_PreprocessingLeak.cs")]
    [InlineData("SKW207_BestFoldModel.cs")]
    [InlineData("SKW208_TestSetSelection.cs")]
    [InlineData("SKW209_LabelSamplingKey.cs")]
    public Task Every_prefix_runs_without_exceptions(string file) =>
        NoCrashOnAnyPrefix(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "Pitfalls", file)));

    /// <summary>A pipeline that concatenates a [NotAtServing] column, named with nameof, a string and [ColumnName].</summary>
    [Fact]
    public Task Every_prefix_of_a_pipeline_naming_marked_columns_runs_without_exceptions() => NoCrashOnAnyPrefix("""
        using Microsoft.ML;
        using Microsoft.ML.Data;
        using Skewless;

        [DataSource("nyc.taxi_trips")]
        public sealed class Trip { [NotAtServing("after the trip")] public float Time; [Label, ColumnName("Fare")] public float Amount; public float Miles; }

        public static class Taxi
        {
            public static ITransformer Run(MLContext ml, string path)
            {
                var data = ml.Data.LoadFromTextFile<Trip>(path, hasHeader: true);
                var pipeline = ml.Transforms.Concatenate("Features", new[] { nameof(Trip.Time), "Fare", nameof(Trip.Miles) })
                    .Append(ml.Regression.Trainers.Sdca(labelColumnName: "Fare", featureColumnName: nameof(Trip.Time)));
                return pipeline.Fit(data);
            }
        }
        """);

    /// <summary>A pipeline naming members of a type the project copies a [NotAtServing] member into, in a factory and a constructor.</summary>
    [Fact]
    public Task Every_prefix_of_a_pipeline_naming_copied_members_runs_without_exceptions() => NoCrashOnAnyPrefix("""
        using System.Linq;
        using Microsoft.ML;
        using Skewless;

        [DataSource("prices")]
        public sealed class Price { [NotAtServing("final at the close")] public float High; [Label] public float Close; public float Open; }

        public sealed class Clean
        {
            public Clean() { }
            public Clean(Price p) { this.Spread = p.High - p.Open; }
            public float High; public float Spread; public float Close;
        }

        public static class Stocks
        {
            public static IEstimator<ITransformer> Run(MLContext ml, Price[] prices)
            {
                var data = ml.Data.LoadFromEnumerable(prices.Select(p => new Clean { High = p.High, Close = p.Close }));
                return ml.Transforms.CopyColumns("Label", nameof(Clean.Close)).Append(ml.Transforms.Concatenate("Features", nameof(Clean.High), "Spread"));
            }
        }
        """);

    /// <summary>A percentile read off sorted values by hand, a field-held view, a projection and a class-balanced sample.</summary>
    [Fact]
    public Task Every_prefix_of_hand_written_percentiles_and_samples_runs_without_exceptions() => NoCrashOnAnyPrefix("""
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.ML;
        using Skewless;

        [DataSource("bars")]
        public sealed class Bar { [GroupKey] public string Symbol = ""; public float Rsi; [Label] public bool Up; }

        public sealed class Trainer
        {
            private IDataView _view = null!;

            public void Run(MLContext ml, List<Bar> bars)
            {
                var rsi = bars.Select(b => b.Rsi).OrderBy(r => r).ToArray();
                var cap = rsi[(int)(0.99 * (rsi.Length - 1))];
                var balanced = new List<Bar>();
                balanced.AddRange(bars.Where(b => b.Up).Take(100));
                _view = ml.Data.LoadFromEnumerable(bars.Select(b => new Bar { Rsi = System.Math.Min(b.Rsi, cap), Up = b.Up }));
                var split = ml.Data.TrainTestSplit(_view, 0.2, samplingKeyColumnName: "Rsi");
                var model = ml.BinaryClassification.Trainers.FastTree().Fit(ml.Data.LoadFromEnumerable(balanced));
                ml.BinaryClassification.Evaluate(model.Transform(split.TestSet));
            }
        }
        """);

    /// <summary>A feature list of every column of the schema but some, which SKW200–202 read through a query and a local.</summary>
    [Fact]
    public Task Every_prefix_of_a_feature_list_from_the_schema_runs_without_exceptions() => NoCrashOnAnyPrefix("""
        using System.Linq;
        using Microsoft.ML;
        using Skewless;

        [DataSource("nyc.taxi_trips")]
        public sealed class Trip { [NotAtServing("after the trip")] public float Time; [Label] public float Fare; public float Miles; }

        public static class Taxi
        {
            public static IEstimator<ITransformer> Run(MLContext ml, string path)
            {
                var data = ml.Data.LoadFromTextFile<Trip>(path, hasHeader: true);
                var columns = data.Schema.AsQueryable().Select(c => c.Name).Where(n => n != "Fare" && !new[] { "Id" }.Contains(n)).ToArray();
                return ml.Transforms.Concatenate("Features", columns);
            }
        }
        """);

    /// <summary>A model evaluated on a "test" file loaded from the training file's path, which SKW206 compares, also through local functions.</summary>
    [Fact]
    public Task Every_prefix_of_an_evaluation_on_the_training_file_runs_without_exceptions() => NoCrashOnAnyPrefix("""
        using System.IO;
        using Microsoft.ML;

        public sealed class Sale { public float Price; public float Units; }

        public static class Forecast
        {
            private static readonly string TrainPath = Path.Combine("Data", "Sales.csv");
            private static readonly string TestPath = Path.Combine("Data", "Sales.csv");

            public static double Run(MLContext ml)
            {
                var model = ml.Regression.Trainers.Sdca("Units", "Price").Fit(ml.Data.LoadFromTextFile<Sale>(TrainPath));
                var test = ml.Data.LoadFromTextFile<Sale>(TestPath);
                return ml.Regression.Evaluate(model.Transform(test), "Units").RSquared;
            }

            public static void Main(MLContext ml)
            {
                var model = Train(TrainPath);
                Evaluate(model);

                ITransformer Train(string path) => ml.Regression.Trainers.Sdca("Units", "Price").Fit(ml.Data.LoadFromTextFile<Sale>(path));

                void Evaluate(ITransformer trained) => ml.Regression.Evaluate(trained.Transform(ml.Data.LoadFromTextFile<Sale>(TestPath)), "Units");
            }

            public static void Methods(MLContext ml) => Test(ml, Fitted(ml, TrainPath), TestPath);

            private static ITransformer Fitted(MLContext ml, string path) => ml.Regression.Trainers.Sdca("Units", "Price").Fit(ml.Data.LoadFromTextFile<Sale>(path));

            private static void Test(MLContext ml, ITransformer model, string path) => ml.Regression.Evaluate(model.Transform(ml.Data.LoadFromTextFile<Sale>(path)), "Units");

            private static ITransformer _model = null!;

            public static void Field(MLContext ml, IDataView rows)
            {
                _model = ml.Regression.Trainers.Sdca("Units", "Price").Fit(rows);
                ml.Regression.Evaluate(_model.Transform(rows), "Units");
            }
        }
        """);

    [Fact]
    public Task Every_prefix_of_a_label_copied_from_a_feature_runs_without_exceptions() => NoCrashOnAnyPrefix("""
        using Microsoft.ML;

        public sealed class Treatment { public float Age { get; set; } public float Complexity { get; set; } }

        public static class Durations
        {
            public static IEstimator<ITransformer> Build(MLContext ml) =>
                ml.Transforms.CopyColumns(outputColumnName: "Label", inputColumnName: nameof(Treatment.Complexity))
                    .Append(ml.Transforms.Concatenate("Features", nameof(Treatment.Age), "Complexity"))
                    .Append(ml.Regression.Trainers.Sdca(labelColumnName: "Label"));
        }
        """);

    [Fact]
    public Task Every_prefix_of_a_cross_validation_in_a_private_method_runs_without_exceptions() => NoCrashOnAnyPrefix("""
        using Microsoft.ML;

        public sealed class Essay { public string Author { get; set; } = ""; public float Grade { get; set; } }

        public static class ModelBuilder
        {
            public static void CreateModel(MLContext ml, string path) => Evaluate(ml, ml.Data.LoadFromTextFile<Essay>(path), ml.Regression.Trainers.Sdca("Grade"));

            private static void Evaluate(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline) => ml.Regression.CrossValidate(data, pipeline, labelColumnName: "Grade");

            public static void Helpers(MLContext ml, string path)
            {
                var data = Load(ml, path);
                var prepared = Features(ml).Fit(data).Transform(data);
                var split = ml.Data.TrainTestSplit(prepared, 0.2);
            }

            private static IDataView Load(MLContext ml, string path) => ml.Data.LoadFromTextFile<Essay>(path);

            private static IEstimator<ITransformer> Features(MLContext ml) => ml.Transforms.Concatenate("Features", "Grade");
        }
        """);

    [Fact]
    public Task Every_prefix_of_a_loop_keeping_the_best_fold_runs_without_exceptions() => NoCrashOnAnyPrefix("""
        using Microsoft.ML;

        public static class Folds
        {
            public static ITransformer Best(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline)
            {
                var cv = ml.Regression.CrossValidate(data, pipeline);
                var bestFold = cv[0];
                foreach (var fold in cv)
                {
                    bestFold = fold.Metrics.RSquared > bestFold.Metrics.RSquared ? fold : bestFold;
                }

                return bestFold.Model ?? cv.MaxBy(fold => fold.Metrics.RSquared)!.Model;
            }
        }
        """);

    /// <summary>The evaluate-then-refit shape, whose fits SKW205 follows through reassigned variables and a deployment branch.</summary>
    [Fact]
    public Task Every_prefix_of_a_refit_for_deployment_runs_without_exceptions() => NoCrashOnAnyPrefix("""
        using Microsoft.ML;

        public static class Deployment
        {
            public static ITransformer Run(MLContext ml, IDataView data, bool deploy)
            {
                var pipeline = ml.Transforms.NormalizeMinMax("X").Append(ml.Regression.Trainers.Sdca("Y", "X"));
                var (train, test) = (ml.Data.TrainTestSplit(data, 0.2).TrainSet, ml.Data.TrainTestSplit(data, 0.2).TestSet);
                var model = pipeline.Fit(train);
                var r2 = ml.Regression.Evaluate(model.Transform(test), "Y").RSquared;
                if (deploy)
                {
                    model = pipeline.Fit(data);
                    foreach (var row in ml.Data.CreateEnumerable<object>(test, false)) { _ = row; }
                }

                return model;
            }
        }
        """);

    /// <summary>Estimators that learn nothing, fitted before the split: SKW205 follows the chain and the local to their parts.</summary>
    [Fact]
    public Task Every_prefix_of_a_stateless_chain_fitted_before_the_split_runs_without_exceptions() => NoCrashOnAnyPrefix("""
        using Microsoft.ML;

        public static class Labeling
        {
            public static double Run(MLContext ml, IDataView data)
            {
                IEstimator<ITransformer> labeling = ml.Transforms.Concatenate("F", "X").Append(ml.Transforms.CopyColumns("G", "Y")).AppendCacheCheckpoint(ml);
                var split = ml.Data.TrainTestSplit(labeling.Fit(data).Transform(data), 0.2);
                return ml.Regression.Evaluate(ml.Regression.Trainers.Sdca("G", "F").Fit(split.TrainSet).Transform(split.TestSet), "G").RSquared;
            }
        }
        """);

    /// <summary>The hand-written splits SKW203/204 trace: a query, slices, a random mask, a mask by position and ML.NET's row cuts.</summary>
    [Fact]
    public Task Every_prefix_of_hand_written_random_splits_runs_without_exceptions() => NoCrashOnAnyPrefix("""
        using Microsoft.ML;
        using Skewless;

        public sealed class Essay { [GroupKey] public string Author { get; set; } = ""; }

        public static class Splits
        {
            public static void Run(MLContext ml, List<Essay> essays, string path)
            {
                var rng = new Random(7);
                var array = (from e in essays orderby rng.Next() select e).ToArray();
                var (train, test) = (array[..240], array.AsSpan(240).ToArray());
                var list = essays.OrderBy(_ => Guid.NewGuid()).ToList();
                var rest = list.GetRange(240, list.Count - 240);
                var masked = essays.Where(_ => rng.NextDouble() < 0.8).ToList();
                var others = essays.Except(masked).ToList();
                var view = ml.Data.ShuffleRows(ml.Data.LoadFromTextFile<Essay>(path), seed: 3);
                var head = ml.Data.TakeRows(view, 240);
                var tail = ml.Data.SkipRows(view, 240);
                var every = essays.Where((e, i) => (i + 1) % 5 == 0).ToList();
                var between = essays.Where((e, i) => (i + 1) % 5 != 0).ToList();
            }
        }
        """);

    /// <summary>A generic helper that splits at random and its calls, whose type arguments are inferred from half-typed rows.</summary>
    [Fact]
    public Task Every_prefix_of_a_call_to_a_splitting_helper_runs_without_exceptions() => NoCrashOnAnyPrefix("""
        using Skewless;

        public sealed class Essay { [GroupKey] public string Author { get; set; } = ""; }

        public static class DataUtils
        {
            public static (List<T> Train, List<T> Test) Split<T>(IEnumerable<T> rows, int test)
            {
                var shuffled = rows.Where(row => row!.GetHashCode() % 10 < 8).OrderBy(_ => Random.Shared.Next()).ToList();
                return (shuffled.Skip(test).ToList(), shuffled.Take(test).ToList());
            }

            public static void Run(List<Essay> essays)
            {
                var (train, test) = Split(essays, 240);
                var again = DataUtils.Split<Essay>(essays.Where(e => e.Author.GetHashCode() % 2 == 0), 10);
                var byKey = essays.Where(e => StableHash.Of(e.Author) % 10 < 8).ToList();
                var rest = essays.Except(byKey).ToList();
            }
        }
        """);

    /// <summary>Fits written by hand that SKW205 follows: a scaler's Fit, statistics, a split returned as a tuple; and an order by a stable hash cut in two.</summary>
    [Fact]
    public Task Every_prefix_of_fits_and_splits_written_by_hand_runs_without_exceptions() => NoCrashOnAnyPrefix("""
        using Skewless;

        [DataSource("bts.on_time")]
        public sealed class Flight { [EventTime] public DateTime Departure { get; set; } public float Miles { get; set; } }

        public sealed class Scaler
        {
            private float _mean;
            public void Fit(IEnumerable<float> values) => _mean = values.Average();
            public float Transform(float value) => value - _mean;
        }

        public static class Training
        {
            public static (List<T> Train, List<T> Test) At<T>(List<T> rows, int cut) => (rows.Take(cut).ToList(), rows.Skip(cut).ToList());

            public static float[] Run(List<Flight> flights)
            {
                var scaler = new Scaler();
                scaler.Fit(flights.Select(f => f.Miles));
                var longest = flights.Select(f => f.Miles).ToArray().Max();
                var (train, test) = At(flights.OrderBy(f => StableHash.Of(f.Departure.Ticks.ToString())).ToList(), 100);
                return test.Select(f => scaler.Transform(f.Miles) / longest).ToArray();
            }
        }
        """);

    /// <summary>Target encoding (a label's mean per group, looked up for each row), sums kept in loops and helpers that take a statistic, applied by a local function; held-out rows named by hand, missing values dropped first, counts and each row's group.</summary>
    [Fact]
    public Task Every_prefix_of_target_encoding_sums_kept_in_loops_and_statistics_helpers_runs_without_exceptions() => NoCrashOnAnyPrefix("""
        using Skewless;

        [DataSource("bts.on_time")]
        public sealed class Flight { [EventTime] public DateTime Departure { get; set; } public string Origin { get; set; } = ""; public double? Taxi { get; set; } [Label] public float Delay { get; set; } }

        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures { [Feature] public static float Late(Flight f) => f.Departure.Hour; }

        public sealed class Centre { private readonly double _mean; public Centre(List<Flight> rows) { foreach (var f in rows) _mean += f.Taxi ?? 0; } public double Of(Flight f) => _mean; }

        public static class Training
        {
            public static float Mean(IEnumerable<float> values) => values.Average();

            public static float[] Run(List<Flight> flights)
            {
                double sum = Mean(flights.Select(f => (float)f.Departure.Hour)) + new Centre(flights).Of(flights[0]);
                var sums = new Dictionary<string, float>();
                foreach (var f in flights) { if (f.Taxi is double taxi) sum += taxi; sums[f.Origin] += f.Delay; }
                var byOrigin = flights.GroupBy(f => f.Origin).ToDictionary(g => g.Key, g => g.Count(f => f.Delay > 15) / (float)g.Count());
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                return test.Select(Encode).ToArray();

                float Encode(Flight f) => (float)(f.Taxi ?? sum) + byOrigin[f.Origin] + sums[f.Origin];
            }

            public static double Score(List<Flight> flights, List<Flight> holdout_rows)
            {
                var testFlights = flights.Where(f => f.Departure.Month == 3).ToList();
                var mean = flights.Average(f => f.Departure.Hour);
                var taxi = flights.Where(f => f.Taxi.HasValue && f.Taxi is not null && !double.IsNaN(f.Taxi.Value)).Average(f => f.Taxi!.Value);
                var counted = flights.CountBy(f => f.Origin).ToDictionary();
                var lateness = flights.GroupBy(f => f.Origin).ToDictionary(g => g.Key, g => g.GroupBy(x => x.Delay > 15).OrderByDescending(s => s.Count()).First().Key);
                foreach (var f in testFlights) { counted[f.Origin] += flights.Count(x => x.Origin == f.Origin); }
                return testFlights.Concat(holdout_rows).Sum(f => f.Departure.Hour - mean + (f.Taxi ?? taxi) + counted[f.Origin] + (lateness[f.Origin] ? 1 : 0)
                    + flights.Where(x => x.Origin == f.Origin && x.Origin.Equals(f.Origin)).Average(x => x.Delay) + flights.Count(x => x.Origin == f.Origin && x.Delay > 15));
            }
        }
        """);

    /// <summary>Splits keyed by a label SKW209 reads from the trainers, the evaluation and ML.NET's default, with no [Label].</summary>
    [Fact]
    public Task Every_prefix_of_splits_keyed_by_the_trainers_label_runs_without_exceptions() => NoCrashOnAnyPrefix("""
        using Microsoft.ML;

        public sealed class Trade { public float Gas { get; set; } public bool Profitable { get; set; } }

        public static class Training
        {
            public static double Run(MLContext ml, Trade[] rows, IEstimator<ITransformer> pipeline)
            {
                var split = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(rows), 0.2, samplingKeyColumnName: nameof(Trade.Profitable));
                var model = ml.Transforms.Conversion.MapValueToKey("Label", "Profitable").Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression()).Fit(split.TrainSet);
                var folds = ml.BinaryClassification.CrossValidate(split.TrainSet, pipeline, 5, labelColumnName: "Profitable", samplingKeyColumnName: "Profitable");
                return ml.BinaryClassification.Evaluate(model.Transform(split.TestSet), "Label").Accuracy + folds.Count;
            }
        }
        """);

    private static async Task NoCrashOnAnyPrefix(string text)
    {
        var usings = CSharpSyntaxTree.ParseText(TestCompilation.ImplicitUsings, TestCompilation.ParseOptions);

        var failures = await HalfTypedCodeTests.CrashesOnEveryPrefix(
            text,
            HalfTypedCodeTests.Cuts(text),
            prefix => CSharpCompilation.Create("Typing", [usings, CSharpSyntaxTree.ParseText(prefix, TestCompilation.ParseOptions)], TestReferences.WithMachineLearning, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)),
            Analyzers);

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
    }
}
