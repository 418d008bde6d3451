#if NET
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Skewless.Monitoring;

/// <summary>
/// Counts a run of 64 categorical positions by slot, for <see cref="Tally.AddPositions"/>: the positions become 64
/// one-byte slot numbers, as <see cref="FeatureLayout.SlotOfPosition"/> makes them, and a slot's count is the
/// popcount of one compare of all 64 (two with 256-bit vectors).
/// </summary>
internal static class SlotRuns
{
    public const int Length = 64;

    /// <summary>
    /// Adds the slots of the first <paramref name="count"/> of 64 <paramref name="positions"/> to <paramref name="counts"/>
    /// (one per slot, at most 255), with 512-bit vectors: positions past <paramref name="other"/> count as it, and those
    /// from <paramref name="firstOutOfVocabulary"/> on in the slot after it.
    /// </summary>
    public static void Count512(ReadOnlySpan<int> positions, int count, Span<long> counts, int other, int firstOutOfVocabulary)
    {
        ref var first = ref MemoryMarshal.GetReference(positions);
        var missing = Vector512.Create(-1);
        var rest = Vector512.Create(other);
        var outOfVocabulary = Vector512.Create(firstOutOfVocabulary);
        var slots = Vector512.Narrow(
            Vector512.Narrow(SlotsOf(ref first, 0, missing, rest, outOfVocabulary), SlotsOf(ref first, 16, missing, rest, outOfVocabulary)),
            Vector512.Narrow(SlotsOf(ref first, 32, missing, rest, outOfVocabulary), SlotsOf(ref first, 48, missing, rest, outOfVocabulary)));
        var counted = Counted(count);
        for (var slot = 0; slot < counts.Length; slot++)
        {
            counts[slot] += BitOperations.PopCount(Vector512.Equals(slots, Vector512.Create((byte)slot)).ExtractMostSignificantBits() & counted);
        }
    }

    /// <summary>As <see cref="Count512"/>, with 256-bit vectors.</summary>
    public static void Count256(ReadOnlySpan<int> positions, int count, Span<long> counts, int other, int firstOutOfVocabulary)
    {
        ref var first = ref MemoryMarshal.GetReference(positions);
        var missing = Vector256.Create(-1);
        var rest = Vector256.Create(other);
        var outOfVocabulary = Vector256.Create(firstOutOfVocabulary);
        var low = SlotBytesOf(ref first, 0, missing, rest, outOfVocabulary);
        var high = SlotBytesOf(ref first, 32, missing, rest, outOfVocabulary);
        var counted = Counted(count);
        for (var slot = 0; slot < counts.Length; slot++)
        {
            var value = Vector256.Create((byte)slot);
            var matches = Vector256.Equals(low, value).ExtractMostSignificantBits() | ((ulong)Vector256.Equals(high, value).ExtractMostSignificantBits() << 32);
            counts[slot] += BitOperations.PopCount(matches & counted);
        }
    }

    private static ulong Counted(int count) => count == Length ? ulong.MaxValue : (1UL << count) - 1;

    // 32 positions' slots.
    private static Vector256<byte> SlotBytesOf(ref int first, nuint index, Vector256<int> missing, Vector256<int> rest, Vector256<int> outOfVocabulary) =>
        Vector256.Narrow(
            Vector256.Narrow(SlotsOf(ref first, index, missing, rest, outOfVocabulary), SlotsOf(ref first, index + 8, missing, rest, outOfVocabulary)),
            Vector256.Narrow(SlotsOf(ref first, index + 16, missing, rest, outOfVocabulary), SlotsOf(ref first, index + 24, missing, rest, outOfVocabulary)));

    // Clamped to missing and the rest, plus one (a compare's all-ones lane subtracted) from the first out-of-vocabulary position on.
    private static Vector256<uint> SlotsOf(ref int first, nuint index, Vector256<int> missing, Vector256<int> rest, Vector256<int> outOfVocabulary)
    {
        var position = Vector256.LoadUnsafe(ref first, index);
        return (Vector256.Min(Vector256.Max(position, missing), rest) + Vector256<int>.One - Vector256.GreaterThanOrEqual(position, outOfVocabulary)).AsUInt32();
    }

    private static Vector512<uint> SlotsOf(ref int first, nuint index, Vector512<int> missing, Vector512<int> rest, Vector512<int> outOfVocabulary)
    {
        var position = Vector512.LoadUnsafe(ref first, index);
        return (Vector512.Min(Vector512.Max(position, missing), rest) + Vector512<int>.One - Vector512.GreaterThanOrEqual(position, outOfVocabulary)).AsUInt32();
    }
}
#endif
