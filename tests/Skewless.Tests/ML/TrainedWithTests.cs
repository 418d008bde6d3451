using Flights;
using Microsoft.ML;
using Microsoft.ML.Data;
using Skewless.ML;
using Xunit;

namespace Skewless.Tests.ML;

/// <summary>
/// A model saved with its training view's schema is served only with the fitted feature set it was trained with: the
/// rollback that picks the wrong artifact must fail when the engine is created, not compute nonsense of the same width.
/// </summary>
public sealed class TrainedWithTests
{
    [Fact]
    public void A_model_saved_with_its_training_schema_serves_with_the_artifact_it_was_trained_with()
    {
        var (training, march) = MLIntegrationTests.Split.Value;
        var ml = new MLContext(seed: 1);
        var fitted = FlightFeatures.Fit(training);
        var view = fitted.ToDataView(training, flight => flight.DelayMinutes);
        var model = ml.Regression.Trainers.FastTree(numberOfLeaves: 4, numberOfTrees: 5).Fit(view);
        var batch = model.Transform(fitted.ToDataView(march)).GetColumn<float>("Score").ToArray();

        var (served, loaded, schema) = SaveAndLoad(ml, fitted, model, view.Schema);
        using var engine = served.CreatePredictionEngine<Flight, MLIntegrationTests.Score>(ml, loaded, schema);

        Assert.Equal(batch, march.Select(flight => engine.Predict(flight).Value));
    }

    [Fact]
    public void A_model_is_refused_for_a_feature_set_of_equal_width_it_was_not_trained_with()
    {
        var penguins = Penguin.Load();
        var ml = new MLContext(seed: 1);
        var beak = BeakLengthOnly.Fit(penguins);
        var view = beak.ToDataView(penguins, p => p.BodyMass ?? 0f);
        var model = ml.Regression.Trainers.Sdca(maximumNumberOfIterations: 1).Fit(view);
        Assert.Equal(BeakLengthOnly.Vector.Width, FlipperOnly.Vector.Width);

        var flipper = FlipperOnly.Fit(penguins);
        var error = Assert.Throws<IncompatibleModelException>(() => flipper.CreatePredictionEngine<Penguin, MLIntegrationTests.Score>(ml, model, view.Schema));

        Assert.Equal((FlipperOnly.Schema.Name, 1), (error.FeatureSet, error.Version));
        Assert.Contains(
            $"cannot be served with {FlipperOnly.Schema.Name} v1 (definition {FlipperOnly.Schema.Fingerprint}, 1 feature slots): " +
            $"it was trained with {BeakLengthOnly.Schema.Name} v1 (definition {BeakLengthOnly.Schema.Fingerprint}).",
            error.Message,
            StringComparison.Ordinal);

        // The same model with the set it was trained with serves.
        using var engine = beak.CreatePredictionEngine<Penguin, MLIntegrationTests.Score>(ml, model, view.Schema);
        Assert.True(float.IsFinite(engine.Predict(penguins[0]).Value));
    }

    [Fact]
    public void A_model_is_refused_for_its_feature_set_fitted_again_on_other_rows()
    {
        var (training, march) = MLIntegrationTests.Split.Value;
        var ml = new MLContext(seed: 1);
        var fitted = FlightFeatures.Fit(training);
        var view = fitted.ToDataView(training, flight => flight.DelayMinutes);
        var model = ml.Regression.Trainers.FastTree(numberOfLeaves: 4, numberOfTrees: 5).Fit(view);

        var refitted = FlightFeatures.Fit(march);
        var error = Assert.Throws<IncompatibleModelException>(() => refitted.CreatePredictionEngine<Flight, MLIntegrationTests.Score>(ml, model, view.Schema));

        Assert.Contains("it was trained with features fitted with other constants (", error.Message, StringComparison.Ordinal);
        Assert.Contains("the feature set was fitted again, on other rows, after the model was trained.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_whose_input_schema_records_no_feature_set_is_refused_with_how_to_save_it()
    {
        var (training, _) = MLIntegrationTests.Split.Value;
        var ml = new MLContext(seed: 1);
        var fitted = FlightFeatures.Fit(training);
        var model = ml.Regression.Trainers.FastTree(numberOfLeaves: 4, numberOfTrees: 5).Fit(fitted.ToDataView(training, flight => flight.DelayMinutes));
        var plain = ml.Data.LoadFromEnumerable(new[] { new MLIntegrationTests.Score() }).Schema;

        var error = Assert.Throws<IncompatibleModelException>(() => fitted.CreatePredictionEngine<Flight, MLIntegrationTests.Score>(ml, model, plain));

        Assert.Contains("its input schema does not record which feature set it was trained with.", error.Message, StringComparison.Ordinal);
        Assert.Contains("ml.Model.Save(model, view.Schema, path)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_saved_without_a_schema_is_refused_with_how_to_save_it()
    {
        var (training, _) = MLIntegrationTests.Split.Value;
        var ml = new MLContext(seed: 1);
        var fitted = FlightFeatures.Fit(training);
        var model = ml.Regression.Trainers.FastTree(numberOfLeaves: 4, numberOfTrees: 5).Fit(fitted.ToDataView(training, flight => flight.DelayMinutes));
        using var saved = new MemoryStream();
        ml.Model.Save(model, null, saved);
        saved.Position = 0;
        var loaded = ml.Model.Load(saved, out var schema);
        Assert.Null(schema);

        var error = Assert.Throws<IncompatibleModelException>(() => fitted.CreatePredictionEngine<Flight, MLIntegrationTests.Score>(ml, loaded, schema));

        Assert.Contains("it was saved without its input schema", error.Message, StringComparison.Ordinal);
        Assert.Contains("ml.Model.Save(model, view.Schema, path)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loaded_artifact_records_the_same_constants_as_its_fit_and_a_refit_other_ones()
    {
        var (training, march) = MLIntegrationTests.Split.Value;
        var fitted = FlightFeatures.Fit(training);
        using var stream = new MemoryStream();
        fitted.Save(stream);
        stream.Position = 0;

        var recorded = Annotation(fitted.ToDataView(training.AsSpan(0, 10)));
        var loaded = Annotation(FlightFeatures.Fitted.Load(stream).ToDataView(march.AsSpan(0, 10)));
        var refitted = Annotation(FlightFeatures.Fit(march).ToDataView(training.AsSpan(0, 10)));

        Assert.Equal(["Flights", "2", FlightFeatures.Schema.Fingerprint], recorded.Take(3));
        Assert.Matches("^[0-9a-f]{16}$", recorded[3]);
        Assert.Equal(FittedConstants.Hash(fitted), recorded[3]);
        Assert.Equal(recorded, loaded);
        Assert.Equal(recorded.Take(3), refitted.Take(3));
        Assert.NotEqual(recorded[3], refitted[3]);
    }

    private static string[] Annotation(IDataView view)
    {
        var parts = default(VBuffer<ReadOnlyMemory<char>>);
        view.Schema[FeatureColumns.Features].Annotations.GetValue(FeatureColumns.FeatureSetAnnotation, ref parts);
        return parts.DenseValues().Select(part => part.ToString()).ToArray();
    }

    // As a training process saves and a serving process loads: the artifact, and the model with its input schema.
    private static (FlightFeatures.Fitted Served, ITransformer Model, DataViewSchema Schema) SaveAndLoad(MLContext ml, FlightFeatures.Fitted fitted, ITransformer model, DataViewSchema schema)
    {
        using var artifact = new MemoryStream();
        fitted.Save(artifact);
        artifact.Position = 0;
        using var saved = new MemoryStream();
        ml.Model.Save(model, schema, saved);
        saved.Position = 0;
        var loaded = ml.Model.Load(saved, out var loadedSchema);
        return (FlightFeatures.Fitted.Load(artifact), loaded, loadedSchema);
    }
}

[FeatureSet(typeof(Penguin))]
public static partial class BeakLengthOnly
{
    [Feature, ZScore] public static float BeakLength(Penguin p) => p.BeakLength ?? float.NaN;
}

[FeatureSet(typeof(Penguin))]
public static partial class FlipperOnly
{
    [Feature, ZScore] public static float Flipper(Penguin p) => p.FlipperLength ?? float.NaN;
}
