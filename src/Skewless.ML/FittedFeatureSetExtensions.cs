using Microsoft.ML;
using Microsoft.ML.Data;
using Skewless.Transforms;

namespace Skewless.ML;

/// <summary>
/// Connects a fitted feature set to ML.NET without copying any feature logic. A data view's <c>Features</c> rows are
/// sparse <see cref="VBuffer{T}"/>s (the batch path's sparse form) when the feature set has one-hot features, as ML.NET's
/// own one-hot encodings are, and dense otherwise.
/// </summary>
public static class FittedFeatureSetExtensions
{
    /// <summary>The rows' features from the batch path, with a label column, as ML.NET's <c>LoadFromEnumerable</c> gives a member of its type.</summary>
    /// <typeparam name="TRow">The feature set's input type.</typeparam>
    /// <typeparam name="TLabel"><see cref="float"/> for regression, <see cref="bool"/> for binary classification, or <see cref="string"/>, <see cref="int"/> or <see cref="uint"/> for multiclass classification (map it with <c>MapValueToKey</c>).</typeparam>
    /// <param name="features">The fitted feature set.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="label">Reads a row's label.</param>
    /// <exception cref="NotSupportedException"><typeparamref name="TLabel"/> is another type.</exception>
    public static IDataView ToDataView<TRow, TLabel>(this IFittedFeatureSet<TRow> features, ReadOnlySpan<TRow> rows, Func<TRow, TLabel> label) =>
        Create(features, rows, LabelType.Column(rows, label));

    /// <summary>
    /// The rows' features from the batch path, with a label column and a text <see cref="FeatureColumns.GroupKey"/> column
    /// of each row's group key, for an ML.NET split or cross-validation that keeps groups apart:
    /// <c>samplingKeyColumnName: FeatureColumns.GroupKey</c>.
    /// </summary>
    /// <typeparam name="TRow">The feature set's input type.</typeparam>
    /// <typeparam name="TLabel">As for <see cref="ToDataView{TRow, TLabel}(IFittedFeatureSet{TRow}, ReadOnlySpan{TRow}, Func{TRow, TLabel})"/>.</typeparam>
    /// <typeparam name="TKey">The group key's type; it is written with the invariant culture, as the generated <c>SplitByGroup</c> hashes it.</typeparam>
    /// <param name="features">The fitted feature set.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="label">Reads a row's label.</param>
    /// <param name="groupKey">Reads a row's group key, its <c>[GroupKey]</c> member.</param>
    public static IDataView ToDataView<TRow, TLabel, TKey>(this IFittedFeatureSet<TRow> features, ReadOnlySpan<TRow> rows, Func<TRow, TLabel> label, Func<TRow, TKey> groupKey) =>
        Create(features, rows, LabelType.Column(rows, label), GroupKeyColumn(rows, groupKey));

    /// <summary>The rows' features from the batch path, without a label, for scoring.</summary>
    public static IDataView ToDataView<TRow>(this IFittedFeatureSet<TRow> features, ReadOnlySpan<TRow> rows) =>
        Create(features, rows);

    /// <summary>The features of a list's rows from the batch path, with a label column; see the span overload.</summary>
    public static IDataView ToDataView<TRow, TLabel>(this IFittedFeatureSet<TRow> features, List<TRow> rows, Func<TRow, TLabel> label) =>
        ToDataView(features, RowsOf(rows), label);

    /// <summary>The features of a list's rows from the batch path, with a label column and a group key column; see the span overload.</summary>
    public static IDataView ToDataView<TRow, TLabel, TKey>(this IFittedFeatureSet<TRow> features, List<TRow> rows, Func<TRow, TLabel> label, Func<TRow, TKey> groupKey) =>
        ToDataView(features, RowsOf(rows), label, groupKey);

    /// <summary>The features of a list's rows from the batch path, without a label, for scoring.</summary>
    public static IDataView ToDataView<TRow>(this IFittedFeatureSet<TRow> features, List<TRow> rows) =>
        Create(features, RowsOf(rows));

    /// <summary>
    /// A prediction engine that takes raw rows and runs them through the feature set's single-row path, then
    /// <paramref name="model"/>, once the model's input schema shows it was trained with these very features: this
    /// feature set, version and definition, fitted with these constants. Right after training, pass the training view's
    /// schema; in a serving process, save the model with it, <c>ml.Model.Save(model, view.Schema, path)</c>, and pass
    /// the schema <c>ml.Model.Load(path, out var schema)</c> gives.
    /// </summary>
    /// <param name="features">The fitted feature set the model was trained with.</param>
    /// <param name="ml">The ML.NET context.</param>
    /// <param name="model">A model trained on this feature set's <c>Features</c> column.</param>
    /// <param name="inputSchema">The schema of the data view the model was trained on, as saved with the model.</param>
    /// <exception cref="IncompatibleModelException">
    /// The schema records other features (another feature set, version or definition, or the same fitted on other rows),
    /// or records none, or is null (a model saved without it), or the model does not take this feature set's vector.
    /// </exception>
    public static FeaturePredictionEngine<TRow, TPrediction> CreatePredictionEngine<TRow, TPrediction>(this IFittedFeatureSet<TRow> features, MLContext ml, ITransformer model, DataViewSchema? inputSchema)
        where TPrediction : class, new()
    {
        Guard.NotNull(features, nameof(features));
        Guard.NotNull(ml, nameof(ml));
        Guard.NotNull(model, nameof(model));
        var served = TrainedWith.Of(features);
        var trained = inputSchema is null ? null : TrainedWith.Read(inputSchema);
        if (trained is null || !trained.SameDefinitionAs(served) || trained.Constants != served.Constants)
        {
            throw new IncompatibleModelException(features.Schema, IncompatibleModelException.Difference(inputSchema, trained, served));
        }

        return new FeaturePredictionEngine<TRow, TPrediction>(ml, model, features);
    }

    // A List<T> does not convert to a span; its items are read in place on .NET and copied once on netstandard2.0.
    // List<T>, not IReadOnlyList<T>, which an array also converts to, making array callers ambiguous before C# 14.
    private static ReadOnlySpan<TRow> RowsOf<TRow>(List<TRow> rows)
    {
        Guard.NotNull(rows, nameof(rows));
        return Partitioning.TryGetSpan(rows, out var span) ? span : rows.ToArray();
    }

    // The key as text, written as DeterministicSplit writes it, so any key type works where ML.NET takes text or numbers.
    private static RowColumn GroupKeyColumn<TRow, TKey>(ReadOnlySpan<TRow> rows, Func<TRow, TKey> groupKey)
    {
        Guard.NotNull(groupKey, nameof(groupKey));
        return RowColumn.Text(FeatureColumns.GroupKey, rows, row => DeterministicSplit.KeyText(groupKey(row)));
    }

    private static FeatureMatrixDataView Create<TRow>(IFittedFeatureSet<TRow> features, ReadOnlySpan<TRow> rows, params RowColumn[] columns)
    {
        Guard.NotNull(features, nameof(features));

        // With one-hot features, sparse rows hold a few entries instead of a mostly zero slot each, as ML.NET's own
        // OneHotEncoding's do: less memory, and trainers skip the zeros.
        var schema = features.Schema;
        int[]? indices = null;
        float[] values;
        if (schema.SparseWidth < schema.Width)
        {
            indices = new int[checked(rows.Length * schema.SparseWidth)];
            values = new float[indices.Length];
            features.Transform(rows, indices, values);
        }
        else
        {
            values = new float[checked(rows.Length * schema.Width)];
            features.Transform(rows, values);
        }

        return new FeatureMatrixDataView(schema, features.Transforms, TrainedWith.Of(features), rows.Length, indices, values, columns);
    }
}
