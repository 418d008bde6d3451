namespace Skewless.Transforms;

/// <summary>
/// A mergeable summary of a distribution that answers quantile queries. It holds every distinct
/// value exactly until there are more than <see cref="ExactLimit"/>. Past that it keeps two summaries
/// side by side and answers each query from both: counts in logarithmic buckets (a DDSketch), whose
/// error is relative to a value's magnitude, and counts on an absolute grid of cells
/// <see cref="AbsoluteAccuracy"/> wide, whose error is the same everywhere. Every quantile is then
/// within <c>min(RelativeAccuracy · |x|, AbsoluteAccuracy)</c> of the exact value x (up to rounding):
/// the logarithmic buckets keep data spread over many orders of magnitude, the grid keeps data far
/// from zero in a narrow range (timestamps, coordinates, identifiers), where 0.5% of the magnitude
/// can be wider than the whole range.
/// </summary>
/// <remarks>
/// What it answers depends only on the multiset of values added, never on their order: the exact
/// counts and the bucket counts are sums, the smallest and largest values are a minimum and a
/// maximum, and the grid it answers from has cells <c>2^r</c> wide for the smallest integer r at
/// which the values occupy at most <see cref="GridCells"/> cells. As a cell of width 2^r lies inside
/// one cell of width 2^(r+1), that r only grows as values are added. Between queries the sketch keeps
/// its cells at a finer scale than that r, up to twice as many, so that it coarsens once per thousands
/// of new cells rather than at each one; any finer grid coarsens to the same cells at r, so merging
/// any partitioning of the rows gives the same quantiles and counts, bit for bit, as one pass. The
/// grid uses only exact binary arithmetic on the values' bits, so it is the same on every platform.
/// </remarks>
public sealed class QuantileSketch
{
    /// <summary>The number of distinct values below which quantiles are exact.</summary>
    public const int ExactLimit = 4096;

    /// <summary>Above <see cref="ExactLimit"/> distinct values, the largest error of a quantile relative to its magnitude: 0.5%.</summary>
    public const double RelativeAccuracy = 0.005;

    /// <summary>Above <see cref="ExactLimit"/> distinct values, the most cells the absolute grid keeps; its cells are as narrow as that allows.</summary>
    public const int GridCells = 4096;

    // Every finite double is a multiple of 2^-1074, so at that scale each distinct value is its own cell; every
    // finite double is below 2^1024 in magnitude, so at that scale there are at most two cells (+0 and -0).
    private const int FinestScale = -1074;
    private const int CoarsestScale = 1024;
    private const ulong SignBit = 0x8000_0000_0000_0000;

    // How far, relative to their magnitude, a DDSketch bucket's edges may be off the bucket a value was put in, for
    // Math.Log and Math.Pow round: count bounds treat a value that close to an edge as possibly on either side.
    private const double EdgeSlack = 1e-12;

    private static readonly double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);
    private static readonly double InverseLogGamma = 1 / Math.Log(Gamma);

    private DistinctValueCounts? _exact = new();
    private readonly Dictionary<int, long> _positive = new();
    private readonly Dictionary<int, long> _negative = new();
    private long _zeros;
    // Past the exact limit: cells at a scale no coarser than the one queries use, at most twice GridCells of them.
    private KeyCounts _grid = new();
    private int _gridScale = FinestScale;
    private double _minimum = double.PositiveInfinity;
    private double _maximum = double.NegativeInfinity;
    private View? _view;

    /// <summary>The number of values added.</summary>
    public long Count { get; private set; }

    /// <summary>Whether every quantile is exact: there were at most <see cref="ExactLimit"/> distinct values.</summary>
    public bool IsExact => _exact is not null;

    /// <summary>
    /// The width of the absolute grid's cells, a power of two, and so the largest error of any quantile whatever its
    /// magnitude; 0 while <see cref="IsExact"/>.
    /// </summary>
    public double AbsoluteAccuracy => IsExact ? 0 : PowerOfTwo(GetView().Scale);

    /// <summary>Adds a finite value.</summary>
    public void Add(double value) => Add(value, 1);

    /// <summary>Adds everything another sketch has seen.</summary>
    public void Merge(QuantileSketch other)
    {
        Guard.NotNull(other, nameof(other));
        if (other._exact is not null)
        {
            foreach (var pair in other._exact.Pairs())
            {
                Add(pair.Key, pair.Value);
            }

            return;
        }

        Collapse();
        _view = null;
        Count += other.Count;
        _zeros += other._zeros;
        ExactCounts.AddAll(_positive, other._positive);
        ExactCounts.AddAll(_negative, other._negative);
        _minimum = Math.Min(_minimum, other._minimum);
        _maximum = Math.Max(_maximum, other._maximum);

        // Each grid is no coarser than its own query scale, and so than the union's: the coarser of the two still is not.
        var scale = Math.Max(_gridScale, other._gridScale);
        if (scale != _gridScale)
        {
            Regrid(scale);
        }

        foreach (var pair in other._grid.Pairs())
        {
            _grid.Add(Truncate(pair.Key, scale), pair.Value);
        }

        if (_grid.Count > 2 * GridCells)
        {
            Regrid(QueryScale());
        }
    }

    /// <summary>
    /// The value at quantile <paramref name="q"/>: the smallest value whose cumulative count reaches
    /// <c>ceil(q · Count)</c> (at least the first value). 0 when the sketch is empty.
    /// </summary>
    public double Quantile(double q) => AtRank(Math.Min(Count, Math.Max(1, (long)Math.Ceiling(q * Count))));

    /// <summary>
    /// The smallest value whose cumulative count reaches <paramref name="rank"/>, from 1 to <see cref="Count"/>. 0 when
    /// the sketch is empty. Past the exact limit, within <c>min(RelativeAccuracy · |x|, AbsoluteAccuracy)</c> of it;
    /// the first and last ranks are the exact minimum and maximum.
    /// </summary>
    internal double AtRank(long rank)
    {
        if (Count == 0)
        {
            return 0;
        }

        var view = GetView();
        if (view.Exact is { } exact)
        {
            return exact.Low[exact.Containing(rank)];
        }

        if (rank <= 1)
        {
            return _minimum;
        }

        if (rank >= Count)
        {
            return _maximum;
        }

        var grid = view.Grid!;
        var buckets = view.Buckets!;
        var g = grid.Containing(rank);
        var d = buckets.Containing(rank);

        // The value lies in both the grid cell and the bucket that hold its rank.
        var low = Math.Max(grid.Low[g], buckets.Low[d]);
        var high = Math.Min(grid.High[g], buckets.High[d]);
        if (low > high)
        {
            // Only where rounding put a value just outside its bucket's nominal edges: the grid is exact.
            low = grid.Low[g];
            high = grid.High[g];
        }

        // A first guess by the value's place among the values of the narrower of the two, as if spread evenly...
        var narrower = grid.High[g] - grid.Low[g] <= buckets.High[d] - buckets.Low[d] ? (grid, g) : (buckets, d);
        var (cells, cell) = narrower;
        var within = (rank - (cells.Through[cell] - cells.Count[cell]) - 0.5) / cells.Count[cell];
        var guess = cells.Low[cell] + ((cells.High[cell] - cells.Low[cell]) * within);

        // ...kept where it is within RelativeAccuracy of every value in [low, high], and within [low, high] itself,
        // so within the bucket's relative bound and the cell's width of the value, whichever it is.
        var relativeLow = Math.Max(low, high - (RelativeAccuracy * Math.Abs(high)));
        var relativeHigh = Math.Min(high, low + (RelativeAccuracy * Math.Abs(low)));
        if (relativeLow > relativeHigh)
        {
            relativeLow = relativeHigh = Clamp((high - (RelativeAccuracy * Math.Abs(high)) + low + (RelativeAccuracy * Math.Abs(low))) / 2, low, high);
        }

        return Clamp(guess, relativeLow, relativeHigh);
    }

    /// <summary>
    /// The boundaries that split the values into <paramref name="buckets"/> of equal mass: boundary k
    /// (from 1) is the value at rank <c>floor(k · n / buckets) + 1</c>, the first value past the
    /// k/buckets quantile. A value equal to a boundary belongs to the bucket above it. Boundaries repeat
    /// where a value fills more than one bucket's share.
    /// </summary>
    internal double[] Boundaries(int buckets)
    {
        var boundaries = new double[buckets - 1];
        for (var k = 1; k < buckets; k++)
        {
            // Past the exact limit neighbouring estimates could cross by a rounding; boundaries must ascend.
            boundaries[k - 1] = AtRank(Math.Min(Count, Rank(0, k, Count, buckets)));
            if (k > 1 && boundaries[k - 1] < boundaries[k - 2])
            {
                boundaries[k - 1] = boundaries[k - 2];
            }
        }

        return boundaries;
    }

    /// <summary>
    /// Like <see cref="Boundaries"/>, but a boundary that would not be above the one before it (or, for the first,
    /// above the smallest value), and would leave a bucket empty, becomes the next distinct value above that one
    /// instead, and the values from there on are split evenly among the buckets left. A value that fills more than a
    /// bucket's share so gets a bucket of its own: on data where most values are 0, the 0s fill the first bucket
    /// alone and the rest share the others. With no more distinct values than buckets (while exact), each value gets a
    /// bucket of its own: the boundaries are every value but the smallest, then the largest repeated, and the buckets
    /// between the repeats stay empty. Otherwise boundaries still repeat only where no distinct value is left above
    /// the one before, near the top. With more values than buckets and none repeated, these are exactly
    /// <see cref="Boundaries"/>.
    /// Past the exact limit the next distinct value is the sketch's estimate of the first value past everything the
    /// sketch cannot tell apart from the boundary before, when it can tell any.
    /// </summary>
    internal double[] DistinctBoundaries(int buckets)
    {
        var boundaries = new double[buckets - 1];
        if (Count == 0)
        {
            return boundaries;
        }

        if (GetView().Exact is { } exact && exact.Low.Length <= buckets)
        {
            // Too few distinct values to share: each gets a bucket of its own, the largest the last.
            for (var k = 1; k < buckets; k++)
            {
                boundaries[k - 1] = exact.Low[Math.Min(k, exact.Low.Length - 1)];
            }

            return boundaries;
        }

        // Boundaries from bucket `first` on split the values from rank `start` + 1 on evenly.
        var start = 0L;
        var first = 0;
        var previous = AtRank(1);
        for (var k = 1; k < buckets; k++)
        {
            var value = AtRank(Math.Min(Count, Rank(start, k - first, Count - start, buckets - first)));
            if (value <= previous)
            {
                var atOrBelow = CountAtOrBelow(previous);
                var next = atOrBelow < Count ? AtRank(atOrBelow + 1) : previous;
                if (next > previous)
                {
                    value = next;
                    start = atOrBelow;
                    first = k;
                }
                else
                {
                    value = previous;
                }
            }

            boundaries[k - 1] = value;
            previous = value;
        }

        return boundaries;
    }

    /// <summary>
    /// How many values fall in each bucket between ascending <paramref name="boundaries"/>: bucket i holds the
    /// values at or above boundary i - 1 and below boundary i. Exact while <see cref="IsExact"/>. Past the exact
    /// limit, the number of values below each boundary is known up to the values of the grid cell and of the
    /// logarithmic bucket that hold the boundary; each is estimated within the narrower of those two ranges, as if
    /// the values of the cell or bucket with fewer values were spread evenly over it.
    /// </summary>
    internal long[] CountBetween(IReadOnlyList<double> boundaries)
    {
        var counts = new long[boundaries.Count + 1];
        var view = GetView();
        var below = 0L;
        for (var i = 0; i < boundaries.Count; i++)
        {
            var next = view.Exact is { } exact ? exact.CertainlyBelow(boundaries[i]) : EstimateBelow(view, boundaries[i]);
            next = Math.Min(Count, Math.Max(below, next));
            counts[i] = next - below;
            below = next;
        }

        counts[boundaries.Count] = Count - below;
        return counts;
    }

    /// <summary>The number of values at or below <paramref name="value"/>: exact while <see cref="IsExact"/>, otherwise the smallest count the sketch can vouch is not below it.</summary>
    private long CountAtOrBelow(double value)
    {
        var view = GetView();
        if (view.Exact is { } exact)
        {
            return exact.PossiblyAtOrBelow(value);
        }

        return Math.Min(view.Grid!.PossiblyAtOrBelow(value), view.Buckets!.PossiblyAtOrBelow(value));
    }

    private static long EstimateBelow(View view, double edge)
    {
        var grid = view.Grid!;
        var buckets = view.Buckets!;
        var (gridLow, gridHigh) = (grid.CertainlyBelow(edge), grid.PossiblyBelow(edge));
        var (bucketLow, bucketHigh) = (buckets.CertainlyBelow(edge, EdgeSlack), buckets.PossiblyBelow(edge, EdgeSlack));
        var low = Math.Max(gridLow, bucketLow);
        var high = Math.Min(gridHigh, bucketHigh);
        if (low > high)
        {
            // Only where rounding put a value just outside its bucket's nominal edges: the grid is exact.
            (low, high) = (gridLow, gridHigh);
        }

        // Interpolated in whichever summary is less unsure here; CountBetween keeps successive counts ascending.
        var evenly = gridHigh - gridLow <= bucketHigh - bucketLow ? grid.EvenlyBelow(edge) : buckets.EvenlyBelow(edge);
        var estimate = (long)Math.Round(evenly, MidpointRounding.AwayFromZero);
        return Math.Min(high, Math.Max(low, estimate));
    }

    /// <summary>Rank <c>start + floor(k · n / buckets) + 1</c>, in integers: (k / buckets) as a double is rounded, and its product with n can land just past an integer.</summary>
    private static long Rank(long start, int k, long n, int buckets) => start + ((n / buckets) * k) + ((n % buckets) * k / buckets) + 1;

    private static double Clamp(double value, double low, double high) => value < low ? low : value > high ? high : value;

    private void Add(double value, long count)
    {
        if (MissingValues.IsMissing(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite values can be added to a quantile sketch.");
        }

        // +0 and -0 are one value, whichever order the rows come in.
        value += 0.0;
        Count += count;
        _view = null;
        if (_exact is not null)
        {
            _exact.Add(value, count);
            if (_exact.Count > ExactLimit)
            {
                Collapse();
            }

            return;
        }

        AddApproximately(value, count);
        _grid.Add(Truncate((ulong)BitConverter.DoubleToInt64Bits(value), _gridScale), count);
        if (_grid.Count > 2 * GridCells)
        {
            Regrid(QueryScale());
        }
    }

    private void Collapse()
    {
        if (_exact is null)
        {
            return;
        }

        var exact = _exact;
        _exact = null;
        _view = null;
        _gridScale = FinestScale;
        foreach (var pair in exact.Pairs())
        {
            AddApproximately(pair.Key, pair.Value);
            _grid.Add((ulong)BitConverter.DoubleToInt64Bits(pair.Key), pair.Value);
        }

        if (_grid.Count > 2 * GridCells)
        {
            Regrid(QueryScale());
        }
    }

    private void AddApproximately(double value, long count)
    {
        _minimum = Math.Min(_minimum, value);
        _maximum = Math.Max(_maximum, value);
        if (value == 0)
        {
            _zeros += count;
            return;
        }

        var buckets = value > 0 ? _positive : _negative;
        var index = (int)Math.Ceiling(Math.Log(Math.Abs(value)) * InverseLogGamma);
        ExactCounts.Add(buckets, index, count);
    }

    /// <summary>
    /// The scale queries use: the smallest at which the values occupy at most <see cref="GridCells"/> cells. The kept
    /// cells are no coarser, and cell counts only fall as the scale grows, so a binary search over the kept cells finds it.
    /// </summary>
    private int QueryScale()
    {
        var low = _gridScale;
        var high = CoarsestScale;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (FitsAt(middle))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    private bool FitsAt(int scale)
    {
        var cells = new HashSet<ulong>();
        foreach (var pair in _grid.Pairs())
        {
            if (cells.Add(Truncate(pair.Key, scale)) && cells.Count > GridCells)
            {
                return false;
            }
        }

        return true;
    }

    private void Regrid(int scale)
    {
        if (scale == _gridScale)
        {
            return;
        }

        var old = _grid;
        _grid = new KeyCounts();
        _gridScale = scale;
        foreach (var pair in old.Pairs())
        {
            _grid.Add(Truncate(pair.Key, scale), pair.Value);
        }
    }

    /// <summary>
    /// The bits of a value truncated toward zero to a multiple of 2^<paramref name="scale"/>, keeping its sign: the
    /// key of its grid cell, [key, key + 2^scale) for a positive key, (key - 2^scale, key] for a negative one (-0
    /// included). Clearing bits is exact, and clearing more of them later gives what clearing them at once would.
    /// </summary>
    private static ulong Truncate(ulong bits, int scale)
    {
        var field = (int)((bits >> 52) & 0x7FF);
        var clear = scale - (field == 0 ? FinestScale : field - 1075); // bits below 2^scale, counted from the last
        if (clear <= 0)
        {
            return bits;
        }

        if (clear >= (field == 0 ? 52 : 53))
        {
            return bits & SignBit;
        }

        return bits & ~((1UL << clear) - 1);
    }

    /// <summary>2^<paramref name="exponent"/> for exponents from -1074 on, exactly, built from its bits (Math.ScaleB is not in .NET Standard 2.0); infinity from 1024 on.</summary>
    private static double PowerOfTwo(int exponent)
    {
        if (exponent >= 1024)
        {
            return double.PositiveInfinity;
        }

        return exponent >= -1022
            ? BitConverter.Int64BitsToDouble((long)(exponent + 1023) << 52)
            : BitConverter.Int64BitsToDouble(1L << (exponent - FinestScale));
    }

    private View GetView() => _view ??= BuildView();

    private View BuildView()
    {
        if (_exact is not null)
        {
            var values = _exact.Pairs().OrderBy(pair => pair.Key).ToList();
            return new View(FinestScale, Cells.Of(values.Select(pair => (pair.Key, pair.Key, pair.Value))), null, null);
        }

        var scale = QueryScale();
        var width = PowerOfTwo(scale);
        var cellCounts = new Dictionary<ulong, long>();
        foreach (var pair in _grid.Pairs())
        {
            ExactCounts.Add(cellCounts, Truncate(pair.Key, scale), pair.Value);
        }

        var grid = cellCounts
            .Select(pair => (Key: BitConverter.Int64BitsToDouble((long)pair.Key), Negative: (pair.Key & SignBit) != 0, pair.Value))
            .OrderBy(cell => cell.Key)
            .ThenBy(cell => cell.Negative ? 0 : 1) // -0 before +0
            .Select(cell => cell.Negative ? (cell.Key - width, cell.Key, cell.Value) : (cell.Key, cell.Key + width, cell.Value));

        var negative = _negative.OrderByDescending(pair => pair.Key).Select(pair => (-Math.Pow(Gamma, pair.Key), -Math.Pow(Gamma, pair.Key - 1), pair.Value));
        var zero = _zeros > 0 ? new[] { (0.0, 0.0, _zeros) } : Array.Empty<(double, double, long)>();
        var positive = _positive.OrderBy(pair => pair.Key).Select(pair => (Math.Pow(Gamma, pair.Key - 1), Math.Pow(Gamma, pair.Key), pair.Value));

        return new View(scale, null, Clamped(grid), Clamped(negative.Concat(zero).Concat(positive)));

        Cells Clamped(IEnumerable<(double Low, double High, long Count)> cells) =>
            Cells.Of(cells.Select(cell => (Math.Max(cell.Low, _minimum), Math.Min(cell.High, _maximum), cell.Count)));
    }

    /// <summary>The sketch's state sorted for queries: the exact values, or the grid cells and the logarithmic buckets.</summary>
    private sealed class View
    {
        public View(int scale, Cells? exact, Cells? grid, Cells? buckets)
        {
            Scale = scale;
            Exact = exact;
            Grid = grid;
            Buckets = buckets;
        }

        /// <summary>Past the exact limit, the scale r of the grid's cells, 2^r wide.</summary>
        public int Scale { get; }

        public Cells? Exact { get; }

        public Cells? Grid { get; }

        public Cells? Buckets { get; }
    }

    /// <summary>Ascending, disjoint ranges [Low, High] of values, each with its count and the count through it.</summary>
    private sealed class Cells
    {
        private Cells(int length)
        {
            Low = new double[length];
            High = new double[length];
            Count = new long[length];
            Through = new long[length];
        }

        public double[] Low { get; }

        public double[] High { get; }

        public long[] Count { get; }

        public long[] Through { get; }

        public static Cells Of(IEnumerable<(double Low, double High, long Count)> ranges)
        {
            var list = ranges.ToList();
            var cells = new Cells(list.Count);
            var through = 0L;
            for (var i = 0; i < list.Count; i++)
            {
                through += list[i].Count;
                (cells.Low[i], cells.High[i], cells.Count[i], cells.Through[i]) = (list[i].Low, list[i].High, list[i].Count, through);
            }

            return cells;
        }

        /// <summary>The index of the range that holds the value at <paramref name="rank"/>, from 1 to the total.</summary>
        public int Containing(long rank)
        {
            var low = 0;
            var high = Through.Length - 1;
            while (low < high)
            {
                var middle = low + ((high - low) / 2);
                if (Through[middle] >= rank)
                {
                    high = middle;
                }
                else
                {
                    low = middle + 1;
                }
            }

            return low;
        }

        /// <summary>The count of the ranges wholly below <paramref name="edge"/>, even if each edge were off by <paramref name="slack"/> of its magnitude.</summary>
        public long CertainlyBelow(double edge, double slack = 0)
        {
            var count = 0L;
            for (var i = 0; i < Low.Length && Widened(High[i], slack) < edge; i++)
            {
                count += Count[i];
            }

            return count;
        }

        /// <summary>The count of the ranges not wholly at or above <paramref name="edge"/>.</summary>
        public long PossiblyBelow(double edge, double slack = 0)
        {
            var count = 0L;
            for (var i = 0; i < Low.Length && Narrowed(Low[i], slack) < edge; i++)
            {
                count += Count[i];
            }

            return count;
        }

        /// <summary>The count of the ranges not wholly above <paramref name="value"/>.</summary>
        public long PossiblyAtOrBelow(double value)
        {
            // By bisection: with many buckets and many ties, boundaries ask this once each.
            var low = 0;
            var high = Low.Length;
            while (low < high)
            {
                var middle = low + ((high - low) / 2);
                if (Low[middle] <= value)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low == 0 ? 0 : Through[low - 1];
        }

        /// <summary>The values below <paramref name="edge"/> if each range's values were spread evenly over it.</summary>
        public double EvenlyBelow(double edge)
        {
            var below = 0.0;
            for (var i = 0; i < Low.Length && Low[i] < edge; i++)
            {
                below += High[i] < edge ? Count[i] : Count[i] * ((edge - Low[i]) / (High[i] - Low[i]));
            }

            return below;
        }

        private static double Widened(double high, double slack) => high + (slack * Math.Abs(high));

        private static double Narrowed(double low, double slack) => low - (slack * Math.Abs(low));
    }
}
