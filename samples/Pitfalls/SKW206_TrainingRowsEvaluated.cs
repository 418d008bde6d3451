using Microsoft.ML;
using Microsoft.ML.Data;
using Skewless;

namespace Pitfalls.TrainingRowsEvaluated;

[DataSource("shop.daily_sales", Owner = "sales", Version = "2024-06")]
public sealed class Sale
{
    [LoadColumn(0)] public float Price { get; set; }
    [LoadColumn(1)] public float Promotion { get; set; }
    [LoadColumn(2), Label] public float Units { get; set; }
}

[FeatureSet(typeof(Sale), Name = "TrainingRowsEvaluatedSales", Version = 1)]
public static partial class SaleFeatures
{
    [Feature] public static float Price(Sale s) => s.Price;
    [Feature] public static float Promotion(Sale s) => s.Promotion;
}

public static class SalesForecast
{
    // The test path was copied from the training path and never changed: the "test" metrics are training metrics.
    private static readonly string TrainPath = Path.Combine(Environment.CurrentDirectory, "Data", "SalesData.csv");
    private static readonly string TestPath = Path.Combine(Environment.CurrentDirectory, "Data", "SalesData.csv");

    public static double Evaluate(MLContext ml)
    {
        var training = ml.Data.LoadFromTextFile<Sale>(TrainPath, hasHeader: true, separatorChar: ',');
        var model = ml.Transforms.Concatenate("Features", nameof(Sale.Price), nameof(Sale.Promotion))
            .Append(ml.Regression.Trainers.Sdca(labelColumnName: nameof(Sale.Units)))
            .Fit(training);
        var test = ml.Data.LoadFromTextFile<Sale>(TestPath, hasHeader: true, separatorChar: ',');
        return ml.Regression.Evaluate(model.Transform(test), nameof(Sale.Units)).RSquared;   // SKW206: the rows it was trained on, loaded again from the same file
    }
}
