using System.Globalization;
using System.Text;
using Skewless.Analyzers.Model;

namespace Skewless.Analyzers.Emitting;

/// <summary>
/// Writes the dependency map of a compilation as indented JSON: each data source with its members
/// and the features that read each, then each feature set with its features. <c>Skewless.DependencyMap</c>
/// in the runtime reads it back; tools read the copy the build writes to <c>obj/</c>.
/// </summary>
internal static class DependencyMapWriter
{
    public static string Write(FeatureSetRegistryModel model)
    {
        var json = new StringBuilder();
        json.Append("{\n");
        json.Append("  \"format\": \"skewless.dependencies\",\n");
        json.Append("  \"formatVersion\": 1,\n");
        json.Append("  \"dataSources\": [");
        Items(json, model.DataSources, "    ", (source, indent) => DataSource(json, source, model.FeatureSets, indent));
        json.Append("],\n");
        json.Append("  \"featureSets\": [");
        Items(json, model.FeatureSets, "    ", (featureSet, indent) => FeatureSet(json, featureSet, indent));
        json.Append("]\n");
        json.Append('}');
        return json.ToString();
    }

    private static void DataSource(StringBuilder json, DataSourceModel source, EquatableArray<FeatureSetModel> featureSets, string indent)
    {
        var readers = featureSets.Where(featureSet => featureSet.InputTypeName == source.TypeName).ToList();
        Property(json, indent, "name", Quote(source.Name));
        Property(json, indent, "owner", Quote(source.Owner));
        Property(json, indent, "version", Quote(source.Version));
        Property(json, indent, "type", Quote(source.TypeName));
        json.Append(indent).Append("\"members\": [");
        Items(json, source.Members, indent + "  ", (member, memberIndent) =>
        {
            Property(json, memberIndent, "name", Quote(member.Name));
            Property(json, memberIndent, "roles", Strings(member.Roles));
            json.Append(memberIndent).Append("\"features\": [");
            var features = readers.SelectMany(featureSet => featureSet.Features
                .Where(feature => feature.Reads.Contains(member.Name))
                .Select(feature => (FeatureSet: featureSet, Feature: feature)));
            Items(json, features, memberIndent + "  ", (reader, readerIndent) =>
            {
                Property(json, readerIndent, "featureSet", Quote(reader.FeatureSet.Name));
                Property(json, readerIndent, "version", Number(reader.FeatureSet.Version));
                Property(json, readerIndent, "class", Quote(reader.FeatureSet.FullName));
                Property(json, readerIndent, "feature", Quote(reader.Feature.Name), last: true);
            });
            json.Append("]\n");
        });
        json.Append("]\n");
    }

    private static void FeatureSet(StringBuilder json, FeatureSetModel featureSet, string indent)
    {
        Property(json, indent, "name", Quote(featureSet.Name));
        Property(json, indent, "version", Number(featureSet.Version));
        Property(json, indent, "class", Quote(featureSet.FullName));
        Property(json, indent, "fingerprint", Quote(featureSet.Fingerprint));
        Property(json, indent, "inputType", Quote(featureSet.InputTypeName));
        json.Append(indent).Append("\"features\": [");
        Items(json, featureSet.Features, indent + "  ", (feature, featureIndent) =>
        {
            Property(json, featureIndent, "name", Quote(feature.Name));
            Property(json, featureIndent, "kind", Quote(feature.Kind.ToString()));
            Property(json, featureIndent, "transform", Quote(feature.Transform.Kind.ToString()));
            Property(json, featureIndent, "width", Number(feature.Width));
            Property(json, featureIndent, "reads", Strings(feature.Reads), last: true);
        });
        json.Append("]\n");
    }

    // A property whose value is already JSON; the last of an object has no comma.
    private static void Property(StringBuilder json, string indent, string name, string value, bool last = false) =>
        json.Append(indent).Append(Quote(name)).Append(": ").Append(value).Append(last ? "\n" : ",\n");

    // An array of objects: "[]" when empty, else each object on its own lines, its braces at indent and
    // its properties two spaces further in, and the closing bracket back where the array's property is.
    private static void Items<T>(StringBuilder json, IEnumerable<T> items, string indent, Action<T, string> write)
    {
        var any = false;
        foreach (var item in items)
        {
            json.Append(any ? ",\n" : "\n").Append(indent).Append("{\n");
            write(item, indent + "  ");
            json.Append(indent).Append('}');
            any = true;
        }

        if (any)
        {
            json.Append('\n').Append(indent, 0, indent.Length - 2);
        }
    }

    private static string Strings(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(value => Quote(value))) + "]";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var json = new StringBuilder(value.Length + 2).Append('"');
        foreach (var character in value)
        {
            _ = character switch
            {
                '"' => json.Append("\\\""),
                '\\' => json.Append("\\\\"),
                '\n' => json.Append("\\n"),
                '\r' => json.Append("\\r"),
                '\t' => json.Append("\\t"),
                < ' ' => json.Append("\\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture)),
                _ => json.Append(character),
            };
        }

        return json.Append('"').ToString();
    }
}
