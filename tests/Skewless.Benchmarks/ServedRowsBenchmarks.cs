using BenchmarkDotNet.Attributes;
using Flights;

namespace Skewless.Benchmarks;

/// <summary>The sample's rows, served in the order the benchmark's parameter says: the base of the serving benchmarks over flights.</summary>
public abstract class ServedRowsBenchmarks
{
    [Params(RowOrder.Shuffled, RowOrder.Chronological)]
    public RowOrder Order { get; set; }

    /// <summary>The rows served, in <see cref="Order"/>.</summary>
    protected Flight[] Rows { get; private set; } = [];

    /// <summary>Loads the rows and keeps them in <see cref="Order"/> as <see cref="Rows"/>; returns them in file order, to fit on.</summary>
    protected Flight[] LoadRows()
    {
        var all = ServingRows.All();
        Rows = ServingRows.Select(all, Order);
        return all;
    }
}
