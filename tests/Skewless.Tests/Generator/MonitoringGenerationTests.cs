using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Generator;

/// <summary>What the generator records for monitoring: drift thresholds, outside the fingerprint, and the label.</summary>
public sealed class MonitoringGenerationTests
{
    private const string Features = """
        using System;
        using Skewless;

        [FeatureSet(typeof(Flight), Version = 1)]
        public static partial class FlightFeatures
        {
            [Feature] public static float Hour(Flight f) => f.Departure.Hour;
            [Feature, ZScore] public static float Distance(Flight f) => f.DistanceMiles;
        }
        """;

    [Theory]
    [InlineData("[Feature, DriftThreshold(0.2)] public static float Hour")]
    [InlineData("[Feature][DriftThreshold(0.2)] public static float Hour")]
    [InlineData("[Feature, Skewless.DriftThresholdAttribute(0.2)] public static float Hour")]
    public void A_drift_threshold_is_recorded_but_does_not_change_the_fingerprint(string withThreshold)
    {
        var plain = Parse.FeatureSet(TestSources.Flight, Features);
        var withOne = Parse.FeatureSet(TestSources.Flight, Features.Replace("[Feature] public static float Hour", withThreshold, StringComparison.Ordinal));

        Assert.Equal(plain.Fingerprint, withOne.Fingerprint);
        Assert.Null(plain.Features[0].DriftThreshold);
        Assert.Equal(0.2, withOne.Features[0].DriftThreshold);
    }

    [Fact]
    public void A_negative_threshold_is_ignored()
    {
        var model = Parse.FeatureSet(TestSources.Flight, Features.Replace("[Feature] public static float Hour", "[Feature, DriftThreshold(-1)] public static float Hour", StringComparison.Ordinal));

        Assert.Null(model.Features[0].DriftThreshold);
    }

    [Fact]
    public void The_label_is_found_for_statistics()
    {
        var model = Parse.FeatureSet(TestSources.Flight, Features);

        Assert.Equal("DelayMinutes", model.Label?.MemberName);
        Assert.Equal(Skewless.Analyzers.Model.FeatureKind.Single, model.Label?.Kind);
    }

    [Fact]
    public void A_label_of_a_type_no_feature_could_return_gets_no_statistics()
    {
        var flight = TestSources.Flight.Replace("[Label] public float DelayMinutes", "[Label] public DateTime? DelayMinutes", StringComparison.Ordinal);

        Assert.Null(Parse.FeatureSet(flight, Features).Label);
    }
}
