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

    public bool Has(string name) => _element.TryGetProperty(name, out _);

    /// <summary>The same object, described by <paramref name="path"/> in messages.</summary>
    public JsonFields At(string path) => new(_element, _featureSet, path);

    public string String(string name) => Property(name, JsonValueKind.String).GetString()!;

    public int Int32(string name) =>
        Property(name, JsonValueKind.Number).TryGetInt32(out var value) ? value : throw Invalid(name, "a 32-bit integer");

    public long Int64(string name) =>
        Property(name, JsonValueKind.Number).TryGetInt64(out var value) ? value : throw Invalid(name, "a 64-bit integer");

    public double Double(string name) => Property(name, JsonValueKind.Number).GetDouble();

    public bool Boolean(string name)
    {
        if (!_element.TryGetProperty(name, out var value))
        {
            throw Missing(name);
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Invalid(name, "a JSON boolean"),
        };
    }

    public JsonElement Object(string name) => Property(name, JsonValueKind.Object);

    public IReadOnlyList<JsonFields> Array(string name)
    {
        var array = Property(name, JsonValueKind.Array);
        var items = new List<JsonFields>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            items.Add(new JsonFields(item, _featureSet, $"item {items.Count} of \"{name}\" in {_path}"));
        }

        return items;
    }

    public string[] Strings(string name) => Items(name, JsonValueKind.String, "strings", item => item.GetString()!);

    public double[] Doubles(string name) => Items(name, JsonValueKind.Number, "numbers", item => item.GetDouble());

    public long[] Int64s(string name)
    {
        var invalid = Invalid(name, "an array of 64-bit integers");
        return Items(name, JsonValueKind.Number, "64-bit integers", item => item.TryGetInt64(out var value) ? value : throw invalid);
    }

    private T[] Items<T>(string name, JsonValueKind kind, string description, Func<JsonElement, T> read)
    {
        var array = Property(name, JsonValueKind.Array);
        var items = new T[array.GetArrayLength()];
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            items[index++] = item.ValueKind == kind ? read(item) : throw Invalid(name, $"an array of {description}");
        }

        return items;
    }

    private JsonElement Property(string name, JsonValueKind kind)
    {
        if (!_element.TryGetProperty(name, out var value))
        {
            throw Missing(name);
        }

        return value.ValueKind == kind ? value : throw Invalid(name, $"a JSON {Describe(kind)}");
    }

    private CorruptArtifactException Missing(string name) => new(_featureSet, $"{_path} has no \"{name}\".");

    private CorruptArtifactException Invalid(string name, string expected) =>
        new(_featureSet, $"\"{name}\" in {_path} is not {expected}.");

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
