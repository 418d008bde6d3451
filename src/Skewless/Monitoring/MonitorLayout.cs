using Skewless.Transforms;

namespace Skewless.Monitoring;

/// <summary>
/// Where each feature's values are counted in a <see cref="Tally"/>, fixed from the training
/// statistics: a missing slot, then one slot per training histogram bin, or per training category
/// and one for the rest. Fixed slots are what bound a monitor's memory.
/// </summary>
internal sealed class MonitorLayout
{
    /// <summary>Per numeric feature: the sum and sum of squares of the values less the training mean (which keeps the variance accurate), then the minimum and maximum.</summary>
    public const int MomentsPerFeature = 4;

    public MonitorLayout(TrainingStatistics training, IReadOnlyList<IFittedTransform?> transforms)
    {
        Training = training;
        Features = new FeatureLayout[training.Features.Count];
        var slots = 0;
        var moments = 0;
        for (var i = 0; i < Features.Length; i++)
        {
            var feature = training.Features[i];
            var slotCount = Slots.Count(feature);
            switch (feature)
            {
                case NumericStatistics numeric:
                    Features[i] = new FeatureLayout(slots, slotCount, new SortedEdges(numeric.Edges), moments, numeric.Mean, null, null);
                    moments += MomentsPerFeature;
                    break;
                case CategoricalStatistics categorical:
                    CheckVocabulary(training, categorical, transforms[i] as Vocabulary);
                    // A hashed string is found by the hash the kernel computes for its bucket; any other string by name.
                    Features[i] = transforms[i] is HashBuckets
                        ? new FeatureLayout(slots, slotCount, null, -1, 0, null, new CategoriesByHash(categorical.Categories))
                        : new FeatureLayout(slots, slotCount, null, -1, 0, categorical.Categories.Select((category, index) => (category, index)).ToDictionary(pair => pair.category, pair => pair.index, StringComparer.Ordinal), null);
                    break;
            }

            slots += slotCount;
        }

        SlotTotal = slots;
        MomentTotal = moments;
    }

    public TrainingStatistics Training { get; }

    public FeatureLayout[] Features { get; }

    public int SlotTotal { get; }

    public int MomentTotal { get; }

    // A served vocabulary index is taken as the category's position, so the categories must be the vocabulary's first terms, as fitting makes them.
    private static void CheckVocabulary(TrainingStatistics training, CategoricalStatistics categorical, Vocabulary? vocabulary)
    {
        if (vocabulary is not null && !categorical.Categories.SequenceEqual(vocabulary.Terms.Take(categorical.Categories.Count), StringComparer.Ordinal))
        {
            throw new TamperedArtifactException(training.FeatureSet, categorical.Name, "its statistics' categories are not the first terms of its vocabulary.");
        }
    }
}

/// <summary>One feature's place in a tally.</summary>
internal readonly struct FeatureLayout
{
    public FeatureLayout(int offset, int slots, SortedEdges? edges, int moments, double shift, Dictionary<string, int>? lookup, CategoriesByHash? byHash)
    {
        ByHash = byHash;
        Offset = offset;
        Slots = slots;
        Edges = edges;
        Moments = moments;
        Shift = shift;
        Lookup = lookup;
    }

    /// <summary>The feature's first slot, which counts missing values.</summary>
    public int Offset { get; }

    public int Slots { get; }

    /// <summary>A numeric feature's training bin edges.</summary>
    public SortedEdges? Edges { get; }

    /// <summary>A numeric feature's first moment, or -1.</summary>
    public int Moments { get; }

    /// <summary>The training mean, subtracted before summing.</summary>
    public double Shift { get; }

    /// <summary>A string feature's categories by name, unless it is hashed.</summary>
    public Dictionary<string, int>? Lookup { get; }

    /// <summary>The slot of a finite number: its bin is the number of edges at or below it.</summary>
    public int SlotOfFinite(double value) => Offset + 1 + Edges!.AtOrBelow(value);

    /// <summary>The slot of a number: NaN and the infinities are missing.</summary>
    public int SlotOfNumber(double value) => value - value != 0 ? Offset : SlotOfFinite(value);

    /// <summary>The position whose slot is <paramref name="slot"/>, the inverse of <see cref="SlotOfPosition"/>, for a value whose slot is found from the value itself.</summary>
    public int PositionOfSlot(int slot) => slot - Offset - 1;

    /// <summary>The slot of a category position: -1 is missing, and a position past the categories (a vocabulary's rarer terms, its out-of-vocabulary buckets) is the rest.</summary>
    public int SlotOfPosition(int position) => position < 0 ? Offset : Offset + 1 + Math.Min(position, Slots - 2);

    /// <summary>A hashed string feature's categories by hash.</summary>
    public CategoriesByHash? ByHash { get; }

    public int SlotOfText(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Offset;
        }

        return Offset + 1 + (Lookup!.TryGetValue(value!, out var position) ? position : Slots - 2);
    }
}
