using System.Globalization;

namespace Skewless;

/// <summary>
/// Train/test splits that cannot leak through time or groups, and that give the same sides on every
/// run, in every process and on every platform: nothing here is random. The generated
/// <c>SplitByTime</c> and <c>SplitByGroup</c> of a feature set call these with its input's
/// <c>[EventTime]</c> and <c>[GroupKey]</c> members.
/// </summary>
public static class DeterministicSplit
{
    /// <summary>Rows whose time is before <paramref name="cutoff"/> train; the others test, so no test row is older than any training row.</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <typeparam name="TTime">The type of the rows' event time.</typeparam>
    /// <param name="rows">The rows to split.</param>
    /// <param name="time">Reads a row's event time.</param>
    /// <param name="cutoff">The first moment of the test period.</param>
    public static Split<T> ByTime<T, TTime>(IEnumerable<T> rows, Func<T, TTime> time, TTime cutoff)
        where TTime : IComparable<TTime>
    {
        Guard.NotNull(rows, nameof(rows));
        Guard.NotNull(time, nameof(time));
        var all = rows.ToArray();
        return Partition(all, i => time(all[i]).CompareTo(cutoff) >= 0);
    }

    /// <summary>
    /// The latest rows by time test, about <paramref name="testFraction"/> of them; the rest train.
    /// The cutoff is the earliest test row's time and rows that share it all test, so no test row is
    /// older than any training row and the test side can be slightly larger than asked.
    /// </summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <typeparam name="TTime">The type of the rows' event time.</typeparam>
    /// <param name="rows">The rows to split.</param>
    /// <param name="time">Reads a row's event time.</param>
    /// <param name="testFraction">The share of rows to test on, from 0 to 1.</param>
    public static Split<T> ByTimeFraction<T, TTime>(IEnumerable<T> rows, Func<T, TTime> time, double testFraction)
        where TTime : IComparable<TTime>
    {
        Guard.NotNull(rows, nameof(rows));
        Guard.NotNull(time, nameof(time));
        CheckFraction(testFraction);
        var all = rows.ToArray();
        var times = Array.ConvertAll(all, row => time(row));
        var testCount = (int)Math.Round(testFraction * all.Length, MidpointRounding.AwayFromZero);
        if (testCount == 0)
        {
            return new Split<T>(all, Array.Empty<T>());
        }

        var sorted = (TTime[])times.Clone();
        Array.Sort(sorted, Comparer<TTime>.Default);
        var cutoff = sorted[all.Length - testCount];
        return Partition(all, i => times[i].CompareTo(cutoff) >= 0);
    }

    /// <summary>
    /// Rows split by group: a group tests when the stable hash of its key, written with the invariant
    /// culture, falls below <paramref name="testFraction"/>. All rows of a group land on one side, and
    /// the same key lands on the same side everywhere, whatever other rows there are.
    /// </summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <typeparam name="TKey">The type of the rows' group key.</typeparam>
    /// <param name="rows">The rows to split.</param>
    /// <param name="key">Reads a row's group key.</param>
    /// <param name="testFraction">The expected share of groups to test on, from 0 to 1.</param>
    public static Split<T> ByGroup<T, TKey>(IEnumerable<T> rows, Func<T, TKey> key, double testFraction)
    {
        Guard.NotNull(rows, nameof(rows));
        Guard.NotNull(key, nameof(key));
        CheckFraction(testFraction);
        var all = rows.ToArray();
        var sides = new Dictionary<string, bool>(StringComparer.Ordinal);
        return Partition(all, i =>
        {
            var text = KeyText(key(all[i]));
            if (!sides.TryGetValue(text, out var test))
            {
                test = UnitInterval(StableHash.Of(text)) < testFraction;
                sides.Add(text, test);
            }

            return test;
        });
    }

    private static Split<T> Partition<T>(T[] rows, Func<int, bool> isTest)
    {
        var train = new List<T>(rows.Length);
        var test = new List<T>();
        for (var i = 0; i < rows.Length; i++)
        {
            (isTest(i) ? test : train).Add(rows[i]);
        }

        return new Split<T>(train.ToArray(), test.ToArray());
    }

    // A key's text is culture-independent, so a split made on one machine is the split everywhere.
    private static string KeyText<TKey>(TKey key) => key switch
    {
        null => "",
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => key.ToString() ?? "",
    };

    // The top 53 bits of the hash as a double in [0, 1).
    private static double UnitInterval(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));

    private static void CheckFraction(double testFraction)
    {
        if (!(testFraction >= 0 && testFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The test fraction must be between 0 and 1.");
        }
    }
}
