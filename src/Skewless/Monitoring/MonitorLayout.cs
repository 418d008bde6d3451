using Skewless.Transforms;

namespace Skewless.Monitoring;

/// <summary>
/// Where each feature's values are counted in a <see cref="Tally"/>, fixed from the training
/// statistics: a missing slot, then one slot per training histogram bin, or per training category,
/// one for the rest and, for a vocabulary with out-of-vocabulary buckets, one for the values it does not hold.
/// Fixed slots are what bound a monitor's memory.
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
                    Features[i] = new FeatureLayout(slots, slotCount, new SortedEdges(numeric.Edges), moments, numeric.Mean, null, null, int.MaxValue);
                    moments += MomentsPerFeature;
                    break;
                case CategoricalStatistics categorical:
                    var vocabulary = transforms[i] as Vocabulary;
                    CheckVocabulary(training, categorical, vocabulary);

                    // A served index past the terms is an out-of-vocabulary bucket.
                    var firstOutOfVocabulary = categorical.OutOfVocabulary is null ? int.MaxValue : vocabulary!.Terms.Count;

                    // A hashed string is found by the hash the kernel computes for its bucket; any other string by name.
                    Features[i] = transforms[i] is HashBuckets
                        ? new FeatureLayout(slots, slotCount, null, -1, 0, null, new CategoriesByHash(categorical.Categories), firstOutOfVocabulary)
                        : new FeatureLayout(slots, slotCount, null, -1, 0, categorical.Categories.Select((category, index) => (category, index)).ToDictionary(pair => pair.category, pair => pair.index, StringComparer.Ordinal), null, firstOutOfVocabulary);
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

    // A served vocabulary index is taken as the category's position, so the categories must be the vocabulary's first terms, as fitting makes them;
    // and only buckets can be told apart from missing values.
    private static void CheckVocabulary(TrainingStatistics training, CategoricalStatistics categorical, Vocabulary? vocabulary)
    {
        if (vocabulary is not null && !categorical.Categories.SequenceEqual(vocabulary.Terms.Take(categorical.Categories.Count), StringComparer.Ordinal))
        {
            throw new TamperedArtifactException(training.FeatureSet, categorical.Name, "its statistics' categories are not the first terms of its vocabulary.");
        }

        if (categorical.OutOfVocabulary is not null && (vocabulary is null || vocabulary.Settings.OovBuckets == 0))
        {
            throw new TamperedArtifactException(training.FeatureSet, categorical.Name, "its statistics count values out of vocabulary apart, but it has no vocabulary with out-of-vocabulary buckets.");
        }
    }
}

/// <summary>One feature's place in a tally.</summary>
internal readonly struct FeatureLayout
{
    public FeatureLayout(int offset, int slots, SortedEdges? edges, int moments, double shift, Dictionary<string, int>? lookup, CategoriesByHash? byHash, int firstOutOfVocabulary)
    {
        FirstOutOfVocabulary = firstOutOfVocabulary;
        Other = slots - (firstOutOfVocabulary == int.MaxValue ? 2 : 3);
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

    /// <summary>A categorical feature's position of the rest: the number of its categories.</summary>
    public int Other { get; }

    /// <summary>A vocabulary feature's first out-of-vocabulary position, counted in the last slot; <see cref="int.MaxValue"/> when they are not counted apart.</summary>
    public int FirstOutOfVocabulary { get; }

    /// <summary>The position whose slot is <paramref name="slot"/>, the inverse of <see cref="SlotOfPosition"/>, for a value whose slot is found from the value itself.</summary>
    public int PositionOfSlot(int slot) => slot - Offset - 1;

    /// <summary>
    /// The slot of a category position: -1 is missing, a position past the categories (a vocabulary's rarer terms) is the
    /// rest, and one from <see cref="FirstOutOfVocabulary"/> on (its buckets) is out of vocabulary.
    /// </summary>
    public int SlotOfPosition(int position) => position < 0 ? Offset : Offset + 1 + Math.Min(position, Other) + (position >= FirstOutOfVocabulary ? 1 : 0);

    /// <summary>A hashed string feature's categories by hash.</summary>
    public CategoriesByHash? ByHash { get; }

    public int SlotOfText(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Offset;
        }

        return Offset + 1 + (Lookup!.TryGetValue(value!, out var position) ? position : Other);
    }
}
