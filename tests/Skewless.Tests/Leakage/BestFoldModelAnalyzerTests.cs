using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Leakage.Evaluation;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Leakage;

/// <summary>
/// The model of the cross-validation fold that scored best, shipped as the model: seen in public ML.NET code as
/// <c>cvResults.OrderByDescending(r =&gt; r.Metrics.RSquared).First().Model</c>, and taught so in a guide.
/// </summary>
public sealed class BestFoldModelAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Linq;
        using Microsoft.ML;

        public sealed class House
        {
            public float Rooms { get; set; }
            public float Price { get; set; }
        }

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        Verify.AnalyzerAsync<BestFoldModelAnalyzer>(Verify.Setup.GeneratedWithMachineLearning, [Usings + source], expected);

    private static DiagnosticResult BestFold(int location) => new DiagnosticResult(Descriptors.BestFoldModel).WithLocation(location);

    [Fact]
    public Task Fires_on_the_model_of_a_fold_picked_by_its_score() => VerifyAsync("""
        public static class Trainer
        {
            public static ITransformer Sorted(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline)
            {
                var cv = ml.Regression.CrossValidate(data, pipeline, numberOfFolds: 5, labelColumnName: "Price");
                return {|#0:cv.OrderByDescending(r => r.Metrics.RSquared).First().Model|};
            }

            public static void KeptInLocals(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline)
            {
                var cv = ml.Regression.CrossValidate(data, pipeline, labelColumnName: "Price");
                var ordered = cv.OrderBy(r => r.Metrics.RootMeanSquaredError).ToList();
                var best = ordered.First();
                ml.Model.Save({|#1:best.Model|}, data.Schema, "model.zip");
            }

            public static ITransformer Reduced(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline)
            {
                var cv = ml.BinaryClassification.CrossValidate(data, pipeline);
                var first = {|#2:cv.MaxBy(fold => fold.Metrics.AreaUnderRocCurve)!.Model|};
                return first ?? {|#3:cv.Aggregate((a, b) => a.Metrics.Accuracy >= b.Metrics.Accuracy ? a : b).Model|};
            }

            public static ITransformer Loop(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline)
            {
                var cv = ml.Regression.CrossValidate(data, pipeline, labelColumnName: "Price");
                ITransformer bestModel = null!;
                var bestScore = double.MinValue;
                foreach (var fold in cv)
                {
                    if (fold.Metrics.RSquared > bestScore)
                    {
                        bestScore = fold.Metrics.RSquared;
                        bestModel = {|#4:fold.Model|};
                    }
                }

                return bestModel;
            }

            public static ITransformer LoopKeepingTheFold(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline)
            {
                var cv = ml.Regression.CrossValidate(data, pipeline, labelColumnName: "Price");
                var bestFold = cv[0];
                foreach (var fold in cv)
                {
                    if (fold.Metrics.MeanAbsoluteError < bestFold.Metrics.MeanAbsoluteError)
                    {
                        bestFold = fold;
                    }
                }

                return {|#5:bestFold.Model|};
            }

            public static ITransformer Conditional(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline)
            {
                var cv = ml.Regression.CrossValidate(data, pipeline, labelColumnName: "Price");
                var kept = cv[0];
                foreach (var fold in cv)
                {
                    kept = fold.Metrics.RSquared > kept.Metrics.RSquared ? fold : kept;
                }

                return {|#6:kept.Model|};
            }
        }
        """,
        BestFold(0), BestFold(1), BestFold(2), BestFold(3), BestFold(4), BestFold(5), BestFold(6));

    [Fact]
    public Task Is_silent_on_folds_taken_without_their_scores_on_a_gate_on_the_mean_and_on_other_types() => VerifyAsync("""
        public sealed class Trial
        {
            public ITransformer Model = null!;
            public double Metrics;
        }

        public static class Trainer
        {
            public static ITransformer Refit(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline)
            {
                var cv = ml.Regression.CrossValidate(data, pipeline, labelColumnName: "Price");
                Console.WriteLine(cv.Average(fold => fold.Metrics.RSquared));
                var best = cv.OrderByDescending(r => r.Metrics.RSquared).First();
                Console.WriteLine(best.Fold);
                return pipeline.Fit(data);
            }

            public static ITransformer[] Folds(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline)
            {
                var cv = ml.Regression.CrossValidate(data, pipeline, labelColumnName: "Price");
                var first = cv.First();
                if (cv.Average(fold => fold.Metrics.RSquared) > 0.8)
                {
                    Console.WriteLine(first.Model ?? cv[0].Model);
                }

                Console.WriteLine(cv.First(fold => fold.Fold == 2).Model);
                return cv.Select(fold => fold.Model).ToArray();
            }

            public static ITransformer Trials(Trial[] trials) => trials.OrderByDescending(trial => trial.Metrics).First().Model;
        }
        """);
}
