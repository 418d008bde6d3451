using System.Collections.Generic;
using Skewless;

// Each set reaches one library only through a generic type, whose typeof the generated code must be able to write.
[DataSource("penguins")]
public sealed record Penguin(float? BodyMass, string Island);

[FeatureSet(typeof(Penguin))]
public static partial class NullableFeatures
{
    [Feature] public static float Mass(Penguin p) => p.BodyMass.GetValueOrDefault();

    [Feature] public static bool Weighed(Penguin p) => p.BodyMass.HasValue;
}

[FeatureSet(typeof(Penguin))]
public static partial class NestedGenericFeatures
{
    private static readonly Dictionary<string, int> Colonies = new() { ["Biscoe"] = 1 };

    [Feature] public static int KnownIslands(Penguin p) => Colonies.Keys.Count;
}
