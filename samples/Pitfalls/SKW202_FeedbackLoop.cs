using Skewless;

namespace Pitfalls.FeedbackLoop;

// Widget demand: stock is ordered from the forecast, so yesterday's forecast shapes today's sales.
[DataSource("retail.widget_days", Owner = "supply", Version = "3")]
public sealed record WidgetDay
{
    [EventTime] public DateTime Day { get; init; }
    public float Price { get; init; }
    [ModelOutput] public float PredictedDemand { get; init; }
    [Label] public float UnitsSold { get; init; }
}

[FeatureSet(typeof(WidgetDay), Version = 1)]
public static partial class DemandFeatures
{
    [Feature] public static float Price(WidgetDay d) => d.Price;

    // SKW202: Feature 'ForecastBand' depends on model output 'WidgetDay.PredictedDemand' via a branch, which closes a feedback loop
    [Feature] public static int ForecastBand(WidgetDay d)
    {
        if (d.PredictedDemand > 100)
        {
            return 1;
        }

        return 0;
    }
}
