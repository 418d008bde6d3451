using Skewless.Monitoring;
using Xunit;

namespace Skewless.Tests.Monitoring;

/// <summary>Both vector widths count exactly what <see cref="FeatureLayout.SlotOfPosition"/> would, one position at a time; a machine runs only one of them.</summary>
public sealed class SlotRunsTests
{
    public static TheoryData<int, int, bool> Runs() => new()
    {
        { 2, 64, false }, { 3, 64, false }, { 9, 1, false }, { 9, 40, false }, { 22, 63, false }, { 22, 64, false }, { 255, 64, false }, { 255, 17, false },
        { 4, 64, true }, { 9, 40, true }, { 23, 64, true }, { 255, 33, true },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Both_widths_count_each_position_in_its_slot(int slots, int count, bool outOfVocabulary)
    {
        var random = new Random(slots * 100 + count);

        // Missing (-1 and below), every category, positions past the categories (the rest) and, counted apart, from a
        // vocabulary's first bucket on; the unbuffered tail is noise.
        var other = slots - (outOfVocabulary ? 3 : 2);
        var firstOutOfVocabulary = outOfVocabulary ? other + 3 : int.MaxValue;
        var positions = Enumerable.Range(0, SlotRuns.Length).Select(_ => random.Next(-3, slots + 5)).ToArray();
        if (outOfVocabulary)
        {
            (positions[0], positions[1]) = (other + 1, firstOutOfVocabulary);
        }
        var expected = new long[slots];
        foreach (var position in positions.Take(count))
        {
            expected[position < 0 ? 0 : position >= firstOutOfVocabulary ? slots - 1 : 1 + Math.Min(position, other)]++;
        }

        var wide = new long[slots];
        var narrow = new long[slots];
        SlotRuns.Count512(positions, count, wide, other, firstOutOfVocabulary);
        SlotRuns.Count256(positions, count, narrow, other, firstOutOfVocabulary);

        Assert.Equal(expected, wide);
        Assert.Equal(expected, narrow);
        Assert.True(!outOfVocabulary || (expected[other + 1] > 0 && expected[^1] > 0), "Rarer terms and buckets both occur.");
    }
}
