using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Skew.Clones;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Skew;

/// <summary>
/// SKW301 and SKW304 for a copy that reads another part of the same date or time value (round 18, GimmeMillions: serving
/// computed <c>input.Date.Month / 366f</c> for the feature's <c>s.Date.DayOfYear / 366f</c>).
/// </summary>
public sealed class DatePartCopyTests
{
    private const string Features = """
        using System;
        using Skewless;

        [DataSource("stocks.samples")]
        public sealed class StockSample
        {
            public DateTime Date { get; set; }
            public DateTime Listed { get; set; }
            public TimeSpan Held { get; set; }
            public TimeOnly Close { get; set; }
            public float Price { get; set; }
            public float Cost { get; set; }
            public int Days { get; set; }
            public int Hours { get; set; }
        }

        [FeatureSet(typeof(StockSample))]
        public static partial class CalendarFeatures
        {
            [Feature] public static float DayOfWeekFraction(StockSample s) => (int)s.Date.DayOfWeek / 7.0f;
            [Feature] public static float DayOfYearFraction(StockSample s) => s.Date.DayOfYear / 366.0f;
            [Feature] public static double HeldWeeks(StockSample s) => s.Held.TotalDays / 7.0;
            [Feature] public static float CloseFraction(StockSample s) => s.Close.Hour / 24f;
            [Feature] public static int ListingYear(StockSample s) => s.Listed.Date.Year;
            [Feature] public static float PriceCents(StockSample s) => s.Price * 100f;
            [Feature] public static float HourOfWeek(StockSample s) => (int)s.Date.DayOfWeek * 24 + s.Date.Hour;
            [Feature] public static float WeeksListed(StockSample s) => s.Days / 7f;
        }

        [FeatureSet(typeof(StockSample))]
        public static partial class TimeFeatures
        {
            // Two features that differ only in the part they read: neither is a copy of the other.
            [Feature] public static float HourFraction(StockSample s) => s.Date.Hour / 24f;
            [Feature] public static float MinuteFraction(StockSample s) => s.Date.Minute / 60f;
            [Feature] public static float MinuteOfDay(StockSample s) => s.Date.Minute / 24f;
        }

        /// <summary>The serving input: the row's Date, Price and Cost.</summary>
        public sealed class FeatureVector
        {
            public DateTime Date { get; set; }
            public float Price { get; set; }
            public float Cost { get; set; }
        }

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        Verify.AnalyzerAsync<ReimplementedFeatureAnalyzer>(Features + source, expected);

    private static DiagnosticResult NearCopy(int location, string feature, string differences) =>
        new DiagnosticResult(Descriptors.NearCopyOfFeature).WithLocation(location).WithArguments(feature, differences).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static DiagnosticResult OverLookAlike(int location, string feature, string differences, string over = "FeatureVector, whose members mirror the row type StockSample") =>
        new DiagnosticResult(Descriptors.ReimplementedOverLookAlike).WithLocation(location).WithArguments(feature, over, "StockSample", $" (another date part: {differences})")
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public Task Another_part_of_the_same_date_over_the_row_fires_SKW301() => VerifyAsync("""
        public static class Serving
        {
            public static float DoyOverRow(StockSample sample) => {|#0:sample.Date.Month / 366.0f|};

            public static float Split(StockSample sample)
            {
                var date = sample.Date;
                return {|#1:date.Month / 366f|};
            }

            public static double Held(StockSample sample) => {|#2:sample.Held.TotalHours / 7.0|};

            public static float Close(StockSample sample) => {|#3:sample.Close.Minute / 24f|};

            public static float MinuteOfWeek(StockSample sample) => {|#4:(int)sample.Date.DayOfWeek * 24 + sample.Date.Minute|};
        }
        """,
        NearCopy(0, "CalendarFeatures.DayOfYearFraction", "another date part: DayOfYear in CalendarFeatures.DayOfYearFraction against Month here"),
        NearCopy(1, "CalendarFeatures.DayOfYearFraction", "another date part: DayOfYear in CalendarFeatures.DayOfYearFraction against Month here"),
        NearCopy(2, "CalendarFeatures.HeldWeeks", "another date part: TotalDays in CalendarFeatures.HeldWeeks against TotalHours here"),
        NearCopy(3, "CalendarFeatures.CloseFraction", "another date part: Hour in CalendarFeatures.CloseFraction against Minute here"),
        NearCopy(4, "CalendarFeatures.HourOfWeek", "another date part: Hour in CalendarFeatures.HourOfWeek against Minute here"));

    [Fact]
    public Task Another_part_of_the_same_date_over_a_look_alike_fires_SKW304() => VerifyAsync("""
        public static class Serving
        {
            public static float Dow(FeatureVector input) => {|#0:(int)input.Date.DayOfWeek / 7.0f|};

            public static float DoyAsServed(FeatureVector input) => {|#1:input.Date.Month / 366.0f|};

            public static float Predict(DateTime date, float price) => {|#2:date.Month / 366f|} + price;
        }
        """,
        new DiagnosticResult(Descriptors.ReimplementedOverLookAlike).WithLocation(0)
            .WithArguments("CalendarFeatures.DayOfWeekFraction", "FeatureVector, whose members mirror the row type StockSample", "StockSample", "")
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
        OverLookAlike(1, "CalendarFeatures.DayOfYearFraction", "DayOfYear in CalendarFeatures.DayOfYearFraction against Month here"),
        OverLookAlike(2, "CalendarFeatures.DayOfYearFraction", "DayOfYear in CalendarFeatures.DayOfYearFraction against Month here",
            "the parameters of Predict, named and typed like members of the row type StockSample"));

    [Fact]
    public Task Another_member_that_is_no_date_part_is_not_a_near_copy() => VerifyAsync("""
        public static class Serving
        {
            public static float Cost(StockSample sample) => sample.Cost * 100f;

            public static float ServedCost(FeatureVector input) => input.Cost * 100f;

            public static float WeeksOfHours(StockSample sample) => sample.Hours / 7f;
        }
        """);

    [Fact]
    public Task A_part_of_another_value_or_of_another_type_is_not_a_near_copy() => VerifyAsync("""
        public static class Serving
        {
            public static float Listed(StockSample sample) => sample.Listed.Month / 366f;

            public static float HeldDays(StockSample sample) => sample.Held.Days / 366f;

            public static float ServedHeld(FeatureVector input, TimeSpan held) => held.Days / 366f;
        }
        """);

    [Fact]
    public Task Another_part_with_other_numbers_is_not_a_near_copy() => VerifyAsync("""
        public static class Serving
        {
            public static float MonthOfYear(StockSample sample) => sample.Date.Month / 12f;

            public static float ServedMonthOfYear(FeatureVector input) => input.Date.Month / 12f;

            public static float Truncated(StockSample sample) => sample.Date.Month / 366;

            public static float MinuteOfWeek(StockSample sample) => (int)sample.Date.DayOfWeek * 60 + sample.Date.Minute;
        }
        """);

    [Fact]
    public Task Another_part_read_with_no_other_operation_is_not_a_near_copy() => VerifyAsync("""
        public static class Serving
        {
            public static int ListingMonth(StockSample sample) => sample.Listed.Date.Month;

            public static float Month(StockSample sample) => sample.Date.Month;
        }
        """);

    [Fact]
    public Task A_copy_of_one_of_two_features_that_differ_in_their_part_is_a_copy_of_that_one() => VerifyAsync("""
        public static class Serving
        {
            public static float Minute(StockSample sample) => {|SKW300:sample.Date.Minute / 24f|};

            public static float ServedMinute(FeatureVector input) => {|SKW304:input.Date.Minute / 24f|};
        }
        """);

    [Fact]
    public Task A_near_copy_with_another_number_is_found_among_features_that_share_its_shape() => VerifyAsync("""
        public static class Serving
        {
            public static float Minute(StockSample sample) => {|#0:sample.Date.Minute / 6f|};
        }
        """,
        NearCopy(0, "TimeFeatures.MinuteFraction", "other constants: 60 in TimeFeatures.MinuteFraction against 6 here"));
}
