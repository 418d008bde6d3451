using Microsoft.ML;
using Microsoft.ML.Data;
using Skewless.ML;
using Xunit;

namespace Skewless.Tests.ML;

/// <summary>A text label trains a multiclass model through MapValueToKey, and the model serves from raw rows although its transforms read the label.</summary>
public sealed class MulticlassTests
{
    // Every fifth penguin tests; the data has no group key or event time to split by.
    private static readonly Lazy<(Penguin[] Train, Penguin[] Test)> Split = new(() =>
    {
        var penguins = Penguin.Load();
        return (penguins.Where((_, i) => i % 5 != 0).ToArray(), penguins.Where((_, i) => i % 5 == 0).ToArray());
    });

    [Fact]
    public void A_label_column_has_the_type_LoadFromEnumerable_gives_its_member()
    {
        var (train, _) = Split.Value;
        var fitted = PenguinFeatures.Fit(train);
        var ml = new MLContext(seed: 1);
        var loaded = ml.Data.LoadFromEnumerable(train.Select(p => new Labels { Text = p.Species, Number = p.Species.Length }));

        var text = fitted.ToDataView(train, p => p.Species);
        var number = fitted.ToDataView(train.ToList(), p => p.Species.Length);

        Assert.Equal(loaded.Schema[nameof(Labels.Text)].Type, text.Schema[FeatureColumns.Label].Type);
        Assert.Equal(loaded.Schema[nameof(Labels.Number)].Type, number.Schema[FeatureColumns.Label].Type);
        Assert.Equal(train.Select(p => p.Species), text.GetColumn<string>(FeatureColumns.Label));
        Assert.Equal(train.Select(p => p.Species.Length), number.GetColumn<int>(FeatureColumns.Label));
        Assert.Throws<NotSupportedException>(() => fitted.ToDataView(train, p => (decimal)p.Species.Length));
    }

    [Fact]
    public void Term_slots_training_left_empty_are_named_unused_not_like_out_of_vocabulary_buckets()
    {
        // Three islands in a vocabulary of five: slots 3 and 4 are never set, slot 5 is the bucket of unseen islands.
        var fitted = PenguinFeatures.Fit(Split.Value.Train);
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        fitted.ToDataView(Split.Value.Train, p => p.Species).Schema[FeatureColumns.Features].GetSlotNames(ref names);

        var island = PenguinFeatures.Schema.Find(nameof(PenguinFeatures.Island))!;
        Assert.Equal(
            ["Island=Biscoe", "Island=Dream", "Island=Torgersen", "Island=(unused)", "Island=(unused)", "Island=(out of vocabulary 0)"],
            names.DenseValues().Skip(island.Offset).Take(island.Width).Select(name => name.ToString()));
    }

    [Fact]
    public void A_multiclass_model_with_its_label_mapped_to_keys_serves_the_predictions_of_its_batch_transform()
    {
        var (train, test) = Split.Value;
        var fitted = PenguinFeatures.Fit(train);
        var ml = new MLContext(seed: 1);
        var view = fitted.ToDataView(train, p => p.Species);
        var model = Multiclass(ml)
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"))
            .Fit(view);

        var scored = model.Transform(fitted.ToDataView(test, p => p.Species));
        var labels = scored.GetColumn<string>("PredictedLabel").ToArray();
        var scores = scored.GetColumn<float[]>("Score").ToArray();

        // Served from the saved artifact, as a serving process would.
        using var stream = new MemoryStream();
        fitted.Save(stream);
        stream.Position = 0;
        using var engine = PenguinFeatures.Fitted.Load(stream).CreatePredictionEngine<Penguin, SpeciesPrediction>(ml, model, view.Schema);
        var served = test.Select(p => engine.Predict(p)).ToArray();

        Assert.Equal(labels, served.Select(prediction => prediction.PredictedLabel));
        // The batch rows are sparse (the vocabularies are one-hot) and served rows dense, and ML.NET sums a sparse and a
        // dense dot product in different orders, so a linear model's scores can differ in their last bits.
        var difference = scores.Zip(served, (batch, prediction) => batch.Zip(prediction.Score, (a, b) => Math.Abs(a - b)).Max()).Max();
        Assert.True(difference < 1e-6, $"Served scores differ from the batch scores by up to {difference}.");
        Assert.Equal(3, labels.Distinct().Count());
        Assert.True(ml.MulticlassClassification.Evaluate(scored).MacroAccuracy > 0.9, "The model should tell the species apart.");
    }

    [Fact]
    public void A_model_trained_on_an_int_label_serves_too()
    {
        var (train, test) = Split.Value;
        var fitted = PenguinFeatures.Fit(train);
        var ml = new MLContext(seed: 1);
        var species = train.Select(p => p.Species).Distinct().Order(StringComparer.Ordinal).ToList();
        var view = fitted.ToDataView(train, p => species.IndexOf(p.Species));
        var model = Multiclass(ml).Fit(view);

        var batch = model.Transform(fitted.ToDataView(test, p => species.IndexOf(p.Species))).GetColumn<uint>("PredictedLabel").ToArray();
        using var engine = fitted.CreatePredictionEngine<Penguin, KeyPrediction>(ml, model, view.Schema);

        Assert.Equal(batch, test.Select(p => engine.Predict(p).PredictedLabel));
    }

    // The pipeline an ML.NET user writes for a multiclass label: map it to keys, fill the missing measurements, train.
    private static IEstimator<ITransformer> Multiclass(MLContext ml) =>
        ml.Transforms.Conversion.MapValueToKey(FeatureColumns.Label)
            .Append(ml.Transforms.ReplaceMissingValues(FeatureColumns.Features))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy());

    private sealed class Labels
    {
        public string Text { get; set; } = "";

        public int Number { get; set; }
    }

    public sealed class SpeciesPrediction
    {
        public string PredictedLabel { get; set; } = "";

        public float[] Score { get; set; } = [];
    }

    public sealed class KeyPrediction
    {
        public uint PredictedLabel { get; set; }
    }
}
