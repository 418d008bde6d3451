namespace Skewless.Transforms;

/// <summary>Splits rows into contiguous partitions for fitting on several cores. Called by generated parallel <c>Fit</c> methods.</summary>
public static class Partitioning
{
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
