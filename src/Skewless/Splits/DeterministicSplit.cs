using System.Globalization;

namespace Skewless;

/// <summary>
/// Train/test splits that cannot leak through time or groups, and that give the same sides on every
/// run, in every process and on every platform: nothing here is random. The generated
/// <c>SplitBy…</c> and <c>FoldsBy…</c> methods of a feature set call these with its input's <c>[EventTime]</c> and
/// <c>[GroupKey]</c> members.
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

        var cutoff = Cutoff(times, testCount);
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
    /// <exception cref="InvalidOperationException">Every group landed on one side though <paramref name="testFraction"/> is neither 0 nor 1: too few groups for this fraction.</exception>
    public static Split<T> ByGroup<T, TKey>(IEnumerable<T> rows, Func<T, TKey> key, double testFraction)
    {
        Guard.NotNull(rows, nameof(rows));
        Guard.NotNull(key, nameof(key));
        CheckFraction(testFraction);
        var all = rows.ToArray();
        var testGroup = GroupSides(key, testFraction);
        var split = Partition(all, i => testGroup(all[i]));

        // An empty side evaluates nothing, or trains on nothing, and the metrics computed from it look like results.
        if (testFraction is > 0 and < 1 && all.Length > 0 && (split.Train.Length == 0 || split.Test.Length == 0))
        {
            var groups = all.Select(row => KeyText(key(row))).Distinct(StringComparer.Ordinal).Count();
            throw new InvalidOperationException(FormattableString.Invariant(
                $"Every one of the {groups} groups landed on the {(split.Test.Length == 0 ? "training" : "test")} side: a test fraction of {testFraction} expects {testFraction * groups:0.##} of {groups} groups to test, and each group's side is decided by its key alone. Split by a key with more groups, or cross-validate over the groups (FoldsByGroup)."));
        }

        return split;
    }

    /// <summary>
    /// Rows split by time and by group at once. A group tests when the stable hash of its key falls
    /// below <paramref name="testFraction"/>, as in <see cref="ByGroup"/>; a row trains when its group
    /// trains and it is before <paramref name="cutoff"/>, and tests when its group tests and it is at
    /// or after the cutoff. The other rows, a training group's after the cutoff and a test group's
    /// before it, are left out: on either side they would put a group on both sides or training after
    /// testing. So no group is on both sides and no training row is later than a test row.
    /// </summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <typeparam name="TTime">The type of the rows' event time.</typeparam>
    /// <typeparam name="TKey">The type of the rows' group key.</typeparam>
    /// <param name="rows">The rows to split.</param>
    /// <param name="time">Reads a row's event time.</param>
    /// <param name="cutoff">The first moment of the test period.</param>
    /// <param name="key">Reads a row's group key.</param>
    /// <param name="testFraction">The expected share of groups to test on, from 0 to 1.</param>
    public static Split<T> ByTimeAndGroup<T, TTime, TKey>(IEnumerable<T> rows, Func<T, TTime> time, TTime cutoff, Func<T, TKey> key, double testFraction)
        where TTime : IComparable<TTime>
    {
        Guard.NotNull(rows, nameof(rows));
        Guard.NotNull(time, nameof(time));
        Guard.NotNull(key, nameof(key));
        CheckFraction(testFraction);
        var all = rows.ToArray();
        return PartitionAgreeing(all, GroupSides(key, testFraction), i => time(all[i]).CompareTo(cutoff) >= 0);
    }

    /// <summary>
    /// Rows split by time and by group at once, as in <see cref="ByTimeAndGroup"/>, with about
    /// <paramref name="testFraction"/> of the rows kept on the test side. Both the share of groups that
    /// test and the share of rows in the test period (the latest rows, as in <see cref="ByTimeFraction"/>)
    /// are x = √f / (√f + √(1 − f)) for f = <paramref name="testFraction"/>, a third for 0.2: the kept
    /// rows then test in the ratio x² to (1 − x)², which is f to 1 − f.
    /// </summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <typeparam name="TTime">The type of the rows' event time.</typeparam>
    /// <typeparam name="TKey">The type of the rows' group key.</typeparam>
    /// <param name="rows">The rows to split.</param>
    /// <param name="time">Reads a row's event time.</param>
    /// <param name="key">Reads a row's group key.</param>
    /// <param name="testFraction">The expected share of the kept rows to test on, from 0 to 1.</param>
    public static Split<T> ByTimeAndGroupFraction<T, TTime, TKey>(IEnumerable<T> rows, Func<T, TTime> time, Func<T, TKey> key, double testFraction)
        where TTime : IComparable<TTime>
    {
        Guard.NotNull(rows, nameof(rows));
        Guard.NotNull(time, nameof(time));
        Guard.NotNull(key, nameof(key));
        CheckFraction(testFraction);
        var all = rows.ToArray();
        var share = testFraction is 0 or 1 ? testFraction : Math.Sqrt(testFraction) / (Math.Sqrt(testFraction) + Math.Sqrt(1 - testFraction));
        var times = Array.ConvertAll(all, row => time(row));
        var testCount = (int)Math.Round(share * all.Length, MidpointRounding.AwayFromZero);
        if (testCount == 0)
        {
            // No test period: only training groups' rows are kept, all of them training.
            return PartitionAgreeing(all, GroupSides(key, share), _ => false);
        }

        var cutoff = Cutoff(times, testCount);
        return PartitionAgreeing(all, GroupSides(key, share), i => times[i].CompareTo(cutoff) >= 0);
    }

    /// <summary>
    /// Folds for cross-validation by group. The groups, in the order of the stable hash of their key, are dealt to the
    /// folds in turn: each group tests in exactly one fold and trains in all the others, and the folds' numbers of groups
    /// differ by at most one. The same rows give the same folds everywhere. Fit the features on each fold's training side.
    /// </summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <typeparam name="TKey">The type of the rows' group key.</typeparam>
    /// <param name="rows">The rows to fold.</param>
    /// <param name="key">Reads a row's group key.</param>
    /// <param name="folds">The number of folds, at least 2.</param>
    /// <exception cref="InvalidOperationException">There are fewer groups than folds, so some fold would test on nothing.</exception>
    public static IReadOnlyList<Split<T>> FoldsByGroup<T, TKey>(IEnumerable<T> rows, Func<T, TKey> key, int folds)
    {
        Guard.NotNull(rows, nameof(rows));
        Guard.NotNull(key, nameof(key));
        CheckFolds(folds);
        var all = rows.ToArray();
        var groupFold = GroupFolds(all, key, folds);
        return Enumerable.Range(0, folds).Select(fold => Partition(all, i => groupFold[i] == fold)).ToArray();
    }

    /// <summary>
    /// Folds for cross-validation in time order (a rolling origin). The rows, by event time, are cut into
    /// <paramref name="folds"/> + 1 blocks of about equal size, rows that share a time staying in the earlier block; fold i
    /// trains on every block before block i + 1 and tests on block i + 1, and later rows are left out of it. Every fold
    /// tests on rows later than all it trained on, as serving does, with more history in each fold than in the one before.
    /// </summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <typeparam name="TTime">The type of the rows' event time.</typeparam>
    /// <param name="rows">The rows to fold.</param>
    /// <param name="time">Reads a row's event time.</param>
    /// <param name="folds">The number of folds, at least 2.</param>
    /// <exception cref="InvalidOperationException">The rows have too few distinct times for that many blocks, so some fold would train or test on nothing.</exception>
    public static IReadOnlyList<Split<T>> FoldsByTime<T, TTime>(IEnumerable<T> rows, Func<T, TTime> time, int folds)
        where TTime : IComparable<TTime>
    {
        Guard.NotNull(rows, nameof(rows));
        Guard.NotNull(time, nameof(time));
        CheckFolds(folds);
        var all = rows.ToArray();
        var times = Array.ConvertAll(all, row => time(row));
        return TimeBlocks(times, folds).Select((block, fold) => PartitionByTime(all, times, block, _ => true, _ => true, fold, folds)).ToArray();
    }

    /// <summary>
    /// Folds for cross-validation by time and by group at once: the blocks of <see cref="FoldsByTime"/> and the group
    /// folds of <see cref="FoldsByGroup"/>. Fold i trains on the rows before block i + 1 of the groups that do not test in
    /// it, and tests on the rows in block i + 1 of the groups that do; the other rows are left out of the fold. So no
    /// group is on both sides of a fold and no training row is later than a test row, as in <see cref="ByTimeAndGroup"/>.
    /// </summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <typeparam name="TTime">The type of the rows' event time.</typeparam>
    /// <typeparam name="TKey">The type of the rows' group key.</typeparam>
    /// <param name="rows">The rows to fold.</param>
    /// <param name="time">Reads a row's event time.</param>
    /// <param name="key">Reads a row's group key.</param>
    /// <param name="folds">The number of folds, at least 2.</param>
    /// <exception cref="InvalidOperationException">Too few groups or distinct times for that many folds, so some fold would train or test on nothing.</exception>
    public static IReadOnlyList<Split<T>> FoldsByTimeAndGroup<T, TTime, TKey>(IEnumerable<T> rows, Func<T, TTime> time, Func<T, TKey> key, int folds)
        where TTime : IComparable<TTime>
    {
        Guard.NotNull(rows, nameof(rows));
        Guard.NotNull(time, nameof(time));
        Guard.NotNull(key, nameof(key));
        CheckFolds(folds);
        var all = rows.ToArray();
        var times = Array.ConvertAll(all, row => time(row));
        var groupFold = GroupFolds(all, key, folds);
        return TimeBlocks(times, folds).Select((block, fold) => PartitionByTime(all, times, block, i => groupFold[i] != fold, i => groupFold[i] == fold, fold, folds)).ToArray();
    }

    // Each row's fold: the groups, in the order of their keys' stable hashes, dealt to the folds in turn.
    private static int[] GroupFolds<T, TKey>(T[] rows, Func<T, TKey> key, int folds)
    {
        var keys = Array.ConvertAll(rows, row => KeyText(key(row)));
        var groups = keys.Distinct(StringComparer.Ordinal).OrderBy(StableHash.Of).ThenBy(text => text, StringComparer.Ordinal).ToArray();
        if (groups.Length < folds)
        {
            throw new InvalidOperationException(FormattableString.Invariant($"{groups.Length} groups cannot fill {folds} folds: each fold tests on groups of its own. Use at most {groups.Length} folds."));
        }

        var foldOf = new Dictionary<string, int>(groups.Length, StringComparer.Ordinal);
        for (var i = 0; i < groups.Length; i++)
        {
            foldOf.Add(groups[i], i % folds);
        }

        return Array.ConvertAll(keys, text => foldOf[text]);
    }

    // The first and last time of the block each fold tests on: block b starts b / (folds + 1) of the way through the
    // sorted times, past the rows that share the time before it.
    private static (TTime First, TTime Last)[] TimeBlocks<TTime>(TTime[] times, int folds)
        where TTime : IComparable<TTime>
    {
        var sorted = (TTime[])times.Clone();
        Array.Sort(sorted, Comparer<TTime>.Default);
        var starts = new int[folds + 1];
        for (var block = 1; block <= folds; block++)
        {
            var start = (int)((long)sorted.Length * block / (folds + 1));
            while (start > 0 && start < sorted.Length && sorted[start].CompareTo(sorted[start - 1]) == 0)
            {
                start++;
            }

            starts[block - 1] = start;
        }

        starts[folds] = sorted.Length;
        var blocks = new (TTime First, TTime Last)[folds];
        for (var fold = 0; fold < folds; fold++)
        {
            if (starts[fold] == 0 || starts[fold] >= starts[fold + 1])
            {
                throw EmptyFold(fold, folds, starts[fold] == 0 ? "train" : "test", FormattableString.Invariant($"{times.Length} rows with {sorted.Distinct().Count()} distinct times cannot be cut into {folds + 1} blocks in time order"));
            }

            blocks[fold] = (sorted[starts[fold]], sorted[starts[fold + 1] - 1]);
        }

        return blocks;
    }

    // A fold's rows: before its block they train when trains says so, in it they test when tests says so, after it they are left out.
    private static Split<T> PartitionByTime<T, TTime>(T[] rows, TTime[] times, (TTime First, TTime Last) block, Func<int, bool> trains, Func<int, bool> tests, int fold, int folds)
        where TTime : IComparable<TTime>
    {
        var train = new List<T>();
        var test = new List<T>();
        for (var i = 0; i < rows.Length; i++)
        {
            var before = times[i].CompareTo(block.First) < 0;
            if (before ? trains(i) : times[i].CompareTo(block.Last) <= 0 && tests(i))
            {
                (before ? train : test).Add(rows[i]);
            }
        }

        if (train.Count == 0 || test.Count == 0)
        {
            throw EmptyFold(fold, folds, train.Count == 0 ? "train" : "test", "its groups have no rows on that side of its block in time");
        }

        return new Split<T>(train.ToArray(), test.ToArray());
    }

    private static InvalidOperationException EmptyFold(int fold, int folds, string side, string why) =>
        new(FormattableString.Invariant($"Fold {fold + 1} of {folds} would {side} on no rows: {why}. Use fewer folds."));

    private static void CheckFolds(int folds)
    {
        if (folds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), folds, "Cross-validation needs at least 2 folds.");
        }
    }

    // The earliest of the latest testCount times; rows that share it all fall in the test period.
    private static TTime Cutoff<TTime>(TTime[] times, int testCount)
    {
        var sorted = (TTime[])times.Clone();
        Array.Sort(sorted, Comparer<TTime>.Default);
        return sorted[times.Length - testCount];
    }

    // Whether a row's group tests, decided by its key alone and remembered, as a key usually has many rows.
    private static Func<T, bool> GroupSides<T, TKey>(Func<T, TKey> key, double testFraction)
    {
        var sides = new Dictionary<string, bool>(StringComparer.Ordinal);
        return row =>
        {
            var text = KeyText(key(row));
            if (!sides.TryGetValue(text, out var test))
            {
                test = UnitInterval(StableHash.Of(text)) < testFraction;
                sides.Add(text, test);
            }

            return test;
        };
    }

    // Keeps the rows whose group side and time period agree; the others would leak on either side.
    private static Split<T> PartitionAgreeing<T>(T[] rows, Func<T, bool> testGroup, Func<int, bool> testPeriod)
    {
        var train = new List<T>(rows.Length);
        var test = new List<T>();
        for (var i = 0; i < rows.Length; i++)
        {
            var inTestPeriod = testPeriod(i);
            if (testGroup(rows[i]) == inTestPeriod)
            {
                (inTestPeriod ? test : train).Add(rows[i]);
            }
        }

        return new Split<T>(train.ToArray(), test.ToArray());
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

    /// <summary>
    /// The text a group key is hashed as by the group splits: the string itself, a number or date written with the
    /// invariant culture, or empty for null. Independent of the machine's culture, so a split made on one machine is
    /// the split everywhere; use it to write the key to another tool's grouping column (Skewless.ML's <c>GroupKey</c> is).
    /// </summary>
    /// <typeparam name="TKey">The type of the group key.</typeparam>
    /// <param name="key">A row's group key.</param>
    public static string KeyText<TKey>(TKey key) => key switch
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
