using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Leakage.Dependencies;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Leakage;

/// <summary>
/// ML.NET's taxi-fare sample, annotated as a team adopting Skewless would: its pipeline concatenates the trip's duration,
/// known only once the trip has ended, into the model's features.
/// </summary>
public sealed class PipelineColumnAnalyzerTests
{
    private const string TaxiTrip = """
        using System;
        using System.Linq;
        using Microsoft.ML;
        using Microsoft.ML.Data;
        using Skewless;

        [DataSource("nyc.taxi_trips")]
        public sealed class TaxiTrip
        {
            [LoadColumn(0)] public string VendorId = "";
            [LoadColumn(3)] public float PassengerCount;
            [LoadColumn(4), NotAtServing("known only once the trip has ended")] public float TripTime;
            [LoadColumn(5)] public float TripDistance;
            [LoadColumn(6), Label, ColumnName("Fare")] public float FareAmount;
            [LoadColumn(7), ModelOutput] public float QuotedFare;
        }

        public sealed class Unmarked
        {
            [NotAtServing("not a data source")] public float TripTime;
        }

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        Verify.AnalyzerAsync<PipelineColumnAnalyzer>(Verify.Setup.GeneratedWithMachineLearning, [TaxiTrip + source], expected);

    private static DiagnosticResult NotAtServing(string feature, string how, int location = 0) =>
        new DiagnosticResult(Descriptors.NotAtServingDependency).WithLocation(location)
            .WithArguments(feature, "TaxiTrip.TripTime", "known only once the trip has ended", how);

    private const string Concatenate = "as an input column of ML.NET's Concatenate";

    private static DiagnosticResult LabelColumn(int location, string label, string how) =>
        new DiagnosticResult(Descriptors.LabelDependency).WithLocation(location).WithArguments("Features", label, how);

    [Fact]
    public Task Fires_on_marked_members_concatenated_into_the_features() => VerifyAsync("""
        public static class Training
        {
            public static ITransformer Run(MLContext ml, string path)
            {
                var data = ml.Data.LoadFromTextFile<TaxiTrip>(path, hasHeader: true, separatorChar: ',');
                var pipeline = ml.Transforms.CopyColumns(outputColumnName: "Label", inputColumnName: "Fare")
                    .Append(ml.Transforms.Categorical.OneHotEncoding(outputColumnName: "VendorIdEncoded", inputColumnName: nameof(TaxiTrip.VendorId)))
                    .Append(ml.Transforms.NormalizeMeanVariance(outputColumnName: nameof(TaxiTrip.TripTime)))
                    .Append(ml.Transforms.Concatenate("Features", "VendorIdEncoded", nameof(TaxiTrip.PassengerCount), {|#0:nameof(TaxiTrip.TripTime)|}, nameof(TaxiTrip.TripDistance)))
                    .Append(ml.Transforms.Concatenate("Leaky", {|#1:"TripTime"|}, {|#2:"Fare"|}, {|#3:nameof(TaxiTrip.QuotedFare)|}))
                    .Append(ml.Regression.Trainers.Sdca(labelColumnName: "Label", featureColumnName: "Features"));
                return pipeline.Fit(data);
            }

            public static ITransformer Alone(MLContext ml, IDataView data) =>
                ml.Regression.Trainers.Sdca(labelColumnName: "Fare", featureColumnName: {|#4:nameof(TaxiTrip.TripTime)|}).Fit(data);

            public static IEstimator<ITransformer> Text(MLContext ml) =>
                ml.Transforms.Text.FeaturizeText("Features", {|#5:nameof(TaxiTrip.TripTime)|});

            public static IEstimator<ITransformer> Derived(MLContext ml) =>
                ml.Transforms.Conversion.ConvertType("Minutes", nameof(TaxiTrip.TripTime))
                    .Append(ml.Transforms.NormalizeMinMax("Scaled", "Minutes"))
                    .Append(ml.Transforms.Concatenate("Features", nameof(TaxiTrip.TripDistance), {|#6:"Scaled"|}));
        }
        """,
        NotAtServing("Features", Concatenate, 0),
        NotAtServing("Leaky", Concatenate, 1),
        new DiagnosticResult(Descriptors.LabelDependency).WithLocation(2).WithArguments("Leaky", "TaxiTrip.FareAmount", Concatenate),
        new DiagnosticResult(Descriptors.ModelOutputDependency).WithLocation(3).WithArguments("Leaky", "TaxiTrip.QuotedFare", Concatenate),
        NotAtServing("TripTime", "as the feature column of ML.NET's Sdca", 4),
        NotAtServing("Features", "as an input column of ML.NET's FeaturizeText", 5),
        NotAtServing("Features", Concatenate + " through column 'Scaled'", 6));

    [Fact]
    public Task Is_silent_on_the_label_as_the_label_on_other_columns_and_on_names_it_cannot_tie_to_a_data_source() => VerifyAsync("""
        public static class Training
        {
            public static ITransformer Run(MLContext ml, string path)
            {
                var data = ml.Data.LoadFromTextFile<TaxiTrip>(path, hasHeader: true, separatorChar: ',');
                var pipeline = ml.Transforms.NormalizeMeanVariance(nameof(TaxiTrip.TripTime))
                    .Append(ml.Transforms.Text.FeaturizeText("VendorText", nameof(TaxiTrip.TripTime)))
                    .Append(ml.Transforms.Concatenate("Features", nameof(TaxiTrip.PassengerCount), nameof(TaxiTrip.TripDistance), nameof(Unmarked.TripTime)))
                    .Append(ml.Regression.Trainers.Sdca(labelColumnName: "Fare", featureColumnName: "Features"));
                return pipeline.Fit(data);
            }
        }

        // No data source type is named here or in its class: a string alone does not say which type's column it is.
        public static class Pipelines
        {
            public static IEstimator<ITransformer> Pipeline(MLContext ml) =>
                ml.Transforms.Concatenate("Features", "TripTime", "TripDistance");
        }
        """);

    [Fact]
    public Task Fires_on_marked_members_in_a_local_array_of_columns() => VerifyAsync("""
        public static class Training
        {
            public static IEstimator<ITransformer> Run(MLContext ml, string path)
            {
                var data = ml.Data.LoadFromTextFile<TaxiTrip>(path, hasHeader: true, separatorChar: ',');
                var numeric = new[] { nameof(TaxiTrip.PassengerCount), {|#0:"TripTime"|}, nameof(TaxiTrip.TripDistance) };
                return ml.Transforms.Concatenate("Features", numeric);
            }
        }
        """,
        NotAtServing("Features", Concatenate, 0));

    // A dental API's duration model: its label is a copy of the treatment's complexity, which is also a feature, so it learns
    // the identity. No member is marked [Label]: the team believes it predicts the duration.
    [Fact]
    public Task Fires_without_annotations_on_a_feature_the_label_is_computed_from() => VerifyAsync("""
        public sealed class Treatment
        {
            public float Age { get; set; }
            public float Complexity { get; set; }
        }

        public static class Durations
        {
            public static ITransformer Copied(MLContext ml, Treatment[] rows)
            {
                var data = ml.Data.LoadFromEnumerable(rows);
                var pipeline = ml.Transforms.CopyColumns(outputColumnName: "Label", inputColumnName: nameof(Treatment.Complexity))
                    .Append(ml.Transforms.NormalizeMinMax("ComplexityScaled", nameof(Treatment.Complexity)))
                    .Append(ml.Transforms.Concatenate("Features", nameof(Treatment.Age), {|#0:nameof(Treatment.Complexity)|}, {|#1:"ComplexityScaled"|}))
                    .Append(ml.Regression.Trainers.FastTree());
                return pipeline.Fit(data);
            }

            public static IEstimator<ITransformer> Named(MLContext ml) =>
                ml.Transforms.Concatenate("Features", "Age", {|#2:"Weeks"|}).Append(ml.Regression.Trainers.Sdca(labelColumnName: "Weeks"));

            public static IEstimator<ITransformer> Itself(MLContext ml) => ml.Transforms.Concatenate("Features", "Age", {|#3:"Label"|});

            // Model Builder names the label in the trainer's options.
            public static IEstimator<ITransformer> Options(MLContext ml) =>
                ml.Transforms.Concatenate("Features", "Age", {|#4:"Weeks"|})
                    .Append(ml.Regression.Trainers.FastTree(new Microsoft.ML.Trainers.FastTree.FastTreeRegressionTrainer.Options { LabelColumnName = "Weeks", FeatureColumnName = "Features" }));
        }
        """,
        LabelColumn(0, "Label", Concatenate + " through column 'Complexity', which the label is computed from"),
        LabelColumn(1, "Label", Concatenate + " through column 'Complexity', which the label is computed from"),
        LabelColumn(2, "Weeks", Concatenate),
        LabelColumn(3, "Label", Concatenate),
        LabelColumn(4, "Weeks", Concatenate));

    // Two models of one method with two labels, one the other's feature, as a stacked model is built: which label a
    // Concatenate serves is not known. A label computed from other columns than the features is no leak.
    [Fact]
    public Task Is_silent_on_methods_with_two_labels_and_on_labels_from_other_columns() => VerifyAsync("""
        public static class Durations
        {
            public static void Stacked(MLContext ml)
            {
                var first = ml.Transforms.Concatenate("Features", "Age").Append(ml.Regression.Trainers.Sdca(labelColumnName: "Complexity"));
                var second = ml.Transforms.Concatenate("Features", "Age", "Complexity").Append(ml.Regression.Trainers.Sdca(labelColumnName: "Weeks"));
            }

            public static IEstimator<ITransformer> Other(MLContext ml) =>
                ml.Transforms.CopyColumns("Label", "Weeks").Append(ml.Transforms.Concatenate("Features", "Age", "Complexity"));

            // Two models, each with ML.NET's default label copied from another column: one's label is the other's feature.
            public static void TwoCopies(MLContext ml, IDataView data)
            {
                var weeks = ml.Transforms.CopyColumns("Label", "Weeks").Append(ml.Transforms.Concatenate("Features", "Age")).Append(ml.Regression.Trainers.Sdca()).Fit(data);
                var cost = ml.Transforms.CopyColumns("Label", "Cost").Append(ml.Transforms.Concatenate("Features", "Age", "Weeks")).Append(ml.Regression.Trainers.Sdca()).Fit(data);
            }

            public static IEstimator<ITransformer> Configured(MLContext ml, string label) =>
                ml.Transforms.Concatenate("Features", "Age", "Label").Append(ml.Regression.Trainers.Sdca(labelColumnName: label));
        }
        """);

    // Model Builder's generated ModelBuilder: CreateModel loads the rows, and BuildTrainingPipeline(MLContext), which names
    // no type, concatenates the columns by their names, the taxi trip's duration among them.
    [Fact]
    public Task Fires_in_a_method_that_names_no_row_type_on_the_rows_its_class_loads() => VerifyAsync("""
        public static class ModelBuilder
        {
            private static readonly MLContext mlContext = new MLContext(seed: 1);

            public static void CreateModel(string path)
            {
                IDataView trainingDataView = mlContext.Data.LoadFromTextFile<TaxiTrip>(path, hasHeader: true, separatorChar: ',');
                IEstimator<ITransformer> trainingPipeline = BuildTrainingPipeline(mlContext);
                ITransformer mlModel = trainingPipeline.Fit(trainingDataView);
            }

            public static IEstimator<ITransformer> BuildTrainingPipeline(MLContext mlContext)
            {
                var dataProcessPipeline = mlContext.Transforms.Categorical.OneHotEncoding(new[] { new InputOutputColumnPair("VendorId", "VendorId") })
                    .Append(mlContext.Transforms.Concatenate("Features", new[] { "VendorId", "PassengerCount", {|#0:"TripTime"|}, "TripDistance" }));
                var trainer = mlContext.Regression.Trainers.Sdca(labelColumnName: "Fare", featureColumnName: "Features");
                return dataProcessPipeline.Append(trainer);
            }
        }

        // Another class's pipeline over rows of its own, whose column shares the name: not the taxi trip's.
        public sealed class Shift
        {
            public float TripTime;
        }

        public static class Shifts
        {
            public static ITransformer Train(MLContext ml, string path)
            {
                var data = ml.Data.LoadFromTextFile<Shift>(path);
                return Pipeline(ml).Fit(data);
            }

            public static IEstimator<ITransformer> Pipeline(MLContext ml) => ml.Transforms.Concatenate("Features", "TripTime");
        }

        // A class that loads two row types with the column: which one the pipeline is for is not guessed.
        public static class Pricing
        {
            public static ITransformer Fares(MLContext ml) => Quotes(ml).Fit(ml.Data.LoadFromTextFile<TaxiTrip>("trips.csv"));

            public static ITransformer Shifts(MLContext ml) => Quotes(ml).Fit(ml.Data.LoadFromTextFile<Shift>("shifts.csv"));

            private static IEstimator<ITransformer> Quotes(MLContext ml) => ml.Transforms.Concatenate("Features", "TripTime");
        }
        """,
        NotAtServing("Features", Concatenate, 0));

    // Today's Model Builder writes the pipeline in X.training.cs and the rows' prediction engine in X.consumption.cs.
    [Fact]
    public Task Fires_on_the_rows_of_a_class_declared_in_two_files() => Verify.AnalyzerAsync<PipelineColumnAnalyzer>(
        Verify.Setup.GeneratedWithMachineLearning,
        [TaxiTrip + """
        public partial class FareModel
        {
            public static IEstimator<ITransformer> BuildPipeline(MLContext mlContext) =>
                mlContext.Transforms.Concatenate(@"Features", new[] { @"PassengerCount", {|#0:@"TripTime"|} })
                    .Append(mlContext.Regression.Trainers.FastTree(labelColumnName: @"Fare"));

            public static ITransformer RetrainPipeline(MLContext mlContext, IDataView trainData) => BuildPipeline(mlContext).Fit(trainData);
        }
        """, """
        using Microsoft.ML;

        public partial class FareModel
        {
            public sealed class ModelOutput { public float Score { get; set; } }

            public static PredictionEngine<TaxiTrip, ModelOutput> CreatePredictEngine(MLContext mlContext, ITransformer model) =>
                mlContext.Model.CreatePredictionEngine<TaxiTrip, ModelOutput>(model);
        }
        """],
        NotAtServing("Features", Concatenate, 0));

    // ML.NET's web-ranking sample builds its feature list as every column of the schema but the label and the group.
    // Applied to rows with members known only afterwards, that makes them features without naming them.
    [Fact]
    public Task Fires_on_marked_members_among_every_column_of_the_schema_but_some() => VerifyAsync("""
        public static class Training
        {
            public static IEstimator<ITransformer> AllButLabel(MLContext ml, string path)
            {
                var data = ml.Data.LoadFromTextFile<TaxiTrip>(path, hasHeader: true, separatorChar: ',');
                var featureColumns = data.Schema.AsQueryable().Select(column => column.Name)
                    .Where(name => name != "Fare" && name != nameof(TaxiTrip.QuotedFare)).ToArray();
                return ml.Transforms.Concatenate("Features", {|#0:featureColumns|});
            }

            public static IEstimator<ITransformer> AllButVendor(MLContext ml, string path)
            {
                IDataView data = ml.Data.LoadFromTextFile<TaxiTrip>(path, hasHeader: true, separatorChar: ',');
                return ml.Transforms.Concatenate("Features", {|#1:data.Schema.Where(column => !new[] { nameof(TaxiTrip.VendorId), "QuotedFare" }.Contains(column.Name)).Select(column => column.Name).ToArray()|});
            }

            // The web-ranking sample's own shape: the method is handed the data, and only the nameofs say whose rows they are.
            public static IEstimator<ITransformer> Handed(MLContext ml, IDataView dataView)
            {
                var featureCols = dataView.Schema.AsQueryable().Select(s => s.Name)
                    .Where(c => c != nameof(TaxiTrip.FareAmount) && c != nameof(TaxiTrip.QuotedFare) && c != "Fare").ToArray();
                return ml.Transforms.Concatenate("Features", {|#2:featureCols|});
            }

            // Round 15's fraud detector keeps the names it leaves out in a local set.
            public static IEstimator<ITransformer> InASet(MLContext ml, string path)
            {
                var data = ml.Data.LoadFromTextFile<TaxiTrip>(path, hasHeader: true, separatorChar: ',');
                var excluded = new System.Collections.Generic.HashSet<string>(new[] { nameof(TaxiTrip.FareAmount), "Fare" });
                var names = data.Schema.Select(x => x.Name).Where(x => !excluded.Contains(x)).ToArray();
                return ml.Transforms.Concatenate("Features", {|#3:names|});
            }

            public static IEstimator<ITransformer> InAList(MLContext ml, string path)
            {
                var data = ml.Data.LoadFromTextFile<TaxiTrip>(path, hasHeader: true, separatorChar: ',');
                var excluded = new System.Collections.Generic.List<string> { nameof(TaxiTrip.FareAmount), "Fare" };
                return ml.Transforms.Concatenate("Features", {|#4:data.Schema.Select(x => x.Name).Where(x => !excluded.Contains(x)).ToArray()|});
            }
        }
        """,
        NotAtServing("Features", Concatenate + ", among every column of the schema but 'Fare', 'QuotedFare'", 0),
        new DiagnosticResult(Descriptors.LabelDependency).WithLocation(1).WithArguments("Features", "TaxiTrip.FareAmount", Concatenate + ", among every column of the schema but 'VendorId', 'QuotedFare'"),
        NotAtServing("Features", Concatenate + ", among every column of the schema but 'VendorId', 'QuotedFare'", 1),
        NotAtServing("Features", Concatenate + ", among every column of the schema but 'FareAmount', 'QuotedFare', 'Fare'", 2),
        NotAtServing("Features", Concatenate + ", among every column of the schema but 'FareAmount', 'Fare'", 3),
        new DiagnosticResult(Descriptors.ModelOutputDependency).WithLocation(3).WithArguments("Features", "TaxiTrip.QuotedFare", Concatenate + ", among every column of the schema but 'FareAmount', 'Fare'"),
        NotAtServing("Features", Concatenate + ", among every column of the schema but 'FareAmount', 'Fare'", 4),
        new DiagnosticResult(Descriptors.ModelOutputDependency).WithLocation(4).WithArguments("Features", "TaxiTrip.QuotedFare", Concatenate + ", among every column of the schema but 'FareAmount', 'Fare'"));

    [Fact]
    public Task Is_silent_when_the_schema_list_leaves_the_marked_members_out_or_cannot_be_read() => VerifyAsync("""
        public static class Training
        {
            public static IEstimator<ITransformer> Named(MLContext ml, string path)
            {
                var data = ml.Data.LoadFromTextFile<TaxiTrip>(path, hasHeader: true, separatorChar: ',');
                var features = data.Schema.Select(column => column.Name).Where(name => name != "Fare" && name != "TripTime" && name != "QuotedFare").ToArray();
                return ml.Transforms.Concatenate("Features", features);
            }

            public static IEstimator<ITransformer> ByType(MLContext ml, string path)
            {
                var data = ml.Data.LoadFromTextFile<TaxiTrip>(path, hasHeader: true, separatorChar: ',');
                var numeric = data.Schema.Where(column => column.Type is NumberDataViewType).Select(column => column.Name).ToArray();
                return ml.Transforms.Concatenate("Features", numeric);
            }

            public static IEstimator<ITransformer> Reassigned(MLContext ml, string path, bool all)
            {
                var data = ml.Data.LoadFromTextFile<TaxiTrip>(path, hasHeader: true, separatorChar: ',');
                var columns = data.Schema.Select(column => column.Name).ToArray();
                if (!all)
                {
                    columns = new[] { "TripDistance" };
                }

                return ml.Transforms.Concatenate("Features", columns);
            }

            // A set whose names are not all constants, or that is filled after it is made, makes the list unknown.
            public static IEstimator<ITransformer> SetNotKnown(MLContext ml, string path, string extra)
            {
                var data = ml.Data.LoadFromTextFile<TaxiTrip>(path, hasHeader: true, separatorChar: ',');
                var excluded = new System.Collections.Generic.HashSet<string> { "Fare", extra };
                var filled = new System.Collections.Generic.HashSet<string>();
                filled.Add("Fare");
                var first = data.Schema.Select(x => x.Name).Where(x => !excluded.Contains(x)).ToArray();
                var second = data.Schema.Select(x => x.Name).Where(x => !filled.Contains(x)).ToArray();
                return ml.Transforms.Concatenate("Features", first).Append(ml.Transforms.Concatenate("More", second));
            }

            // No row type is named here: the schema's columns are not known.
            public static IEstimator<ITransformer> Unknown(MLContext ml, IDataView data) =>
                ml.Transforms.Concatenate("Features", data.Schema.Select(column => column.Name).Where(name => name != "Label").ToArray());
        }
        """);

    // Round 7's stock labs: the loaded rows are copied into a type of the project's own, and the pipeline names its members.
    private const string CleanTrips = """
        public sealed class CleanTrip
        {
            public CleanTrip() { }

            public CleanTrip(TaxiTrip trip)
            {
                this.Minutes = trip.TripTime / 60;
                Vendor = trip.VendorId;
            }

            public float Distance;
            public float Duration;
            public float Minutes;
            public float Fare;
            public float Quote;
            public float Passengers;
            public string Vendor = "";
            public float Constant;
            public float Local;
        }

        public static class Cleaning
        {
            public static CleanTrip Clean(TaxiTrip trip) =>
                new CleanTrip { Distance = trip.TripDistance, Duration = trip.TripTime, Fare = trip.FareAmount, Quote = trip.QuotedFare };
        }

        """;

    [Fact]
    public Task Fires_on_members_the_project_copies_marked_members_into() => VerifyAsync(CleanTrips + """
        public static class Training
        {
            public static IEstimator<ITransformer> Run(MLContext ml, string path)
            {
                var trips = ml.Data.CreateEnumerable<TaxiTrip>(ml.Data.LoadFromTextFile<TaxiTrip>(path, hasHeader: true, separatorChar: ','), reuseRowObject: false);
                var data = ml.Data.LoadFromEnumerable(trips.Select(Cleaning.Clean));
                return ml.Transforms.CopyColumns("Label", nameof(CleanTrip.Fare))
                    .Append(ml.Transforms.Concatenate("Features", nameof(CleanTrip.Distance), {|#0:nameof(CleanTrip.Duration)|}, {|#1:nameof(CleanTrip.Minutes)|}, {|#2:nameof(CleanTrip.Quote)|}));
            }

            public static IEstimator<ITransformer> Projected(MLContext ml, TaxiTrip[] trips)
            {
                var data = ml.Data.LoadFromEnumerable(trips.Select(t => new CleanTrip { Passengers = t.PassengerCount * t.TripTime }));
                return ml.Transforms.Concatenate("Features", {|#3:"Passengers"|}, "Vendor");
            }
        }
        """,
        NotAtServing("Features", Concatenate + ", copied into 'CleanTrip.Duration' in Cleaning.Clean", 0),
        NotAtServing("Features", Concatenate + ", copied into 'CleanTrip.Minutes' in the constructor of CleanTrip", 1),
        new DiagnosticResult(Descriptors.ModelOutputDependency).WithLocation(2).WithArguments("Features", "TaxiTrip.QuotedFare", Concatenate + ", copied into 'CleanTrip.Quote' in Cleaning.Clean"),
        NotAtServing("Features", Concatenate + ", copied into 'CleanTrip.Passengers' in Training.Projected", 3));

    // The trip's label copied into another type feeds another model there: the day's fares, say, as a feature of a
    // demand model. Its own label column is what SKW200 reads in that pipeline.
    [Fact]
    public Task Is_silent_on_copies_of_the_label_unmarked_members_constants_locals_and_types_without_a_data_source() => VerifyAsync(CleanTrips + """
        public static class Training
        {
            public static IEstimator<ITransformer> Run(MLContext ml, TaxiTrip[] trips, Unmarked other, float local)
            {
                var data = ml.Data.LoadFromEnumerable(trips.Select(Cleaning.Clean));
                var copy = new CleanTrip { Constant = 1f, Local = local, Distance = other.TripTime };
                return ml.Transforms.CopyColumns("Label", nameof(CleanTrip.Passengers))
                    .Append(ml.Transforms.Concatenate("Features", nameof(CleanTrip.Vendor), nameof(CleanTrip.Constant), nameof(CleanTrip.Local), nameof(CleanTrip.Fare)));
            }
        }
        """);
}
