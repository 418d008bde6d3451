using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Skewless.ML;

/// <summary>
/// Which fitted feature set a data view's features came from: its logical name, version, definition fingerprint and a
/// hash of its fitted constants. <c>ToDataView</c> records it on the <c>Features</c> column as an annotation, which
/// ML.NET keeps in the input schema it saves with a model, so that serving can refuse a model trained with another
/// version, or with the same version fitted on other rows, even when the vectors are as wide.
/// </summary>
internal sealed class TrainedWith
{
    private static readonly VectorDataViewType AnnotationType = new(TextDataViewType.Instance, 4);

    private TrainedWith(string name, int version, string fingerprint, string constants)
    {
        Name = name;
        Version = version;
        Fingerprint = fingerprint;
        Constants = constants;
    }

    public string Name { get; }

    public int Version { get; }

    public string Fingerprint { get; }

    /// <summary>The <see cref="FittedConstants.Hash"/> of the fitted feature set.</summary>
    public string Constants { get; }

    public static TrainedWith Of<TRow>(IFittedFeatureSet<TRow> features) =>
        new(features.Schema.Name, features.Schema.Version, features.Schema.Fingerprint, FittedConstants.Hash(features));

    /// <summary>The identity a schema's <c>Features</c> column records, or null when it records none.</summary>
    public static TrainedWith? Read(DataViewSchema schema)
    {
        if (schema.GetColumnOrNull(FeatureColumns.Features) is not { } features
            || features.Annotations.Schema.GetColumnOrNull(FeatureColumns.FeatureSetAnnotation) is not { } column
            || !column.Type.Equals(AnnotationType))
        {
            return null;
        }

        var parts = default(VBuffer<ReadOnlyMemory<char>>);
        features.Annotations.GetValue(FeatureColumns.FeatureSetAnnotation, ref parts);
        var text = parts.DenseValues().Select(part => part.ToString()).ToArray();
        return int.TryParse(text[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? new TrainedWith(text[0], version, text[2], text[3])
            : null;
    }

    /// <summary>Whether both name the same feature set, version and definition, whatever their fitted constants.</summary>
    public bool SameDefinitionAs(TrainedWith other) =>
        Name == other.Name && Version == other.Version && Fingerprint == other.Fingerprint;

    public void AddTo(DataViewSchema.Annotations.Builder annotations)
    {
        var parts = new[] { Name, Version.ToString(CultureInfo.InvariantCulture), Fingerprint, Constants };
        ValueGetter<VBuffer<ReadOnlyMemory<char>>> get = (ref VBuffer<ReadOnlyMemory<char>> value) =>
        {
            var editor = VBufferEditor.Create(ref value, parts.Length);
            for (var part = 0; part < parts.Length; part++)
            {
                editor.Values[part] = parts[part].AsMemory();
            }

            value = editor.Commit();
        };
        annotations.Add(FeatureColumns.FeatureSetAnnotation, AnnotationType, get);
    }
}
