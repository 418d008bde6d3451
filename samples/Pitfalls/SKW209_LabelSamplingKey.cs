using Microsoft.ML;
using Microsoft.ML.Data;
using Skewless;

namespace Pitfalls.LabelSamplingKey;

[DataSource("loans.applications", Owner = "credit", Version = "2024-06")]
public sealed class LoanApplication
{
    [LoadColumn(0)] public float Income { get; set; }
    [LoadColumn(1)] public float Amount { get; set; }
    [LoadColumn(2), Label] public bool Defaulted { get; set; }
}

public static class DefaultModel
{
    // Keyed by the label "to stratify": ML.NET hashes the key, so every defaulted loan lands on one side, and the test
    // rows can hold no defaults at all.
    public static double Train(MLContext ml, string path)
    {
        var data = ml.Data.LoadFromTextFile<LoanApplication>(path, hasHeader: true, separatorChar: ',');
        var split = ml.Data.TrainTestSplit(data, testFraction: 0.2, samplingKeyColumnName: nameof(LoanApplication.Defaulted));   // SKW209
        var model = ml.Transforms.Concatenate("Features", nameof(LoanApplication.Income), nameof(LoanApplication.Amount))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: nameof(LoanApplication.Defaulted)))
            .Fit(split.TrainSet);
        return ml.BinaryClassification.Evaluate(model.Transform(split.TestSet), nameof(LoanApplication.Defaulted)).AreaUnderRocCurve;
    }
}
