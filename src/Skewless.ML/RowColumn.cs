using Microsoft.ML;
using Microsoft.ML.Data;

namespace Skewless.ML;

/// <summary>A column of one value a row beside the features, such as the label or the group key, held in memory.</summary>
internal abstract class RowColumn
{
    protected RowColumn(string name, DataViewType type)
    {
        Name = name;
        Type = type;
    }

    public string Name { get; }

    public DataViewType Type { get; }

    /// <summary>A row's text as ML.NET holds text; a null string is empty, which ML.NET reads as missing.</summary>
    public static RowColumn Text<TRow>(string name, ReadOnlySpan<TRow> rows, Func<TRow, string?> read) =>
        Of(name, TextDataViewType.Instance, rows, row => read(row).AsMemory());

    public static RowColumn Of<TRow, T>(string name, DataViewType type, ReadOnlySpan<TRow> rows, Func<TRow, T> read)
    {
        var values = new T[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            values[i] = read(rows[i]);
        }

        return new Values<T>(name, type, values);
    }

    /// <summary>A getter of the value at the cursor's current position.</summary>
    public abstract Delegate Getter(DataViewRowCursor cursor);

    private sealed class Values<T>(string name, DataViewType type, T[] values) : RowColumn(name, type)
    {
        public override Delegate Getter(DataViewRowCursor cursor) => (ValueGetter<T>)((ref T value) => value = values[cursor.Position]);
    }
}
