namespace Skewless.Tests.Runtime;

public enum Weather { Sun = 1, Rain = 2, Snow = 4, Sunny = Sun }

[DataSource("test.readings", Owner = "tests", Version = "1")]
public readonly record struct Reading(int Count, long Id, double Score, bool Flag, Weather Weather);

/// <summary>One feature of every supported kind, compiled by the real generator.</summary>
[FeatureSet(typeof(Reading))]
public static partial class KindFeatures
{
    [Feature] public static int Count(in Reading r) => r.Count;

    [Feature] public static long Id(Reading r) => r.Id;

    [Feature] public static double Score(Reading r) => r.Score;

    [Feature] public static bool Flag(Reading r) => r.Flag;

    [Feature] public static Weather Weather(Reading r) => r.Weather;

    [Feature("score above one")] public static bool High(Reading r) => Score(r) > 1;
}
