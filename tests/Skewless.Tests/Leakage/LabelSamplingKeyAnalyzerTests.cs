using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Leakage.Splits;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Leakage;

/// <summary>
/// ML.NET splits keyed by the label, written as if a sampling key stratified: FLIS's trainer keyed its split by
/// IsProfitable and then caught the "no positive samples" its test side caused.
/// </summary>
public sealed class LabelSamplingKeyAnalyzerTests
{
    private const string Rows = """
        using System;
        using System.Collections.Generic;
        using Microsoft.ML;
        using Microsoft.ML.Data;
        using Skewless;

        [DataSource("trades")]
        public sealed class Trade
        {
            public float Gas { get; set; }
            public string Venue { get; set; } = "";
            [Label] public bool Profitable { get; set; }
        }

        public sealed class PlainTrade
        {
            public float Gas { get; set; }
            public string Venue { get; set; } = "";
            public bool Profitable { get; set; }
        }

        [DataSource("timed_trades")]
        public sealed class TimedTrade
        {
            [EventTime] public DateTime At { get; set; }
            [Label] public bool Profitable { get; set; }
        }

        [DataSource("grouped_trades")]
        public sealed class GroupedTrade
        {
            [GroupKey] public string Contract { get; set; } = "";
            [Label, ColumnName("Won")] public bool Profitable { get; set; }
        }

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        Verify.AnalyzerAsync<LabelSamplingKeyAnalyzer>(Verify.Setup.GeneratedWithMachineLearning, [Rows + source], expected);

    private const string NoGroup = "drop it, or key the split by the rows' group";

    private static DiagnosticResult Keyed(int location, string key, string split = "TrainTestSplit", string what = "the label", string remedy = NoGroup) =>
        new DiagnosticResult(Descriptors.LabelSamplingKey).WithLocation(location).WithArguments(
            split,
            key,
            what,
            split.StartsWith("CrossValid", StringComparison.Ordinal) ? "in the same fold, so a fold's test rows" : "on the same side, so the test rows",
            remedy);

    [Fact]
    public Task Fires_on_a_key_that_is_the_rows_label() => VerifyAsync("""
        public static class Cases
        {
            public static IDataView Annotated(MLContext ml, List<Trade> rows)
            {
                var view = ml.Data.LoadFromEnumerable(rows);
                return {|#0:ml.Data.TrainTestSplit(view, testFraction: 0.2, samplingKeyColumnName: "Profitable")|}.TestSet;
            }

            // Loaded by a helper of the class, keyed by nameof, in cross-validation.
            public static int CrossValidated(MLContext ml, List<Trade> rows)
            {
                var pipeline = ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: nameof(Trade.Profitable));
                return {|#1:ml.BinaryClassification.CrossValidate(Load(ml, rows), pipeline, labelColumnName: nameof(Trade.Profitable), samplingKeyColumnName: nameof(Trade.Profitable))|}.Count;
            }

            private static IDataView Load(MLContext ml, List<Trade> rows) => ml.Data.LoadFromEnumerable(rows);
        }
        """, Keyed(0, "Profitable"), Keyed(1, "Profitable", split: "CrossValidate"));

    [Fact]
    public Task Fires_on_a_key_that_is_the_label_a_trainer_or_evaluation_is_given() => VerifyAsync("""
        public static class Cases
        {
            public static double Unannotated(MLContext ml, List<PlainTrade> rows)
            {
                var view = ml.Data.LoadFromEnumerable(rows);
                var split = {|#0:ml.Data.TrainTestSplit(view, testFraction: 0.2, samplingKeyColumnName: "Profitable")|};
                var model = ml.Transforms.Concatenate("Features", "Gas")
                    .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: "Profitable"))
                    .Fit(split.TrainSet);
                return ml.BinaryClassification.Evaluate(model.Transform(split.TestSet), "Profitable").AreaUnderRocCurve;
            }

            // A view whose rows are not known, cross-validated with the label it is given.
            public static int Handed(MLContext ml, IDataView view, IEstimator<ITransformer> pipeline) =>
                {|#1:ml.BinaryClassification.CrossValidate(view, pipeline, labelColumnName: "Won", samplingKeyColumnName: "Won")|}.Count;
        }
        """, Keyed(0, "Profitable"), Keyed(1, "Won", split: "CrossValidate"));

    [Fact]
    public Task Fires_on_the_default_label_and_on_a_column_the_label_is_computed_from() => VerifyAsync("""
        public static class Cases
        {
            // A trainer given no label reads ML.NET's "Label".
            public static ITransformer Default(MLContext ml, IDataView view)
            {
                var split = {|#0:ml.Data.TrainTestSplit(view, 0.2, "Label")|};
                return ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(split.TrainSet);
            }

            public static ITransformer Mapped(MLContext ml, IDataView view)
            {
                var split = {|#1:ml.Data.TrainTestSplit(view, 0.2, samplingKeyColumnName: "Species")|};
                return ml.Transforms.Conversion.MapValueToKey("Label", "Species")
                    .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy())
                    .Fit(split.TrainSet);
            }
        }
        """, Keyed(0, "Label"), Keyed(1, "Species", what: "a column the label 'Label' is computed from"));

    // SKW204 and SKW203 report what the split does to time and groups; this names the label and a remedy that agrees.
    [Fact]
    public Task Fires_beside_the_time_and_group_rules_with_their_remedy() => VerifyAsync("""
        public static class Cases
        {
            public static IDataView Timed(MLContext ml, List<TimedTrade> rows) =>
                {|#0:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(rows), 0.2, samplingKeyColumnName: "Profitable")|}.TestSet;

            public static IDataView Grouped(MLContext ml, List<GroupedTrade> rows) =>
                {|#1:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(rows), 0.2, samplingKeyColumnName: nameof(GroupedTrade.Profitable))|}.TestSet;
        }
        """,
        Keyed(0, "Profitable", remedy: "drop it, and split the rows by time"),
        Keyed(1, "Profitable", remedy: "key the split by the rows' group, samplingKeyColumnName: \"Contract\""));

    [Fact]
    public Task Does_not_fire_on_another_key_the_group_key_or_an_unknown_label() => VerifyAsync("""
        public static class Cases
        {
            public static IDataView OtherColumn(MLContext ml, List<Trade> rows) =>
                ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(rows), 0.2, samplingKeyColumnName: "Venue").TestSet;

            public static IDataView GroupKey(MLContext ml, List<GroupedTrade> rows) =>
                ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(rows), 0.2, samplingKeyColumnName: "Contract").TestSet;

            // No [Label] and nothing in the method given a label: "Profitable" may be any column.
            public static IDataView Unknown(MLContext ml, List<PlainTrade> rows) =>
                ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(rows), 0.2, samplingKeyColumnName: "Profitable").TestSet;

            // Nothing in the method trains or evaluates, so ML.NET's default label is no one's.
            public static IDataView NoTrainer(MLContext ml, IDataView view) =>
                ml.Data.TrainTestSplit(view, 0.2, samplingKeyColumnName: "Label").TestSet;

            public static ITransformer OtherThanTheTrainers(MLContext ml, IDataView view)
            {
                var split = ml.Data.TrainTestSplit(view, 0.2, samplingKeyColumnName: "Venue", seed: 1);
                return ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: "Profitable").Fit(split.TrainSet);
            }

            public static IDataView Unkeyed(MLContext ml, List<Trade> rows) =>
                ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(rows), 0.2, samplingKeyColumnName: null).TestSet;
        }
        """);

    // A regression's label is nearly unique per row: keyed by it, the split is as random as one with no key. The same
    // measurement binned into classes by a classifier of the method is a class label again.
    [Fact]
    public Task Fires_on_a_measured_label_only_where_a_classifier_is_trained_on_it() => VerifyAsync("""
        [DataSource("sales")]
        public sealed class Sale
        {
            public float Gas { get; set; }
            [Label] public float Price { get; set; }
        }

        public static class Cases
        {
            public static IDataView Annotated(MLContext ml, List<Sale> rows) =>
                ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(rows), 0.2, samplingKeyColumnName: nameof(Sale.Price)).TestSet;

            public static ITransformer Unannotated(MLContext ml, IDataView view)
            {
                var split = ml.Data.TrainTestSplit(view, 0.2, samplingKeyColumnName: "Price");
                return ml.Regression.Trainers.Sdca(labelColumnName: "Price").Fit(split.TrainSet);
            }

            public static ITransformer Classified(MLContext ml, List<Sale> rows)
            {
                var split = {|#0:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(rows), 0.2, samplingKeyColumnName: "Price")|};
                return ml.Transforms.Conversion.MapValueToKey("Label", "Price")
                    .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy()).Fit(split.TrainSet);
            }
        }
        """,
        Keyed(0, "Price"));
}
