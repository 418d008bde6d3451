using Microsoft.ML;
using Microsoft.ML.Data;
using Skewless;

namespace Pitfalls.BestFoldModel;

[DataSource("homes.sales", Owner = "valuation", Version = "2024-06")]
public sealed class HouseSale
{
    [LoadColumn(0)] public float Rooms { get; set; }
    [LoadColumn(1)] public float Area { get; set; }
    [LoadColumn(2), Label] public float Price { get; set; }
}

[FeatureSet(typeof(HouseSale), Name = "BestFoldHouses", Version = 1)]
public static partial class HouseFeatures
{
    [Feature] public static float Rooms(HouseSale s) => s.Rooms;
    [Feature] public static float Area(HouseSale s) => s.Area;
}

public static class HousePrices
{
    // Five folds, five models, each trained on four fifths of the rows; the one that drew the easiest test fold is
    // shipped, and its R² is printed as the model's.
    public static ITransformer Train(MLContext ml, IDataView sales)
    {
        var pipeline = ml.Transforms.Concatenate("Features", nameof(HouseSale.Rooms), nameof(HouseSale.Area))
            .Append(ml.Regression.Trainers.Sdca(labelColumnName: nameof(HouseSale.Price)));
        var folds = ml.Regression.CrossValidate(sales, pipeline, numberOfFolds: 5, labelColumnName: nameof(HouseSale.Price));
        var best = folds.OrderByDescending(fold => fold.Metrics.RSquared).First();
        Console.WriteLine($"R² {best.Metrics.RSquared:F3}");
        return best.Model;   // SKW207: the best fold's model, not one fitted on every row
    }
}
