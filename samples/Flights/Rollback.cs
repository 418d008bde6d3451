using Skewless;

namespace Flights;

/// <summary>
/// The rollback drill. The model deployed three months ago was trained with <see cref="FlightFeaturesV1"/>;
/// rolling back to it must serve exactly the features it was trained with, not today's. The generated
/// registry reads which version an artifact was fitted with and loads it through that version's code.
/// </summary>
public static class Rollback
{
    /// <summary>Fits and saves with V1 as three months ago, loads the artifact back through the registry, and serves it.</summary>
    /// <returns>How many slots served through the registry differ from V1 as fitted: zero.</returns>
    public static int Run(Flight[] training, Flight[] serving, Action<FormattableString> say)
    {
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "skewless-flights")).FullName, "flight-features-v1.json");
        var fitted = FlightFeaturesV1.Fit(training);
        using (var artifact = File.Create(path))
        {
            fitted.Save(artifact);
        }

        IFittedFeatureSet<Flight> served;
        using (var artifact = File.OpenRead(path))
        {
            served = FeatureSets.Load<Flight>(artifact);
        }

        var schema = served.Schema;
        say($"\nRollback to the three-month-old model: {Path.GetFileName(path)} holds {schema.Name} v{schema.Version}, so FeatureSets.Load serves it through {schema.FeatureSet} ({schema.Features.Count} features in {schema.Width} slots), beside the current v{FlightFeatures.Schema.Version}.");

        var differences = 0;
        var expected = new float[schema.Width];
        var actual = new float[schema.Width];
        foreach (var flight in serving)
        {
            fitted.Transform(flight).CopyTo(expected);
            served.Transform(flight, actual);
            for (var slot = 0; slot < schema.Width; slot++)
            {
                differences += BitConverter.SingleToInt32Bits(expected[slot]) == BitConverter.SingleToInt32Bits(actual[slot]) ? 0 : 1;
            }
        }

        say($"All {serving.Length:N0} March flights through the rolled-back v1 differ from v1 as fitted in {differences} slots.");
        say($"Were bts.on_time to change DistanceMiles, it would affect {string.Join(", ", FeatureSets.Map.Affected("bts.on_time", nameof(Flight.DistanceMiles)))}.");
        return differences;
    }
}
