using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Skewless.Transforms;

/// <summary>
/// Strings of one to four UTF-16 code units (airport, country, currency and state codes: the common categorical values)
/// packed into one <see cref="ulong"/>, code unit <c>i</c> in bits <c>16i</c> to <c>16i + 15</c> and 0 above the last.
/// </summary>
/// <remarks>
/// Two strings pack alike only when one is the other followed by U+0000s, so packing is one to one on the strings
/// <see cref="Fits"/> accepts: those whose last code unit is not U+0000. Their packed form is never 0.
/// </remarks>
internal static class ShortStrings
{
    public const int MaxLength = 4;

    /// <summary>Whether <paramref name="value"/> has one to four code units, the last not U+0000.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Fits(string value) => (uint)(value.Length - 1) < MaxLength && value[value.Length - 1] != '\0';

    /// <summary>Packs a string that <see cref="Fits"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Pack(string value)
    {
        if (!BitConverter.IsLittleEndian)
        {
            ulong packed = 0;
            for (var position = value.Length - 1; position >= 0; position--)
            {
                packed = (packed << 16) | value[position];
            }

            return packed;
        }

        // Two reads of two code units, the first pair and the last pair, overlapping when there are fewer than four, so
        // the packing takes no branch on the length. A single code unit is read with the terminating U+0000 that every
        // .NET string has after its last code unit.
        ref var first = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(value.AsSpan()));
        var lastPair = Math.Max(value.Length - 2, 0);
        ulong low = Unsafe.ReadUnaligned<uint>(ref first);
        ulong high = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref first, 2 * lastPair));
        return low | (high << (16 * lastPair));
    }

    /// <summary>The string that packed to <paramref name="packed"/>.</summary>
    public static string Unpack(ulong packed)
    {
        var length = MaxLength;
        while (packed >> (16 * (length - 1)) == 0)
        {
            length--;
        }

        var characters = new char[length];
        for (var position = 0; position < length; position++)
        {
            characters[position] = (char)(packed >> (16 * position));
        }

        return new string(characters);
    }
}
