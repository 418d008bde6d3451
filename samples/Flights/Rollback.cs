using Microsoft.ML;
using Skewless;
using Skewless.ML;

namespace Flights;

/// <summary>
/// The rollback drill. The model deployed three months ago was trained with <see cref="FlightFeaturesV1"/>;
/// rolling back to it must serve exactly the features it was trained with, not today's. The generated
/// registry reads which version an artifact was fitted with and loads it through that version's code, and
/// the model's saved input schema records which artifact it was trained with, so no other is served with it.
/// </summary>
public static class Rollback
{
    /// <summary>
    /// Fits V1 and trains its model as three months ago, saving both; loads the artifact back through the registry and
    /// the model with its input schema, and serves them. Serving that model with today's artifact is refused.
    /// </summary>
    /// <returns>How many slots served through the registry differ from V1 as fitted: zero.</returns>
    public static int Run(Flight[] training, Flight[] serving, MLContext ml, IEstimator<ITransformer> trainer, Func<Flight, bool> label, IFittedFeatureSet<Flight> today, Action<FormattableString> say)
    {
        var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "skewless-flights")).FullName;
        var path = Path.Combine(directory, "flight-features-v1.json");
        var modelPath = Path.Combine(directory, "delay-model-v1.zip");
        var fitted = FlightFeaturesV1.Fit(training);
        using (var artifact = File.Create(path))
        {
            fitted.Save(artifact);
        }

        var view = fitted.ToDataView(training, label);
        ml.Model.Save(trainer.Fit(view), view.Schema, modelPath);

        IFittedFeatureSet<Flight> served;
        using (var artifact = File.OpenRead(path))
        {
            served = FeatureSets.Load<Flight>(artifact);
        }

        var model = ml.Model.Load(modelPath, out var modelSchema);
        using var engine = served.CreatePredictionEngine<Flight, DelayPrediction>(ml, model, modelSchema);
        var schema = served.Schema;
        say($"\nRollback to the three-month-old model: {Path.GetFileName(path)} holds {schema.Name} v{schema.Version}, so FeatureSets.Load serves it through {schema.FeatureSet} ({schema.Features.Count} features in {schema.Width} slots), beside the current v{FlightFeatures.Schema.Version}.");

        // A rolled-back artifact is monitored like any other, against its own training statistics.
        using var monitor = served.Monitor();
        var differences = 0;
        var expected = new float[schema.Width];
        var actual = new float[schema.Width];
        foreach (var flight in serving)
        {
            fitted.Transform(flight).CopyTo(expected);
            served.Transform(flight, actual, monitor);
            for (var slot = 0; slot < schema.Width; slot++)
            {
                differences += BitConverter.SingleToInt32Bits(expected[slot]) == BitConverter.SingleToInt32Bits(actual[slot]) ? 0 : 1;
            }
        }

        say($"All {serving.Length:N0} March flights through the rolled-back v1 differ from v1 as fitted in {differences} slots; the old model gives the first P(delay) {engine.Predict(serving[0]).Probability:0.00}.");
        var skew = monitor.Skew();
        say($"Its monitor counted {monitor.Snapshot().Rows:N0} of them; {skew.Features.Count(feature => feature.Crossed)} of its {skew.Features.Count} features crossed their skew threshold against v1's training rows.");
        try
        {
            today.CreatePredictionEngine<Flight, DelayPrediction>(ml, model, modelSchema).Dispose();
            say($"Serving the old model with today's v{today.Schema.Version} artifact was not refused: this is a bug in Skewless.");
            differences++;
        }
        catch (IncompatibleModelException refused)
        {
            say($"Serving the old model with today's v{today.Schema.Version} artifact instead is refused: {refused.Message}");
        }

        say($"Were bts.on_time to change DistanceMiles, it would affect {string.Join(", ", FeatureSets.Map.Affected("bts.on_time", nameof(Flight.DistanceMiles)))}.");
        return differences;
    }
}
