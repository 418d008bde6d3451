using Flights;
using Microsoft.Extensions.Time.Testing;
using Microsoft.ML;
using Skewless.ML;
using Skewless.Monitoring;
using Skewless.Tests.Monitoring;
using Skewless.Tests.Registry;
using Xunit;

namespace Skewless.Tests.ML;

/// <summary>
/// Monitored serving without the generated concrete class: through <see cref="IFittedFeatureSet{TRow}"/>, as a rollback
/// to an older version through the registry serves, and through the prediction engine, which computes each row's features once for both.
/// </summary>
[Collection(MeterPublishers.Name)]
public sealed class MonitoredServingTests
{
    private static readonly DateTimeOffset Start = new(2001, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static MonitorOptions Options() => new() { TimeProvider = new FakeTimeProvider(Start) };

    [Fact]
    public void A_feature_set_loaded_through_the_registry_monitors_as_its_concrete_class_does()
    {
        var (training, march) = MLIntegrationTests.Split.Value;
        var fitted = TestFlightsV1.Fit(training);
        IFittedFeatureSet<Flight> served = FeatureSets.Load<Flight>(new MemoryStream(Saved(fitted)));
        var width = TestFlightsV1.Vector.Width;
        var (expected, actual) = (new float[width], new float[width]);

        using var concrete = fitted.Monitor(Options());
        using var monitor = served.Monitor(Options());
        foreach (var flight in march)
        {
            fitted.Transform(flight, expected, concrete);
            served.Transform(flight, actual, monitor);
            Assert.Equal(expected, actual);
        }

        Assert.Equal(march.Length, monitor.Snapshot().Rows);
        Assert.Equal(Saved(concrete.Snapshot()), Saved(monitor.Snapshot()));
    }

    [Fact]
    public void The_engine_predicts_and_monitors_each_row_served_as_the_concrete_path_does()
    {
        var (training, march) = MLIntegrationTests.Split.Value;
        var ml = new MLContext(seed: 1);
        var fitted = TestFlightsV2.Fit(training);
        var view = fitted.ToDataView(training, flight => flight.DelayMinutes);
        var model = ml.Regression.Trainers.FastTree(numberOfLeaves: 4, numberOfTrees: 5).Fit(view);
        IFittedFeatureSet<Flight> served = FeatureSets.Load<Flight>(new MemoryStream(Saved(fitted)));
        using var engine = served.CreatePredictionEngine<Flight, MLIntegrationTests.Score>(ml, model, view.Schema);

        using var concrete = fitted.Monitor(Options());
        using var monitor = served.Monitor(Options());
        var reused = new MLIntegrationTests.Score();
        for (var row = 0; row < march.Length; row++)
        {
            fitted.Transform(march[row], concrete);
            var unmonitored = engine.Predict(march[row]).Value;
            if (row % 2 == 0)
            {
                Assert.Equal(unmonitored, engine.Predict(march[row], monitor).Value);
            }
            else
            {
                engine.Predict(march[row], ref reused, monitor);
                Assert.Equal(unmonitored, reused.Value);
            }
        }

        Assert.Equal(march.Length, monitor.Snapshot().Rows);
        Assert.Equal(Saved(concrete.Snapshot()), Saved(monitor.Snapshot()));
    }

    [Fact]
    public void Monitoring_a_prediction_allocates_nothing_more_than_the_prediction()
    {
        var (training, march) = MLIntegrationTests.Split.Value;
        var ml = new MLContext(seed: 1);
        var fitted = TestFlightsV2.Fit(training);
        var view = fitted.ToDataView(training, flight => flight.DelayMinutes);
        using var engine = fitted.CreatePredictionEngine<Flight, MLIntegrationTests.Score>(ml, ml.Regression.Trainers.Sdca(maximumNumberOfIterations: 1).Fit(view), view.Schema);
        using var monitor = fitted.Monitor(Options());
        var prediction = new MLIntegrationTests.Score();
        engine.Predict(march[0], ref prediction);
        engine.Predict(march[0], ref prediction, monitor);

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var flight in march)
        {
            engine.Predict(flight, ref prediction);
        }

        var unmonitored = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var flight in march)
        {
            engine.Predict(flight, ref prediction, monitor);
        }

        Assert.Equal(unmonitored, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static byte[] Saved(IFittedFeatureSet<Flight> fitted)
    {
        using var stream = new MemoryStream();
        fitted.Save(stream);
        return stream.ToArray();
    }

    private static string Saved(ServingStatistics snapshot)
    {
        using var stream = new MemoryStream();
        snapshot.Save(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
