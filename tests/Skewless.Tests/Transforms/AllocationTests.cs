using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Transforms;

/// <summary>The serving path allocates nothing: no boxing, no strings, no enumerators, in any fitted transform.</summary>
public sealed class AllocationTests
{
    [Fact]
    public void Transforming_rows_dense_or_sparse_allocates_nothing()
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

        Assert.Equal(0, Allocations.Fewest(() =>
        {
            foreach (var row in rows)
            {
                fitted.Transform(row).CopyTo(slots);
            }
        }));
        Assert.Equal(0, Allocations.Fewest(() =>
        {
            foreach (var row in rows)
            {
                fitted.Transform(in row, slots);
            }
        }));

        var indices = new int[ZipFeatures.Vector.SparseWidth];
        var values = new float[ZipFeatures.Vector.SparseWidth];
        Assert.Equal(0, Allocations.Fewest(() =>
        {
            foreach (var row in rows)
            {
                fitted.Transform(row).CopyTo(indices, values);
            }
        }));

        var allIndices = new int[rows.Length * ZipFeatures.Vector.SparseWidth];
        var allValues = new float[allIndices.Length];
        Assert.Equal(0, Allocations.Fewest(() => fitted.Transform(rows, allIndices, allValues)));
    }
}
