using Skewless.Monitoring;
using Xunit;

namespace Skewless.Tests.Monitoring;

/// <summary>Both vector widths count exactly what <see cref="FeatureLayout.SlotOfPosition"/> would, one position at a time; a machine runs only one of them.</summary>
public sealed class SlotRunsTests
{
    public static TheoryData<int, int> Runs() => new()
    {
        { 2, 64 }, { 3, 64 }, { 9, 1 }, { 9, 40 }, { 22, 63 }, { 22, 64 }, { 255, 64 }, { 255, 17 },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Both_widths_count_each_position_in_its_clamped_slot(int slots, int count)
    {
        var random = new Random(slots * 100 + count);

        // Missing (-1 and below), every category, and positions past the categories (the rest); the unbuffered tail is noise.
        var positions = Enumerable.Range(0, SlotRuns.Length).Select(_ => random.Next(-3, slots + 5)).ToArray();
        var expected = new long[slots];
        foreach (var position in positions.Take(count))
        {
            expected[position < 0 ? 0 : 1 + Math.Min(position, slots - 2)]++;
        }

        var wide = new long[slots];
        var narrow = new long[slots];
        SlotRuns.Count512(positions, count, wide);
        SlotRuns.Count256(positions, count, narrow);

        Assert.Equal(expected, wide);
        Assert.Equal(expected, narrow);
    }
}
