using Skewless.Transforms;

namespace Skewless.Monitoring;

/// <summary>
/// Where each feature's values are counted in a <see cref="Tally"/>, fixed from the training
/// statistics: a missing slot, then one slot per training histogram bin, or per training category
/// and one for the rest. Fixed slots are what bound a monitor's memory.
/// </summary>
internal sealed class MonitorLayout
{
    public MonitorLayout(TrainingStatistics training, IReadOnlyList<IFittedTransform?> transforms)
    {
        Training = training;
        var count = training.Features.Count;
        Offsets = new int[count];
        SlotCounts = new int[count];
        Edges = new double[count][];
        MomentOffsets = new int[count];
        Shifts = new double[count];
        Lookups = new Dictionary<string, int>[count];
        var slots = 0;
        var moments = 0;
        for (var i = 0; i < count; i++)
        {
            var feature = training.Features[i];
            Offsets[i] = slots;
            SlotCounts[i] = Slots.Count(feature);
            slots += SlotCounts[i];
            MomentOffsets[i] = -1;
            switch (feature)
            {
                case NumericStatistics numeric:
                    Edges[i] = numeric.Edges.ToArray();
                    MomentOffsets[i] = moments;
                    Shifts[i] = numeric.Mean;
                    moments += MomentsPerFeature;
                    break;
                case CategoricalStatistics categorical:
                    Lookups[i] = categorical.Categories.Select((category, index) => (category, index)).ToDictionary(pair => pair.category, pair => pair.index, StringComparer.Ordinal);
                    CheckVocabulary(training, categorical, transforms[i] as Vocabulary);
                    break;
            }
        }

        SlotTotal = slots;
        MomentTotal = moments;
    }

    /// <summary>Per numeric feature: the sum and sum of squares of the values less the training mean (which keeps the variance accurate), then the minimum and maximum.</summary>
    public const int MomentsPerFeature = 4;

    public TrainingStatistics Training { get; }

    public int[] Offsets { get; }

    public int[] SlotCounts { get; }

    public double[][] Edges { get; }

    public int[] MomentOffsets { get; }

    public double[] Shifts { get; }

    public Dictionary<string, int>[] Lookups { get; }

    public int SlotTotal { get; }

    public int MomentTotal { get; }

    public int SlotOfNumber(int feature, double value) =>
        MissingValues.IsMissing(value) ? Offsets[feature] : Offsets[feature] + 1 + NumericStatistics.BinOf(Edges[feature], value);

    public int SlotOfCategory(int feature, int position)
    {
        if (position < 0)
        {
            return Offsets[feature];
        }

        // Past the categories (a vocabulary's rarer terms and out-of-vocabulary buckets): the rest.
        var categories = SlotCounts[feature] - 2;
        return Offsets[feature] + 1 + Math.Min(position, categories);
    }

    public int SlotOfText(int feature, string? value)
    {
        if (MissingValues.IsMissing(value))
        {
            return Offsets[feature];
        }

        var lookup = Lookups[feature];
        return Offsets[feature] + 1 + (lookup.TryGetValue(value!, out var position) ? position : lookup.Count);
    }

    // A served vocabulary index is taken as the category's position, so the categories must be the vocabulary's first terms, as fitting makes them.
    private static void CheckVocabulary(TrainingStatistics training, CategoricalStatistics categorical, Vocabulary? vocabulary)
    {
        if (vocabulary is not null && !categorical.Categories.SequenceEqual(vocabulary.Terms.Take(categorical.Categories.Count), StringComparer.Ordinal))
        {
            throw new TamperedArtifactException(training.FeatureSet, categorical.Name, "its statistics' categories are not the first terms of its vocabulary.");
        }
    }
}
