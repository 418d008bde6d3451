using Skewless.Monitoring;
using Skewless.Transforms;

namespace Skewless;

/// <summary>
/// What every generated <c>Fitted</c> class offers, so that code working for any feature set (ML.NET
/// integration, monitoring, an artifact loaded through the generated <c>FeatureSets</c> registry) can take one
/// without knowing its vector type.
/// </summary>
/// <typeparam name="TRow">The feature set's input type.</typeparam>
public interface IFittedFeatureSet<TRow>
{
    /// <summary>The feature set's schema.</summary>
    FeatureSchema Schema { get; }

    /// <summary>The number of rows the feature set was fitted on.</summary>
    long TrainingRows { get; }

    /// <summary>For each feature in schema order, its fitted transform, or <see langword="null"/> when it has none.</summary>
    IReadOnlyList<IFittedTransform?> Transforms { get; }

    /// <summary>The statistics of the training rows, gathered in the same pass as the fit.</summary>
    TrainingStatistics Statistics { get; }

    /// <summary>Computes one row's features and shows each value to <paramref name="observer"/>, as monitored serving does; used to slice residuals by feature value.</summary>
    /// <param name="row">The row.</param>
    /// <param name="observer">Receives each feature's value.</param>
    void Observe(in TRow row, FeatureObserver observer);

    /// <summary>Computes one row's features as floats, for serving. Allocates nothing.</summary>
    /// <param name="row">The row.</param>
    /// <param name="destination">At least <see cref="FeatureSchema.Width"/> slots.</param>
    void Transform(in TRow row, Span<float> destination);

    /// <summary>Computes one row's features as floats, for serving, and shows each feature's value to a monitor. Allocates nothing.</summary>
    /// <param name="row">The row.</param>
    /// <param name="destination">At least <see cref="FeatureSchema.Width"/> slots.</param>
    /// <param name="monitor">A monitor of this feature set, from <see cref="Monitor"/>.</param>
    void Transform(in TRow row, Span<float> destination, FeatureMonitor<TRow> monitor);

    /// <summary>Starts monitoring serving traffic against this feature set's training statistics. Dispose it to stop its timer and metrics.</summary>
    /// <param name="options">Window length, retention and clock; <see langword="null"/> for the defaults.</param>
    /// <returns>A monitor to pass to the <c>Transform</c> overloads that take one.</returns>
    FeatureMonitor<TRow> Monitor(MonitorOptions? options = null);

    /// <summary>Computes many rows' features into a row-major matrix, for training.</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="matrix">At least <c>rows.Length * Schema.Width</c> slots.</param>
    void Transform(ReadOnlySpan<TRow> rows, Span<float> matrix);

    /// <summary>Computes many rows' features in sparse form, for training: row <c>i</c> fills entries <c>i * Schema.SparseWidth</c> onwards with slot indices in ascending order and their values; every slot not listed is zero.</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="indices">At least <c>rows.Length * Schema.SparseWidth</c> entries.</param>
    /// <param name="values">At least <c>rows.Length * Schema.SparseWidth</c> entries.</param>
    void Transform(ReadOnlySpan<TRow> rows, Span<int> indices, Span<float> values);

    /// <summary>Writes the fitted feature set as a JSON artifact.</summary>
    /// <param name="destination">The stream to write to. It is flushed, not closed.</param>
    void Save(Stream destination);
}
