using System.Runtime.InteropServices;
using Flights;
using Xunit;

namespace Skewless.Tests.Transforms;

/// <summary>One fitted feature set serves many threads at once: fitted transforms are immutable, so every thread gets the single-thread bits.</summary>
public sealed class ConcurrencyTests
{
    private const int Threads = 8;

    private static float[] SingleThreaded<TRow>(IFittedFeatureSet<TRow> fitted, TRow[] rows, int width)
    {
        var matrix = new float[rows.Length * width];
        fitted.Transform(rows, matrix);
        return matrix;
    }

    /// <summary>Runs <paramref name="work"/> on 8 threads released together; each returns its first wrong row, or -1.</summary>
    private static void AssertAllThreadsAgree(Func<int, int> work)
    {
        var wrongRows = new int[Threads];
        var errors = new Exception?[Threads];
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(thread => new Thread(() =>
        {
            start.SignalAndWait();
            try
            {
                wrongRows[thread] = work(thread);
            }
            catch (Exception exception)
            {
                errors[thread] = exception;
            }
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        Assert.All(errors, error => Assert.Null(error));
        Assert.All(wrongRows, row => Assert.Equal(-1, row));
    }

    [Fact]
    public void Eight_threads_transforming_single_flights_get_the_single_thread_results()
    {
        var rows = RealData.Flights;
        using var saved = new MemoryStream();
        FlightFeatures.Fit(rows).Save(saved);
        saved.Position = 0;
        var fitted = FlightFeatures.Fitted.Load(saved);
        var width = FlightFeatures.Vector.Width;
        var expected = SingleThreaded(fitted, rows, width);

        AssertAllThreadsAgree(thread =>
        {
            Span<float> slots = stackalloc float[width];
            for (var n = 0; n < rows.Length; n++)
            {
                // Each thread walks the rows from its own starting point, so threads hit different rows at once.
                var i = (n + (thread * rows.Length / Threads)) % rows.Length;
                if (thread % 2 == 0)
                {
                    fitted.Transform(rows[i]).CopyTo(slots);
                }
                else
                {
                    fitted.Transform(in rows[i], slots);
                }

                if (!MemoryMarshal.Cast<float, int>(slots).SequenceEqual(MemoryMarshal.Cast<float, int>(expected.AsSpan(i * width, width))))
                {
                    return i;
                }
            }

            return -1;
        });
    }

    [Fact]
    public void Eight_threads_transforming_batches_of_zips_get_the_single_thread_results()
    {
        var rows = RealData.Zips.AsSpan(0, 10_000).ToArray();
        var fitted = ZipFeatures.Fit(RealData.Zips);
        var width = ZipFeatures.Vector.Width;
        var expected = SingleThreaded(fitted, rows, width);

        AssertAllThreadsAgree(thread =>
        {
            const int Chunk = 500;
            var matrix = new float[Chunk * width];
            var chunks = rows.Length / Chunk;
            for (var k = 0; k < chunks; k++)
            {
                var start = ((k + thread) % chunks) * Chunk;
                fitted.Transform(rows.AsSpan(start, Chunk), matrix);
                if (!MemoryMarshal.Cast<float, int>(matrix.AsSpan()).SequenceEqual(MemoryMarshal.Cast<float, int>(expected.AsSpan(start * width, Chunk * width))))
                {
                    return start;
                }
            }

            return -1;
        });
    }
}
