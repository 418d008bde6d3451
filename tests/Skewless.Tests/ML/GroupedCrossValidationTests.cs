using Flights;
using Microsoft.ML;
using Microsoft.ML.Data;
using Skewless.ML;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.ML;

/// <summary>A flight leg grouped by its origin airport: legs from one airport must stay in one fold.</summary>
[DataSource("tests.flight_legs", Owner = "tests", Version = "2001-Q1")]
public sealed record Leg(
    [property: GroupKey] string Origin,
    string Destination,
    float DistanceMiles,
    int Hour,
    [property: Label] bool Delayed);

[FeatureSet(typeof(Leg), Version = 1)]
public static partial class LegFeatures
{
    [Feature, ZScore] public static float Distance(Leg leg) => leg.DistanceMiles;

    [Feature] public static float Hour(Leg leg) => leg.Hour;

    [Feature, Vocabulary(MaxSize = 50, OovBuckets = 1)] public static string Destination(Leg leg) => leg.Destination;
}

/// <summary>
/// A data view with the rows' group key lets ML.NET's cross-validation keep each group in one fold. The feature set is
/// fitted on January's legs and the folds are February's and March's: fitted on the rows cross-validated, its statistics
/// would carry the test folds into training (SKW205), as CrossValidate cannot refit it on each fold.
/// </summary>
public sealed class GroupedCrossValidationTests
{
    private static readonly Lazy<Flight[]> Flights = new(() => FlightData.Load(RepositoryPaths.Flights20k));

    private static readonly Lazy<LegFeatures.Fitted> Fitted = new(() => LegFeatures.Fit(LegsOf(Flights.Value.Where(flight => flight.Departure.Month == 1))));

    private static readonly Lazy<Leg[]> Legs = new(() => LegsOf(Flights.Value.Where(flight => flight.Departure.Month > 1)));

    [Fact]
    public void CrossValidate_with_the_group_key_column_keeps_each_group_in_one_fold()
    {
        var legs = Legs.Value;
        var fitted = Fitted.Value;
        var ml = new MLContext(seed: 1);
        var view = fitted.ToDataView(legs, leg => leg.Delayed, leg => leg.Origin);

        var folds = ml.BinaryClassification.CrossValidate(
            view, ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 4, numberOfTrees: 10), numberOfFolds: 5, samplingKeyColumnName: FeatureColumns.GroupKey);

        Assert.Equal(TextDataViewType.Instance, view.Schema[FeatureColumns.GroupKey].Type);
        var groups = folds.Select(fold => fold.ScoredHoldOutSet.GetColumn<string>(FeatureColumns.GroupKey).ToArray()).ToArray();
        Assert.Equal(5, groups.Length);
        Assert.All(groups, fold => Assert.NotEmpty(fold));
        Assert.Equal(legs.Length, groups.Sum(fold => fold.Length));
        Assert.Equal(legs.Select(leg => leg.Origin).Order(StringComparer.Ordinal), groups.SelectMany(fold => fold).Order(StringComparer.Ordinal));
        Assert.Equal(legs.Select(leg => leg.Origin).Distinct().Count(), groups.Sum(fold => fold.Distinct().Count()));
        Assert.All(folds, fold => Assert.True(fold.Metrics.AreaUnderRocCurve > 0.5, "Each fold's model should beat chance."));
    }

    [Fact]
    public void Without_the_sampling_key_the_same_view_puts_groups_in_several_folds()
    {
        var legs = Legs.Value;
        var ml = new MLContext(seed: 1);
        var view = Fitted.Value.ToDataView(legs.ToList(), leg => leg.Delayed, leg => leg.Origin);

        var keyed = OriginsByFold(ml, view, FeatureColumns.GroupKey);
        var random = OriginsByFold(ml, view, samplingKey: null);

        Assert.Equal(keyed.Sum(fold => fold.Count), keyed.SelectMany(fold => fold).Distinct().Count());
        Assert.True(random.Sum(fold => fold.Count) > 2 * random.SelectMany(fold => fold).Distinct().Count(), "A random split should scatter the groups.");
    }

    private static Leg[] LegsOf(IEnumerable<Flight> flights) =>
        flights.Select(flight => new Leg(flight.Origin, flight.Destination, flight.DistanceMiles, flight.Departure.Hour, flight.DelayMinutes > 15)).ToArray();

    // The split is made here, on a view passed in, where SKW203 does not trace rows, so the random split can be shown.
    private static HashSet<string>[] OriginsByFold(MLContext ml, IDataView view, string? samplingKey) =>
        ml.Data.CrossValidationSplit(view, numberOfFolds: 5, samplingKeyColumnName: samplingKey)
            .Select(fold => fold.TestSet.GetColumn<string>(FeatureColumns.GroupKey).ToHashSet(StringComparer.Ordinal))
            .ToArray();
}
