using Flights;
using Microsoft.Extensions.Time.Testing;
using Skewless.Monitoring;
using Skewless.Tests.Transforms;
using Xunit;

namespace Skewless.Tests.Monitoring;

/// <summary>Statistics of rows already stored, to compare two periods without replaying them through a monitor's clock.</summary>
[Collection(MeterPublishers.Name)]
public sealed class StoredRowsStatisticsTests
{
    private static readonly Lazy<FlightFeatures.Fitted> Fitted = new(() => FlightFeatures.Fit(RealData.Flights.Where(flight => flight.Departure.Month == 1)));
    private static readonly DateTimeOffset February = new(2001, 2, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset March = February.AddMonths(1);

    private static Flight[] Month(int month) => RealData.Flights.Where(flight => flight.Departure.Month == month).ToArray();

    [Fact]
    public void Stored_rows_count_as_a_monitor_serving_them_counts()
    {
        var rows = Month(2);
        using var monitor = Fitted.Value.Monitor(new MonitorOptions { WindowLength = TimeSpan.FromDays(28), TimeProvider = new FakeTimeProvider(February) });
        foreach (var row in rows)
        {
            Fitted.Value.Transform(row, monitor);
        }

        var served = monitor.Snapshot();
        var stored = ServingStatistics.Of(Fitted.Value, rows, February, March);

        Assert.Equal((served.Rows, February, March), (stored.Rows, stored.WindowStart, stored.WindowEnd));
        Assert.Equal(rows.Length, stored.Rows);
        Assert.All(DriftReport.Compare(served, stored).Features, feature => Assert.Equal(0, feature.Distance));
        for (var i = 0; i < served.Features.Count; i++)
        {
            Assert.Equal((served.Features[i].Count, served.Features[i].Missing), (stored.Features[i].Count, stored.Features[i].Missing));
            if (served.Features[i] is NumericStatistics numeric)
            {
                var other = (NumericStatistics)stored.Features[i];
                Same.Sequence(numeric.BinCounts, other.BinCounts);
                Assert.Equal((numeric.Mean, numeric.Minimum, numeric.Maximum), (other.Mean, other.Minimum, other.Maximum));
            }
            else
            {
                Same.Sequence(((CategoricalStatistics)served.Features[i]).CategoryCounts, ((CategoricalStatistics)stored.Features[i]).CategoryCounts);
            }
        }
    }

    [Fact]
    public void Two_stored_months_compare_and_the_report_names_their_periods()
    {
        var february = ServingStatistics.Of(Fitted.Value, Month(2), February, March);
        var march = ServingStatistics.Of(Fitted.Value, Month(3), March, March.AddMonths(1));

        var report = DriftReport.Compare(february, march);

        Assert.Equal(DriftKind.Drift, report.Kind);
        Assert.Equal(FlightFeatures.Schema.Features.Count, report.Features.Count);
        Assert.Contains(report.Features, feature => feature.Distance > 0);
        Assert.Contains("serving 2001-02-01 00:00Z to 2001-03-01 00:00Z", report.ToString(), StringComparison.Ordinal);
        Assert.Contains("serving 2001-03-01 00:00Z to 2001-04-01 00:00Z", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_rows_give_empty_statistics_and_a_backwards_period_is_refused()
    {
        Assert.Equal(0, ServingStatistics.Of(Fitted.Value, [], February, March).Rows);

        var error = Assert.Throws<ArgumentException>(() => ServingStatistics.Of(Fitted.Value, Month(2), March, February));
        Assert.Contains("must end after it starts", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => ServingStatistics.Of(Fitted.Value, null!, February, March));
    }
}
