using Microsoft.ML;
using Skewless;

namespace Pitfalls.GroupSplit;

// Essays by the same author are alike: a random split tests the model on authors it has already read.
[DataSource("school.essays", Owner = "assessment", Version = "2")]
public sealed record Essay
{
    [GroupKey] public string Author { get; init; } = "";
    public float Words { get; init; }
    [Label] public float Grade { get; init; }
}

[FeatureSet(typeof(Essay), Version = 1)]
public static partial class EssayFeatures
{
    [Feature] public static float Words(Essay e) => e.Words;
}

public static class GradeModel
{
    public static double Evaluate(MLContext ml, IReadOnlyList<Essay> essays)
    {
        var data = ml.Data.LoadFromEnumerable(essays);

        // SKW203: Rows of 'Essay' are grouped by 'Essay.Author', but TrainTestSplit without a sampling key splits them at random
        var split = ml.Data.TrainTestSplit(data, testFraction: 0.2);
        var pipeline = ml.Transforms.Concatenate("Features", nameof(Essay.Words))
            .Append(ml.Regression.Trainers.Sdca(nameof(Essay.Grade)));
        var model = pipeline.Fit(split.TrainSet);
        return ml.Regression.Evaluate(model.Transform(split.TestSet), nameof(Essay.Grade)).RSquared;
    }

    // Hashing the author is the right idea, but .NET seeds string hash codes afresh in every process: the training job
    // and the evaluation job each compute their own split, and authors the model read turn up in the test.
    public static (List<Essay> Train, List<Essay> Test) SplitByAuthor(IReadOnlyList<Essay> essays)
    {
        // SKW203: Rows of 'Essay' are grouped by 'Essay.Author', but Where on string.GetHashCode(), which .NET seeds afresh in every process, splits them at random
        var train = essays.Where(e => (e.Author.GetHashCode() & 0x7FFFFFFF) % 10 < 8).ToList();
        var test = essays.Except(train).ToList();
        return (train, test);
    }
}

// Visits of one patient are alike too, and they also happen in time: a split by time alone still puts a
// patient on both sides. VisitFeatures.SplitByTimeAndGroup honours both.
[DataSource("clinic.visits", Owner = "clinical-data", Version = "3")]
public sealed record Visit
{
    [GroupKey] public string Patient { get; init; } = "";
    [EventTime] public DateTime At { get; init; }
    public float Temperature { get; init; }
    [Label] public float Readmitted { get; init; }
}

[FeatureSet(typeof(Visit), Version = 1)]
public static partial class VisitFeatures
{
    [Feature] public static float Temperature(Visit v) => v.Temperature;
}

public static class ReadmissionModel
{
    public static Split<Visit> Split(IEnumerable<Visit> visits)
    {
        // SKW203: Rows of 'Visit' are grouped by 'Visit.Patient', but SplitByTime splits them by time alone
        return VisitFeatures.SplitByTime(visits, testFraction: 0.2);
    }

    // Cross-validation folds along time alone put a patient's later visits in the test fold of a model trained on their
    // earlier ones; VisitFeatures.FoldsByTimeAndGroup keeps each patient on one side of every fold.
    public static IReadOnlyList<Split<Visit>> Folds(IEnumerable<Visit> visits)
    {
        // SKW203: Rows of 'Visit' are grouped by 'Visit.Patient', but FoldsByTime folds them by time alone
        return VisitFeatures.FoldsByTime(visits, 5);
    }
}
