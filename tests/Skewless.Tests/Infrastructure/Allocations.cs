namespace Skewless.Tests.Infrastructure;

/// <summary>What code allocates on the current thread, measured so that the runtime's own one-off allocations do not count.</summary>
internal static class Allocations
{
    /// <summary>
    /// The fewest bytes the current thread allocates in any of three runs of <paramref name="pass"/>, after one run to
    /// warm up. An allocation per item shows in every run; a one-off by the runtime (seen under load: a few kilobytes
    /// once, in a run of thousands of allocation-free rows) does not repeat.
    /// </summary>
    public static long Fewest(Action pass)
    {
        pass();
        var fewest = long.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            pass();
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return fewest;
    }
}
