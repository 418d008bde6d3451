using Skewless.Transforms;

namespace Skewless.Monitoring;

/// <summary>
/// Gathers the training statistics of a categorical feature in the pass that fits it: exact counts
/// of each declared value of a bool or enum, or of each string, so merged partitions give the same
/// statistics as one pass. A <c>[Vocabulary]</c> feature reads the counts its transform keeps.
/// </summary>
public sealed class CategoricalStatisticsAccumulator
{
    private readonly string[]? _declared;
    private readonly long[]? _declaredCounts;
    private readonly StringCounts? _counts;
    private readonly VocabularyAccumulator? _vocabulary;
    private long _missing;

    /// <summary>Counts the values of a string feature without a vocabulary.</summary>
    public CategoricalStatisticsAccumulator() => _counts = new StringCounts();

    /// <summary>Counts the declared values of a bool (<c>false</c>, <c>true</c>) or an enum, by their position in <paramref name="declared"/>.</summary>
    /// <param name="declared">The name of each declared value, in declaration order.</param>
    public CategoricalStatisticsAccumulator(IReadOnlyList<string> declared)
    {
        Guard.NotNull(declared, nameof(declared));
        _declared = declared.ToArray();
        _declaredCounts = new long[_declared.Length];
    }

    /// <summary>Reads the counts a <c>[Vocabulary]</c> feature's transform keeps; values are added to the transform only.</summary>
    public CategoricalStatisticsAccumulator(VocabularyAccumulator transform)
    {
        Guard.NotNull(transform, nameof(transform));
        _vocabulary = transform;
    }

    /// <summary>Adds the declared value at <paramref name="position"/>; any other position (an undeclared enum value) is missing.</summary>
    public void Add(int position)
    {
        var counts = _declaredCounts!;
        if ((uint)position < (uint)counts.Length)
        {
            counts[position]++;
        }
        else
        {
            _missing++;
        }
    }

    /// <summary>Adds one string value; null and empty count as missing.</summary>
    public void Add(string? value)
    {
        if (MissingValues.IsMissing(value))
        {
            _missing++;
            return;
        }

        _counts!.Add(value!, 1);
    }

    /// <summary>Adds everything another accumulator has counted. A shared vocabulary merges its own counts.</summary>
    public void Merge(CategoricalStatisticsAccumulator other)
    {
        Guard.NotNull(other, nameof(other));
        _missing += other._missing;
        if (_declaredCounts is not null)
        {
            for (var i = 0; i < _declaredCounts.Length; i++)
            {
                _declaredCounts[i] += other._declaredCounts![i];
            }
        }

        if (_counts is not null)
        {
            _counts.AddAll(other._counts!);
        }
    }

    /// <summary>Freezes the statistics of a feature.</summary>
    public CategoricalStatistics Complete(FeatureDescriptor feature)
    {
        Guard.NotNull(feature, nameof(feature));
        return Complete(feature.Name, feature.Kind, feature.Transform, feature.DriftThreshold);
    }

    /// <summary>Freezes the statistics of the label, or of a value described by name and kind.</summary>
    public CategoricalStatistics Complete(string name, FeatureKind kind, FeatureTransform transform = FeatureTransform.None, double? driftThreshold = null)
    {
        if (_declared is not null && _declaredCounts is not null)
        {
            return new CategoricalStatistics(name, kind, transform, driftThreshold, _declaredCounts.Sum(), _missing, _declared, (long[])_declaredCounts.Clone(), 0, null);
        }

        // A vocabulary's categories are its first terms, so a monitor can map a served vocabulary index to its category without a lookup.
        var counts = _vocabulary is null ? _counts! : _vocabulary.Counts;
        var settings = _vocabulary?.Settings;
        var total = counts.Total();
        var missing = _vocabulary?.Missing ?? _missing;
        var terms = VocabularyAccumulator.Rank(counts.Pairs(), settings?.MinCount ?? 1, settings is null ? TrainingStatistics.TopCategories : settings.MaxSize > 0 ? settings.MaxSize : int.MaxValue);
        var top = terms.Take(TrainingStatistics.TopCategories).ToArray();
        var kept = top.Select(pair => pair.Value).ToArray();

        // Values the vocabulary left out are served as its out-of-vocabulary buckets, or without buckets as missing: the
        // statistics count them as the monitor will see them.
        long? outOfVocabulary = null;
        if (settings is not null)
        {
            var leftOut = total - terms.Sum(pair => pair.Value);
            if (settings.OovBuckets > 0)
            {
                outOfVocabulary = leftOut;
            }
            else
            {
                total -= leftOut;
                missing += leftOut;
            }
        }

        return new CategoricalStatistics(
            name,
            kind,
            transform,
            driftThreshold,
            total,
            missing,
            top.Select(pair => pair.Key).ToArray(),
            kept,
            total - kept.Sum(),
            outOfVocabulary);
    }
}
