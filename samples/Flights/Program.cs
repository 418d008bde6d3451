using System.Globalization;
using Flights;
using Microsoft.ML;
using Microsoft.ML.Data;
using Skewless.ML;

// One definition, FlightFeatures, drives both the training pipeline and the serving path.
var flights = FlightData.Load(FlightData.SamplePath);

// The rows have an event time, so they are split by time, never at random (SKW204): fit and train
// on January and February, evaluate and serve March, as a model deployed on 1 March would have seen it.
var cutoff = new DateTime(2001, 3, 1);
var (training, march) = FlightFeatures.SplitByTime(flights, cutoff);
static bool Delayed(Flight flight) => flight.DelayMinutes > 15;

Say($"Skewless flights sample: {flights.Length:N0} real flights, {training.Length:N0} before {cutoff:yyyy-MM-dd} for training, {march.Length:N0} after for serving.");
var schema = FlightFeatures.Schema;
Say($"\n{schema.Name} v{schema.Version}, definition {schema.Fingerprint}: {schema.Features.Count} features in {schema.Width} slots");
foreach (var feature in schema.Features)
{
    Say($"  {feature.Name,-15} {feature.Kind,-8} {feature.Transform,-16} {feature.Width,3} slot{(feature.Width == 1 ? " " : "s")}  reads {string.Join(", ", feature.Reads)}");
}

// Training: one full pass fits the z-score, deciles and vocabularies on the training rows only;
// the batch path turns them into the matrix ML.NET trains on.
var fitted = FlightFeatures.Fit(training);
var ml = new MLContext(seed: 1);
var trainer = ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 16, numberOfTrees: 100, minimumExampleCountPerLeaf: 20);
var model = trainer.Fit(fitted.ToDataView(training, Delayed));
var metrics = ml.BinaryClassification.Evaluate(model.Transform(fitted.ToDataView(march, Delayed)));
Say($"\nTrained FastTree on {fitted.TrainingRows:N0} rows to predict a delay over 15 minutes ({training.Count(Delayed) * 100.0 / training.Length:0}% of training flights).");
Say($"On March, which it never saw: AUC {metrics.AreaUnderRocCurve:0.000}, accuracy {metrics.Accuracy:0.000} (always answering 'on time' scores {march.Count(f => !Delayed(f)) / (double)march.Length:0.000}).");

// Deployment: save the fitted feature set and the model, then load both as a serving process would.
var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "skewless-flights"));
var artifactPath = Path.Combine(directory.FullName, "flight-features.json");
var modelPath = Path.Combine(directory.FullName, "delay-model.zip");
using (var artifact = File.Create(artifactPath))
{
    fitted.Save(artifact);
}

ml.Model.Save(model, null, modelPath);
Say($"\nSaved {artifactPath} ({new FileInfo(artifactPath).Length:N0} bytes) and {modelPath}.");

FlightFeatures.Fitted served;
using (var artifact = File.OpenRead(artifactPath))
{
    served = FlightFeatures.Fitted.Load(artifact);
}

using var engine = served.CreatePredictionEngine<Flight, DelayPrediction>(ml, ml.Model.Load(modelPath, out _));
Say($"Reloaded both. The first March flights, one row at a time through the serving path:");
foreach (var flight in march.Take(4))
{
    var vector = served.Transform(flight);
    var prediction = engine.Predict(flight);
    Say($"  {flight.Origin}->{flight.Destination} {flight.Departure:MM-dd HH:mm}  hour {vector.Hour:0.00}, {vector.Day}, distance z {vector.LogDistance:+0.00;-0.00}, decile {vector.DistanceDecile}, origin #{vector.Origin}  P(delay) {prediction.Probability:0.00}, actual delay {flight.DelayMinutes:0} min");
}

// The check that matters: serving computes exactly what training computed.
var width = FlightFeatures.Vector.Width;
var batch = new float[flights.Length * width];
fitted.Transform(flights, batch);
var differences = 0;
var single = new float[width];
for (var row = 0; row < flights.Length; row++)
{
    served.Transform(flights[row], single);
    for (var slot = 0; slot < width; slot++)
    {
        differences += BitConverter.SingleToInt32Bits(single[slot]) == BitConverter.SingleToInt32Bits(batch[(row * width) + slot]) ? 0 : 1;
    }
}

var batchScores = model.Transform(fitted.ToDataView(march)).GetColumn<float>("Probability").ToArray();
var scoreDifferences = march.Select((flight, row) => engine.Predict(flight).Probability == batchScores[row] ? 0 : 1).Sum();
Say($"\nAll {flights.Length:N0} flights, bit by bit: the reloaded single-row path and the training batch path differ in {differences} of {flights.Length * width:N0} slots.");
Say($"All {march.Length:N0} March flights: the serving engine's probabilities differ from the batch-scored ones in {scoreDifferences} cases.");
Say($"{(differences + scoreDifferences == 0 ? "Training and serving compute identical features and identical predictions." : "Training and serving disagree: this is a bug in Skewless.")}");

// Roll back to the model trained three months ago with FlightFeaturesV1, through the generated registry.
if (Rollback.Run(training, march, Say) != 0)
{
    return 1;
}

return differences + scoreDifferences == 0 ? 0 : 1;

static void Say(FormattableString text) => Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));
