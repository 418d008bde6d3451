using System.Text.Json;
using System.Text.Json.Serialization;
using Skewless.Tests.Infrastructure;

namespace Skewless.Tests.ML;

/// <summary>One Palmer penguin; the species is a text label for multiclass classification.</summary>
[DataSource("palmer.penguins", Owner = "tests", Version = "vega-datasets 3.2.1")]
public sealed record Penguin(
    [property: Label] string Species,
    string Island,
    [property: JsonPropertyName("Beak Length (mm)")] float? BeakLength,
    [property: JsonPropertyName("Beak Depth (mm)")] float? BeakDepth,
    [property: JsonPropertyName("Flipper Length (mm)")] float? FlipperLength,
    [property: JsonPropertyName("Body Mass (g)")] float? BodyMass,
    string? Sex)
{
    private static readonly Lazy<Penguin[]> All = new(() =>
    {
        using var stream = File.OpenRead(RepositoryPaths.RequireFile(Path.Combine(RepositoryPaths.SharedData, "penguins.json")));
        return JsonSerializer.Deserialize<Penguin[]>(stream)!;
    });

    /// <summary>The 344 penguins of the shared data, read once.</summary>
    public static Penguin[] Load() => All.Value;
}

[FeatureSet(typeof(Penguin), Version = 1)]
public static partial class PenguinFeatures
{
    [Feature, ZScore] public static float BeakLength(Penguin p) => p.BeakLength ?? float.NaN;

    [Feature, ZScore] public static float BeakDepth(Penguin p) => p.BeakDepth ?? float.NaN;

    [Feature, MinMax] public static float Flipper(Penguin p) => p.FlipperLength ?? float.NaN;

    [Feature, QuantileBuckets(4)] public static float BodyMass(Penguin p) => p.BodyMass ?? float.NaN;

    [Feature, Vocabulary(MaxSize = 5, OovBuckets = 1)] public static string Island(Penguin p) => p.Island;

    [Feature, Vocabulary(MaxSize = 3)] public static string Sex(Penguin p) => p.Sex ?? "";
}
