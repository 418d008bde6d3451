using System.Text.Json;

namespace Skewless.Artifacts;

/// <summary>Typed access to the fields of one JSON object, turning every missing or mistyped field into a message that names it.</summary>
internal readonly struct JsonFields
{
    private readonly JsonElement _element;
    private readonly string _featureSet;
    private readonly string _path;

    public JsonFields(JsonElement element, string featureSet, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new CorruptArtifactException(featureSet, $"{path} is a JSON {Describe(element.ValueKind)}, not an object.");
        }

        _element = element;
        _featureSet = featureSet;
        _path = path;
    }

    public string String(string name) => Property(name, JsonValueKind.String).GetString()!;

    public int Int32(string name) =>
        Property(name, JsonValueKind.Number).TryGetInt32(out var value) ? value : throw Invalid(name, "a 32-bit integer");

    public long Int64(string name) =>
        Property(name, JsonValueKind.Number).TryGetInt64(out var value) ? value : throw Invalid(name, "a 64-bit integer");

    public IReadOnlyList<JsonFields> Array(string name)
    {
        var array = Property(name, JsonValueKind.Array);
        var items = new List<JsonFields>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            items.Add(new JsonFields(item, _featureSet, $"{_path}'s \"{name}\" item {items.Count}"));
        }

        return items;
    }

    private JsonElement Property(string name, JsonValueKind kind)
    {
        if (!_element.TryGetProperty(name, out var value))
        {
            throw new CorruptArtifactException(_featureSet, $"{_path} has no \"{name}\".");
        }

        return value.ValueKind == kind ? value : throw Invalid(name, $"a JSON {Describe(kind)}");
    }

    private CorruptArtifactException Invalid(string name, string expected) =>
        new(_featureSet, $"{_path}'s \"{name}\" is not {expected}.");

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "value",
    };
}
