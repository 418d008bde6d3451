#if NET
using System.Runtime.InteropServices;
#endif

namespace Skewless.Transforms;

/// <summary>Exact counts kept in dictionaries, as sketches, vocabularies and statistics keep them.</summary>
internal static class ExactCounts
{
    /// <summary>Adds <paramref name="count"/> to the count of <paramref name="key"/>, with one hash lookup where the framework allows it: this runs once per training value.</summary>
    public static void Add<TKey>(Dictionary<TKey, long> counts, TKey key, long count)
        where TKey : notnull
    {
#if NET
        CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _) += count;
#else
        counts.TryGetValue(key, out var existing);
        counts[key] = existing + count;
#endif
    }

    /// <summary>Adds every count of <paramref name="source"/> to <paramref name="target"/>.</summary>
    public static void AddAll<TKey>(Dictionary<TKey, long> target, Dictionary<TKey, long> source)
        where TKey : notnull
    {
        foreach (var pair in source)
        {
            Add(target, pair.Key, pair.Value);
        }
    }
}
