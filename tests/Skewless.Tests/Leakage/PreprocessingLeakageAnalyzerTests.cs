using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Leakage.Preprocessing;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Leakage;

/// <summary>The issue's three examples, each with Skewless's own fit, its accumulator and an ML.NET estimator, both ways.</summary>
public sealed class PreprocessingLeakageAnalyzerTests
{
    private const string Flights = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.ML;
        using Skewless;
        using Skewless.ML;

        [DataSource("bts.on_time")]
        public sealed class Flight
        {
            [EventTime] public DateTime Departure { get; set; }
            public float DistanceMiles { get; set; }
            public string Origin { get; set; } = "";
            public double? TaxiMinutes { get; set; }
            [Label] public float DelayMinutes { get; set; }
        }

        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature, ZScore] public static float Distance(Flight f) => f.DistanceMiles;
        }

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        Verify.AnalyzerAsync<PreprocessingLeakageAnalyzer>(Verify.Setup.GeneratedWithMachineLearning, [Flights + source], expected);

    private static DiagnosticResult Leak(string fitted, string evaluated, int location = 0) =>
        new DiagnosticResult(Descriptors.PreprocessingLeakage).WithLocation(location).WithArguments("This fit runs on", fitted, evaluated, "fit on the training rows only");

    // The rows Except takes away are not rows of its result: a test side made as the complement of the training rows holds none of them.

    [Fact]
    public Task Does_not_fire_on_a_fit_on_the_rows_whose_complement_is_evaluated() => VerifyAsync("""
        public static class Training
        {
            public static double Run(MLContext ml, List<Flight> flights, DateTime cutoff)
            {
                var train = flights.Where(f => f.Departure < cutoff).ToList();
                var test = flights.Except(train).ToList();
                var fitted = FlightFeatures.Fit(train);
                var model = ml.Regression.Trainers.Sdca().Fit(fitted.ToDataView(train, f => f.DelayMinutes));
                return ml.Regression.Evaluate(model.Transform(fitted.ToDataView(test, f => f.DelayMinutes))).RSquared;
            }
        }
        """);

    [Fact]
    public Task Fires_on_a_fit_on_all_rows_whose_complement_of_the_training_rows_is_evaluated() => VerifyAsync("""
        public static class Training
        {
            public static double Run(MLContext ml, List<Flight> flights, DateTime cutoff)
            {
                var train = flights.Where(f => f.Departure < cutoff).ToList();
                var test = flights.Except(train).ToList();
                var fitted = {|#0:FlightFeatures.Fit(flights)|};
                var model = ml.Regression.Trainers.Sdca().Fit(fitted.ToDataView(train, f => f.DelayMinutes));
                return ml.Regression.Evaluate(model.Transform(fitted.ToDataView(test, f => f.DelayMinutes))).RSquared;
            }
        }
        """, Leak("flights", "model.Transform(fitted.ToDataView(test, f => f.DelayMinutes…"));

    // Fit on all rows, then split: fires.

    [Fact]
    public Task Fires_on_a_feature_set_fitted_on_all_rows_before_the_split() => VerifyAsync("""
        public static class Training
        {
            public static IDataView Run(Flight[] flights)
            {
                var fitted = {|#0:FlightFeatures.Fit(flights)|};
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                return fitted.ToDataView(test, f => f.DelayMinutes);
            }
        }
        """, Leak("flights", "test"));

    [Fact]
    public Task Fires_on_an_accumulator_fed_all_rows_before_the_split() => VerifyAsync("""
        public static class Training
        {
            public static FlightFeatures.Vector First(Flight[] flights)
            {
                var accumulator = new FlightFeatures.Accumulator();
                foreach (var flight in flights)
                {
                    {|#0:accumulator.Add(flight)|};
                }

                var fitted = accumulator.Complete();
                var split = FlightFeatures.SplitByTime(flights, new DateTime(2001, 3, 1));
                return fitted.Transform(split.Test[0]);
            }
        }
        """, Leak("flights", "split.Test"));

    [Fact]
    public Task Fires_on_an_ML_NET_normaliser_fitted_before_TrainTestSplit() => VerifyAsync("""
        public static class Training
        {
            public static double Run(MLContext ml, Flight[] flights)
            {
                var data = ml.Data.LoadFromEnumerable(flights);
                var normalizer = {|#0:ml.Transforms.NormalizeMinMax("DistanceMiles").Fit(data)|};
                var split = ml.Data.TrainTestSplit(normalizer.Transform(data), 0.2, samplingKeyColumnName: "DistanceMiles");
                var model = ml.Regression.Trainers.Sdca("DelayMinutes", "DistanceMiles").Fit(split.TrainSet);
                return ml.Regression.Evaluate(model.Transform(split.TestSet), "DelayMinutes").RSquared;
            }
        }
        """, Leak("data", "model.Transform(split.TestSet)"));

    // The ranking sample's idiom: a custom mapping turns clicks into the relevance label on every row, then the rows are
    // split. Estimators that learn nothing carry nothing of the test rows into training, whatever rows they are fitted on.
    [Fact]
    public Task Is_silent_on_estimators_that_learn_nothing_fitted_before_TrainTestSplit() => VerifyAsync("""
        public sealed class Relevance
        {
            public float Grade { get; set; }
        }

        public static class Training
        {
            public static double Run(MLContext ml, Flight[] flights)
            {
                var data = ml.Data.LoadFromEnumerable(flights);
                IEstimator<ITransformer> labeling = ml.Transforms.CustomMapping<Flight, Relevance>((flight, relevance) => relevance.Grade = flight.DelayMinutes > 15 ? 1 : 0, contractName: null);
                var labeled = labeling.Fit(data).Transform(data);
                var mapped = ml.Transforms.Conversion.MapValue("Hub", new Dictionary<string, bool> { ["ORD"] = true }, "Origin").Fit(labeled).Transform(labeled);
                var prepared = ml.Transforms.Concatenate("Features", "DistanceMiles")
                    .Append(ml.Transforms.Conversion.ConvertType("Grade", outputKind: Microsoft.ML.Data.DataKind.Single))
                    .AppendCacheCheckpoint(ml)
                    .Fit(mapped)
                    .Transform(mapped);
                var split = ml.Data.TrainTestSplit(prepared, 0.2, samplingKeyColumnName: "DistanceMiles");
                var model = ml.Regression.Trainers.Sdca("Grade").Fit(split.TrainSet);
                return ml.Regression.Evaluate(model.Transform(split.TestSet), "Grade").RSquared;
            }

            // A stock lab builds the same kind of chain in a helper.
            public static double FromHelper(MLContext ml, IDataView rows)
            {
                var prepared = Features(ml).Fit(rows).Transform(rows);
                var split = ml.Data.TrainTestSplit(prepared, 0.2, samplingKeyColumnName: "DistanceMiles");
                var model = ml.Regression.Trainers.Sdca("DelayMinutes").Fit(split.TrainSet);
                return ml.Regression.Evaluate(model.Transform(split.TestSet), "DelayMinutes").RSquared;
            }

            private static IEstimator<ITransformer> Features(MLContext ml) =>
                ml.Transforms.CopyColumns("Label", "DelayMinutes").Append(ml.Transforms.Concatenate("Features", "DistanceMiles"));
        }
        """);

    [Fact]
    public Task Fires_on_a_chain_of_stateless_estimators_with_one_that_learns_fitted_before_TrainTestSplit() => VerifyAsync("""
        public static class Training
        {
            public static double Run(MLContext ml, Flight[] flights)
            {
                var data = ml.Data.LoadFromEnumerable(flights);
                var pipeline = ml.Transforms.Concatenate("Features", "DistanceMiles").Append(ml.Transforms.NormalizeMinMax("Features"));
                var prepared = {|#0:pipeline.Fit(data)|}.Transform(data);
                var split = ml.Data.TrainTestSplit(prepared, 0.2, samplingKeyColumnName: "DistanceMiles");
                var model = ml.Regression.Trainers.Sdca("DelayMinutes").Fit(split.TrainSet);
                return ml.Regression.Evaluate(model.Transform(split.TestSet), "DelayMinutes").RSquared;
            }

            public static double FromHelper(MLContext ml, IDataView rows)
            {
                var prepared = {|#1:Scaled(ml).Fit(rows)|}.Transform(rows);
                var split = ml.Data.TrainTestSplit(prepared, 0.2, samplingKeyColumnName: "DistanceMiles");
                var model = ml.Regression.Trainers.Sdca("DelayMinutes").Fit(split.TrainSet);
                return ml.Regression.Evaluate(model.Transform(split.TestSet), "DelayMinutes").RSquared;
            }

            private static IEstimator<ITransformer> Scaled(MLContext ml) =>
                ml.Transforms.Concatenate("Features", "DistanceMiles").Append(ml.Transforms.NormalizeMinMax("Features"));
        }
        """, Leak("data", "model.Transform(split.TestSet)"), Leak("rows", "model.Transform(split.TestSet)", location: 1));

    // Cross-validation with a feature set: the fit belongs inside each fold, on its training side.
    [Fact]
    public Task Is_silent_on_a_fit_per_fold_and_fires_on_one_fit_of_every_row_evaluated_in_each_fold() => VerifyAsync("""
        public static class Training
        {
            public static double PerFold(MLContext ml, Flight[] flights)
            {
                var r2 = 0.0;
                foreach (var fold in FlightFeatures.FoldsByTime(flights, 5))
                {
                    var fitted = FlightFeatures.Fit(fold.Train);
                    var model = ml.Regression.Trainers.Sdca().Fit(fitted.ToDataView(fold.Train, f => f.DelayMinutes));
                    r2 += ml.Regression.Evaluate(model.Transform(fitted.ToDataView(fold.Test, f => f.DelayMinutes))).RSquared;
                }

                return r2 / 5;
            }

            public static double Once(MLContext ml, Flight[] flights)
            {
                var fitted = {|#0:FlightFeatures.Fit(flights)|};
                var r2 = 0.0;
                foreach (var fold in FlightFeatures.FoldsByTime(flights, 5))
                {
                    var model = ml.Regression.Trainers.Sdca().Fit(fitted.ToDataView(fold.Train, f => f.DelayMinutes));
                    r2 += ml.Regression.Evaluate(model.Transform(fitted.ToDataView(fold.Test, f => f.DelayMinutes))).RSquared;
                }

                return r2 / 5;
            }
        }
        """, Leak("flights", "model.Transform(fitted.ToDataView(fold.Test, f => f.…"));

    [Fact]
    public Task Fires_on_a_normaliser_fitted_on_the_data_that_is_cross_validated() => VerifyAsync("""
        public static class Training
        {
            public static void Run(MLContext ml, IDataView data)
            {
                var normalized = {|#0:ml.Transforms.NormalizeMeanVariance("DistanceMiles").Fit(data)|}.Transform(data);
                var results = ml.Regression.CrossValidate(normalized, ml.Regression.Trainers.Sdca("DelayMinutes", "DistanceMiles"), labelColumnName: "DelayMinutes");
            }
        }
        """, Leak("data", "normalized"));

    // Cross-validate, then refit on every row and save the model with the data's schema: the real ML.NET samples' idiom.
    // The refit takes part in no evaluation: cross-validation measures only what it is given.
    [Fact]
    public Task Is_silent_on_a_refit_for_deployment_saved_with_the_cross_validated_datas_schema() => VerifyAsync("""
        public static class Training
        {
            public static double After(MLContext ml, IDataView data)
            {
                var pipeline = ml.Transforms.NormalizeMinMax("DistanceMiles").Append(ml.Regression.Trainers.Sdca("DelayMinutes", "DistanceMiles"));
                var folds = ml.Regression.CrossValidate(data, pipeline, numberOfFolds: 5, labelColumnName: "DelayMinutes");
                var model = pipeline.Fit(data);
                ml.Model.Save(model, data.Schema, "model.zip");
                var scored = model.Transform(data);
                return folds.Average(fold => fold.Metrics.RSquared) + scored.Schema.Count;
            }

            public static void Before(MLContext ml, Flight[] flights)
            {
                var data = ml.Data.LoadFromEnumerable(flights);
                var pipeline = ml.Regression.Trainers.Sdca("DelayMinutes", "DistanceMiles");
                var model = pipeline.Fit(data);
                ml.Model.Save(model, data.Schema, "model.zip");
                ml.Regression.CrossValidate(data, pipeline, labelColumnName: "DelayMinutes");
            }
        }
        """);

    // Fit on the training side, then transform the test side: silent.

    [Fact]
    public Task A_long_evaluated_expression_is_cut_between_words() => VerifyAsync("""
        public static class Training
        {
            public static double Run(MLContext ml, Flight[] flights)
            {
                var fitted = {|#0:FlightFeatures.Fit(flights)|};
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                var model = ml.Regression.Trainers.Sdca().Fit(fitted.ToDataView(train, f => f.DelayMinutes));
                return ml.Regression.Evaluate(model.Transform(fitted.ToDataView(test, flight => flight.DelayMinutes))).RSquared;
            }
        }
        """, Leak("flights", "model.Transform(fitted.ToDataView(test, flight => flight.…"));

    [Fact]
    public Task Is_silent_on_a_feature_set_fitted_on_the_training_side() => VerifyAsync("""
        public static class Training
        {
            public static IDataView Run(MLContext ml, Flight[] flights)
            {
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                var fitted = FlightFeatures.Fit(train);
                var model = ml.Regression.Trainers.Sdca().Fit(fitted.ToDataView(train, f => f.DelayMinutes));
                var split = FlightFeatures.SplitByTime(flights, new DateTime(2001, 3, 1));
                var refitted = FlightFeatures.Fit(split.Train.ToList());
                return model.Transform(refitted.ToDataView(split.Test, f => f.DelayMinutes));
            }
        }
        """);

    [Fact]
    public Task Is_silent_on_an_accumulator_fed_the_training_side() => VerifyAsync("""
        public static class Training
        {
            public static FlightFeatures.Vector First(Flight[] flights)
            {
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                var accumulator = new FlightFeatures.Accumulator();
                foreach (var flight in train)
                {
                    accumulator.Add(flight);
                }

                return accumulator.Complete().Transform(test[0]);
            }
        }
        """);

    [Fact]
    public Task Is_silent_on_an_ML_NET_normaliser_fitted_on_the_training_set() => VerifyAsync("""
        public static class Training
        {
            public static double Run(MLContext ml, Flight[] flights)
            {
                var split = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(flights), 0.2, samplingKeyColumnName: "DistanceMiles");
                var normalizer = ml.Transforms.NormalizeMinMax("DistanceMiles").Fit(split.TrainSet);
                var model = ml.Regression.Trainers.Sdca("DelayMinutes", "DistanceMiles").Fit(normalizer.Transform(split.TrainSet));
                return ml.Regression.Evaluate(model.Transform(normalizer.Transform(split.TestSet)), "DelayMinutes").RSquared;
            }
        }
        """);

    // Training metrics, beside the test metrics, to see overfitting: silent.

    [Fact]
    public Task Is_silent_on_training_metrics_of_the_rows_fitted_on() => VerifyAsync("""
        public static class Training
        {
            public static (double Train, double Test) Run(MLContext ml, Flight[] flights)
            {
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                var fitted = FlightFeatures.Fit(train);
                var trainView = fitted.ToDataView(train, f => f.DelayMinutes);
                var model = ml.Regression.Trainers.Sdca().Fit(trainView);
                var trainMetrics = ml.Regression.Evaluate(model.Transform(trainView));
                var testMetrics = ml.Regression.Evaluate(model.Transform(fitted.ToDataView(test, f => f.DelayMinutes)));
                return (trainMetrics.RSquared, testMetrics.RSquared);
            }
        }
        """);

    [Fact]
    public Task Is_silent_on_ML_NET_training_metrics_of_the_training_set() => VerifyAsync("""
        public static class Training
        {
            public static double Run(MLContext ml, Flight[] flights)
            {
                var split = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(flights), 0.2, samplingKeyColumnName: "DistanceMiles");
                var model = ml.Transforms.NormalizeMinMax("DistanceMiles").Append(ml.Regression.Trainers.Sdca("DelayMinutes", "DistanceMiles")).Fit(split.TrainSet);
                return ml.Regression.Evaluate(model.Transform(split.TrainSet), "DelayMinutes").RSquared;
            }
        }
        """);

    // A fit on rows put back together from both sides of a split: fires.

    [Theory]
    [InlineData("train.Concat(test).ToList()", "train.Concat(test).ToList()")]
    [InlineData("[.. train, .. test]", "[.. train, .. test]")]
    public Task Fires_on_a_fit_on_the_training_and_test_sides_put_together(string together, string shown) => VerifyAsync($$"""
        public static class Training
        {
            public static double Run(MLContext ml, Flight[] flights)
            {
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                var fitted = {|#0:FlightFeatures.Fit({{together}})|};
                var model = ml.Regression.Trainers.Sdca().Fit(fitted.ToDataView(train, f => f.DelayMinutes));
                return ml.Regression.Evaluate(model.Transform(fitted.ToDataView(test, f => f.DelayMinutes))).RSquared;
            }
        }
        """, Leak(shown, "test"));

    [Fact]
    public Task Fires_on_a_fit_on_a_list_the_test_side_was_added_to() => VerifyAsync("""
        public static class Training
        {
            public static double Run(MLContext ml, Flight[] flights)
            {
                var split = FlightFeatures.SplitByTime(flights, 0.2);
                var all = new List<Flight>(split.Train);
                all.AddRange(split.Test);
                var fitted = {|#0:FlightFeatures.Fit(all)|};
                var model = ml.Regression.Trainers.Sdca().Fit(fitted.ToDataView(split.Train, f => f.DelayMinutes));
                return ml.Regression.Evaluate(model.Transform(fitted.ToDataView(split.Test, f => f.DelayMinutes))).RSquared;
            }
        }
        """, Leak("all", "split.Test"));

    // A fit on all rows whose result is never used: silent.

    [Fact]
    public Task Is_silent_on_fits_whose_result_is_never_used() => VerifyAsync("""
        public static class Training
        {
            public static IDataView Run(MLContext ml, Flight[] flights)
            {
                FlightFeatures.Fit(flights);
                var unused = FlightFeatures.Fit(flights);
                var data = ml.Data.LoadFromEnumerable(flights);
                ml.Transforms.NormalizeMinMax("DistanceMiles").Fit(data);
                var accumulator = new FlightFeatures.Accumulator();
                foreach (var flight in flights)
                {
                    accumulator.Add(flight);
                }

                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                return FlightFeatures.Fit(train).ToDataView(test, f => f.DelayMinutes);
            }
        }
        """);

    [Fact]
    public Task Is_silent_when_nothing_is_evaluated() => VerifyAsync("""
        public static class Training
        {
            public static FlightFeatures.Fitted Run(Flight[] flights)
            {
                var (train, _) = FlightFeatures.SplitByTime(flights, 0.2);
                return FlightFeatures.Fit(flights);
            }
        }
        """);

    // Evaluate, then refit on all rows for deployment: the refit's result never meets the test rows, so it is silent.

    /// <summary>Splits by time, fits and trains on the training side, evaluates on the test side, then runs <paramref name="then"/>.</summary>
    private static Task VerifyAfterEvaluationAsync(string then, params DiagnosticResult[] expected) => VerifyAsync($$"""
        public static class Training
        {
            public static object Run(MLContext ml, Flight[] flights, bool deploy)
            {
                var trainer = ml.Regression.Trainers.Sdca();
                var (train, test) = FlightFeatures.SplitByTime(flights, testFraction: 0.2);
                var fitted = FlightFeatures.Fit(train);
                var model = trainer.Fit(fitted.ToDataView(train, f => f.DelayMinutes));
                var r2 = ml.Regression.Evaluate(model.Transform(fitted.ToDataView(test, f => f.DelayMinutes))).RSquared;
                {{then}}
            }
        }
        """, expected);

    [Fact]
    public Task Is_silent_on_a_refit_on_all_rows_after_the_evaluation() => VerifyAfterEvaluationAsync("""
        var final = FlightFeatures.Fit(flights);
        var finalModel = trainer.Fit(final.ToDataView(flights, f => f.DelayMinutes));
        return r2 > 0.5 ? finalModel : model;
        """);

    [Fact]
    public Task Is_silent_on_a_refit_in_a_deployment_branch() => VerifyAfterEvaluationAsync("""
        if (deploy)
        {
            var final = FlightFeatures.Fit(flights);
            var finalModel = trainer.Fit(final.ToDataView(flights, f => f.DelayMinutes));
            ml.Model.Save(finalModel, null, "model.zip");
        }

        return r2;
        """);

    [Fact]
    public Task Is_silent_on_a_refit_into_the_variables_the_evaluation_read_before() => VerifyAfterEvaluationAsync("""
        fitted = FlightFeatures.Fit(flights);
        model = trainer.Fit(fitted.ToDataView(flights, f => f.DelayMinutes));
        return model;
        """);

    [Fact]
    public Task Fires_on_a_refit_on_all_rows_applied_to_the_test_rows_after_the_evaluation() => VerifyAfterEvaluationAsync("""
        var final = {|#0:FlightFeatures.Fit(flights)|};
        return ml.Regression.Evaluate(model.Transform(final.ToDataView(test, f => f.DelayMinutes))).RSquared;
        """, Leak("flights", "test"));

    [Fact]
    public Task Is_silent_on_an_ML_NET_normaliser_refitted_on_all_rows_after_the_evaluation() => VerifyAsync("""
        public static class Training
        {
            public static ITransformer Run(MLContext ml, IDataView data)
            {
                var pipeline = ml.Transforms.NormalizeMinMax("DistanceMiles").Append(ml.Regression.Trainers.Sdca("DelayMinutes", "DistanceMiles"));
                var split = ml.Data.TrainTestSplit(data, 0.2, samplingKeyColumnName: "DistanceMiles");
                var model = pipeline.Fit(split.TrainSet);
                Console.WriteLine(ml.Regression.Evaluate(model.Transform(split.TestSet), "DelayMinutes").RSquared);
                return pipeline.Fit(data);
            }
        }
        """);

    // A refit on all rows whose result is evaluated on the test rows after all: fires.

    [Fact]
    public Task Fires_on_a_refit_on_all_rows_that_is_then_evaluated() => VerifyAsync("""
        public static class Training
        {
            public static double Run(MLContext ml, Flight[] flights)
            {
                var trainer = ml.Regression.Trainers.Sdca();
                var (train, test) = FlightFeatures.SplitByTime(flights, testFraction: 0.2);
                var fitted = FlightFeatures.Fit(train);
                var model = trainer.Fit(fitted.ToDataView(train, f => f.DelayMinutes));
                var final = {|#0:FlightFeatures.Fit(flights)|};
                var finalModel = {|#1:trainer.Fit(final.ToDataView(flights, f => f.DelayMinutes))|};
                var predictions = finalModel.Transform(fitted.ToDataView(test, f => f.DelayMinutes));
                return ml.Regression.Evaluate(predictions).RSquared;
            }
        }
        """, Leak("flights", "test"), Leak("final.ToDataView(flights, f => f.DelayMinutes)", "test", 1));

    [Fact]
    public Task Fires_when_a_variable_is_refitted_on_all_rows_before_the_evaluation_reads_it() => VerifyAsync("""
        public static class Training
        {
            public static IDataView Run(Flight[] flights)
            {
                var (train, test) = FlightFeatures.SplitByTime(flights, testFraction: 0.2);
                var fitted = FlightFeatures.Fit(train);
                fitted = {|#0:FlightFeatures.Fit(flights)|};
                return fitted.ToDataView(test, f => f.DelayMinutes);
            }
        }
        """, Leak("flights", "test"));

    [Fact]
    public Task Fires_on_a_fit_on_all_rows_applied_to_the_test_rows_in_a_lambda() => VerifyAsync("""
        public static class Training
        {
            public static List<FlightFeatures.Vector> Run(Flight[] flights)
            {
                var fitted = {|#0:FlightFeatures.Fit(flights)|};
                var (train, test) = FlightFeatures.SplitByTime(flights, testFraction: 0.2);
                return test.Select(flight => fitted.Transform(flight)).ToList();
            }
        }
        """, Leak("flights", "test"));

    [Fact]
    public Task Fires_on_a_fit_in_a_loop_that_an_earlier_read_in_the_loop_sees() => VerifyAsync("""
        public static class Training
        {
            public static void Run(Flight[] flights)
            {
                var (train, test) = FlightFeatures.SplitByTime(flights, testFraction: 0.2);
                var fitted = FlightFeatures.Fit(train);
                for (var round = 0; round < 2; round++)
                {
                    Console.WriteLine(fitted.Transform(test[0]).Distance);
                    fitted = {|#0:FlightFeatures.Fit(flights)|};
                }
            }
        }
        """, Leak("flights", "test"));

    [Fact]
    public Task Fires_on_a_fit_stored_in_a_field_and_applied_to_the_test_rows() => VerifyAsync("""
        public sealed class Training
        {
            private FlightFeatures.Fitted? _fitted;

            public FlightFeatures.Vector Run(Flight[] flights)
            {
                _fitted = {|#0:FlightFeatures.Fit(flights)|};
                var split = FlightFeatures.SplitByTime(flights, 0.2);
                return _fitted.Transform(split.Test[0]);
            }
        }
        """, Leak("flights", "split.Test"));

    // Statistics taken by hand with LINQ are fits too: a z-score or a range computed over every row, then applied to the test rows.

    private static DiagnosticResult Statistic(string statistic, string rows, string evaluated, int location = 0) =>
        new DiagnosticResult(Descriptors.PreprocessingLeakage).WithLocation(location).WithArguments($"This {statistic} is taken over", rows, evaluated, "take it over the training rows only");

    [Fact]
    public Task Fires_on_a_hand_written_z_score_taken_over_all_rows_before_the_split() => VerifyAsync("""
        public static class Training
        {
            public static float[] Run(Flight[] flights)
            {
                var mean = {|#0:flights.Average(f => f.DistanceMiles)|};
                var deviation = MathF.Sqrt({|#1:flights.Average(f => (f.DistanceMiles - mean) * (f.DistanceMiles - mean))|});
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                return test.Select(f => (f.DistanceMiles - mean) / deviation).ToArray();
            }
        }
        """, Statistic("mean", "flights", "test", 0), Statistic("mean", "flights", "test", 1));

    [Theory]
    [InlineData("Sum", "sum")]
    [InlineData("Min", "minimum")]
    [InlineData("Max", "maximum")]
    [InlineData("Average", "mean")]
    public Task Fires_on_rows_scaled_by_a_statistic_of_all_rows_before_TrainTestSplit(string method, string statistic) => VerifyAsync($$"""
        public sealed class Scaled
        {
            public float Distance { get; set; }
            public float DelayMinutes { get; set; }
        }

        public static class Training
        {
            public static double Run(MLContext ml, List<Flight> flights)
            {
                var scale = {|#0:flights.Select(f => f.DistanceMiles).ToList().{{method}}()|};
                var data = ml.Data.LoadFromEnumerable(flights.Select(f => new Scaled { Distance = f.DistanceMiles / scale, DelayMinutes = f.DelayMinutes }));
                var split = ml.Data.TrainTestSplit(data, 0.2);
                var model = ml.Regression.Trainers.Sdca("DelayMinutes", "Distance").Fit(split.TrainSet);
                return ml.Regression.Evaluate(model.Transform(split.TestSet), "DelayMinutes").RSquared;
            }
        }
        """, Statistic(statistic, "flights", "model.Transform(split.TestSet)"));

    [Fact]
    public Task Fires_on_missing_values_filled_with_a_mean_of_all_rows() => VerifyAsync("""
        public static class Training
        {
            public static List<float> Run(Flight[] flights)
            {
                var mean = {|#0:Enumerable.Average(flights, f => f.DistanceMiles)|};
                var split = FlightFeatures.SplitByTime(flights, 0.2);
                return split.Test.Select(f => float.IsNaN(f.DistanceMiles) ? mean : f.DistanceMiles).ToList();
            }
        }
        """, Statistic("mean", "flights", "split.Test"));

    [Fact]
    public Task Fires_on_a_statistic_of_values_selected_into_a_local() => VerifyAsync("""
        public static class Training
        {
            public static IEnumerable<float> Run(List<Flight> flights)
            {
                var distances = flights.Select(f => f.DistanceMiles).ToArray();
                var longest = {|#0:distances.Max()|};
                var split = FlightFeatures.SplitByTime(flights, 0.2);
                return split.Test.Select(f => f.DistanceMiles / longest);
            }
        }
        """, Statistic("maximum", "flights", "split.Test"));

    // A normaliser fitted on the test set: train and test are scaled by different numbers, and the test rows by their own.

    [Fact]
    public Task Fires_on_a_statistic_of_the_test_side_applied_to_it() => VerifyAsync("""
        public static class Training
        {
            public static float[] Run(Flight[] flights)
            {
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                var mean = {|#0:test.Average(f => f.DistanceMiles)|};
                return test.Select(f => f.DistanceMiles - mean).ToArray();
            }
        }
        """, Statistic("mean", "test", "test"));

    // Metrics are statistics of the label over the test rows: R² divides by the test labels' variance around their mean.

    [Fact]
    public Task Is_silent_on_metrics_computed_from_the_label_of_the_test_rows() => VerifyAsync("""
        public static class Training
        {
            public static double Run(Flight[] flights, Func<Flight, float> predict)
            {
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                var meanDelay = test.Average(f => f.DelayMinutes);
                var overall = flights.Select(f => f.DelayMinutes).Average();
                var baseline = test.Average(f => Math.Abs(f.DelayMinutes - overall));
                return baseline + 1 - (test.Sum(f => (f.DelayMinutes - predict(f)) * (f.DelayMinutes - predict(f))) / test.Sum(f => (f.DelayMinutes - meanDelay) * (f.DelayMinutes - meanDelay)));
            }
        }
        """);

    [Fact]
    public Task Is_silent_on_statistics_of_the_training_side() => VerifyAsync("""
        public static class Training
        {
            public static float[] Run(Flight[] flights)
            {
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                var mean = train.Average(f => f.DistanceMiles);
                var longest = train.Select(f => f.DistanceMiles).Max();
                return test.Select(f => (f.DistanceMiles - mean) / longest).ToArray();
            }
        }
        """);

    // A cutoff taken from every row's time only chooses which rows test; it computes none of their values.

    [Fact]
    public Task Is_silent_on_a_cutoff_taken_over_all_rows() => VerifyAsync("""
        public static class Training
        {
            public static double Run(MLContext ml, List<Flight> flights)
            {
                var last = flights.Max(f => f.Departure);
                var cutoff = last.AddDays(-30);
                var (train, test) = FlightFeatures.SplitByTime(flights, cutoff);
                var recent = flights.Where(f => f.Departure >= cutoff).OrderBy(f => f.Departure).ToList();
                var fitted = FlightFeatures.Fit(train);
                var model = ml.Regression.Trainers.Sdca().Fit(fitted.ToDataView(train, f => f.DelayMinutes));
                var longest = flights.Max(f => f.DistanceMiles);
                var view = ml.Data.FilterRowsByColumn(fitted.ToDataView(recent, f => f.DelayMinutes), "Label", upperBound: longest);
                return ml.Regression.Evaluate(model.Transform(view)).RSquared + ml.Regression.Evaluate(model.Transform(fitted.ToDataView(test, f => f.DelayMinutes))).RSquared;
            }
        }
        """);

    // Comparing the test rows with every row (a drift check) and sizing the sides compute no value of a test row.

    [Fact]
    public Task Is_silent_on_statistics_of_all_rows_that_no_evaluated_value_is_computed_with() => VerifyAsync("""
        public static class Training
        {
            public static double Run(Flight[] flights)
            {
                var overall = flights.Average(f => f.DelayMinutes);
                var total = flights.Sum(f => f.DistanceMiles);
                Console.WriteLine($"{flights.Length} flights, {total} miles, {overall} minutes late on average");
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                var fitted = FlightFeatures.Fit(train);
                Console.WriteLine(fitted.Transform(test[0]).Distance);
                return test.Average(f => f.DelayMinutes) - overall;
            }
        }
        """);

    // A split written by hand, as teams keep one: a tuple whose elements are named for the sides is a split too.

    private const string HandSplit = """
        public static class Splits
        {
            public static (List<T> Train, List<T> Test) At<T>(IEnumerable<T> rows, Func<T, DateTime> time, DateTime cutoff)
            {
                var list = rows.ToList();
                return (list.Where(r => time(r) < cutoff).ToList(), list.Where(r => time(r) >= cutoff).ToList());
            }
        }

        """;

    [Fact]
    public Task Fires_on_a_fit_on_all_rows_whose_hand_written_split_is_evaluated() => VerifyAsync(HandSplit + """
        public static class Training
        {
            public static double Run(MLContext ml, Flight[] flights, DateTime cutoff)
            {
                var fitted = {|#0:FlightFeatures.Fit(flights)|};
                var (train, test) = Splits.At(flights, f => f.Departure, cutoff);
                var model = ml.Regression.Trainers.Sdca().Fit(fitted.ToDataView(train, f => f.DelayMinutes));
                return ml.Regression.Evaluate(model.Transform(fitted.ToDataView(test, f => f.DelayMinutes))).RSquared;
            }
        }
        """, Leak("flights", "model.Transform(fitted.ToDataView(test, f => f.DelayMinutes…"));

    [Fact]
    public Task Fires_on_a_statistic_of_all_rows_applied_to_a_hand_written_split_s_test_side() => VerifyAsync(HandSplit + """
        public static class Training
        {
            public static float[] Run(Flight[] flights, DateTime cutoff)
            {
                var longest = {|#0:flights.Max(f => f.DistanceMiles)|};
                var split = Splits.At(flights, f => f.Departure, cutoff);
                return split.Test.Select(f => f.DistanceMiles / longest).ToArray();
            }
        }
        """, Statistic("maximum", "flights", "split.Test"));

    [Fact]
    public Task Is_silent_on_a_fit_on_the_training_side_of_a_hand_written_split() => VerifyAsync(HandSplit + """
        public static class Training
        {
            public static double Run(MLContext ml, Flight[] flights)
            {
                var (train, test) = Splits.At(flights, f => f.Departure, flights.Max(f => f.Departure).AddDays(-30));
                var fitted = FlightFeatures.Fit(train);
                var longest = train.Max(f => f.DistanceMiles);
                var model = ml.Regression.Trainers.Sdca().Fit(fitted.ToDataView(train, f => f.DelayMinutes));
                Console.WriteLine(test.Select(f => f.DistanceMiles / longest).Sum());
                return ml.Regression.Evaluate(model.Transform(fitted.ToDataView(test, f => f.DelayMinutes))).RSquared;
            }
        }
        """);

    // A statistic of the test rows that is only reported (a mean of what they were transformed into) is applied to nothing.

    [Fact]
    public Task Is_silent_on_statistics_of_the_test_rows_that_are_only_shown() => VerifyAsync("""
        public static class Training
        {
            public static double Run(Flight[] flights)
            {
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                var fitted = FlightFeatures.Fit(train);
                var meanDistance = test.Average(f => f.DistanceMiles);
                Console.WriteLine(test.Select(f => fitted.Transform(f).Distance).Average());
                Console.WriteLine(Math.Round(test.Max(f => f.DistanceMiles)));
                return meanDistance;
            }
        }
        """);

    // A scaler written by hand, as teams port one from Python: its Fit is a fit like any other.

    private const string Scalers = """
        public sealed class Scaler
        {
            private float _mean, _deviation = 1;

            public void Fit(IEnumerable<float> values)
            {
                var list = values.ToList();
                _mean = list.Average();
                _deviation = MathF.Sqrt(list.Average(v => (v - _mean) * (v - _mean)));
            }

            public float Transform(float value) => (value - _mean) / _deviation;
        }

        public sealed record MinMax(float Minimum, float Maximum)
        {
            public static MinMax Fit(IEnumerable<Flight> rows) => new(rows.Min(f => f.DistanceMiles), rows.Max(f => f.DistanceMiles));

            public float Scale(Flight f) => (f.DistanceMiles - Minimum) / (Maximum - Minimum);
        }

        """;

    [Fact]
    public Task Fires_on_scalers_written_by_hand_fitted_on_all_rows() => VerifyAsync(Scalers + """
        public static class Training
        {
            public static float[] Run(Flight[] flights)
            {
                var scaler = new Scaler();
                {|#0:scaler.Fit(flights.Select(f => f.DistanceMiles))|};
                var range = {|#1:MinMax.Fit(flights)|};
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                return test.Select(f => scaler.Transform(f.DistanceMiles) + range.Scale(f)).ToArray();
            }
        }
        """, Leak("flights", "test", 0), Leak("flights", "test", 1));

    [Fact]
    public Task Is_silent_on_scalers_written_by_hand_fitted_on_the_training_side() => VerifyAsync(Scalers + """
        public static class Training
        {
            public static float[] Run(Flight[] flights)
            {
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                var scaler = new Scaler();
                scaler.Fit(train.Select(f => f.DistanceMiles));
                var range = MinMax.Fit(train);
                return test.Select(f => scaler.Transform(f.DistanceMiles) + range.Scale(f)).ToArray();
            }
        }
        """);

    // Target encoding: a label's mean per airport over every row, looked up for each test row, was fitted on their labels.

    [Fact]
    public Task Fires_on_a_label_mean_per_group_of_all_rows_looked_up_for_the_test_rows() => VerifyAsync("""
        public static class Training
        {
            public static double Run(MLContext ml, Flight[] flights)
            {
                var delayByOrigin = flights.GroupBy(f => f.Origin).ToDictionary(g => g.Key, g => {|#0:g.Average(f => f.DelayMinutes)|});
                var lateShare = flights.GroupBy(f => f.Origin)
                    .Where(g => g.Count() >= 10)
                    .Select(g => new { Origin = g.Key, Share = {|#1:g.Count(f => f.DelayMinutes > 15)|} / (float)g.Count() })
                    .ToList();
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                var encoded = test.Select(f => delayByOrigin[f.Origin] + lateShare.First(s => s.Origin == f.Origin).Share).ToArray();
                return encoded.Average();
            }
        }
        """, Statistic("mean per group", "flights", "test", 0), Statistic("count per group", "flights", "test", 1));

    // A view held in a field the method assigns is followed as a local is: the normaliser learns from every row.
    [Fact]
    public Task Fires_on_a_fit_on_a_view_held_in_a_field_whose_split_is_evaluated() => VerifyAsync("""
        public sealed class Engine
        {
            private readonly MLContext _ml = new MLContext(seed: 1);
            private IDataView _data = null!;

            public void Run(Flight[] flights)
            {
                _data = _ml.Data.LoadFromEnumerable(flights);
                var normaliser = {|#0:_ml.Transforms.NormalizeMinMax(nameof(Flight.DistanceMiles)).Fit(_data)|};
                var split = _ml.Data.TrainTestSplit(normaliser.Transform(_data), testFraction: 0.2);
                var model = _ml.Regression.Trainers.Sdca(nameof(Flight.DelayMinutes), nameof(Flight.DistanceMiles)).Fit(split.TrainSet);
                _ml.Regression.Evaluate(model.Transform(split.TestSet), nameof(Flight.DelayMinutes));
            }
        }
        """, Leak("_data", "model.Transform(split.TestSet)"));

    // Round 9's trading trainer: "train on the balanced data, but test on the original (unseen) data". The undersample is
    // of every row, so the test side of the split holds rows it was trained on.
    [Fact]
    public Task Fires_on_a_fit_on_a_sample_of_the_rows_whose_split_is_evaluated() => VerifyAsync("""
        public static class Training
        {
            public static void Balanced(MLContext ml, List<Flight> all)
            {
                var random = new Random(1);
                var late = all.Where(f => f.DelayMinutes > 15).ToList();
                var onTime = all.Where(f => f.DelayMinutes <= 15).ToList();
                var balanced = new List<Flight>();
                balanced.AddRange(late.OrderBy(f => random.Next()).Take(1000));
                balanced.AddRange(onTime.OrderBy(f => random.Next()).Take(1000));
                var split = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(all), testFraction: 0.2);
                var model = {|#0:ml.Regression.Trainers.Sdca(nameof(Flight.DelayMinutes), nameof(Flight.DistanceMiles)).Fit(ml.Data.LoadFromEnumerable(balanced))|};
                ml.Regression.Evaluate(model.Transform(split.TestSet), nameof(Flight.DelayMinutes));
            }

            public static void Shuffled(MLContext ml, List<Flight> all)
            {
                var sample = all.OrderBy(f => Guid.NewGuid()).Take(5000).ToList();
                var split = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(all), testFraction: 0.2);
                var model = {|#1:ml.Regression.Trainers.Sdca(nameof(Flight.DelayMinutes), nameof(Flight.DistanceMiles)).Fit(ml.Data.LoadFromEnumerable(sample))|};
                ml.Regression.Evaluate(model.Transform(split.TestSet), nameof(Flight.DelayMinutes));
            }
        }
        """,
        Leak("ml.Data.LoadFromEnumerable(balanced)", "model.Transform(split.TestSet)", 0),
        Leak("ml.Data.LoadFromEnumerable(sample)", "model.Transform(split.TestSet)", 1));

    // Round 11: against ML.NET's split at random, whose test rows are anywhere among all of them, any subset of them
    // overlaps the test side: the first rows of a class too. Against a split by time, such a head may be its training side.
    [Fact]
    public Task Fires_on_a_fit_on_any_subset_of_the_rows_whose_random_split_is_evaluated() => VerifyAsync("""
        public static class Training
        {
            public static void Run(MLContext ml, List<Flight> all)
            {
                var balanced = all.Where(f => f.DelayMinutes > 15).Concat(all.Where(f => f.DelayMinutes <= 15).Take(1000)).ToList();
                var split = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(all), testFraction: 0.2);
                var model = {|#0:ml.Regression.Trainers.Sdca(nameof(Flight.DelayMinutes), nameof(Flight.DistanceMiles)).Fit(ml.Data.LoadFromEnumerable(balanced))|};
                ml.Regression.Evaluate(model.Transform(split.TestSet), nameof(Flight.DelayMinutes));
            }

            public static void ByTime(MLContext ml, List<Flight> all)
            {
                var (train, test) = FlightFeatures.SplitByTime(all, 0.2);
                var early = all.OrderBy(f => f.Departure).Take(800).ToList();
                var model = ml.Regression.Trainers.Sdca(nameof(Flight.DelayMinutes), nameof(Flight.DistanceMiles)).Fit(ml.Data.LoadFromEnumerable(early));
                ml.Regression.Evaluate(model.Transform(ml.Data.LoadFromEnumerable(test)), nameof(Flight.DelayMinutes));
            }
        }
        """, Leak("ml.Data.LoadFromEnumerable(balanced)", "model.Transform(split.TestSet)"));

    [Fact]
    public Task Does_not_fire_on_a_sample_of_the_training_side_the_rows_left_out_or_a_split_by_hand() => VerifyAsync("""
        public static class Training
        {
            public static void TrainingSide(MLContext ml, List<Flight> all)
            {
                var split = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(all), testFraction: 0.2);
                var train = ml.Data.CreateEnumerable<Flight>(split.TrainSet, reuseRowObject: false).Where(f => f.DelayMinutes > 15).ToList();
                var model = ml.Regression.Trainers.Sdca(nameof(Flight.DelayMinutes), nameof(Flight.DistanceMiles)).Fit(ml.Data.LoadFromEnumerable(train));
                ml.Regression.Evaluate(model.Transform(split.TestSet), nameof(Flight.DelayMinutes));
            }

            public static void LeftOut(MLContext ml, List<Flight> all)
            {
                var (train, test) = FlightFeatures.SplitByTime(all, 0.2);
                var rest = all.Except(test).Where(f => f.DistanceMiles > 0).ToList();
                var fitted = FlightFeatures.Fit(rest);
                var features = fitted.ToDataView(test, f => f.DelayMinutes);
            }

            public static void Head(MLContext ml, List<Flight> all)
            {
                var (_, test) = FlightFeatures.SplitByTime(all, 0.2);
                var fitted = FlightFeatures.Fit(all.OrderBy(f => f.Departure).Take(800).Where(f => f.DistanceMiles > 0));
                var features = fitted.ToDataView(test, f => f.DelayMinutes);
            }

            public static void ByHand(MLContext ml, List<Flight> all)
            {
                var train = all.Where(f => f.Departure.Year < 2024).ToList();
                var test = all.Where(f => f.Departure.Year >= 2024).ToList();
                var model = ml.Regression.Trainers.Sdca(nameof(Flight.DelayMinutes), nameof(Flight.DistanceMiles)).Fit(ml.Data.LoadFromEnumerable(train));
                ml.Regression.Evaluate(model.Transform(ml.Data.LoadFromEnumerable(test)), nameof(Flight.DelayMinutes));
            }
        }
        """);

    // Round 16's daily sales: a feature set whose features fit no constants (plain values, hash buckets) learns nothing
    // from the rows its Fit is given, which only gathers monitoring statistics.
    [Fact]
    public Task Does_not_fire_on_a_feature_set_that_fits_no_constants() => VerifyAsync("""
        [FeatureSet(typeof(Flight), Name = "Plain")]
        public static partial class PlainFeatures
        {
            [Feature] public static float Miles(Flight f) => f.DistanceMiles;
            [Feature, HashBuckets(8)] public static string Origin(Flight f) => f.Origin;
        }

        public static class Training
        {
            public static void Run(MLContext ml, List<Flight> flights)
            {
                var features = PlainFeatures.Fit(flights);
                var accumulator = new PlainFeatures.Accumulator();
                foreach (var flight in flights)
                {
                    accumulator.Add(flight);
                }

                var split = ml.Data.TrainTestSplit(features.ToDataView(flights, f => f.DelayMinutes), testFraction: 0.2);
                var model = ml.Regression.Trainers.Sdca().Fit(split.TrainSet);
                ml.Regression.Evaluate(model.Transform(split.TestSet));
                var again = ml.Data.TrainTestSplit(accumulator.Complete().ToDataView(flights, f => f.DelayMinutes), testFraction: 0.2);
                ml.Regression.Evaluate(model.Transform(again.TestSet));
            }
        }
        """);

    // Round 15's recommender trains on 450 rows of one ShuffleRows and tests on 100 rows of another: two samples of the same
    // rows, so most test rows were trained on. So do two heads of one shuffle.
    [Fact]
    public Task Fires_on_a_fit_on_a_random_sample_evaluated_on_another_random_sample_of_the_same_rows() => VerifyAsync("""
        public static class Training
        {
            public static void TwoShuffles(MLContext ml, List<Flight> all)
            {
                var data = ml.Data.LoadFromEnumerable(all);
                var training = ml.Data.TakeRows(ml.Data.ShuffleRows(data), 450);
                var model = {|#0:ml.Regression.Trainers.Sdca(nameof(Flight.DelayMinutes), nameof(Flight.DistanceMiles)).Fit(training)|};
                var testing = ml.Data.TakeRows(ml.Data.ShuffleRows(data), 100);
                ml.Regression.Evaluate(model.Transform(testing), nameof(Flight.DelayMinutes));
            }

            public static void TwoOrders(MLContext ml, List<Flight> all, Random random)
            {
                var training = all.OrderBy(f => random.Next()).Take(450).ToList();
                var testing = all.OrderBy(f => random.Next()).Skip(450).ToList();
                var model = {|#1:ml.Regression.Trainers.Sdca(nameof(Flight.DelayMinutes), nameof(Flight.DistanceMiles)).Fit(ml.Data.LoadFromEnumerable(training))|};
                ml.Regression.Evaluate(model.Transform(ml.Data.LoadFromEnumerable(testing)), nameof(Flight.DelayMinutes));
            }

            public static void TwoHeads(MLContext ml, List<Flight> all)
            {
                var shuffled = all.OrderBy(f => Guid.NewGuid()).ToList();
                var fitted = {|#2:FlightFeatures.Fit(shuffled.Take(800))|};
                var features = fitted.ToDataView(shuffled.Take(200).ToList(), f => f.DelayMinutes);
                ml.Regression.Evaluate(features, nameof(Flight.DelayMinutes));
            }
        }
        """,
        Leak("training", "model.Transform(testing)", 0),
        Leak("ml.Data.LoadFromEnumerable(training)", "model.Transform(ml.Data.LoadFromEnumerable(testing))", 1),
        Leak("shuffled.Take(800)", "features", 2));

    [Fact]
    public Task Does_not_fire_on_the_two_sides_of_one_shuffle_or_of_shuffles_with_one_seed() => VerifyAsync("""
        public static class Training
        {
            public static void OneShuffle(MLContext ml, List<Flight> all)
            {
                var shuffled = ml.Data.ShuffleRows(ml.Data.LoadFromEnumerable(all));
                var model = ml.Regression.Trainers.Sdca(nameof(Flight.DelayMinutes), nameof(Flight.DistanceMiles)).Fit(ml.Data.TakeRows(shuffled, 450));
                ml.Regression.Evaluate(model.Transform(ml.Data.SkipRows(shuffled, 450)), nameof(Flight.DelayMinutes));
            }

            public static void OneSeed(MLContext ml, List<Flight> all)
            {
                var data = ml.Data.LoadFromEnumerable(all);
                var model = ml.Regression.Trainers.Sdca(nameof(Flight.DelayMinutes), nameof(Flight.DistanceMiles)).Fit(ml.Data.TakeRows(ml.Data.ShuffleRows(data, seed: 7), 450));
                ml.Regression.Evaluate(model.Transform(ml.Data.SkipRows(ml.Data.ShuffleRows(data, seed: 7), 450)), nameof(Flight.DelayMinutes));
            }

            public static void ByClass(MLContext ml, List<Flight> all)
            {
                var shuffled = all.OrderBy(f => Guid.NewGuid()).ToList();
                var fitted = FlightFeatures.Fit(shuffled.Take(800));
                var features = fitted.ToDataView(all.Where(f => f.DelayMinutes > 60).ToList(), f => f.DelayMinutes);
                ml.Regression.Evaluate(features, nameof(Flight.DelayMinutes));
            }
        }
        """);

    // Round 15's stock classifier normalises every row in a private helper and returns them transformed; its caller cuts
    // them by position and evaluates the last ones.
    [Fact]
    public Task Fires_on_a_fit_in_a_private_helper_whose_returned_rows_its_caller_evaluates_in_part() => VerifyAsync("""
        public sealed class Classifier
        {
            private IDataView Prepare(MLContext ml, List<Flight> rows)
            {
                IDataView all = ml.Data.LoadFromEnumerable(rows);
                var normaliser = {|#0:ml.Transforms.NormalizeMeanVariance(nameof(Flight.DistanceMiles)).Fit(all)|};
                return normaliser.Transform(all);
            }

            public double Run(MLContext ml, List<Flight> rows)
            {
                var prepared = Prepare(ml, rows);
                var list = ml.Data.CreateEnumerable<Flight>(prepared, reuseRowObject: false).ToList();
                var trainSet = ml.Data.LoadFromEnumerable(list.Take(600).ToList());
                var testSet = ml.Data.LoadFromEnumerable(list.Skip(600).ToList());
                var model = ml.Regression.Trainers.Sdca(nameof(Flight.DelayMinutes), nameof(Flight.DistanceMiles)).Fit(trainSet);
                return ml.Regression.Evaluate(model.Transform(testSet), nameof(Flight.DelayMinutes)).RSquared;
            }
        }
        """,
        new DiagnosticResult(Descriptors.PreprocessingLeakage).WithLocation(0).WithArguments("This fit runs on", "all", "model.Transform(testSet)",
            "fit on the training rows only; Prepare returns the rows with the fit applied, and Run evaluates part of them"));

    // Round 18's heart-disease trainer holds each fold out by index in a loop written by hand, after fitting on every row.
    [Fact]
    public Task Fires_on_a_fit_over_rows_a_fold_loop_adds_to_the_held_out_list_one_at_a_time() => VerifyAsync("""
        public static class Folds
        {
            public static void ByIndex(MLContext ml, List<Flight> rows, int folds)
            {
                var fitted = {|#0:FlightFeatures.Fit(rows)|};
                for (var k = 0; k < folds; k++)
                {
                    var trainRows = new List<Flight>();
                    var testRows = new List<Flight>();
                    for (var i = 0; i < rows.Count; i++)
                    {
                        if (i % folds == k) testRows.Add(rows[i]);
                        else trainRows.Add(rows[i]);
                    }

                    ml.Regression.Evaluate(fitted.ToDataView(testRows, f => f.DelayMinutes), nameof(Flight.DelayMinutes));
                }
            }

            public static void ByEach(MLContext ml, List<Flight> rows)
            {
                var fitted = {|#1:FlightFeatures.Fit(rows)|};
                var holdout = new List<Flight>();
                foreach (var row in rows)
                {
                    if (row.Departure.Month == 12) holdout.Add(row);
                }

                ml.Regression.Evaluate(fitted.ToDataView(holdout, f => f.DelayMinutes), nameof(Flight.DelayMinutes));
            }
        }
        """,
        new DiagnosticResult(Descriptors.PreprocessingLeakage).WithLocation(0).WithArguments("This fit runs on", "rows", "testRows", "fit on the training rows only"),
        new DiagnosticResult(Descriptors.PreprocessingLeakage).WithLocation(1).WithArguments("This fit runs on", "rows", "holdout", "fit on the training rows only"));

    [Fact]
    public Task Does_not_fire_on_a_fit_over_the_rows_a_fold_loop_adds_to_the_training_list() => VerifyAsync("""
        public static class Folds
        {
            public static void ByIndex(MLContext ml, List<Flight> rows, int folds)
            {
                for (var k = 0; k < folds; k++)
                {
                    var trainRows = new List<Flight>();
                    var testRows = new List<Flight>();
                    for (var i = 0; i < rows.Count; i++)
                    {
                        if (i % folds == k) testRows.Add(rows[i]);
                        else trainRows.Add(rows[i]);
                    }

                    var fitted = FlightFeatures.Fit(trainRows);
                    ml.Regression.Evaluate(fitted.ToDataView(testRows, f => f.DelayMinutes), nameof(Flight.DelayMinutes));
                }
            }
        }
        """);

    // The real stock classifier cuts through a helper of its own that hands the two sides back as out arguments.
    [Fact]
    public Task Fires_on_a_fit_over_rows_a_split_helper_hands_back_through_out_arguments() => VerifyAsync("""
        public sealed class Classifier
        {
            private IDataView Prepare(MLContext ml, List<Flight> rows)
            {
                IDataView all = ml.Data.LoadFromEnumerable(rows);
                var normaliser = {|#0:ml.Transforms.NormalizeMeanVariance(nameof(Flight.DistanceMiles)).Fit(all)|};
                return normaliser.Transform(all);
            }

            public double Run(MLContext ml, List<Flight> rows)
            {
                var list = ml.Data.CreateEnumerable<Flight>(Prepare(ml, rows), reuseRowObject: false).ToList();
                List<Flight> trainList;
                List<Flight> testList;
                SplitList(list, out trainList, out testList, 600);
                var model = ml.Regression.Trainers.Sdca(nameof(Flight.DelayMinutes), nameof(Flight.DistanceMiles)).Fit(ml.Data.LoadFromEnumerable(trainList));
                return ml.Regression.Evaluate(model.Transform(ml.Data.LoadFromEnumerable(testList)), nameof(Flight.DelayMinutes)).RSquared;
            }

            public void InOneMethod(MLContext ml, List<Flight> rows)
            {
                var scaler = {|#1:FlightFeatures.Fit(rows)|};
                SplitList(rows, out var train, out var test, 600);
                var features = scaler.ToDataView(test, f => f.DelayMinutes);
                ml.Regression.Evaluate(features, nameof(Flight.DelayMinutes));
            }

            private static void SplitList(List<Flight> rows, out List<Flight> head, out List<Flight> tail, int at)
            {
                head = rows.Take(at).ToList();
                tail = rows.Skip(at).ToList();
            }
        }
        """,
        new DiagnosticResult(Descriptors.PreprocessingLeakage).WithLocation(0).WithArguments("This fit runs on", "all", "testList",
            "fit on the training rows only; Prepare returns the rows with the fit applied, and Run evaluates part of them"),
        new DiagnosticResult(Descriptors.PreprocessingLeakage).WithLocation(1).WithArguments("This fit runs on", "rows", "test", "fit on the training rows only"));

    // One side a split helper hands back is not drawn from the other: fitting on the first and evaluating the second is right.
    [Fact]
    public Task Does_not_fire_on_a_fit_over_one_side_a_split_helper_hands_back_and_evaluation_of_the_other() => VerifyAsync("""
        public sealed class Classifier
        {
            public void Run(MLContext ml, List<Flight> rows)
            {
                List<Flight> train;
                List<Flight> test;
                SplitList(rows, out train, out test, 600);
                var model = ml.Regression.Trainers.Sdca(nameof(Flight.DelayMinutes), nameof(Flight.DistanceMiles)).Fit(ml.Data.LoadFromEnumerable(train));
                ml.Regression.Evaluate(model.Transform(ml.Data.LoadFromEnumerable(test)), nameof(Flight.DelayMinutes));
                TryLoad(out var cached);
                var again = FlightFeatures.Fit(cached).ToDataView(test, f => f.DelayMinutes);
                ml.Regression.Evaluate(again, nameof(Flight.DelayMinutes));
            }

            private static void SplitList(List<Flight> rows, out List<Flight> head, out List<Flight> tail, int at)
            {
                head = rows.Take(at).ToList();
                tail = rows.Skip(at).ToList();
            }

            private static bool TryLoad(out List<Flight> rows)
            {
                rows = new List<Flight>();
                return true;
            }
        }
        """);

    [Fact]
    public Task Does_not_fire_on_a_helper_called_twice_or_not_private_or_whose_rows_are_all_evaluated() => VerifyAsync("""
        public sealed class Classifier
        {
            private IDataView Twice(MLContext ml, IDataView all) => ml.Transforms.NormalizeMeanVariance(nameof(Flight.DistanceMiles)).Fit(all).Transform(all);

            public IDataView Shared(MLContext ml, IDataView all) => ml.Transforms.NormalizeMeanVariance(nameof(Flight.DistanceMiles)).Fit(all).Transform(all);

            private IDataView Whole(MLContext ml, IDataView all) => ml.Transforms.NormalizeMeanVariance(nameof(Flight.DistanceMiles)).Fit(all).Transform(all);

            private IDataView Untouched(MLContext ml, IDataView all)
            {
                var normaliser = ml.Transforms.NormalizeMeanVariance(nameof(Flight.DistanceMiles)).Fit(all);
                return all;
            }

            public double Run(MLContext ml, IDataView data)
            {
                var first = Twice(ml, data);
                var second = Twice(ml, data);
                var split = ml.Data.TrainTestSplit(Shared(ml, data), 0.2);
                var model = ml.Regression.Trainers.Sdca(nameof(Flight.DelayMinutes), nameof(Flight.DistanceMiles)).Fit(split.TrainSet);
                ml.Regression.Evaluate(model.Transform(ml.Data.TakeRows(first, 10)), nameof(Flight.DelayMinutes));
                ml.Regression.Evaluate(model.Transform(split.TestSet), nameof(Flight.DelayMinutes));
                ml.Regression.Evaluate(model.Transform(Whole(ml, data)), nameof(Flight.DelayMinutes));
                return ml.Regression.Evaluate(model.Transform(ml.Data.SkipRows(Untouched(ml, data), 100)), nameof(Flight.DelayMinutes)).RSquared;
            }
        }
        """);

    // Round 10's pickup trainer caps values at their 99th percentile, read off the sorted values by hand, over every row
    // before the split; a median by a helper of the project is the same. The last row, and a percentile of the training
    // rows, are not.
    [Fact]
    public Task Fires_on_a_percentile_written_by_hand_over_every_row() => VerifyAsync("""
        public static class Training
        {
            public static void Capped(List<Flight> flights)
            {
                var miles = flights.Select(f => f.DistanceMiles).OrderBy(m => m).ToArray();
                var cap = {|#0:miles[(int)(0.99 * (miles.Length - 1))]|};
                var capped = flights.Select(f => new Flight { Departure = f.Departure, DistanceMiles = Math.Min(f.DistanceMiles, cap), DelayMinutes = f.DelayMinutes }).ToList();
                var (train, test) = FlightFeatures.SplitByTime(capped, 0.2);
                var features = FlightFeatures.Fit(train).ToDataView(test, f => f.DelayMinutes);
            }

            public static void Centred(List<Flight> flights)
            {
                var median = {|#1:Median(flights.Select(f => f.DistanceMiles).ToList())|};
                var centred = flights.Select(f => new Flight { Departure = f.Departure, DistanceMiles = f.DistanceMiles - median }).ToList();
                var (train, test) = FlightFeatures.SplitByTime(centred, 0.2);
                var features = FlightFeatures.Fit(train).ToDataView(test, f => f.DelayMinutes);
            }

            private static float Median(List<float> values)
            {
                var sorted = values.OrderBy(v => v).ToList();
                return sorted[sorted.Count / 2];
            }

            public static void InPlace(List<Flight> flights)
            {
                var miles = flights.Select(f => f.DistanceMiles).ToArray();
                Array.Sort(miles);
                var floor = {|#2:miles[miles.Length / 100]|};
                var unsorted = flights.Select(f => f.DistanceMiles).ToArray();
                var any = unsorted[unsorted.Length / 2];
                var floored = flights.Select(f => new Flight { Departure = f.Departure, DistanceMiles = Math.Max(f.DistanceMiles, floor + any * 0) }).ToList();
                var (train, test) = FlightFeatures.SplitByTime(floored, 0.2);
                var features = FlightFeatures.Fit(train).ToDataView(test, f => f.DelayMinutes);
            }

            public static void Silent(List<Flight> flights)
            {
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                var miles = train.Select(f => f.DistanceMiles).OrderBy(m => m).ToArray();
                var cap = miles[(int)(0.99 * (miles.Length - 1))];
                var last = flights[flights.Count - 1].DistanceMiles;
                var capped = test.Select(f => new Flight { DistanceMiles = Math.Min(f.DistanceMiles, Math.Min(cap, last)) }).ToList();
                var features = FlightFeatures.Fit(train).ToDataView(capped, f => f.DelayMinutes);
            }
        }
        """,
        Statistic("percentile", "flights", "test", 0),
        Statistic("percentile", "flights", "test", 1),
        Statistic("percentile", "flights", "test", 2));

    // Round 9's football engine: Train fits on every row and returns the model with a split of them, whose test side the
    // caller evaluates. Returned after a fit on the training side, the split is what the caller should have.
    [Fact]
    public Task Fires_on_a_model_returned_with_a_split_of_the_rows_it_was_fitted_on() => VerifyAsync("""
        public sealed class Engine
        {
            private readonly MLContext _ml = new MLContext(seed: 1);

            public (ITransformer Model, DataOperationsCatalog.TrainTestData Split) Train(IDataView data)
            {
                var pipeline = _ml.Regression.Trainers.Sdca(nameof(Flight.DelayMinutes), nameof(Flight.DistanceMiles));
                var split = _ml.Data.TrainTestSplit(data, testFraction: 0.2);
                var model = {|#0:pipeline.Fit(data)|};
                return (model, split);
            }

            public (ITransformer Model, DataOperationsCatalog.TrainTestData Split) TrainRight(IDataView data)
            {
                var split = _ml.Data.TrainTestSplit(data, testFraction: 0.2);
                var model = _ml.Regression.Trainers.Sdca(nameof(Flight.DelayMinutes), nameof(Flight.DistanceMiles)).Fit(split.TrainSet);
                return (model, split);
            }
        }
        """,
        new DiagnosticResult(Descriptors.PreprocessingLeakage).WithLocation(0).WithArguments("This fit runs on", "data", "split.TestSet",
            "fit on the training rows only; the model is returned with the split, whose test side its caller evaluates"));

    // Round 8's sales trainer: one example a day, whose label is that day's own count. Each row holds its own group's
    // statistics and no other row's, so a split of the days leaks none. The same groups made into a lookup still leak.
    [Fact]
    public Task Does_not_fire_on_statistics_of_the_group_each_example_is_made_of() => VerifyAsync("""
        public sealed class Day
        {
            public float Weekday { get; set; }
            public float MeanMiles { get; set; }
            public float Label { get; set; }
        }

        public static class Training
        {
            public static void Run(MLContext ml, List<Flight> flights)
            {
                var days = flights.GroupBy(f => f.Departure.Date)
                    .Select(g => new Day { Weekday = (float)g.Key.DayOfWeek, MeanMiles = g.Average(f => f.DistanceMiles), Label = g.Count() })
                    .ToList();
                var split = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(days), testFraction: 0.2);
                var model = ml.Regression.Trainers.FastTree().Fit(split.TrainSet);
                ml.Regression.Evaluate(model.Transform(split.TestSet));
            }

            public static void Lookup(MLContext ml, List<Flight> flights)
            {
                var sizes = flights.GroupBy(f => f.Origin).Select(g => new { g.Key, Size = {|#0:g.Count()|} }).ToDictionary(x => x.Key, x => x.Size);
                var rows = flights.Select(f => new Day { MeanMiles = sizes[f.Origin], Label = f.DelayMinutes }).ToList();
                var split = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(rows), testFraction: 0.2);
                var model = ml.Regression.Trainers.FastTree().Fit(split.TrainSet);
                ml.Regression.Evaluate(model.Transform(split.TestSet));
            }
        }
        """, Statistic("count per group", "flights", "model.Transform(split.TestSet)", 0));

    [Fact]
    public Task Fires_on_a_label_mean_per_group_kept_in_loops_over_all_rows() => VerifyAsync("""
        public static class Training
        {
            public static float[] Run(Flight[] flights)
            {
                var sums = new Dictionary<string, float>();
                var counts = new Dictionary<string, int>();
                foreach (var f in flights)
                {
                    sums.TryGetValue(f.Origin, out var sum);
                    sums[f.Origin] = sum;
                    {|#0:sums[f.Origin] += f.DelayMinutes|};
                    counts[f.Origin] = counts.GetValueOrDefault(f.Origin) + 1;
                }

                var means = new Dictionary<string, float>();
                foreach (var g in flights.GroupBy(f => f.Origin))
                {
                    means[g.Key] = {|#1:g.Average(f => f.DelayMinutes)|};
                }

                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                return test.Select(f => sums[f.Origin] / counts[f.Origin] - means[f.Origin]).ToArray();
            }
        }
        """, Statistic("sum per group", "flights", "test", 0), Statistic("mean per group", "flights", "test", 1));

    [Fact]
    public Task Is_silent_on_a_label_mean_per_group_of_the_training_rows_and_on_one_of_the_test_rows_that_scores_them() => VerifyAsync("""
        public static class Training
        {
            public static double Run(Flight[] flights, Func<Flight, float> predict)
            {
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                var delayByOrigin = train.GroupBy(f => f.Origin).ToDictionary(g => g.Key, g => g.Average(f => f.DelayMinutes));
                var encoded = test.Select(f => delayByOrigin.TryGetValue(f.Origin, out var mean) ? mean : 0f).ToArray();
                var errorByOrigin = test.GroupBy(f => f.Origin).ToDictionary(g => g.Key, g => g.Average(f => Math.Abs(f.DelayMinutes - predict(f))));
                foreach (var g in flights.GroupBy(f => f.Origin))
                {
                    Console.WriteLine($"{g.Key}: {g.Count()} flights, {g.Average(f => f.DelayMinutes)} minutes late");
                }

                return encoded.Average() + errorByOrigin.Values.Max();
            }
        }
        """);

    // A mean kept by hand in a loop over every row is as much a fit as LINQ's Average.

    [Fact]
    public Task Fires_on_missing_values_filled_with_a_mean_summed_in_a_loop_over_all_rows() => VerifyAsync("""
        public static class Training
        {
            public static double[] Run(List<Flight> flights)
            {
                double sum = 0;
                var n = 0;
                foreach (var f in flights.OrderBy(f => f.Departure))
                {
                    if (f.TaxiMinutes is double taxi)
                    {
                        {|#0:sum += taxi|};
                        n++;
                    }
                }

                var meanTaxi = sum / n;
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                return test.Select(f => f.TaxiMinutes ?? meanTaxi).ToArray();
            }
        }
        """, Statistic("sum", "flights", "test"));

    [Fact]
    public Task Fires_on_a_sum_kept_in_a_loop_over_selected_values_of_all_rows() => VerifyAsync("""
        public static class Training
        {
            public static float[] Run(Flight[] flights)
            {
                var total = 0f;
                foreach (var miles in flights.Select(f => f.DistanceMiles))
                {
                    {|#0:total += miles|};
                }

                var split = FlightFeatures.SplitByTime(flights, 0.2);
                return split.Test.Select(f => f.DistanceMiles * flights.Length / total).ToArray();
            }
        }
        """, Statistic("sum", "flights", "split.Test"));

    [Fact]
    public Task Fires_on_a_sum_kept_in_a_for_loop_over_the_indices_of_all_rows() => VerifyAsync("""
        public static class Training
        {
            public static float[] Run(Func<List<Flight>> load)
            {
                var flights = load();
                var total = 0f;
                for (var i = 0; i < flights.Count; i++)
                {
                    var flight = flights[i];
                    {|#0:total += flight.DistanceMiles|};
                }

                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                return test.Select(f => f.DistanceMiles / (total / flights.Count)).ToArray();
            }
        }
        """, Statistic("sum", "flights", "test"));

    // An expanding window gives each row the sum of the rows before it, as serving will: no row sees a later one.

    [Fact]
    public Task Is_silent_on_running_sums_whose_value_so_far_each_row_is_given() => VerifyAsync("""
        public static class Training
        {
            public static float[] Run(Flight[] flights)
            {
                var runningMiles = 0f;
                var seen = 0;
                var meanBefore = new Dictionary<DateTime, float>();
                var delaysBefore = new List<float>();
                var delayByOrigin = new Dictionary<string, float>();
                foreach (var f in flights.OrderBy(f => f.Departure))
                {
                    meanBefore[f.Departure] = seen == 0 ? 0 : runningMiles / seen;
                    var soFar = delayByOrigin.GetValueOrDefault(f.Origin);
                    delaysBefore.Add(soFar);
                    delayByOrigin.TryAdd(f.Origin, 0);
                    runningMiles += f.DistanceMiles;
                    delayByOrigin[f.Origin] += f.DelayMinutes;
                    seen++;
                }

                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                return test.Select(f => meanBefore[f.Departure] + delaysBefore.Count).ToArray();
            }
        }
        """);

    [Fact]
    public Task Is_silent_on_sums_kept_in_loops_over_the_training_rows_the_labels_or_only_shown() => VerifyAsync("""
        public static class Training
        {
            public static double Run(Flight[] flights)
            {
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                double trainSum = 0, delaySum = 0, shownSum = 0;
                var count = 0;
                foreach (var f in train)
                {
                    trainSum += f.DistanceMiles;
                    count += 1;
                }

                foreach (var f in flights)
                {
                    delaySum += f.DelayMinutes;
                    shownSum += f.DistanceMiles;
                }

                for (var i = 0; i < train.Length; i++)
                {
                    trainSum += train[i].DistanceMiles;
                }

                Console.WriteLine($"{shownSum / flights.Length} miles on average");
                var baseline = delaySum / flights.Length;
                var centred = test.Select(f => f.DistanceMiles - trainSum / count).ToArray();
                return test.Average(f => Math.Abs(f.DelayMinutes - baseline)) + centred.Sum();
            }
        }
        """);

    // The rows given to the model are often made by a local function that fills in and encodes: what it reads is applied there.

    [Fact]
    public Task Fires_on_statistics_of_all_rows_applied_by_a_local_function_to_the_rows_evaluated() => VerifyAsync("""
        public sealed class ModelRow
        {
            public float Taxi { get; set; }
            public float OriginDelay { get; set; }
            public float DelayMinutes { get; set; }
        }

        public static class Training
        {
            public static double Run(MLContext ml, List<Flight> flights)
            {
                double sum = 0;
                foreach (var f in flights)
                {
                    {|#0:sum += f.TaxiMinutes ?? 0|};
                }

                var delayByOrigin = flights.GroupBy(f => f.Origin).ToDictionary(g => g.Key, g => {|#1:g.Average(f => f.DelayMinutes)|});
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                var model = ml.Regression.Trainers.Sdca("DelayMinutes").Fit(ml.Data.LoadFromEnumerable(train.Select(Encode)));
                return ml.Regression.Evaluate(model.Transform(ml.Data.LoadFromEnumerable(test.Select(Encode))), "DelayMinutes").RSquared;

                ModelRow Encode(Flight f) => new() { Taxi = (float)(f.TaxiMinutes ?? sum / flights.Count), OriginDelay = delayByOrigin[f.Origin], DelayMinutes = f.DelayMinutes };
            }
        }
        """,
        Statistic("sum", "flights", "model.Transform(ml.Data.LoadFromEnumerable(test.Select(…", 0),
        Statistic("mean per group", "flights", "model.Transform(ml.Data.LoadFromEnumerable(test.Select(…", 1));

    // The project's own helpers that take a statistic of what they are given are fits at their calls.

    private const string StatisticHelpers = """
        public static class Stats
        {
            public static float Mean(IEnumerable<float> values) => values.Average();

            public static float MeanOf<T>(IEnumerable<T> rows, Func<T, float> value) => rows.Average(value);

            public static float Baseline(IEnumerable<Flight> rows) => rows.Average(f => f.DelayMinutes);

            public static int Describe(IReadOnlyList<Flight> rows)
            {
                Console.WriteLine($"{rows.Count} flights");
                return rows.Count;
            }
        }

        public sealed class Standardizer
        {
            private readonly float _mean;

            public Standardizer(IReadOnlyList<Flight> rows)
            {
                var sum = 0f;
                foreach (var f in rows)
                {
                    sum += f.DistanceMiles;
                }

                _mean = sum / rows.Count;
            }

            public float Apply(Flight f) => f.DistanceMiles - _mean;
        }

        public sealed class FlightIndex
        {
            private readonly Dictionary<DateTime, Flight> _byDeparture;

            public FlightIndex(IEnumerable<Flight> rows) => _byDeparture = rows.ToDictionary(f => f.Departure);

            public float Miles(Flight f) => _byDeparture.TryGetValue(f.Departure, out var known) ? known.DistanceMiles : 0;
        }

        """;

    [Fact]
    public Task Fires_on_helpers_of_the_project_that_take_a_statistic_of_all_rows() => VerifyAsync(StatisticHelpers + """
        public static class Training
        {
            public static float[] Run(List<Flight> flights)
            {
                var mean = {|#0:Stats.Mean(flights.Select(f => f.DistanceMiles))|};
                var longMean = {|#1:Stats.MeanOf(flights, f => f.DistanceMiles)|};
                var standardizer = {|#2:new Standardizer(flights)|};
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                return test.Select(f => f.DistanceMiles / mean + longMean + standardizer.Apply(f)).ToArray();
            }
        }
        """, Statistic("mean", "flights", "test", 0), Statistic("mean", "flights", "test", 1), Statistic("sum", "flights", "test", 2));

    [Fact]
    public Task Is_silent_on_helpers_given_the_training_rows_the_labels_or_that_take_no_statistic() => VerifyAsync(StatisticHelpers + """
        public static class Training
        {
            public static float[] Run(List<Flight> flights)
            {
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                var mean = Stats.Mean(train.Select(f => f.DistanceMiles));
                var standardizer = new Standardizer(train);
                var baseline = Stats.Baseline(flights) + Stats.Mean(flights.Select(f => f.DelayMinutes)) + Stats.MeanOf(flights, f => f.DelayMinutes);
                var index = new FlightIndex(flights);
                var size = Stats.Describe(flights);
                return test.Select(f => f.DistanceMiles / mean + standardizer.Apply(f) + index.Miles(f) + size + Math.Abs(f.DelayMinutes - baseline)).ToArray();
            }
        }
        """);

    // A split written by hand: two filters of the same rows, the held-out side named for what it is (test, testFlights,
    // holdout, validationRows). Nothing else says which side is evaluated, and a statistic of all rows used on it leaks as
    // much as one used on a split's Test.

    [Fact]
    public Task Fires_on_statistics_of_all_rows_applied_to_a_held_out_side_filtered_by_hand() => VerifyAsync("""
        public static class Training
        {
            public static double Run(List<Flight> flights, DateTime cutoff)
            {
                var train = flights.Where(f => f.Departure < cutoff).ToList();
                var test = flights.Where(f => f.Departure >= cutoff).ToList();
                var mean = {|#0:flights.Average(f => f.DistanceMiles)|};
                var lateShare = flights.GroupBy(f => f.Origin).ToDictionary(g => g.Key, g => {|#1:g.Count(f => f.DelayMinutes > 15)|} / (double)g.Count());
                var hits = test.Count(f => (lateShare.GetValueOrDefault(f.Origin) > 0.5) == (f.DelayMinutes > 15));
                return test.Average(f => f.DistanceMiles - mean) + hits / (double)test.Count;
            }
        }
        """, Statistic("mean", "flights", "test", 0), Statistic("count per group", "flights", "test", 1));

    [Fact]
    public Task Fires_on_fits_that_reach_held_out_rows_by_any_of_their_names() => VerifyAsync("""
        public static class Training
        {
            public static float[] Run(Flight[] flights)
            {
                var holdout = flights.Skip(1000).ToArray();
                var fitted = {|#0:FlightFeatures.Fit(flights)|};
                var mean = {|#1:flights.Average(f => f.DistanceMiles)|};
                var marchTest = flights.Where(f => f.Departure.Month == 3);
                var validationRows = flights.TakeLast(100);
                var scaled = marchTest.Select(f => f.DistanceMiles / mean).ToArray();
                return holdout.Select(f => fitted.Transform(f).Distance).Concat(validationRows.Select(f => fitted.Transform(f).Distance)).ToArray();
            }

            public static float[] Score(Flight[] train, Flight[] test)
            {
                var all = train.Concat(test).ToArray();
                var fitted = {|#2:FlightFeatures.Fit(all)|};
                return test.Select(f => fitted.Transform(f).Distance).ToArray();
            }
        }
        """, Leak("flights", "holdout", 0), Statistic("mean", "flights", "marchTest", 1), Leak("all", "test", 2));

    [Fact]
    public Task Is_silent_on_statistics_of_the_training_side_and_on_rows_named_for_something_else() => VerifyAsync("""
        public static class Training
        {
            public static double Run(List<Flight> flights, DateTime cutoff)
            {
                var train = flights.Where(f => f.Departure < cutoff).ToList();
                var test = flights.Where(f => f.Departure >= cutoff).ToList();
                var mean = train.Average(f => f.DistanceMiles);
                var fitted = FlightFeatures.Fit(train);
                var overall = flights.Average(f => f.DistanceMiles);
                var validRows = flights.Where(f => f.DistanceMiles > 0).ToList();
                var latest = flights.Where(f => f.Departure >= cutoff).ToList();
                var contest = flights.Take(10).ToList();
                return test.Average(f => f.DistanceMiles - mean + fitted.Transform(f).Distance)
                    + validRows.Average(f => f.DistanceMiles / overall) + latest.Average(f => f.DistanceMiles / overall) + contest.Sum(f => f.DistanceMiles / overall);
            }

            public static float[] Score(Flight[] train, Flight[] test)
            {
                var fitted = FlightFeatures.Fit(train);
                return test.Select(f => fitted.Transform(f).Distance).ToArray();
            }
        }
        """);

    // Dropping the rows that miss a value before a statistic keeps every row that has one: the mean imputed into the test
    // rows was still taken over them. Any other Where may choose the training side by hand, and is not followed.

    [Fact]
    public Task Fires_on_statistics_and_fits_over_all_rows_that_have_a_value() => VerifyAsync("""
        public static class Training
        {
            public static float[] Run(List<Flight> flights)
            {
                var taxiMean = {|#0:flights.Where(f => f.TaxiMinutes.HasValue).Average(f => f.TaxiMinutes!.Value)|};
                var knownTaxi = flights.Select(f => f.TaxiMinutes).Where(t => t != null && !double.IsNaN(t.Value)).ToList();
                var longest = {|#1:knownTaxi.Max()|};
                var fitted = {|#2:FlightFeatures.Fit(flights.Where(f => !float.IsNaN(f.DistanceMiles) && f.Origin is not null))|};
                var named = flights.Where(f => f.TaxiMinutes is double && !string.IsNullOrEmpty(f.Origin)).ToList();
                var shortest = {|#3:named.Min(f => f.DistanceMiles)|};
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                return test.Select(f => (float)((f.TaxiMinutes ?? taxiMean) / longest) + fitted.Transform(f).Distance + shortest).ToArray();
            }
        }
        """,
        Leak("flights", "test", 2),
        Statistic("mean", "flights", "test", 0),
        Statistic("maximum", "flights", "test", 1),
        Statistic("minimum", "flights", "test", 3));

    [Fact]
    public Task Is_silent_on_statistics_over_rows_chosen_by_any_other_filter() => VerifyAsync("""
        public static class Training
        {
            public static float[] Run(List<Flight> flights, DateTime cutoff)
            {
                var taxiMean = flights.Where(f => f.TaxiMinutes.HasValue && f.Departure < cutoff).Average(f => f.TaxiMinutes!.Value);
                var longest = flights.Where(f => f.Departure < cutoff).Max(f => f.DistanceMiles);
                var longTaxi = flights.Where(f => f.TaxiMinutes > 5).Average(f => f.DistanceMiles);
                var everyOther = flights.Where((f, i) => f.TaxiMinutes.HasValue && i % 2 == 0).Average(f => f.DistanceMiles);
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                return test.Select(f => (float)(f.TaxiMinutes ?? taxiMean) / longest + longTaxi + everyOther).ToArray();
            }
        }
        """);

    // Frequency encoding: how many rows of every row's category there are, counted over all rows, is a fit too.

    [Fact]
    public Task Fires_on_group_sizes_of_all_rows_looked_up_for_the_test_rows_once_per_statistic() => VerifyAsync("""
        public static class Training
        {
            public static float[] Run(Flight[] flights)
            {
                var flightsFrom = flights.GroupBy(f => f.Origin).ToDictionary(g => g.Key, g => {|#0:g.Count()|});
                var meanMiles = flights.GroupBy(f => f.Origin).ToDictionary(g => g.Key, g => g.Count() > 0 ? {|#1:g.Sum(f => f.DistanceMiles)|} / g.Count() : 0);
                var counted = {|#2:flights.CountBy(f => f.Origin)|}.ToDictionary();
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                return test.Select(f => flightsFrom[f.Origin] + meanMiles[f.Origin] + counted[f.Origin]).ToArray();
            }
        }
        """, Statistic("count per group", "flights", "test", 0), Statistic("sum per group", "flights", "test", 1), Statistic("count per group", "flights", "test", 2));

    [Fact]
    public Task Is_silent_on_group_sizes_that_only_choose_or_describe_rows() => VerifyAsync("""
        public static class Training
        {
            public static float[] Run(Flight[] flights)
            {
                var sizes = flights.GroupBy(f => f.Origin).ToDictionary(g => g.Key, g => g.Count());
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                var fromTrain = train.GroupBy(f => f.Origin).ToDictionary(g => g.Key, g => g.Count());
                var countedInTrain = train.CountBy(f => f.Origin).ToDictionary();
                var lateOrNot = flights.CountBy(f => f.DelayMinutes > 15).ToDictionary();
                Console.WriteLine(string.Join(", ", sizes.Select(pair => $"{pair.Key}: {pair.Value}")));
                return test.Where(f => sizes[f.Origin] > 100).Select(f => (float)fromTrain.GetValueOrDefault(f.Origin) + countedInTrain[f.Origin] + lateOrNot[true]).ToArray();
            }
        }
        """);

    // Target encoding one row at a time: each test row's mean over the rows that share its key, its own among them.

    [Fact]
    public Task Fires_on_a_statistic_of_the_rows_sharing_each_test_rows_key() => VerifyAsync("""
        public static class Training
        {
            public static float[] Run(Flight[] flights)
            {
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                return test.Select(f => {|#0:flights.Where(x => x.Origin == f.Origin).Average(x => x.DelayMinutes)|}).ToArray();
            }

            public static int[] Shares(Flight[] flights)
            {
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                return test.Select(f => {|#1:flights.Where(x => string.Equals(x.Origin, f.Origin, StringComparison.Ordinal)).Count(x => x.DelayMinutes > 15)|}).ToArray();
            }

            public static int[] Sizes(Flight[] flights)
            {
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                return test.Select(f => {|#2:flights.Count(x => x.Origin == f.Origin)|}).ToArray();
            }

            public static List<float> Loop(Flight[] flights)
            {
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                var encoded = new List<float>();
                foreach (var f in test)
                {
                    encoded.Add({|#3:flights.Where(x => x.Origin == f.Origin).Average(x => x.DelayMinutes)|});
                }

                return encoded;
            }
        }
        """,
        Statistic("mean per group", "flights", "test", 0),
        Statistic("count per group", "flights", "test", 1),
        Statistic("count per group", "flights", "test", 2),
        Statistic("mean per group", "flights", "test", 3));

    [Fact]
    public Task Is_silent_on_a_statistic_of_the_training_rows_sharing_a_key_and_on_the_rows_before_each_row() => VerifyAsync("""
        public static class Training
        {
            public static float[] Run(Flight[] flights)
            {
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                var encoded = test.Select(f => train.Where(x => x.Origin == f.Origin).Average(x => x.DelayMinutes) + train.Count(x => x.Origin == f.Origin)).ToArray();
                var before = test.Select(f => flights.Where(x => x.Origin == f.Origin && x.Departure < f.Departure).Average(x => x.DistanceMiles)).ToArray();
                var sameFlight = test.Select(f => flights.Where(x => x.Origin == "SEA").Max(x => x.DistanceMiles)).ToArray();
                return encoded.Zip(before, (a, b) => a + b).Zip(sameFlight, (a, b) => a + b).ToArray();
            }

            public static List<float> Loop(Flight[] flights)
            {
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                var encoded = new List<float>();
                foreach (var f in test)
                {
                    encoded.Add(train.Where(x => x.Origin == f.Origin).Average(x => x.DelayMinutes));
                }

                return encoded;
            }
        }
        """);

    // A share of each test row's group written as one Count, its condition on the label beside the keys: the numerator is
    // the fit, the group's size beside it its denominator. A condition that reads the row itself is still a window.
    [Fact]
    public Task Fires_on_a_count_of_the_rows_sharing_each_test_rows_key_with_a_label_condition() => VerifyAsync("""
        public static class Training
        {
            public static double[] Shares(Flight[] flights)
            {
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                return test.Select(f => {|#0:flights.Count(x => x.Origin == f.Origin && x.DelayMinutes > 15)|} / (double)flights.Count(x => x.Origin == f.Origin)).ToArray();
            }

            public static int[] LateCounts(Flight[] flights, float late)
            {
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                return test.Select(f => {|#1:flights.Where(x => x.DelayMinutes > late && x.Origin == f.Origin).Count()|}).ToArray();
            }
        }
        """,
        Statistic("count per group", "flights", "test", 0),
        Statistic("count per group", "flights", "test", 1));

    [Fact]
    public Task Is_silent_on_a_label_condition_beside_the_keys_over_the_training_rows_or_before_each_row() => VerifyAsync("""
        public static class Training
        {
            public static double[] Run(Flight[] flights)
            {
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                return test.Select(f => train.Count(x => x.Origin == f.Origin && x.DelayMinutes > 15) / (double)train.Count(x => x.Origin == f.Origin)
                    + flights.Count(x => x.Origin == f.Origin && x.DelayMinutes > 15 && x.Departure < f.Departure)
                    + flights.Count(x => x.Origin == f.Origin && x.DistanceMiles > 500)).ToArray();
            }
        }
        """);

    // The label's most common value per category (a city's state), looked up for each test row, is target encoding for a
    // classifier: the zip codes dogfood's baseline. Over every row it is only the majority class, a baseline like any
    // statistic of the label.
    private const string ZipCodes = """
        [DataSource("geonames.zipcodes")]
        public sealed record ZipCode
        {
            public string City { get; init; } = "";
            public string County { get; init; } = "";
            [Label] public string State { get; init; } = "";
        }

        """;

    [Fact]
    public Task Fires_on_the_labels_most_common_value_per_category_looked_up_for_the_test_rows() => VerifyAsync(ZipCodes + """
        public static class Training
        {
            public static double Sorted(List<ZipCode> zips)
            {
                var test = zips.Where(z => z.County.StartsWith("A")).ToList();
                var stateOfCity = zips.GroupBy(z => z.City).ToDictionary(g => g.Key, g => g.GroupBy(x => x.State).OrderByDescending(s => {|#0:s.Count()|}).First().Key);
                return test.Count(z => stateOfCity.TryGetValue(z.City, out var s) && s == z.State) / (double)test.Count;
            }

            public static double Counted(List<ZipCode> zips)
            {
                var test = zips.Where(z => z.County.StartsWith("A")).ToList();
                var stateOfCity = zips.GroupBy(z => z.City).ToDictionary(g => g.Key, g => {|#1:g.CountBy(x => x.State)|}.MaxBy(p => p.Value).Key);
                return test.Count(z => stateOfCity[z.City] == z.State) / (double)test.Count;
            }

            public static string[] PerRow(List<ZipCode> zips)
            {
                var test = zips.Where(z => z.County.StartsWith("A")).ToList();
                return test.Select(z => zips.Where(x => x.City == z.City).GroupBy(x => x.State).MaxBy(s => {|#2:s.Count()|})!.Key).ToArray();
            }
        }
        """,
        Statistic("count per group", "zips", "test", 0),
        Statistic("count per group", "zips", "test", 1),
        Statistic("count per group", "zips", "test", 2));

    // Keeping the most frequent values by hand is a vocabulary with a maximum size, fitted as [Vocabulary(MaxSize = 20)] is.
    [Fact]
    public Task Fires_on_the_most_frequent_values_over_all_rows_kept_for_the_test_rows() => VerifyAsync("""
        public static class Training
        {
            public static string[] Run(Flight[] flights)
            {
                var common = flights.GroupBy(f => f.Origin).OrderByDescending(g => {|#0:g.Count()|}).Take(20).Select(g => g.Key).ToHashSet();
                var (train, test) = FlightFeatures.SplitByTime(flights, 0.2);
                return test.Select(f => common.Contains(f.Origin) ? f.Origin : "other").ToArray();
            }
        }
        """, Statistic("count per group", "flights", "test"));

    [Fact]
    public Task Is_silent_on_the_most_common_value_over_the_training_rows_on_the_majority_class_and_on_ranking_for_display() => VerifyAsync(ZipCodes + """
        public static class Training
        {
            public static double Run(List<ZipCode> zips)
            {
                var test = zips.Where(z => z.County.StartsWith("A")).ToList();
                var train = zips.Except(test).ToList();
                var stateOfCity = train.GroupBy(z => z.City).ToDictionary(g => g.Key, g => g.GroupBy(x => x.State).OrderByDescending(s => s.Count()).First().Key);
                var majority = zips.GroupBy(z => z.State).OrderByDescending(s => s.Count()).First().Key;
                var counted = zips.CountBy(z => z.State).MaxBy(p => p.Value).Key;
                var biggest = zips.GroupBy(z => z.City).OrderByDescending(g => g.Count()).Take(10).Select(g => g.Key);
                Console.WriteLine(string.Join(", ", biggest));
                return test.Count(z => (stateOfCity.TryGetValue(z.City, out var s) ? s : majority) == z.State || z.State == counted) / (double)test.Count;
            }
        }
        """);
}
