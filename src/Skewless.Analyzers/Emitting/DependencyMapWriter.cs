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
        json.Append(indent).Append("\"name\": ").Append(Quote(source.Name)).Append(",\n");
        json.Append(indent).Append("\"owner\": ").Append(Quote(source.Owner)).Append(",\n");
        json.Append(indent).Append("\"version\": ").Append(Quote(source.Version)).Append(",\n");
        json.Append(indent).Append("\"type\": ").Append(Quote(source.TypeName)).Append(",\n");
        json.Append(indent).Append("\"members\": [");
        Items(json, source.Members, indent + "  ", (member, memberIndent) =>
        {
            json.Append(memberIndent).Append("\"name\": ").Append(Quote(member.Name)).Append(",\n");
            json.Append(memberIndent).Append("\"roles\": ").Append(Strings(member.Roles)).Append(",\n");
            json.Append(memberIndent).Append("\"features\": [");
            var features = readers.SelectMany(featureSet => featureSet.Features
                .Where(feature => feature.Reads.Contains(member.Name))
                .Select(feature => (FeatureSet: featureSet, Feature: feature)));
            Items(json, features, memberIndent + "  ", (reader, readerIndent) =>
            {
                json.Append(readerIndent).Append("\"featureSet\": ").Append(Quote(reader.FeatureSet.Name)).Append(",\n");
                json.Append(readerIndent).Append("\"version\": ").Append(Number(reader.FeatureSet.Version)).Append(",\n");
                json.Append(readerIndent).Append("\"class\": ").Append(Quote(reader.FeatureSet.FullName)).Append(",\n");
                json.Append(readerIndent).Append("\"feature\": ").Append(Quote(reader.Feature.Name)).Append('\n');
            });
            json.Append("]\n");
        });
        json.Append("]\n");
    }

    private static void FeatureSet(StringBuilder json, FeatureSetModel featureSet, string indent)
    {
        json.Append(indent).Append("\"name\": ").Append(Quote(featureSet.Name)).Append(",\n");
        json.Append(indent).Append("\"version\": ").Append(Number(featureSet.Version)).Append(",\n");
        json.Append(indent).Append("\"class\": ").Append(Quote(featureSet.FullName)).Append(",\n");
        json.Append(indent).Append("\"fingerprint\": ").Append(Quote(featureSet.Fingerprint)).Append(",\n");
        json.Append(indent).Append("\"inputType\": ").Append(Quote(featureSet.InputTypeName)).Append(",\n");
        json.Append(indent).Append("\"features\": [");
        Items(json, featureSet.Features, indent + "  ", (feature, featureIndent) =>
        {
            json.Append(featureIndent).Append("\"name\": ").Append(Quote(feature.Name)).Append(",\n");
            json.Append(featureIndent).Append("\"kind\": ").Append(Quote(feature.Kind.ToString())).Append(",\n");
            json.Append(featureIndent).Append("\"transform\": ").Append(Quote(feature.Transform.Kind.ToString())).Append(",\n");
            json.Append(featureIndent).Append("\"width\": ").Append(Number(feature.Width)).Append(",\n");
            json.Append(featureIndent).Append("\"reads\": ").Append(Strings(feature.Reads)).Append('\n');
        });
        json.Append("]\n");
    }

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
