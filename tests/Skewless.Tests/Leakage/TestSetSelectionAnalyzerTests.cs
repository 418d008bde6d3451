using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Leakage.Evaluation;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Leakage;

/// <summary>
/// Models tried in a loop and the best kept by its score on the test rows: round 15's forecaster chose its SSA window size
/// by the test rows' error, through a helper's out arguments, and reported that error as the model's.
/// </summary>
public sealed class TestSetSelectionAnalyzerTests
{
    private const string Usings = """
        using System;
        using Microsoft.ML;
        using Microsoft.ML.Data;

        public sealed class House
        {
            public float Rooms { get; set; }
            public float Price { get; set; }
        }

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        Verify.AnalyzerAsync<TestSetSelectionAnalyzer>(Verify.Setup.GeneratedWithMachineLearning, [Usings + source], expected);

    private static DiagnosticResult Chosen(int location, string rows) => new DiagnosticResult(Descriptors.TestSetSelection).WithLocation(location).WithArguments(rows);

    [Fact]
    public Task Fires_on_the_best_of_models_scored_on_the_test_side() => VerifyAsync("""
        public static class Trainer
        {
            public static ITransformer Tuned(MLContext ml, IDataView data)
            {
                var split = ml.Data.TrainTestSplit(data, testFraction: 0.2);
                ITransformer best = null;
                var bestScore = double.MinValue;
                foreach (var iterations in new[] { 10, 50, 100 })
                {
                    var model = ml.Regression.Trainers.Sdca("Price", "Rooms", maximumNumberOfIterations: iterations).Fit(split.TrainSet);
                    var metrics = ml.Regression.Evaluate(model.Transform(split.TestSet), "Price");
                    if ({|#0:metrics.RSquared > bestScore|})
                    {
                        bestScore = metrics.RSquared;
                        best = model;
                    }
                }

                Console.WriteLine($"R² {bestScore}");
                return best;
            }

            // Round 15's shape: the test rows are named so, and a helper of the project scores through out arguments.
            public static int Window(MLContext ml, IDataView trainSet, IDataView testSet)
            {
                double bestError = double.MaxValue;
                var bestWindow = 0;
                for (var window = 2; window < 12; window++)
                {
                    var model = ml.Regression.Trainers.Sdca("Price", "Rooms", maximumNumberOfIterations: window).Fit(trainSet);
                    Score(testSet, model, out var error);
                    if ({|#1:error < bestError|})
                    {
                        bestError = error;
                        bestWindow = window;
                    }
                }

                return bestWindow;
            }

            // A grid of two settings, nested loops: the keep is reported once.
            public static ITransformer Grid(MLContext ml, IDataView train, IDataView test)
            {
                ITransformer best = null;
                var bestScore = double.MinValue;
                foreach (var iterations in new[] { 10, 50 })
                {
                    foreach (var l2 in new[] { 0.1f, 1f })
                    {
                        var model = ml.Regression.Trainers.Sdca("Price", "Rooms", l2Regularization: l2, maximumNumberOfIterations: iterations).Fit(train);
                        var r2 = ml.Regression.Evaluate(model.Transform(test), "Price").RSquared;
                        if ({|#2:r2 > bestScore|})
                        {
                            bestScore = r2;
                            best = model;
                        }
                    }
                }

                return best;
            }

            private static void Score(IDataView rows, ITransformer model, out double error) => error = 0;
        }
        """,
        Chosen(0, "split.TestSet"),
        Chosen(1, "testSet"),
        Chosen(2, "test"));

    [Fact]
    public Task Does_not_fire_on_choosing_on_a_validation_side_scoring_every_model_or_keeping_the_best_training_score() => VerifyAsync("""
        public static class Trainer
        {
            public static ITransformer Validated(MLContext ml, IDataView data)
            {
                var split = ml.Data.TrainTestSplit(data, testFraction: 0.2);
                var inner = ml.Data.TrainTestSplit(split.TrainSet, testFraction: 0.2);
                var validation = inner.TestSet;
                ITransformer best = null;
                var bestScore = double.MinValue;
                foreach (var iterations in new[] { 10, 50, 100 })
                {
                    var model = ml.Regression.Trainers.Sdca("Price", "Rooms", maximumNumberOfIterations: iterations).Fit(inner.TrainSet);
                    var metrics = ml.Regression.Evaluate(model.Transform(validation), "Price");
                    if (metrics.RSquared > bestScore)
                    {
                        bestScore = metrics.RSquared;
                        best = model;
                    }
                }

                Console.WriteLine(ml.Regression.Evaluate(best.Transform(split.TestSet), "Price").RSquared);
                return best;
            }

            public static void Reported(MLContext ml, IDataView train, IDataView test)
            {
                foreach (var iterations in new[] { 10, 50, 100 })
                {
                    var model = ml.Regression.Trainers.Sdca("Price", "Rooms", maximumNumberOfIterations: iterations).Fit(train);
                    var metrics = ml.Regression.Evaluate(model.Transform(test), "Price");
                    if (metrics.RSquared > 0.9)
                    {
                        Console.WriteLine($"{iterations}: {metrics.RSquared}");
                    }
                }
            }

            public static ITransformer TrainingScore(MLContext ml, IDataView train, IDataView test)
            {
                ITransformer best = null;
                var bestScore = double.MinValue;
                foreach (var iterations in new[] { 10, 50, 100 })
                {
                    var model = ml.Regression.Trainers.Sdca("Price", "Rooms", maximumNumberOfIterations: iterations).Fit(train);
                    var metrics = ml.Regression.Evaluate(model.Transform(train), "Price");
                    if (metrics.RSquared > bestScore)
                    {
                        bestScore = metrics.RSquared;
                        best = model;
                    }
                }

                return best;
            }
        }
        """);
}
