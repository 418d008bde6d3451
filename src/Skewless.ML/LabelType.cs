using Microsoft.ML;
using Microsoft.ML.Data;

namespace Skewless.ML;

/// <summary>
/// A label type <c>ToDataView</c> takes, with the column ML.NET's own <c>LoadFromEnumerable</c> gives a member of that
/// type: <see cref="float"/> for regression, <see cref="bool"/> for binary classification, and <see cref="string"/>,
/// <see cref="int"/> or <see cref="uint"/> for multiclass classification through <c>MapValueToKey</c>. The same list
/// tells serving which label column a model's transforms require.
/// </summary>
internal abstract class LabelType
{
    private static readonly LabelType[] All =
    {
        new Of<float>(NumberDataViewType.Single),
        new Of<bool>(BooleanDataViewType.Instance),
        new Of<string>(TextDataViewType.Instance),
        new Of<int>(NumberDataViewType.Int32),
        new Of<uint>(NumberDataViewType.UInt32),
    };

    private LabelType(DataViewType columnType) => ColumnType = columnType;

    public DataViewType ColumnType { get; }

    /// <summary>The label column of the rows' labels.</summary>
    /// <exception cref="NotSupportedException">The label type has no column type here.</exception>
    public static RowColumn Column<TRow, TLabel>(ReadOnlySpan<TRow> rows, Func<TRow, TLabel> label)
    {
        Guard.NotNull(label, nameof(label));
        var type = All.OfType<Of<TLabel>>().FirstOrDefault()
            ?? throw new NotSupportedException($"A label of type {typeof(TLabel).Name} is not supported: use float (regression), bool (binary classification), or string, int or uint (multiclass, with MapValueToKey).");

        // ML.NET holds text as ReadOnlyMemory<char>, not string.
        return label is Func<TRow, string?> text
            ? RowColumn.Text(FeatureColumns.Label, rows, text)
            : RowColumn.Of(FeatureColumns.Label, type.ColumnType, rows, label);
    }

    /// <summary>
    /// The input a model needs at serving: the features alone, or with a label column when the model's transforms read
    /// one (such as <c>MapValueToKey("Label")</c> before a multiclass trainer). ML.NET's own prediction engine requires
    /// the label in its input type too, and ignores its value; so this tries the label types in turn and the first
    /// one the model accepts is served with a missing label.
    /// </summary>
    public static ServingEngine<TPrediction> Serve<TPrediction>(MLContext ml, ITransformer model, int width)
        where TPrediction : class, new()
    {
        var features = new VectorDataViewType(NumberDataViewType.Single, width);
        try
        {
            model.GetOutputSchema(Schema(features, label: null));
            return new ServingEngine<float, TPrediction>(ml, model, features, withLabel: false);
        }
        catch (Exception exception) when (IsSchemaMismatch(exception) && All.FirstOrDefault(type => type.Accepts(model, features)) is { } label)
        {
            return label.Serve<TPrediction>(ml, model, features);
        }
    }

    private static DataViewSchema Schema(DataViewType features, DataViewType? label)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(FeatureColumns.Features, features);
        if (label is not null)
        {
            builder.AddColumn(FeatureColumns.Label, label);
        }

        return builder.ToSchema();
    }

    private bool Accepts(ITransformer model, VectorDataViewType features)
    {
        try
        {
            model.GetOutputSchema(Schema(features, ColumnType));
            return true;
        }
        catch (Exception exception) when (IsSchemaMismatch(exception))
        {
            return false;
        }
    }

    // How ML.NET reports an input column that is missing (ArgumentOutOfRangeException) or of another type than a
    // transform was fitted on (InvalidOperationException).
    public static bool IsSchemaMismatch(Exception exception) => exception is ArgumentOutOfRangeException or InvalidOperationException;

    private protected abstract ServingEngine<TPrediction> Serve<TPrediction>(MLContext ml, ITransformer model, VectorDataViewType features)
        where TPrediction : class, new();

    private sealed class Of<TLabel>(DataViewType columnType) : LabelType(columnType)
    {
        private protected override ServingEngine<TPrediction> Serve<TPrediction>(MLContext ml, ITransformer model, VectorDataViewType features) =>
            new ServingEngine<TLabel, TPrediction>(ml, model, features, withLabel: true);
    }
}
