using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Leakage.Evaluation;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Leakage;

/// <summary>
/// A model whose only evaluation is on its training rows, as a third-party sales forecaster does: its "test" path is
/// the training file's, so the metrics it prints are training metrics.
/// </summary>
public sealed class TrainingRowsEvaluationAnalyzerTests
{
    private const string Sales = """
        using System;
        using System.IO;
        using System.Linq;
        using Microsoft.ML;
        using Skewless;

        [DataSource("shop.sales")]
        public sealed class Sale
        {
            public float Price { get; set; }
            [Label] public float Units { get; set; }
        }

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        Verify.AnalyzerAsync<TrainingRowsEvaluationAnalyzer>(Verify.Setup.GeneratedWithMachineLearning, [Sales + source], expected);

    private static DiagnosticResult OnTrainingRows(int location, string rows, string how = "") =>
        new DiagnosticResult(Descriptors.TrainingRowsEvaluation).WithLocation(location).WithArguments(rows, how);

    private const string SameFile = ", loaded again from the same file";

    [Fact]
    public Task Fires_on_a_model_evaluated_only_on_its_training_data_or_file() => VerifyAsync("""
        public static class Forecast
        {
            private static readonly string TrainPath = Path.Combine(Environment.CurrentDirectory, "Data", "SalesData.csv");
            private static readonly string TestPath = Path.Combine(Environment.CurrentDirectory, "Data", "SalesData.csv");

            public static double SameData(MLContext ml, Sale[] sales)
            {
                var data = ml.Data.LoadFromEnumerable(sales);
                var model = ml.Regression.Trainers.Sdca("Units", "Price").Fit(data);
                return {|#0:ml.Regression.Evaluate(model.Transform(data), "Units")|}.RSquared;
            }

            public static double SameFields(MLContext ml)
            {
                var training = ml.Data.LoadFromTextFile<Sale>(TrainPath, hasHeader: true, separatorChar: ',');
                var model = ml.Transforms.Concatenate("Features", "Price").Append(ml.Regression.Trainers.FastTree("Units")).Fit(training);
                var test = ml.Data.LoadFromTextFile<Sale>(TestPath, hasHeader: true, separatorChar: ',');
                var predictions = model.Transform(test);
                return {|#1:ml.Regression.Evaluate(predictions, "Units")|}.RSquared;
            }

            public static double SameLiteral(MLContext ml)
            {
                var model = ml.Regression.Trainers.Sdca("Units", "Price").Fit(ml.Data.LoadFromTextFile<Sale>("sales.csv"));
                var path = "sales.csv";
                return {|#2:ml.Regression.Evaluate(model.Transform(ml.Data.LoadFromTextFile<Sale>(path)), "Units")|}.RSquared;
            }

            public static double SameParameter(MLContext ml, string path)
            {
                var model = ml.Regression.Trainers.Sdca("Units", "Price").Fit(ml.Data.LoadFromTextFile<Sale>(path));
                var test = ml.Data.LoadFromTextFile<Sale>(path);
                return {|#4:ml.Regression.Evaluate(model.Transform(test), "Units")|}.RSquared;
            }

            // The forecaster's own shape: one Main whose local functions train on one path and evaluate on another.
            public static void LocalFunctions(MLContext ml)
            {
                string trainDataPath = Path.Combine("Data", "SalesData.csv");
                string testDataPath = Path.Combine("Data", "SalesData.csv");
                var model = Train(trainDataPath);
                Evaluate(model);

                ITransformer Train(string dataPath)
                {
                    var data = ml.Data.LoadFromTextFile<Sale>(dataPath, hasHeader: true, separatorChar: ',');
                    var trained = ml.Regression.Trainers.Sdca("Units", "Price").Fit(data);
                    return trained;
                }

                void Evaluate(ITransformer trained)
                {
                    var test = ml.Data.LoadFromTextFile<Sale>(testDataPath, hasHeader: true, separatorChar: ',');
                    var metrics = {|#5:ml.Regression.Evaluate(trained.Transform(test), "Units")|};
                }
            }

            public static double OneView(MLContext ml)
            {
                var sales = ml.Data.LoadFromTextFile<Sale>("sales.csv");
                var model = ml.Regression.Trainers.Sdca("Units", "Price").Fit(sales);
                return {|#3:ml.Regression.Evaluate(model.Transform(sales), "Units")|}.RSquared;
            }
        }
        """,
        OnTrainingRows(0, "data"),
        OnTrainingRows(1, "test", SameFile),
        OnTrainingRows(2, "ml.Data.LoadFromTextFile<Sale>(path)", SameFile),
        OnTrainingRows(3, "sales"),
        OnTrainingRows(4, "test", SameFile),
        OnTrainingRows(5, "test", SameFile));

    // The shape of most programs that are not one Main: Main calls a private Train and a private Evaluate method.
    [Fact]
    public Task Follows_the_private_methods_of_the_class() => VerifyAsync("""
        public sealed class Program
        {
            private static readonly string TrainPath = Path.Combine("Data", "SalesData.csv");
            private static readonly string TestPath = Path.Combine("Data", "SalesData.csv");

            private static void Main()
            {
                var ml = new MLContext();
                var model = BuildAndTrain(ml, TrainPath);
                Test(ml, model, TestPath);
            }

            public void Run(MLContext ml, Sale[] sales)
            {
                var data = ml.Data.LoadFromEnumerable(sales);
                var model = Train(ml, data);
                Evaluate(ml, model, data);
            }

            private static ITransformer BuildAndTrain(MLContext ml, string path)
            {
                var data = ml.Data.LoadFromTextFile<Sale>(path, hasHeader: true, separatorChar: ',');
                return ml.Regression.Trainers.Sdca("Units", "Price").Fit(data);
            }

            private static void Test(MLContext ml, ITransformer model, string path)
            {
                var test = ml.Data.LoadFromTextFile<Sale>(path, hasHeader: true, separatorChar: ',');
                Console.WriteLine({|#0:ml.Regression.Evaluate(model.Transform(test), "Units")|}.RSquared);
            }

            private static ITransformer Train(MLContext ml, IDataView rows) => ml.Regression.Trainers.Sdca("Units", "Price").Fit(rows);

            private static void Evaluate(MLContext ml, ITransformer model, IDataView rows) =>
                Console.WriteLine({|#1:ml.Regression.Evaluate(model.Transform(rows), "Units")|}.RSquared);
        }

        // A fraud service's shape: the model kept in a field, assigned once, or loaded in the constructor and trained again.
        public sealed class FraudService
        {
            private readonly MLContext _ml = new MLContext(seed: 42);
            private ITransformer _model = null!;
            private ITransformer? _loaded;

            public FraudService(bool saved)
            {
                if (saved)
                {
                    _loaded = _ml.Model.Load("model.zip", out _);
                }
            }

            public void Retrain(IDataView trainingData)
            {
                _loaded = _ml.Regression.Trainers.Sdca("Units", "Price").Fit(trainingData);
                Console.WriteLine({|#3:_ml.Regression.Evaluate(_loaded.Transform(trainingData), "Units")|}.RSquared);
            }

            public void TrainModel(string path)
            {
                IDataView trainingData = _ml.Data.LoadFromTextFile<Sale>(path, hasHeader: true, separatorChar: ',');
                _model = _ml.Regression.Trainers.Sdca("Units", "Price").Fit(trainingData);
                var predictions = _model.Transform(trainingData);
                var metrics = {|#2:_ml.Regression.Evaluate(predictions, "Units")|};
            }
        }
        """,
        OnTrainingRows(0, "test", SameFile),
        OnTrainingRows(1, "rows"),
        OnTrainingRows(2, "trainingData"),
        OnTrainingRows(3, "trainingData"));

    // A method others may call is not followed, nor one called twice; nor a class declared in two files, whose other
    // part may call its methods. Training metrics printed by one method beside test metrics printed by another are deliberate.
    [Fact]
    public Task Is_silent_on_methods_others_may_call_on_methods_called_twice_and_beside_test_metrics_in_another_method() =>
        Verify.AnalyzerAsync<TrainingRowsEvaluationAnalyzer>(Verify.Setup.GeneratedWithMachineLearning, [Sales + """
        public sealed partial class Program
        {
            public void Public(MLContext ml, Sale[] sales)
            {
                var data = ml.Data.LoadFromEnumerable(sales);
                Evaluate(ml, ml.Regression.Trainers.Sdca("Units", "Price").Fit(data), data);
            }

            public void Twice(MLContext ml, Sale[] sales)
            {
                var split = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(sales), 0.2);
                var model = Train(ml, split.TrainSet);
                Print(ml, model, split.TrainSet);
                Print(ml, model, split.TestSet);
            }

            public void Beside(MLContext ml, Sale[] sales)
            {
                var split = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(sales), 0.2);
                var model = Fitted(ml, split.TrainSet);
                Training(ml, model, split.TrainSet);
                Held(ml, model, split.TestSet);
            }

            public static void Evaluate(MLContext ml, ITransformer model, IDataView rows) => ml.Regression.Evaluate(model.Transform(rows), "Units");

            private static ITransformer Train(MLContext ml, IDataView rows) => ml.Regression.Trainers.Sdca("Units", "Price").Fit(rows);

            private static ITransformer Fitted(MLContext ml, IDataView rows) => ml.Regression.Trainers.Sdca("Units", "Price").Fit(rows);

            private static void Print(MLContext ml, ITransformer model, IDataView rows) => ml.Regression.Evaluate(model.Transform(rows), "Units");

            private static void Training(MLContext ml, ITransformer model, IDataView rows) => ml.Regression.Evaluate(model.Transform(rows), "Units");

            private static void Held(MLContext ml, ITransformer model, IDataView rows) => ml.Regression.Evaluate(model.Transform(rows), "Units");
        }

        // A field given a model in the constructor and maybe one in a branch, and a field others may assign.
        public sealed class Refit
        {
            private ITransformer _model;
            public ITransformer Shared;

            public Refit(ITransformer model) => _model = model;

            public void Train(MLContext ml, IDataView train, bool retrain)
            {
                if (retrain)
                {
                    _model = ml.Regression.Trainers.Sdca("Units", "Price").Fit(train);
                }

                ml.Regression.Evaluate(_model.Transform(train), "Units");
                Shared = ml.Regression.Trainers.Sdca("Units", "Price").Fit(train);
                ml.Regression.Evaluate(Shared.Transform(train), "Units");
            }
        }

        public sealed partial class Split
        {
            public void Run(MLContext ml, Sale[] sales)
            {
                var data = ml.Data.LoadFromEnumerable(sales);
                Check(ml, ml.Regression.Trainers.Sdca("Units", "Price").Fit(data), data);
            }

            private static void Check(MLContext ml, ITransformer model, IDataView rows) => ml.Regression.Evaluate(model.Transform(rows), "Units");
        }
        """, """
        using Microsoft.ML;

        public sealed partial class Split
        {
            public void Other(MLContext ml, IDataView held) => Check(ml, ml.Model.Load("model.zip", out _), held);
        }
        """], []);

    [Fact]
    public Task Is_silent_on_held_out_rows_on_training_metrics_beside_them_on_clustering_and_on_loaded_models() => VerifyAsync("""
        public static class Forecast
        {
            public static double Split(MLContext ml, Sale[] sales)
            {
                var split = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(sales), 0.2);
                var model = ml.Regression.Trainers.Sdca("Units", "Price").Fit(split.TrainSet);
                var training = ml.Regression.Evaluate(model.Transform(split.TrainSet), "Units");
                var test = ml.Regression.Evaluate(model.Transform(split.TestSet), "Units");
                return test.RSquared - training.RSquared;
            }

            public static double Files(MLContext ml)
            {
                var model = ml.Regression.Trainers.Sdca("Units", "Price").Fit(ml.Data.LoadFromTextFile<Sale>("train.csv"));
                return ml.Regression.Evaluate(model.Transform(ml.Data.LoadFromTextFile<Sale>("test.csv")), "Units").RSquared;
            }

            public static double PathChanged(MLContext ml)
            {
                var path = "train.csv";
                var training = ml.Data.LoadFromTextFile<Sale>(path);
                path = "test.csv";
                var model = ml.Regression.Trainers.Sdca("Units", "Price").Fit(training);
                return ml.Regression.Evaluate(model.Transform(ml.Data.LoadFromTextFile<Sale>(path)), "Units").RSquared;
            }

            // Trained twice by the same local function, on two files: which model is evaluated is not one value.
            public static void TwoTrainings(MLContext ml)
            {
                var first = Train("train.csv");
                var second = Train("sales.csv");
                var metrics = ml.Regression.Evaluate(second.Transform(ml.Data.LoadFromTextFile<Sale>("sales.csv")), "Units");

                ITransformer Train(string path) => ml.Regression.Trainers.Sdca("Units", "Price").Fit(ml.Data.LoadFromTextFile<Sale>(path));
            }

            public static double Clusters(MLContext ml, Sale[] sales)
            {
                var data = ml.Data.LoadFromEnumerable(sales);
                var model = ml.Transforms.Concatenate("Features", "Price").Append(ml.Clustering.Trainers.KMeans(numberOfClusters: 3)).Fit(data);
                return ml.Clustering.Evaluate(model.Transform(data)).AverageDistance;
            }

            public static double Loaded(MLContext ml, Sale[] sales)
            {
                var data = ml.Data.LoadFromEnumerable(sales);
                var model = ml.Model.Load("model.zip", out _);
                return ml.Regression.Evaluate(model.Transform(data), "Units").RSquared;
            }
        }
        """);
}
