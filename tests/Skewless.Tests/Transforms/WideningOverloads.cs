using Xunit;

namespace Skewless.Tests.Transforms;

/// <summary>The values on which a transform's <see cref="float"/> and <see cref="long"/> overloads must give, bit for bit, what its <see cref="double"/> one gives.</summary>
internal static class WideningOverloads
{
    /// <summary>NaN, the infinities, both zeros, subnormals, the extremes, 2^24 + 1, and a thousand seeded values over 18 orders of magnitude.</summary>
    public static IEnumerable<float> Floats()
    {
        float[] edges = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, 0f, -0f, float.Epsilon, 1e-40f, float.MaxValue, float.MinValue, 16_777_217f];
        var random = new Random(5);
        return edges.Concat(Enumerable.Range(0, 1000).Select(_ => (float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-6, 12)))));
    }

    /// <summary>The extremes of int and long, values a float cannot hold, and a thousand seeded longs.</summary>
    public static IEnumerable<long> Integers()
    {
        long[] edges = [long.MinValue, long.MaxValue, int.MinValue, int.MaxValue - 1, 16_777_217, 0, -1];
        var random = new Random(6);
        return edges.Concat(Enumerable.Range(0, 1000).Select(_ => random.NextInt64(long.MinValue, long.MaxValue)));
    }

    /// <summary>Fails unless <paramref name="narrow"/> gives the bits <paramref name="wide"/> gives for every value.</summary>
    public static void AssertSame<T>(IEnumerable<T> values, Func<T, double> widen, Func<double, float> wide, Func<T, float> narrow)
    {
        foreach (var value in values)
        {
            Assert.True(
                BitConverter.SingleToInt32Bits(wide(widen(value))) == BitConverter.SingleToInt32Bits(narrow(value)),
                $"For {value}: {wide(widen(value)):R} against {narrow(value):R}.");
        }
    }
}
