using System.Globalization;

namespace Skewless.Monitoring;

/// <summary>
/// The slots a feature's values fall into, in the order monitors count them and reports show them:
/// missing first, then each histogram bin, or each category, the rest, and the values out of vocabulary when they are
/// counted apart.
/// </summary>
internal static class Slots
{
    public const string MissingLabel = "missing";
    public const string OtherLabel = "other";
    public const string OutOfVocabularyLabel = "out of vocabulary";

    public static int Count(FeatureStatistics statistics) => statistics switch
    {
        NumericStatistics numeric => 1 + numeric.BinCounts.Count,
        CategoricalStatistics categorical => 2 + categorical.Categories.Count + (categorical.OutOfVocabulary is null ? 0 : 1),
        _ => throw Unknown(statistics),
    };

    public static double[] Counts(FeatureStatistics statistics)
    {
        var counts = new double[Count(statistics)];
        counts[0] = statistics.Missing;
        switch (statistics)
        {
            case NumericStatistics numeric:
                for (var i = 0; i < numeric.BinCounts.Count; i++)
                {
                    counts[1 + i] = numeric.BinCounts[i];
                }

                break;
            case CategoricalStatistics categorical:
                for (var i = 0; i < categorical.CategoryCounts.Count; i++)
                {
                    counts[1 + i] = categorical.CategoryCounts[i];
                }

                counts[1 + categorical.Categories.Count] = categorical.Other - (categorical.OutOfVocabulary ?? 0);
                if (categorical.OutOfVocabulary is { } outOfVocabulary)
                {
                    counts[counts.Length - 1] = outOfVocabulary;
                }

                break;
        }

        return counts;
    }

    public static string[] Labels(FeatureStatistics statistics)
    {
        var labels = new string[Count(statistics)];
        labels[0] = MissingLabel;
        switch (statistics)
        {
            case NumericStatistics numeric:
                var edges = numeric.Edges;
                for (var bin = 0; bin <= edges.Count; bin++)
                {
                    labels[1 + bin] = edges.Count == 0 ? "all"
                        : bin == 0 ? $"< {Number(edges[0])}"
                        : bin == edges.Count ? $"≥ {Number(edges[bin - 1])}"
                        : $"[{Number(edges[bin - 1])}, {Number(edges[bin])})";
                }

                break;
            case CategoricalStatistics categorical:
                for (var i = 0; i < categorical.Categories.Count; i++)
                {
                    labels[1 + i] = categorical.Categories[i];
                }

                labels[1 + categorical.Categories.Count] = OtherLabel;
                if (categorical.OutOfVocabulary is not null)
                {
                    labels[labels.Length - 1] = OutOfVocabularyLabel;
                }

                break;
        }

        return labels;
    }

    public static string Number(double value) => value.ToString("G5", CultureInfo.InvariantCulture);

    private static InvalidOperationException Unknown(FeatureStatistics statistics) => new($"Unknown statistics type {statistics.GetType()}.");
}
