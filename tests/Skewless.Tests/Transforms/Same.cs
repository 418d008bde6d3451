using System.Text;
using Xunit;

namespace Skewless.Tests.Transforms;

/// <summary>Equality of long sequences, fast, reporting the first difference with its surroundings.</summary>
internal static class Same
{
    /// <summary>Saved artifacts: equal bytes, or a failure quoting the JSON where they first differ.</summary>
    public static void Artifact(byte[] expected, byte[] actual)
    {
        var at = FirstDifference<byte>(expected, actual);
        if (at >= 0)
        {
            Assert.Fail($"The artifacts differ from byte {at}: expected …{Around(expected, at)}…, got …{Around(actual, at)}….");
        }
    }

    /// <summary>Vectors: equal bits slot by slot, so that NaN equals NaN and -0 differs from 0.</summary>
    public static void Bits(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, int width)
    {
        var at = FirstDifference(System.Runtime.InteropServices.MemoryMarshal.Cast<float, int>(expected), System.Runtime.InteropServices.MemoryMarshal.Cast<float, int>(actual));
        if (at >= 0)
        {
            var value = at < actual.Length ? actual[at].ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "nothing";
            Assert.Fail($"The vectors differ at row {at / width}, slot {at % width}: expected {expected[at]:R}, got {value}.");
        }
    }

    public static void Sequence<T>(IEnumerable<T> expected, IEnumerable<T> actual)
    {
        var left = expected.ToArray();
        var right = actual.ToArray();
        var at = FirstDifference<T>(left, right);
        if (at >= 0)
        {
            Assert.Fail($"The sequences ({left.Length} and {right.Length} items) differ at item {at}: expected {(at < left.Length ? left[at] : "nothing")}, got {(at < right.Length ? right[at] : "nothing")}.");
        }
    }

    private static int FirstDifference<T>(ReadOnlySpan<T> expected, ReadOnlySpan<T> actual)
    {
        var common = expected.CommonPrefixLength(actual);
        return common == expected.Length && common == actual.Length ? -1 : common;
    }

    private static string Around(byte[] bytes, int at)
    {
        var start = Math.Max(0, at - 60);
        return Encoding.UTF8.GetString(bytes, start, Math.Min(bytes.Length, at + 60) - start);
    }
}
