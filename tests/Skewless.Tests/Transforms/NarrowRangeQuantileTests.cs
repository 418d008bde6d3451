using Skewless.Monitoring;
using Skewless.Transforms;
using Xunit;
using Xunit.Abstractions;

namespace Skewless.Tests.Transforms;

/// <summary>
/// Quantiles past the exact limit of data far from zero in a narrow range (epoch seconds, latitudes), where the
/// logarithmic buckets alone are wider than the whole range and the absolute grid must carry the precision.
/// </summary>
public sealed class NarrowRangeQuantileTests
{
    private static readonly Lazy<TimedZipFeatures.Fitted> Fitted = new(() => TimedZipFeatures.Fit(TimedZip.All));

    private readonly ITestOutputHelper _output;

    public NarrowRangeQuantileTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Columns() => new() { "Minute", "LatitudeDecile" };

    private static double[] Column(string name) => TimedZip.All.Select(zip => name == "Minute" ? zip.EpochSeconds : zip.Latitude).ToArray();

    [Theory]
    [MemberData(nameof(Columns))]
    public void Boundaries_are_within_the_documented_bound_of_the_exact_quantiles(string column)
    {
        var values = Column(column);
        var sorted = values.Order().ToArray();
        var sketch = new QuantileSketch();
        foreach (var value in values)
        {
            sketch.Add(value);
        }

        var fitted = (QuantileBuckets)Fitted.Value.Transforms[column == "Minute" ? 0 : 1]!;

        Assert.False(fitted.Exact);
        Assert.Equal(10, fitted.Buckets);
        var worst = 0.0;
        for (var k = 1; k < 10; k++)
        {
            var exact = sorted[k * sorted.Length / 10];
            var bound = Math.Min(QuantileSketch.RelativeAccuracy * Math.Abs(exact), sketch.AbsoluteAccuracy);
            var error = Math.Abs(fitted.Boundaries[k - 1] - exact);
            worst = Math.Max(worst, error);
            Assert.True(error <= bound, $"Boundary {k}: {fitted.Boundaries[k - 1]:R} against {exact:R}, off by {error}, bound {bound}.");
        }

        var sizes = Enumerable.Range(0, 10).Select(bucket => values.Count(value => fitted.BucketOf(value) == bucket)).ToArray();
        _output.WriteLine($"{column}: grid width {sketch.AbsoluteAccuracy}, worst boundary error {worst}, bucket sizes {string.Join(", ", sizes)}");

        // Each bucket holds a tenth of the rows, give or take the rows of one grid cell on either side.
        var share = values.Length / 10.0;
        Assert.All(sizes, size => Assert.True(Math.Abs(size - share) <= share * 0.01, $"Bucket sizes {string.Join(", ", sizes)} are not a tenth each."));
    }

    [Fact]
    public void Training_statistics_match_the_same_rows_served()
    {
        var fitted = Fitted.Value;
        var start = new DateTimeOffset(2023, 11, 14, 0, 0, 0, TimeSpan.Zero);
        var served = ServingStatistics.Of(fitted, TimedZip.All, start, start.AddDays(30));

        var report = DriftReport.Compare(fitted.Statistics, served);

        foreach (var feature in report.Features)
        {
            var training = (NumericStatistics)fitted.Statistics.Find(feature.Name)!;
            var serving = (NumericStatistics)served.Find(feature.Name)!;
            _output.WriteLine($"{feature.Name}: {feature.Metric} {feature.Distance:E3} (threshold {feature.Threshold}); training {string.Join(" | ", training.BinCounts)}; served {string.Join(" | ", serving.BinCounts)}");
            Assert.Equal(10, training.BinCounts.Count);
            Assert.False(feature.Crossed);
            Assert.True(feature.Distance < feature.Threshold / 100, $"{feature.Name}: distance {feature.Distance} between training and the same rows served.");
        }

        Assert.False(report.AnyCrossed);
    }
}
