using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Skewless;

/// <summary>
/// Which upstream data each feature reads: every data source a feature set takes, its members, and
/// the features (of every version of every feature set) that read each member. It answers "what is
/// affected if this upstream member changes or disappears". Generated as <c>FeatureSets.Map</c>, and
/// written by the build as <c>obj/…/skewless.dependencies.json</c>, which <see cref="Parse"/> reads.
/// </summary>
public sealed class DependencyMap
{
    /// <summary>The value of the JSON's <c>format</c> property.</summary>
    public const string FormatName = "skewless.dependencies";

    /// <summary>The value of the JSON's <c>formatVersion</c> property that this runtime reads.</summary>
    public const int FormatVersion = 1;

    private DependencyMap(IReadOnlyList<DataSourceDependency> dataSources) => DataSources = dataSources;

    /// <summary>Every data source a feature set of the assembly takes, by type name.</summary>
    public IReadOnlyList<DataSourceDependency> DataSources { get; }

    /// <summary>Reads a map written by the Skewless generator.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The map.</returns>
    /// <exception cref="FormatException">The text is not a dependency map of this format version.</exception>
    public static DependencyMap Parse(string json)
    {
        Guard.NotNull(json, nameof(json));
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (String(root, "format") != FormatName || root.GetProperty("formatVersion").GetInt32() != FormatVersion)
            {
                throw new FormatException($"It is not a {FormatName} document of format version {FormatVersion}.");
            }

            return new DependencyMap(root.GetProperty("dataSources").EnumerateArray().Select(ReadDataSource).ToArray());
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new FormatException("Not a Skewless dependency map: " + exception.Message, exception);
        }
    }

    /// <summary>The features that read a member of a data source, in every version of every feature set: what a change to the member affects.</summary>
    /// <param name="dataSource">The data source's <c>[DataSource]</c> name, or its type's full name.</param>
    /// <param name="member">The member's name.</param>
    /// <returns>The features; empty when none reads the member, or the map has no such member.</returns>
    public IReadOnlyList<FeatureDependency> Affected(string dataSource, string member) =>
        DataSources
            .Where(source => source.Name == dataSource || source.Type == dataSource)
            .SelectMany(source => source.Members)
            .Where(candidate => candidate.Name == member)
            .SelectMany(candidate => candidate.Features)
            .ToArray();

    /// <summary>The map as text: one line per data source, then one per member with its roles and the features that read it.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var source in DataSources)
        {
            text.Append(source).Append('\n');
            foreach (var member in source.Members)
            {
                text.Append("  ").Append(member).Append('\n');
            }
        }

        return text.ToString();
    }

    private static DataSourceDependency ReadDataSource(JsonElement source) => new(
        OptionalString(source, "name"),
        OptionalString(source, "owner"),
        OptionalString(source, "version"),
        String(source, "type"),
        source.GetProperty("members").EnumerateArray().Select(member => new DataMemberDependency(
            String(member, "name"),
            member.GetProperty("roles").EnumerateArray().Select(role => role.GetString()!).ToArray(),
            member.GetProperty("features").EnumerateArray().Select(feature => new FeatureDependency(
                String(feature, "featureSet"),
                feature.GetProperty("version").GetInt32(),
                String(feature, "class"),
                String(feature, "feature"))).ToArray())).ToArray());

    private static string String(JsonElement element, string name) =>
        element.GetProperty(name).GetString() ?? throw new FormatException($"Its \"{name}\" is null.");

    private static string? OptionalString(JsonElement element, string name) => element.GetProperty(name).GetString();
}

/// <summary>One upstream data source of a <see cref="DependencyMap"/>.</summary>
public sealed class DataSourceDependency
{
    internal DataSourceDependency(string? name, string? owner, string? version, string type, IReadOnlyList<DataMemberDependency> members)
    {
        Name = name;
        Owner = owner;
        Version = version;
        Type = type;
        Members = members;
    }

    /// <summary>The upstream name from <c>[DataSource]</c>, or <see langword="null"/> when the type has no <c>[DataSource]</c>.</summary>
    public string? Name { get; }

    /// <summary>Who owns the data, or <see langword="null"/> when <c>[DataSource]</c> does not say.</summary>
    public string? Owner { get; }

    /// <summary>The version of the data the code was written against, or <see langword="null"/> when <c>[DataSource]</c> does not say.</summary>
    public string? Version { get; }

    /// <summary>The full name of the row type.</summary>
    public string Type { get; }

    /// <summary>The members features can read, in declaration order, base type first.</summary>
    public IReadOnlyList<DataMemberDependency> Members { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name ?? "(no [DataSource])"} ({Type}), owner {Owner ?? "unknown"}, version {Version ?? "unknown"}";
}

/// <summary>One member of a data source, and the features that read it.</summary>
public sealed class DataMemberDependency
{
    internal DataMemberDependency(string name, IReadOnlyList<string> roles, IReadOnlyList<FeatureDependency> features)
    {
        Name = name;
        Roles = roles;
        Features = features;
    }

    /// <summary>The member's name.</summary>
    public string Name { get; }

    /// <summary>What its attributes make it: <c>label</c>, <c>eventTime</c>, <c>groupKey</c>, <c>notAtServing</c>, <c>modelOutput</c>.</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>The features that read it, by feature set, version and feature order.</summary>
    public IReadOnlyList<FeatureDependency> Features { get; }

    /// <inheritdoc />
    public override string ToString()
    {
        var roles = Roles.Count == 0 ? "" : $" [{string.Join(", ", Roles)}]";
        var features = Features.Count == 0 ? "read by no feature" : string.Join(", ", Features);
        return $"{Name}{roles}: {features}";
    }
}

/// <summary>One feature of one version of a feature set.</summary>
public sealed class FeatureDependency
{
    internal FeatureDependency(string featureSet, int version, string featureSetClass, string feature)
    {
        FeatureSet = featureSet;
        Version = version;
        FeatureSetClass = featureSetClass;
        Feature = feature;
    }

    /// <summary>The logical name of the feature set.</summary>
    public string FeatureSet { get; }

    /// <summary>The version of the feature set.</summary>
    public int Version { get; }

    /// <summary>The full name of the feature set class.</summary>
    public string FeatureSetClass { get; }

    /// <summary>The feature's name.</summary>
    public string Feature { get; }

    /// <inheritdoc />
    public override string ToString() => $"{FeatureSet} v{Version.ToString(CultureInfo.InvariantCulture)} {Feature}";
}
