namespace Skewless.Tests.Transforms;

/// <summary>Seeded random inputs, so a failure reproduces.</summary>
internal static class RandomData
{
    /// <summary>Finite doubles over the whole range: every exponent, both signs, subnormals, ±0 and the extremes.</summary>
    public static double[] ExtremeDoubles(Random random, int count)
    {
        double[] special = { 0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, -double.MaxValue, 2.2250738585072014E-308, 1e-300, -1e300, 1, -1 };
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            var sign = random.Next(2) == 0 ? 0L : long.MinValue;
            var fraction = random.NextInt64(0, 1L << 52);
            values[i] = random.Next(10) switch
            {
                0 => special[random.Next(special.Length)],
                1 => BitConverter.Int64BitsToDouble(sign | fraction),
                _ => BitConverter.Int64BitsToDouble(sign | ((long)random.Next(1, 2047) << 52) | fraction),
            };
        }

        return values;
    }

    /// <summary>Splits <paramref name="count"/> items into 1 to <paramref name="maxParts"/> contiguous parts of random sizes, empty parts included.</summary>
    public static List<(int Start, int Length)> Partition(Random random, int count, int maxParts)
    {
        var parts = random.Next(1, maxParts + 1);
        var cuts = Enumerable.Range(0, parts - 1).Select(_ => random.Next(count + 1)).Append(0).Append(count).Order().ToArray();
        return Enumerable.Range(0, parts).Select(p => (cuts[p], cuts[p + 1] - cuts[p])).ToList();
    }

    /// <summary>Merges the parts pairwise in a random order and tree shape, and returns the one left.</summary>
    public static T MergeRandomly<T>(Random random, List<T> parts, Action<T, T> merge)
    {
        var left = new List<T>(parts);
        while (left.Count > 1)
        {
            var into = random.Next(left.Count);
            var from = random.Next(left.Count - 1);
            if (from >= into)
            {
                from++;
            }

            merge(left[into], left[from]);
            left.RemoveAt(from);
        }

        return left[0];
    }

    /// <summary>The same items in a random order.</summary>
    public static T[] Shuffled<T>(Random random, IEnumerable<T> items)
    {
        var array = items.ToArray();
        random.Shuffle(array);
        return array;
    }
}
