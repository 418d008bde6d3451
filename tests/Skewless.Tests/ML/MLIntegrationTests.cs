using Flights;
using Microsoft.ML;
using Microsoft.ML.Data;
using Skewless.ML;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.ML;

/// <summary>ML.NET trains on the batch path and serves from the single-row path, with no feature logic copied and identical results.</summary>
public sealed class MLIntegrationTests
{
    /// <summary>The 20,000 flights split by time: before March to train, March to test.</summary>
    internal static readonly Lazy<(Flight[] Training, Flight[] March)> Split = new(() =>
    {
        var flights = FlightData.Load(RepositoryPaths.Flights20k);
        var cutoff = new DateTime(2001, 3, 1);
        return (flights.Where(flight => flight.Departure < cutoff).ToArray(), flights.Where(flight => flight.Departure >= cutoff).ToArray());
    });

    [Fact]
    public void A_list_gives_the_same_data_view_as_its_span()
    {
        var (training, _) = Split.Value;
        var fitted = FlightFeatures.Fit(training);
        var rows = training.Take(100).ToList();

        var fromList = fitted.ToDataView(rows, flight => flight.DelayMinutes);
        var fromSpan = fitted.ToDataView(training.AsSpan(0, 100), flight => flight.DelayMinutes);

        Assert.Equal(fromSpan.GetColumn<float>(FeatureColumns.Label), fromList.GetColumn<float>(FeatureColumns.Label));
        Assert.Equal(
            fromSpan.GetColumn<VBuffer<float>>(FeatureColumns.Features).Select(row => row.DenseValues().ToArray()),
            fromList.GetColumn<VBuffer<float>>(FeatureColumns.Features).Select(row => row.DenseValues().ToArray()));
        Assert.Equal(100, fitted.ToDataView(rows).GetRowCount());
    }

    [Fact]
    public void The_data_view_has_a_features_vector_with_slot_names_and_a_label()
    {
        var (training, _) = Split.Value;
        var fitted = FlightFeatures.Fit(training);
        var view = fitted.ToDataView(training.AsSpan(0, 100), flight => flight.DelayMinutes > 15);

        var features = view.Schema[FeatureColumns.Features];
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, FlightFeatures.Vector.Width), features.Type);
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        features.GetSlotNames(ref names);
        // A one-hot vocabulary's slots are named by their terms and its out-of-vocabulary buckets as such; other features' slots as in the schema.
        var origin = FlightFeatures.Schema.Find(nameof(FlightFeatures.Origin))!;
        var terms = ((Skewless.Transforms.Vocabulary)fitted.Transforms[FlightFeatures.Schema.Features.ToList().IndexOf(origin)]!).Terms;
        var expected = FlightFeatures.Schema.Features.SelectMany(feature => feature.Slots).ToArray();
        for (var term = 0; term < terms.Count; term++)
        {
            expected[origin.Offset + term] = $"Origin={terms[term]}";
        }

        expected[origin.Offset + 50] = "Origin=(out of vocabulary 0)";
        expected[origin.Offset + 51] = "Origin=(out of vocabulary 1)";

        Assert.Equal(expected, names.DenseValues().Select(name => name.ToString()));
        Assert.Equal("Origin=DFW", expected[origin.Offset]); // the busiest origin of January and February
        Assert.Equal("Day=Sunday", expected[FlightFeatures.Schema.Find(nameof(FlightFeatures.Day))!.Offset]);
        Assert.Equal(50, terms.Count);
        Assert.Equal(BooleanDataViewType.Instance, view.Schema[FeatureColumns.Label].Type);
        Assert.Equal(100, view.GetRowCount());

        var matrix = new float[100 * FlightFeatures.Vector.Width];
        fitted.Transform(training.AsSpan(0, 100), matrix);
        var rows = view.GetColumn<float[]>(FeatureColumns.Features).ToArray();
        Assert.Equal(matrix, rows.SelectMany(row => row));
        Assert.Equal(training.Take(100).Select(flight => flight.DelayMinutes > 15), view.GetColumn<bool>(FeatureColumns.Label));
    }

    [Fact]
    public void A_model_trained_on_the_batch_path_predicts_identically_from_the_single_row_path()
    {
        var (training, march) = Split.Value;
        var fitted = FlightFeatures.Fit(training);
        var ml = new MLContext(seed: 1);
        var view = fitted.ToDataView(training, flight => flight.DelayMinutes);
        var model = ml.Regression.Trainers.FastTree(numberOfLeaves: 8, numberOfTrees: 20).Fit(view);

        var batch = model.Transform(fitted.ToDataView(march)).GetColumn<float>("Score").ToArray();

        using var stream = new MemoryStream();
        fitted.Save(stream);
        stream.Position = 0;
        using var engine = FlightFeatures.Fitted.Load(stream).CreatePredictionEngine<Flight, Score>(ml, model, view.Schema);
        var served = march.Select(flight => engine.Predict(flight).Value).ToArray();

        Assert.Equal(batch.Length, served.Length);
        Assert.Equal(batch, served);
        Assert.True(batch.Distinct().Count() > 10, "The model should not predict a constant.");
    }

    [Fact]
    public void A_model_trained_with_another_version_is_refused_with_both_feature_sets_named()
    {
        var (training, _) = Split.Value;
        var ml = new MLContext(seed: 1);
        var version1 = FlightFeaturesV1.Fit(training);
        var view = version1.ToDataView(training.AsSpan(0, 500), flight => flight.DelayMinutes);
        var model = ml.Regression.Trainers.Sdca(maximumNumberOfIterations: 1).Fit(view);

        var error = Assert.Throws<IncompatibleModelException>(() => FlightFeatures.Fit(training).CreatePredictionEngine<Flight, Score>(ml, model, view.Schema));

        Assert.Equal(("Flights", 2), (error.FeatureSet, error.Version));
        Assert.Contains($"cannot be served with Flights v2 (definition {FlightFeatures.Schema.Fingerprint}, {FlightFeatures.Vector.Width} feature slots)", error.Message, StringComparison.Ordinal);
        Assert.Contains($"it was trained with Flights v1 (definition {FlightFeaturesV1.Schema.Fingerprint})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_that_does_not_take_the_schemas_vector_is_refused_with_ml_nets_account()
    {
        var (training, _) = Split.Value;
        var ml = new MLContext(seed: 1);
        var model = ml.Regression.Trainers.Sdca(maximumNumberOfIterations: 1).Fit(FlightFeaturesV1.Fit(training).ToDataView(training.AsSpan(0, 500), flight => flight.DelayMinutes));
        var fitted = FlightFeatures.Fit(training);

        // The schema of another view than the model's own: it names the served fit, but the model takes V1's vector.
        var error = Assert.Throws<IncompatibleModelException>(() => fitted.CreatePredictionEngine<Flight, Score>(ml, model, fitted.ToDataView(training.AsSpan(0, 1)).Schema));

        Assert.Contains($"cannot be served with Flights v2 (definition {FlightFeatures.Schema.Fingerprint}, {FlightFeatures.Vector.Width} feature slots)", error.Message, StringComparison.Ordinal);
        Assert.Contains($"Vector<Single, {FlightFeaturesV1.Vector.Width}>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_prediction_engine_checks_the_model_was_trained_with_the_served_fit()
    {
        var overloads = typeof(FittedFeatureSetExtensions).GetMethods().Where(method => method.Name == nameof(FittedFeatureSetExtensions.CreatePredictionEngine));

        Assert.All(overloads, overload => Assert.Contains(overload.GetParameters(), parameter => parameter.ParameterType == typeof(DataViewSchema)));
    }

    [Fact]
    public void A_prediction_can_reuse_its_output_object()
    {
        var (training, march) = Split.Value;
        var fitted = FlightFeatures.Fit(training);
        var ml = new MLContext(seed: 1);
        var view = fitted.ToDataView(training, flight => flight.DelayMinutes);
        var model = ml.Regression.Trainers.FastTree(numberOfLeaves: 4, numberOfTrees: 5).Fit(view);
        using var engine = fitted.CreatePredictionEngine<Flight, Score>(ml, model, view.Schema);

        var reused = new Score();
        engine.Predict(march[0], ref reused);

        Assert.Equal(engine.Predict(march[0]).Value, reused.Value);
    }

    [Fact]
    public void One_hot_features_reach_ml_net_as_sparse_vectors_that_train_the_same_model_as_dense_ones()
    {
        var (training, march) = Split.Value;
        var fitted = FlightFeatures.Fit(training);
        var ml = new MLContext(seed: 1);
        var sparse = fitted.ToDataView(training, flight => flight.DelayMinutes);

        var matrix = new float[training.Length * FlightFeatures.Vector.Width];
        fitted.Transform(training, matrix);
        var dense = ml.Data.LoadFromEnumerable(training.Select((flight, i) => new DenseRow
        {
            Features = matrix.AsSpan(i * FlightFeatures.Vector.Width, FlightFeatures.Vector.Width).ToArray(),
            Label = flight.DelayMinutes,
        }));

        var column = sparse.Schema[FeatureColumns.Features];
        using (var cursor = sparse.GetRowCursor([column]))
        {
            var getter = cursor.GetGetter<VBuffer<float>>(column);
            var row = default(VBuffer<float>);
            Assert.True(cursor.MoveNext());
            getter(ref row);
            Assert.False(row.IsDense);
            Assert.Equal(FlightFeatures.Vector.SparseWidth, row.GetValues().Length);
            Assert.Equal(matrix.AsSpan(0, FlightFeatures.Vector.Width).ToArray(), row.DenseValues());
        }

        var trainer = ml.Regression.Trainers.FastTree(numberOfLeaves: 8, numberOfTrees: 20);
        var scoring = fitted.ToDataView(march);
        var fromSparse = trainer.Fit(sparse).Transform(scoring).GetColumn<float>("Score").ToArray();
        var fromDense = trainer.Fit(dense).Transform(scoring).GetColumn<float>("Score").ToArray();

        Assert.Equal(fromDense, fromSparse);
        Assert.True(fromSparse.Distinct().Count() > 10, "The model should not predict a constant.");
    }

    private sealed class DenseRow
    {
        [VectorType(FlightFeatures.Vector.Width)]
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }

    public sealed class Score
    {
        [ColumnName("Score")]
        public float Value { get; set; }
    }
}
