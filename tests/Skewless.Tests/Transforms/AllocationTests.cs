using Xunit;

namespace Skewless.Tests.Transforms;

/// <summary>The serving path allocates nothing: no boxing, no strings, no enumerators, in any fitted transform.</summary>
public sealed class AllocationTests
{
    [Fact]
    public void Transforming_single_rows_allocates_nothing()
    {
        var zips = RealData.Zips;
        var fitted = ZipFeatures.Fit(zips);
        var odd = new[]
        {
            zips[0] with { City = "Atlantis", State = "", Code = null!, Latitude = double.NaN, Longitude = double.PositiveInfinity },
            zips[1] with { City = null!, State = "ZZ", County = "", Latitude = double.NegativeInfinity, Longitude = double.NaN },
        };
        var rows = zips.Take(10_000 - odd.Length).Concat(odd).ToArray();
        var slots = new float[ZipFeatures.Vector.Width];

        // The fewest bytes of three passes: a per-row allocation shows in every pass, while a one-off by the runtime
        // (a method tiering up on a loaded machine, say) does not repeat.
        Assert.Equal(0, FewestBytesAllocated(() =>
        {
            foreach (var row in rows)
            {
                fitted.Transform(row).CopyTo(slots);
            }
        }));
        Assert.Equal(0, FewestBytesAllocated(() =>
        {
            foreach (var row in rows)
            {
                fitted.Transform(in row, slots);
            }
        }));
    }

    private static long FewestBytesAllocated(Action pass)
    {
        pass();
        var fewest = long.MaxValue;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            pass();
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return fewest;
    }
}
