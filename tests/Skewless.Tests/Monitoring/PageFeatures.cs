namespace Skewless.Tests.Monitoring;

/// <summary>A mutable row, so a test can serve a million distinct values without allocating a row for each.</summary>
[DataSource("tests.page_views", Owner = "tests", Version = "1")]
public sealed class PageView
{
    public string? Page { get; set; }

    public double Seconds { get; set; }

    [Label] public bool Converted { get; set; }
}

/// <summary>A hashed string, a plain number with a threshold of its own, and a bool label.</summary>
[FeatureSet(typeof(PageView), Version = 1)]
public static partial class PageFeatures
{
    [Feature, HashBuckets(16)] public static string Page(PageView view) => view.Page ?? "";

    [Feature, DriftThreshold(0.25)] public static double Seconds(PageView view) => view.Seconds;
}
