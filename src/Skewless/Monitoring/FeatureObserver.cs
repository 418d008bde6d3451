using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Skewless.Monitoring;

/// <summary>
/// Receives each feature's value as the generated kernel computes a row, so that monitoring sees
/// exactly what training and serving compute, and counts it into one thread's tally. Called by
/// generated code; features are numbered in schema order.
/// </summary>
/// <remarks>
/// Sealed, with the residual mode as a flag rather than a subclass, so the kernel's calls are direct and can be inlined;
/// only <see cref="EndRow"/> tests the flag, for the values are stored the same way in both modes.
/// Serving rows are not counted one by one: each call only stores the value in its feature's column of a buffer of
/// <see cref="Capacity"/> rows (numbers as they are, categorical values as positions, hashed strings as their hash),
/// and the buffer is added to the tally a column at a time when it fills or the window changes, in vectorized loops that
/// cost less than updating each feature's bins, moments and range row by row. An outcome's row is counted as soon as it
/// ends.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FeatureObserver
{
    /// <summary>Rows buffered before they are counted: enough to amortize a column's loop, few enough to stay in the L1 cache.</summary>
    internal const int Capacity = 64;

    private readonly Tally _tally;
    private readonly FeatureLayout[] _features;
    private readonly bool _residuals;

    // Column by column, so that the kernel's constant feature number gives the column: the numeric features' values,
    // the categorical features' positions (see FeatureLayout.SlotOfPosition), and the hashed strings' hashes. Each
    // feature uses one of the three. A hash is looked up among the training categories only when the buffer is counted,
    // in a loop of lookups that do not wait on each other, rather than in the middle of each row.
    private readonly double[] _numbers;
    private readonly int[] _positions;
    private readonly ulong[] _hashes;

    // The rows buffered, which the row being observed follows; read by snapshots from other threads.
    private int _rows;

    internal FeatureObserver(Tally tally, bool residuals)
    {
        _tally = tally;
        _features = tally.Layout.Features;
        _residuals = residuals;
        _numbers = new double[_features.Length * Capacity];
        _positions = new int[_features.Length * Capacity];
        _hashes = Array.Exists(_features, layout => layout.ByHash is not null) ? new ulong[_features.Length * Capacity] : [];
    }

    /// <summary>Starts observing one row on this thread and returns where its feature values go. Called by generated code.</summary>
    /// <param name="monitor">The monitor passed to <c>Transform</c>.</param>
    /// <param name="featureSet">The fitted feature set transforming the row, which must be the fit monitored (or the same artifact loaded again).</param>
    /// <remarks>
    /// Checks the monitor for null itself, so that the generated <c>Transform</c> has no throw of its own: one made the
    /// JIT stop inlining the feature methods and transforms into it, which cost as much as the monitor's counting.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FeatureObserver BeginRow<TRow>(FeatureMonitor<TRow> monitor, IFittedFeatureSet<TRow> featureSet)
    {
        if (monitor is null)
        {
            throw NullMonitor();
        }

        return monitor.BeginRow(featureSet);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ArgumentNullException NullMonitor() => new("monitor");

    /// <summary>In residual mode, the residual of the row being observed.</summary>
    internal double Residual { get; set; }

    /// <summary>A numeric feature's value, before its transform.</summary>
    public void Number(int feature, double value) => _numbers[(feature * Capacity) + _rows] = value;

    /// <summary>
    /// A categorical feature's value as a position: a bool's (0 for false, 1 for true), an enum's
    /// declared position (-1 when undeclared), or a vocabulary feature's index (-1 when missing).
    /// </summary>
    public void Category(int feature, int position) => _positions[(feature * Capacity) + _rows] = position;

    /// <summary>A string feature's value, for a string without a vocabulary.</summary>
    public void Text(int feature, string? value)
    {
        ref readonly var layout = ref _features[feature];
        Category(feature, layout.PositionOfSlot(layout.SlotOfText(value)));
    }

    /// <summary>A hashed string feature's <see cref="StableHash"/>, which the kernel computed for the bucket; null and empty share one.</summary>
    public void Hashed(int feature, ulong hash) => _hashes[(feature * Capacity) + _rows] = hash;

    /// <summary>
    /// Ends the row, once every feature's value has been shown: only then does the row count, so a row whose
    /// feature method threw leaves no partial values behind (the next row overwrites them).
    /// </summary>
    public void EndRow()
    {
        if (_residuals)
        {
            AddResiduals();
            return;
        }

        var rows = _rows + 1;
        if (rows == Capacity)
        {
            Flush(rows);
            return;
        }

        Volatile.Write(ref _rows, rows);
    }

    /// <summary>Counts the buffered rows into this thread's tally, on the serving thread; a row begun but not ended is dropped.</summary>
    internal void Flush() => Flush(_rows);

    private void Flush(int rows)
    {
        // Emptied before counting, with a full fence, so a snapshot that still sees these rows in the buffer read the tally before they joined it.
        Interlocked.Exchange(ref _rows, 0);
        AddTo(_tally, rows);
    }

    /// <summary>
    /// Adds the buffered rows to a sum, read-only, from a snapshot on another thread, after that snapshot has added this
    /// thread's tally. Exact once the thread stops; while it serves, rows it overwrites meanwhile are counted in place of
    /// the ones they replace, never twice.
    /// </summary>
    internal void AddPending(Tally sum)
    {
        // The tally was read before the buffer's row count, whose emptying precedes a flush's counting.
        Interlocked.MemoryBarrier();
        AddTo(sum, Volatile.Read(ref _rows));
    }

    private void AddTo(Tally tally, int rows)
    {
        if (rows == 0)
        {
            return;
        }

        tally.Rows += rows;
        Span<int> found = stackalloc int[Capacity];
        for (var feature = 0; feature < _features.Length; feature++)
        {
            ref readonly var layout = ref _features[feature];
            if (layout.Moments >= 0)
            {
                tally.AddNumbers(in layout, _numbers.AsSpan(feature * Capacity, rows));
            }
            else if (layout.ByHash is { } byHash)
            {
                byHash.PositionsOf(_hashes.AsSpan(feature * Capacity, rows), found);
                tally.AddPositions(in layout, found.Slice(0, rows));
            }
            else
            {
                tally.AddPositions(in layout, _positions.AsSpan(feature * Capacity, rows));
            }
        }
    }

    // In residual mode the buffer holds the one row being observed, whose residual goes to the slot of each of its values.
    private void AddResiduals()
    {
        for (var feature = 0; feature < _features.Length; feature++)
        {
            ref readonly var layout = ref _features[feature];
            var slot = layout.Moments >= 0 ? layout.SlotOfNumber(_numbers[feature * Capacity])
                : layout.SlotOfPosition(layout.ByHash is { } byHash ? byHash.PositionOf(_hashes[feature * Capacity]) : _positions[feature * Capacity]);
            _tally.ResidualCounts[slot]++;
            _tally.ResidualSums[slot] += Residual;
            _tally.AbsoluteResidualSums[slot] += Math.Abs(Residual);
        }
    }
}
