using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Generator;

public sealed class FingerprintTests
{
    private const string Flight = TestSources.Flight;

    private const string Features = """
        using System;
        using Skewless;

        [FeatureSet(typeof(Flight), Version = 1)]
        public static partial class FlightFeatures
        {
            [Feature] public static float Hour(Flight f) => f.Departure.Hour;
            [Feature] public static float Distance(Flight f) => Scale(f.DistanceMiles);
            [Feature] public static Cabin Cabin(Flight f) => f.Cabin;
            private static float Scale(float miles) => miles / 100;
        }
        """;

    private static string Of(string features, string flight = Flight) => Parse.FeatureSet(flight, features).Fingerprint;

    [Fact]
    public void Is_16_lowercase_hex_digits_and_deterministic()
    {
        var fingerprint = Of(Features);
        Assert.Matches("^[0-9a-f]{16}$", fingerprint);
        Assert.Equal(fingerprint, Of(Features));
    }

    [Fact]
    public void Ignores_whitespace_comments_and_line_endings()
    {
        var reformatted = Features
            .Replace("=> f.Departure.Hour;", "=>\n        // the hour of departure\n        f.Departure  .  Hour ;", StringComparison.Ordinal)
            .Replace("\n", "\r\n", StringComparison.Ordinal);
        Assert.Equal(Of(Features), Of(reformatted));
    }

    [Fact]
    public void Ignores_the_declared_version_and_unrelated_members()
    {
        var changed = Features
            .Replace("Version = 1", "Version = 2", StringComparison.Ordinal)
            .Replace("private static float Scale", "private static int Unused() => 42;\n    private static float Scale", StringComparison.Ordinal);
        Assert.Equal(Of(Features), Of(changed));
    }

    [Theory]
    [InlineData("=> f.Departure.Hour;", "=> f.Departure.Minute;")]
    [InlineData("[Feature] public static float Hour", "[Feature(\"HourOfDay\")] public static float Hour")]
    [InlineData("miles / 100", "miles / 1000")]
    [InlineData("public static float Hour(Flight f) => f.Departure.Hour;", "public static double Hour(Flight f) => f.Departure.Hour;")]
    public void Changes_with_any_feature_or_helper_body(string before, string after) =>
        Assert.NotEqual(Of(Features), Of(Features.Replace(before, after, StringComparison.Ordinal)));

    [Fact]
    public void Changes_when_an_enum_feature_gains_a_value() =>
        Assert.NotEqual(Of(Features), Of(Features, Flight.Replace("Economy, Business", "Economy, Premium, Business", StringComparison.Ordinal)));

    [Fact]
    public void Changes_with_a_helper_in_another_file()
    {
        const string helper = "public static class Units { public static float Km(float miles) => miles * 1.609f; }";
        var features = Features.Replace("Scale(f.DistanceMiles)", "Units.Km(f.DistanceMiles)", StringComparison.Ordinal);
        Assert.NotEqual(
            Parse.FeatureSet(Flight, features, helper).Fingerprint,
            Parse.FeatureSet(Flight, features, helper.Replace("1.609f", "1.61f", StringComparison.Ordinal)).Fingerprint);
    }
}
