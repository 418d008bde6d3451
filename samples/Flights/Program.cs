using System.Globalization;
using Flights;

// Train on January and February, serve March: a split by time, as the event time demands.
var flights = FlightData.Load(FlightData.SamplePath);
var cutoff = new DateTime(2001, 3, 1);
var training = flights.Where(flight => flight.Departure < cutoff).ToArray();
var serving = flights.Where(flight => flight.Departure >= cutoff).ToArray();

var schema = FlightFeatures.Schema;
Console.WriteLine("Skewless flights sample: one feature definition, a batch path for training and a single-row path for serving.");
Console.WriteLine();
Console.WriteLine(Invariant($"Data       {flights.Length:N0} flights from {flights.Min(f => f.Departure):yyyy-MM-dd} to {flights.Max(f => f.Departure):yyyy-MM-dd} (data/flights-5k.json)"));
Console.WriteLine(Invariant($"Training   {training.Length:N0} flights before {cutoff:yyyy-MM-dd}"));
Console.WriteLine(Invariant($"Serving    {serving.Length:N0} flights from {cutoff:yyyy-MM-dd}"));
Console.WriteLine();
Console.WriteLine(Invariant($"{schema.Name} v{schema.Version}, definition {schema.Fingerprint}: {schema.Features.Count} features in {schema.Width} slots"));
foreach (var feature in schema.Features)
{
    Console.WriteLine(Invariant($"  {feature.Name,-12} {feature.Kind,-8} {feature.Width,2} slot{(feature.Width == 1 ? " " : "s")}  reads {string.Join(", ", feature.Reads)}"));
}

// Training: one full pass to fit, then the batch path fills a row-major matrix.
var fitted = FlightFeatures.Fit(training);
var width = FlightFeatures.Vector.Width;
var trainingMatrix = new float[training.Length * width];
fitted.Transform(training, trainingMatrix);
Console.WriteLine();
Console.WriteLine(Invariant($"Fitted on {fitted.TrainingRows:N0} rows. Batch path: {training.Length:N0} rows into a {training.Length:N0} x {width} matrix in one call."));

// Serving: a process that only has the saved artifact transforms one row at a time.
using var artifact = new MemoryStream();
fitted.Save(artifact);
artifact.Position = 0;
var served = FlightFeatures.Fitted.Load(artifact);
Console.WriteLine(Invariant($"Saved the fitted artifact ({artifact.Length:N0} bytes of JSON) and loaded it back, as a serving process would."));

var servingMatrix = new float[serving.Length * width];
fitted.Transform(serving, servingMatrix);
Console.WriteLine();
Console.WriteLine("The first March flights through the single-row path of the loaded artifact:");
Span<float> vector = stackalloc float[width];
for (var i = 0; i < 3; i++)
{
    served.Transform(serving[i]).CopyTo(vector);
    var flight = serving[i];
    Console.WriteLine(Invariant($"  {flight.Origin}->{flight.Destination} {flight.Departure:yyyy-MM-dd HH:mm}  [{string.Join(" ", vector.ToArray().Select(v => v.ToString("0.##", CultureInfo.InvariantCulture)))}]"));
}

var differences = CountDifferences(training, trainingMatrix, served) + CountDifferences(serving, servingMatrix, served);
Console.WriteLine();
Console.WriteLine(Invariant($"Compared all {flights.Length:N0} flights, bit by bit: the single-row path of the loaded artifact and the batch path of the fitted set differ in {differences} of {flights.Length * width:N0} slots."));
Console.WriteLine(differences == 0 ? "Training and serving compute identical features." : "Training and serving disagree: this is a bug in Skewless.");
return differences == 0 ? 0 : 1;

static int CountDifferences(Flight[] rows, float[] batch, FlightFeatures.Fitted fitted)
{
    var width = FlightFeatures.Vector.Width;
    Span<float> single = stackalloc float[width];
    var differences = 0;
    for (var row = 0; row < rows.Length; row++)
    {
        fitted.Transform(rows[row]).CopyTo(single);
        for (var slot = 0; slot < width; slot++)
        {
            if (BitConverter.SingleToInt32Bits(single[slot]) != BitConverter.SingleToInt32Bits(batch[(row * width) + slot]))
            {
                differences++;
            }
        }
    }

    return differences;
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
