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

public enum Level : byte { Low = 3, Mid, High }

public enum Sign { Negative = -1, Zero, Positive }

[DataSource("test.levels", Owner = "tests", Version = "1")]
public readonly record struct Levels(Level Level, Sign Sign);

/// <summary>Enums whose values count up from a non-zero start, which the generator one-hots without a switch.</summary>
[FeatureSet(typeof(Levels))]
public static partial class LevelFeatures
{
    [Feature] public static Level Level(Levels l) => l.Level;

    [Feature] public static Sign Sign(Levels l) => l.Sign;
}
