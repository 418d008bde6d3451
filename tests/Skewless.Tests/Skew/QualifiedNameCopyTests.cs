using Skewless.Analyzers.Skew.Clones;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Skew;

/// <summary>
/// SKW300 on copies that name the same types and static members with other qualification: by
/// namespace, <c>global::</c>, an alias, <c>using static</c>, or none. Names that bind to the same
/// symbol are the same; the same name of a different symbol is not.
/// </summary>
public sealed class QualifiedNameCopyTests
{
    // The method Season hides the enum Season inside the feature set, so the feature must qualify it.
    private const string Features = """
        using System;
        using Skewless;

        namespace Weather
        {
            public enum Season { Winter, Spring, Summer, Autumn }

            public enum Quarter { Winter, Spring, Summer, Autumn }

            [DataSource("noaa.seattle_daily")]
            public sealed class Day
            {
                public DateTime Date { get; set; }
                public float Wind { get; set; }
                [Label] public float TempMax { get; set; }
            }

            [FeatureSet(typeof(Day))]
            public static partial class DayFeatures
            {
                public static readonly float KilometresPerHour = 3.6f;

                [Feature] public static Season Season(Day d) => d.Date.Month switch
                {
                    12 or 1 or 2 => Weather.Season.Winter,
                    3 or 4 or 5 => Weather.Season.Spring,
                    _ => Weather.Season.Summer,
                };

                [Feature] public static float LogWind(Day d) => MathF.Log(1 + d.Wind);

                [Feature] public static string SeasonName(Day d) => Enum.GetName(typeof(Weather.Season), d.Date.Month % 12 / 3) ?? "";

                [Feature] public static int SeasonNumber(Day d) => (int)(Weather.Season)(d.Date.Month % 12 / 3) + 1;

                [Feature] public static float WindKmh(Day d) => d.Wind * KilometresPerHour + 1;
            }
        }

        """;

    private static Task VerifyAsync(string source) => Verify.AnalyzerAsync<ReimplementedFeatureAnalyzer>(Features + source);

    [Fact]
    public Task An_unqualified_enum_member_copies_a_namespace_qualified_one() => VerifyAsync("""
        namespace Weather.Serving
        {
            public static class Seasons
            {
                public static Season SeasonOf(Day day) => {|SKW300:day.Date.Month switch { 12 or 1 or 2 => Season.Winter, 3 or 4 or 5 => Season.Spring, _ => Season.Summer }|};
            }
        }
        """);

    [Fact]
    public Task Global_and_alias_qualified_enum_members_copy_the_feature() => VerifyAsync("""
        namespace Serving
        {
            using W = Weather;

            public static class Seasons
            {
                public static W.Season Global(W.Day day) => {|SKW300:day.Date.Month switch { 12 or 1 or 2 => global::Weather.Season.Winter, 3 or 4 or 5 => global::Weather.Season.Spring, _ => global::Weather.Season.Summer }|};

                public static W.Season Aliased(W.Day day) => {|SKW300:day.Date.Month switch { 12 or 1 or 2 => W.Season.Winter, 3 or 4 or 5 => W::Season.Spring, _ => W.Season.Summer }|};
            }
        }
        """);

    [Fact]
    public Task Enum_members_imported_by_using_static_copy_the_feature() => VerifyAsync("""
        namespace Serving
        {
            using static Weather.Season;

            public static class Seasons
            {
                public static Weather.Season SeasonOf(Weather.Day day) => {|SKW300:day.Date.Month switch { 12 or 1 or 2 => Winter, 3 or 4 or 5 => Spring, _ => Summer }|};
            }
        }
        """);

    [Fact]
    public Task Qualified_types_in_static_calls_casts_and_typeof_copy_the_feature() => VerifyAsync("""
        namespace Serving
        {
            using static System.MathF;

            public static class Weather2
            {
                public static float Log1(Weather.Day day) => {|SKW300:System.MathF.Log(1 + day.Wind)|};

                public static float Log2(Weather.Day day) => {|SKW300:global::System.MathF.Log(1 + day.Wind)|};

                public static float Log3(Weather.Day day) => {|SKW300:Log(1 + day.Wind)|};

                public static string Name(Weather.Day day) => {|SKW300:System.Enum.GetName(typeof(global::Weather.Season), day.Date.Month % 12 / 3) ?? ""|};

                public static int Number(Weather.Day day) => {|SKW300:(int)(global::Weather.Season)(day.Date.Month % 12 / 3) + 1|};

                public static float Kmh(Weather.Day day) => {|SKW300:day.Wind * Weather.DayFeatures.KilometresPerHour + 1|};
            }
        }
        """);

    [Fact]
    public Task The_same_member_names_of_another_enum_are_not_a_copy() => VerifyAsync("""
        namespace Weather.Serving
        {
            using static Weather.Quarter;

            public static class Quarters
            {
                public static Quarter Unqualified(Day day) => day.Date.Month switch { 12 or 1 or 2 => Quarter.Winter, 3 or 4 or 5 => Quarter.Spring, _ => Quarter.Summer };

                public static Quarter Qualified(Day day) => day.Date.Month switch { 12 or 1 or 2 => global::Weather.Quarter.Winter, 3 or 4 or 5 => Weather.Quarter.Spring, _ => Weather.Quarter.Summer };

                public static Quarter Imported(Day day) => day.Date.Month switch { 12 or 1 or 2 => Winter, 3 or 4 or 5 => Spring, _ => Summer };
            }
        }
        """);

    [Fact]
    public Task A_static_field_of_another_type_with_the_same_name_is_not_a_copy() => VerifyAsync("""
        namespace Serving
        {
            public static class Units
            {
                public static readonly float KilometresPerHour = 3.6f;

                public static float Kmh(Weather.Day day) => day.Wind * KilometresPerHour + 1;

                public static float Qualified(Weather.Day day) => day.Wind * Serving.Units.KilometresPerHour + 1;
            }
        }
        """);
}
