using Microsoft.ML;
using Microsoft.ML.Data;
using Skewless;

namespace Pitfalls.TestSetSelection;

[DataSource("widgets.daily_demand", Owner = "planning", Version = "2024-01")]
public sealed class DemandDay
{
    [LoadColumn(0)] public float Promotions { get; set; }
    [LoadColumn(1)] public float Price { get; set; }
    [LoadColumn(2), Label] public float Demand { get; set; }
}

public static class DemandForecast
{
    // Nine settings tried, the one with the lowest error on the test days kept, and that error reported as the model's:
    // the test days chose the model, so they no longer say how it will do.
    public static (ITransformer Model, double Error) Tune(MLContext ml, IDataView trainDays, IDataView testDays)
    {
        ITransformer? best = null;
        var bestError = double.MaxValue;
        for (var iterations = 10; iterations <= 90; iterations += 10)
        {
            var model = ml.Transforms.Concatenate("Features", nameof(DemandDay.Promotions), nameof(DemandDay.Price))
                .Append(ml.Regression.Trainers.Sdca(labelColumnName: nameof(DemandDay.Demand), maximumNumberOfIterations: iterations))
                .Fit(trainDays);
            MeanError(ml, model, testDays, out var error);
            if (error < bestError)   // SKW208: chosen on the test days
            {
                bestError = error;
                best = model;
            }
        }

        return (best!, bestError);
    }

    private static void MeanError(MLContext ml, ITransformer model, IDataView days, out double error) =>
        error = ml.Regression.Evaluate(model.Transform(days), labelColumnName: nameof(DemandDay.Demand)).MeanAbsoluteError;
}
