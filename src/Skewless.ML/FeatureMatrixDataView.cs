using Microsoft.ML;
using Microsoft.ML.Data;
using Skewless.Transforms;

namespace Skewless.ML;

/// <summary>
/// An <see cref="IDataView"/> over a feature matrix from the batch path, with a <c>Features</c>
/// vector column (annotated with slot names and <see cref="FeatureColumns.FeatureSetAnnotation"/>) and one column a row for each of the labels and group keys given.
/// The matrix is row-major, dense or sparse (<see cref="FeatureSchema.SparseWidth"/> slot indices
/// and values a row, which ML.NET gets as sparse <see cref="VBuffer{T}"/>s), and read in place.
/// </summary>
internal sealed class FeatureMatrixDataView : IDataView
{
    private readonly float[] _values;
    private readonly int[]? _indices;
    private readonly RowColumn[] _columns;
    private readonly long _rows;
    private readonly int _width;
    private readonly int _sparseWidth;

    /// <summary>A view of a dense matrix (<paramref name="indices"/> null) or a sparse one.</summary>
    /// <param name="schema">The feature set's schema.</param>
    /// <param name="transforms">The fitted transforms, in schema order, which name a one-hot vocabulary's slots by their terms.</param>
    /// <param name="trainedWith">Which fitted feature set the features came from, recorded on the <c>Features</c> column.</param>
    /// <param name="rows">The number of rows in the matrix.</param>
    /// <param name="indices">Null for a dense matrix of <see cref="FeatureSchema.Width"/> values a row; else the slot indices of <see cref="FeatureSchema.SparseWidth"/> entries a row.</param>
    /// <param name="values">The values, row-major.</param>
    /// <param name="columns">The columns after <c>Features</c>, such as the label, one value a row.</param>
    public FeatureMatrixDataView(FeatureSchema schema, IReadOnlyList<IFittedTransform?> transforms, TrainedWith trainedWith, long rows, int[]? indices, float[] values, RowColumn[] columns)
    {
        _rows = rows;
        _indices = indices;
        _values = values;
        _columns = columns;
        _width = schema.Width;
        _sparseWidth = schema.SparseWidth;

        var annotations = new DataViewSchema.Annotations.Builder();
        var names = SlotNames(schema, transforms);
        ValueGetter<VBuffer<ReadOnlyMemory<char>>> getSlotNames = (ref VBuffer<ReadOnlyMemory<char>> value) =>
        {
            var editor = VBufferEditor.Create(ref value, names.Length);
            for (var slot = 0; slot < names.Length; slot++)
            {
                editor.Values[slot] = names[slot].AsMemory();
            }

            value = editor.Commit();
        };
        // "SlotNames" is ML.NET's annotation kind for slot names; its constant (AnnotationUtils.Kinds) is internal.
        annotations.Add("SlotNames", new VectorDataViewType(TextDataViewType.Instance, _width), getSlotNames);
        trainedWith.AddTo(annotations);

        var builder = new DataViewSchema.Builder();
        builder.AddColumn(FeatureColumns.Features, new VectorDataViewType(NumberDataViewType.Single, _width), annotations.ToAnnotations());
        foreach (var column in columns)
        {
            builder.AddColumn(column.Name, column.Type);
        }

        Schema = builder.ToSchema();
    }

    public DataViewSchema Schema { get; }

    // A one-hot vocabulary's slots are named by their terms, "Origin=JFK", so that ML.NET's feature importances and
    // explanations say which value mattered; the term slots training did not fill "Origin=(unused)", and the
    // out-of-vocabulary buckets "Origin=(out of vocabulary 0)". Every other slot keeps the schema's name.
    private static string[] SlotNames(FeatureSchema schema, IReadOnlyList<IFittedTransform?> transforms)
    {
        var names = new string[schema.Width];
        var slot = 0;
        for (var feature = 0; feature < schema.Features.Count; feature++)
        {
            var descriptor = schema.Features[feature];
            var vocabulary = descriptor.Width > 1 ? transforms[feature] as Vocabulary : null;
            var terms = vocabulary?.Terms ?? Array.Empty<string>();
            var firstBucket = vocabulary is { Settings.MaxSize: > 0 } ? vocabulary.Settings.MaxSize : terms.Count;
            for (var position = 0; position < descriptor.Width; position++)
            {
                names[slot++] = vocabulary is null ? descriptor.Slots[position]
                    : position < terms.Count ? $"{descriptor.Name}={terms[position]}"
                    : position < firstBucket ? $"{descriptor.Name}=(unused)"
                    : $"{descriptor.Name}=(out of vocabulary {position - firstBucket})";
            }
        }

        return names;
    }

    public bool CanShuffle => false;

    public long? GetRowCount() => _rows;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded.Select(column => column.Index).ToArray());

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        new[] { GetRowCursor(columnsNeeded, rand) };

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly FeatureMatrixDataView _view;
        private readonly bool[] _active;
        private readonly long _rows;
        private long _position = -1;

        public Cursor(FeatureMatrixDataView view, int[] columnsNeeded)
        {
            _view = view;
            _rows = view.GetRowCount() ?? 0;
            _active = new bool[view.Schema.Count];
            foreach (var column in columnsNeeded)
            {
                _active[column] = true;
            }
        }

        public override DataViewSchema Schema => _view.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

        public override bool MoveNext()
        {
            if (_position + 1 >= _rows)
            {
                _position = _rows;
                return false;
            }

            _position++;
            return true;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!IsColumnActive(column))
            {
                throw new ArgumentOutOfRangeException(nameof(column), $"Column '{column.Name}' was not requested when the cursor was created.");
            }

            Delegate getter = column.Index == 0
                ? (ValueGetter<VBuffer<float>>)GetFeatures
                : _view._columns[column.Index - 1].Getter(this);
            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' is {column.Type}, not {typeof(TValue).Name}.");
        }

        private void GetFeatures(ref VBuffer<float> value)
        {
            var view = _view;
            if (view._indices is null)
            {
                var editor = VBufferEditor.Create(ref value, view._width);
                view._values.AsSpan(checked((int)(_position * view._width)), view._width).CopyTo(editor.Values);
                value = editor.Commit();
            }
            else
            {
                var start = checked((int)(_position * view._sparseWidth));
                var editor = VBufferEditor.Create(ref value, view._width, view._sparseWidth);
                view._indices.AsSpan(start, view._sparseWidth).CopyTo(editor.Indices);
                view._values.AsSpan(start, view._sparseWidth).CopyTo(editor.Values);
                value = editor.Commit();
            }
        }
    }
}
