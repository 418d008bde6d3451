#if NET
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Skewless.Monitoring;

/// <summary>
/// Counts a run of 64 categorical positions by slot, for <see cref="Tally.AddPositions"/>: the positions become 64
/// one-byte slot numbers, clamped as <see cref="FeatureLayout.SlotOfPosition"/> clamps them, and a slot's count is the
/// popcount of one compare of all 64 (two with 256-bit vectors).
/// </summary>
internal static class SlotRuns
{
    public const int Length = 64;

    /// <summary>Adds the slots of the first <paramref name="count"/> of 64 <paramref name="positions"/> to <paramref name="counts"/> (one per slot, at most 255), with 512-bit vectors.</summary>
    public static void Count512(ReadOnlySpan<int> positions, int count, Span<long> counts)
    {
        ref var first = ref MemoryMarshal.GetReference(positions);
        var missing = Vector512.Create(-1);
        var other = Vector512.Create(counts.Length - 2);
        var slots = Vector512.Narrow(
            Vector512.Narrow(SlotsOf(ref first, 0, missing, other), SlotsOf(ref first, 16, missing, other)),
            Vector512.Narrow(SlotsOf(ref first, 32, missing, other), SlotsOf(ref first, 48, missing, other)));
        var counted = Counted(count);
        for (var slot = 0; slot < counts.Length; slot++)
        {
            counts[slot] += BitOperations.PopCount(Vector512.Equals(slots, Vector512.Create((byte)slot)).ExtractMostSignificantBits() & counted);
        }
    }

    /// <summary>As <see cref="Count512"/>, with 256-bit vectors.</summary>
    public static void Count256(ReadOnlySpan<int> positions, int count, Span<long> counts)
    {
        ref var first = ref MemoryMarshal.GetReference(positions);
        var missing = Vector256.Create(-1);
        var other = Vector256.Create(counts.Length - 2);
        var low = SlotBytesOf(ref first, 0, missing, other);
        var high = SlotBytesOf(ref first, 32, missing, other);
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
    private static Vector256<byte> SlotBytesOf(ref int first, nuint index, Vector256<int> missing, Vector256<int> other) =>
        Vector256.Narrow(
            Vector256.Narrow(SlotsOf(ref first, index, missing, other), SlotsOf(ref first, index + 8, missing, other)),
            Vector256.Narrow(SlotsOf(ref first, index + 16, missing, other), SlotsOf(ref first, index + 24, missing, other)));

    private static Vector256<uint> SlotsOf(ref int first, nuint index, Vector256<int> missing, Vector256<int> other) =>
        (Vector256.Min(Vector256.Max(Vector256.LoadUnsafe(ref first, index), missing), other) + Vector256<int>.One).AsUInt32();

    private static Vector512<uint> SlotsOf(ref int first, nuint index, Vector512<int> missing, Vector512<int> other) =>
        (Vector512.Min(Vector512.Max(Vector512.LoadUnsafe(ref first, index), missing), other) + Vector512<int>.One).AsUInt32();
}
#endif
