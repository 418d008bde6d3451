using Microsoft.ML;
using Skewless;

namespace Pitfalls.PreprocessingLeak;

[DataSource("bts.on_time", Owner = "data-platform", Version = "2001-Q1")]
public sealed record Flight
{
    [EventTime] public DateTime Departure { get; init; }
    public float DistanceMiles { get; init; }
    public string Origin { get; init; } = "";
    [Label] public float DelayMinutes { get; init; }
}

[FeatureSet(typeof(Flight), Name = "PreprocessingLeakFlights", Version = 1)]
public static partial class FlightFeatures
{
    [Feature] public static float Distance(Flight f) => f.DistanceMiles;
}

public static class DelayModel
{
    // A normaliser fitted before the split: its minimum and maximum come partly from the test flights.
    public static double Evaluate(MLContext ml, IReadOnlyList<Flight> flights)
    {
        var all = ml.Data.LoadFromEnumerable(flights);

        // SKW205: This fit runs on 'all', which includes the rows evaluated in 'test'
        var normalizer = ml.Transforms.NormalizeMinMax(nameof(Flight.DistanceMiles)).Fit(all);

        var (train, test) = FlightFeatures.SplitByTime(flights, testFraction: 0.2);
        var trainer = ml.Transforms.Concatenate("Features", nameof(Flight.DistanceMiles))
            .Append(ml.Regression.Trainers.Sdca(nameof(Flight.DelayMinutes)));
        var model = trainer.Fit(normalizer.Transform(ml.Data.LoadFromEnumerable(train)));
        var scored = model.Transform(normalizer.Transform(ml.Data.LoadFromEnumerable(test)));
        return ml.Regression.Evaluate(scored, nameof(Flight.DelayMinutes)).RSquared;
    }

    // The same mistake by hand: the mean and deviation that scale the test flights were taken over them too.
    public static float[] ScaledTestDistances(IReadOnlyList<Flight> flights)
    {
        // SKW205: This mean is taken over 'flights', which includes the rows evaluated in 'test'
        var mean = flights.Average(f => f.DistanceMiles);
        var deviation = MathF.Sqrt(flights.Average(f => (f.DistanceMiles - mean) * (f.DistanceMiles - mean)));

        var (_, test) = FlightFeatures.SplitByTime(flights, testFraction: 0.2);
        return test.Select(f => (f.DistanceMiles - mean) / deviation).ToArray();
    }

    // Target encoding over every flight: each test flight's value is a mean of delays that include its own.
    public static float[] OriginDelaysOfTestFlights(IReadOnlyList<Flight> flights)
    {
        // SKW205: This mean per group is taken over 'flights', which includes the rows evaluated in 'test'
        var delayByOrigin = flights.GroupBy(f => f.Origin).ToDictionary(g => g.Key, g => g.Average(f => f.DelayMinutes));

        var (_, test) = FlightFeatures.SplitByTime(flights, testFraction: 0.2);
        return test.Select(f => delayByOrigin[f.Origin]).ToArray();
    }

    // A split written by hand, and missing distances filled with a mean taken before it: dropping the missing values
    // first still leaves every test flight that has one in the mean.
    public static float[] FilledTestDistances(IReadOnlyList<Flight> flights, DateTime cutoff)
    {
        var train = flights.Where(f => f.Departure < cutoff).ToList();
        var test = flights.Where(f => f.Departure >= cutoff).ToList();

        // SKW205: This mean is taken over 'flights', which includes the rows evaluated in 'test'
        var mean = flights.Where(f => !float.IsNaN(f.DistanceMiles)).Average(f => f.DistanceMiles);

        var longest = train.Max(f => f.DistanceMiles);
        return test.Select(f => (float.IsNaN(f.DistanceMiles) ? mean : f.DistanceMiles) / longest).ToArray();
    }
}
