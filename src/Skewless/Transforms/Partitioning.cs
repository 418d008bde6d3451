#if NET
using System.Runtime.InteropServices;
#endif

namespace Skewless.Transforms;

/// <summary>Splits rows into contiguous partitions for fitting on several cores, and reads them without an interface call a row. Called by generated <c>Fit</c> and <c>Transform</c> methods.</summary>
public static class Partitioning
{
    /// <summary>
    /// The rows as a span when they are an array (or, on .NET, a <see cref="List{T}"/>): a loop over it costs no
    /// interface call a row, which in a fit of millions of rows is a fifth of the time (docs/benchmarks.md, Training).
    /// </summary>
    /// <param name="rows">The rows.</param>
    /// <param name="span">The rows in place, not copied; empty when the result is false.</param>
    /// <returns>Whether <paramref name="rows"/> could be read as a span.</returns>
    public static bool TryGetSpan<T>(IEnumerable<T> rows, out ReadOnlySpan<T> span)
    {
        switch (rows)
        {
            case T[] array:
                span = array;
                return true;
#if NET
            case List<T> list:
                span = CollectionsMarshal.AsSpan(list);
                return true;
#endif
            default:
                span = default;
                return false;
        }
    }

    /// <summary>Partition boundaries: partition <c>p</c> holds rows <c>[b[p], b[p + 1])</c>. One partition per allowed core, and never an empty one unless there are no rows.</summary>
    /// <param name="rows">The number of rows.</param>
    /// <param name="options">The degree of parallelism; -1 means every core.</param>
    public static int[] Boundaries(int rows, ParallelOptions options)
    {
        Guard.NotNull(options, nameof(options));
        var cores = options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        var partitions = Math.Max(1, Math.Min(cores, rows));
        var boundaries = new int[partitions + 1];
        for (var p = 0; p <= partitions; p++)
        {
            boundaries[p] = (int)((long)rows * p / partitions);
        }

        return boundaries;
    }
}
