using System.Globalization;
using Flights;
using Microsoft.ML;
using Microsoft.Extensions.Time.Testing;
using Microsoft.ML.Data;
using Skewless.ML;
using Skewless.Monitoring;

// One definition, FlightFeatures, drives both the training pipeline and the serving path.
var flights = FlightData.Load(FlightData.SamplePath);

// The rows have an event time, so they are split by time, never at random (SKW204): fit and train on
// January, then serve February and March, as a model deployed on 1 February would have seen them, and
// evaluate on March.
var cutoff = new DateTime(2001, 2, 1);
var (training, later) = FlightFeatures.SplitByTime(flights, cutoff);
var february = later.Where(flight => flight.Departure.Month == 2).ToArray();
var march = later.Where(flight => flight.Departure.Month == 3).ToArray();
static bool Delayed(Flight flight) => flight.DelayMinutes > 15;

Say($"Skewless flights sample: {flights.Length:N0} real flights, {training.Length:N0} before {cutoff:yyyy-MM-dd} for training, {february.Length + march.Length:N0} after for serving.");
var schema = FlightFeatures.Schema;
Say($"\n{schema.Name} v{schema.Version}, definition {schema.Fingerprint}: {schema.Features.Count} features in {schema.Width} slots");
foreach (var feature in schema.Features)
{
    Say($"  {feature.Name,-15} {feature.Kind,-8} {feature.Transform,-16} {feature.Width,3} slot{(feature.Width == 1 ? " " : "s")}  reads {string.Join(", ", feature.Reads)}");
}

// Training: one full pass fits the z-score, deciles and vocabularies on the training rows only, and
// records their statistics; the batch path turns them into the matrix ML.NET trains on.
var fitted = FlightFeatures.Fit(training);
var ml = new MLContext(seed: 1);
var trainer = ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 16, numberOfTrees: 100, minimumExampleCountPerLeaf: 20);
var trainingView = fitted.ToDataView(training, Delayed);
var model = trainer.Fit(trainingView);
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

// Saved with its training view's schema, which records the fitted feature set the model was trained with.
ml.Model.Save(model, trainingView.Schema, modelPath);
Say($"\nSaved {artifactPath} ({new FileInfo(artifactPath).Length:N0} bytes) and {modelPath}.");

FlightFeatures.Fitted served;
using (var artifact = File.OpenRead(artifactPath))
{
    served = FlightFeatures.Fitted.Load(artifact);
}

// Refused with IncompatibleModelException unless the artifact is the one the model was trained with.
using var engine = served.CreatePredictionEngine<Flight, DelayPrediction>(ml, ml.Model.Load(modelPath, out var modelSchema), modelSchema);
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

// Monitoring: replay February and March as serving traffic, in two four-week windows (all of February,
// and 1 to 28 March), with a fake clock that follows each flight's departure. The monitor sees each
// feature's value as the serving kernel computes it, and each outcome (was it delayed?) once known.
var clock = new FakeTimeProvider(new DateTimeOffset(cutoff, TimeSpan.Zero));
var replayed = february.Concat(march.Where(flight => flight.Departure.Day <= 28)).ToArray();
using (var monitor = served.Monitor(new MonitorOptions { WindowLength = TimeSpan.FromDays(28), WindowOrigin = clock.GetUtcNow(), RetainedWindows = 2, TimeProvider = clock }))
{
    foreach (var flight in replayed)
    {
        clock.SetUtcNow(new DateTimeOffset(flight.Departure, TimeSpan.Zero));
        var prediction = engine.Predict(flight, monitor);   // the features computed once, for the model and the monitor
        monitor.RecordOutcome(flight, prediction.Probability, Delayed(flight) ? 1 : 0);
    }

    var skew = monitor.Skew();
    var drift = monitor.Drift();
    Say($"\nServed {replayed.Length:N0} flights of February and March through a monitor. Skew, training against March:");
    Console.Write(skew.ToString());
    Say($"\nDrift, February against March:");
    Console.Write(drift.ToString());

    var residuals = monitor.Snapshot().Residuals;
    Say($"\nMarch outcomes: {residuals.Count:N0}, mean P(delay) {residuals.MeanPrediction:0.000} against a delayed share of {residuals.MeanOutcome:0.000}. Where the model is most wrong:");
    foreach (var slice in residuals.Slices.Where(slice => slice.Count >= 30).OrderByDescending(slice => Math.Abs(slice.MeanResidual)).Take(3))
    {
        Say($"  {slice}");
    }

    var reportPath = Path.Combine(directory.FullName, "drift-report.html");
    using (var report = new StreamWriter(reportPath))
    {
        drift.WriteHtml(report);
    }

    foreach (var (name, windowsAgo) in new[] { ("february", 1), ("march", 0) })
    {
        using var snapshot = File.Create(Path.Combine(directory.FullName, name + ".json"));
        monitor.Snapshot(windowsAgo).Save(snapshot);
    }

    Say($"Wrote {reportPath}, and february.json and march.json beside it: compare them with `skewless compare {Path.Combine(directory.FullName, "february.json")} {Path.Combine(directory.FullName, "march.json")}`.");
}

// Roll back to the model trained three months ago with FlightFeaturesV1, through the generated registry.
if (Rollback.Run(training, march, ml, trainer, Delayed, served, Say) != 0)
{
    return 1;
}

return differences + scoreDifferences == 0 ? 0 : 1;

static void Say(FormattableString text) => Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));
