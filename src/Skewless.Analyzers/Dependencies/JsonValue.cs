using System.Globalization;
using System.Text;

namespace Skewless.Analyzers.Dependencies;

/// <summary>
/// A JSON value read by <see cref="JsonValue.Parse"/>: an object, array, string, number (kept as its
/// text), true, false or null. NuGet's lock and assets files are all this reads, so it is small:
/// analyzers cannot count on System.Text.Json being loadable in every compiler host.
/// </summary>
internal abstract class JsonValue
{
    /// <summary>Deeper nesting than any NuGet file has is treated as malformed, so a hostile file cannot exhaust the stack.</summary>
    public const int MaxDepth = 64;

    /// <summary>Parses a whole JSON document.</summary>
    /// <exception cref="FormatException">The text is empty, truncated or not JSON; the message says where.</exception>
    public static JsonValue Parse(string text) => new Parser(text).ParseDocument();

    /// <summary>The member <paramref name="name"/> when this is an object that has it.</summary>
    public JsonValue? this[string name] => this is JsonObject obj && obj.TryGet(name, out var value) ? value : null;

    /// <summary>The string value, or <see langword="null"/> when this is not a string.</summary>
    public string? AsString => (this as JsonString)?.Value;

    /// <summary>The members when this is an object; none otherwise.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonValue>> Members => this is JsonObject obj ? obj.MemberList : Array.Empty<KeyValuePair<string, JsonValue>>();

    /// <summary>The items when this is an array; none otherwise.</summary>
    public IReadOnlyList<JsonValue> Items => this is JsonArray array ? array.Values : Array.Empty<JsonValue>();

    /// <summary>True only for the JSON literal <c>true</c>, or the string <c>"true"</c> as NuGet writes some flags.</summary>
    public bool IsTrue => this is JsonLiteral { Text: "true" } || (AsString is { } text && string.Equals(text, "true", StringComparison.OrdinalIgnoreCase));

    private sealed class Parser
    {
        private readonly string _text;
        private int _position;

        public Parser(string text) => _text = text;

        public JsonValue ParseDocument()
        {
            SkipWhitespace();
            if (_position >= _text.Length)
            {
                throw new FormatException("the file is empty");
            }

            var value = ParseValue(0);
            SkipWhitespace();
            if (_position < _text.Length)
            {
                throw Error("text follows the end of the JSON document");
            }

            return value;
        }

        private JsonValue ParseValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error("the JSON is nested too deeply");
            }

            SkipWhitespace();
            if (_position >= _text.Length)
            {
                throw Error("the file ends in the middle of a value (truncated?)");
            }

            switch (_text[_position])
            {
                case '{':
                    return ParseObject(depth);
                case '[':
                    return ParseArray(depth);
                case '"':
                    return new JsonString(ParseString());
                case 't':
                    return ParseLiteral("true");
                case 'f':
                    return ParseLiteral("false");
                case 'n':
                    return ParseLiteral("null");
                default:
                    return ParseNumber();
            }
        }

        private JsonObject ParseObject(int depth)
        {
            _position++;
            var result = new JsonObject();
            SkipWhitespace();
            if (Peek() == '}')
            {
                _position++;
                return result;
            }

            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"')
                {
                    throw Error("expected a property name in quotes");
                }

                var name = ParseString();
                SkipWhitespace();
                Expect(':');
                result.Add(name, ParseValue(depth + 1));
                SkipWhitespace();
                var next = Peek();
                _position++;
                if (next == '}')
                {
                    return result;
                }

                if (next != ',')
                {
                    _position--;
                    throw Error("expected ',' or '}' in an object");
                }
            }
        }

        private JsonArray ParseArray(int depth)
        {
            _position++;
            var values = new List<JsonValue>();
            SkipWhitespace();
            if (Peek() == ']')
            {
                _position++;
                return new JsonArray(values);
            }

            while (true)
            {
                values.Add(ParseValue(depth + 1));
                SkipWhitespace();
                var next = Peek();
                _position++;
                if (next == ']')
                {
                    return new JsonArray(values);
                }

                if (next != ',')
                {
                    _position--;
                    throw Error("expected ',' or ']' in an array");
                }
            }
        }

        private string ParseString()
        {
            _position++;
            var start = _position;
            StringBuilder? builder = null;
            while (_position < _text.Length)
            {
                var c = _text[_position];
                if (c == '"')
                {
                    var result = builder is null ? _text.Substring(start, _position - start) : builder.Append(_text, start, _position - start).ToString();
                    _position++;
                    return result;
                }

                if (c == '\\')
                {
                    builder ??= new StringBuilder();
                    builder.Append(_text, start, _position - start);
                    builder.Append(ParseEscape());
                    start = _position;
                    continue;
                }

                if (c < ' ')
                {
                    throw Error("a control character inside a string");
                }

                _position++;
            }

            throw Error("the file ends inside a string (truncated?)");
        }

        private char ParseEscape()
        {
            _position++;
            if (_position >= _text.Length)
            {
                throw Error("the file ends inside a string (truncated?)");
            }

            var c = _text[_position++];
            switch (c)
            {
                case '"': return '"';
                case '\\': return '\\';
                case '/': return '/';
                case 'b': return '\b';
                case 'f': return '\f';
                case 'n': return '\n';
                case 'r': return '\r';
                case 't': return '\t';
                case 'u':
                    if (_position + 4 > _text.Length
                        || !ushort.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Error("a malformed \\u escape");
                    }

                    _position += 4;
                    return (char)code;
                default:
                    _position--;
                    throw Error($"an unknown escape '\\{c}'");
            }
        }

        private JsonLiteral ParseLiteral(string literal)
        {
            if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
            {
                throw Error("an unexpected word");
            }

            _position += literal.Length;
            return new JsonLiteral(literal);
        }

        private JsonLiteral ParseNumber()
        {
            var start = _position;
            while (_position < _text.Length && (char.IsDigit(_text[_position]) || _text[_position] is '-' or '+' or '.' or 'e' or 'E'))
            {
                _position++;
            }

            if (_position == start)
            {
                throw Error($"an unexpected character '{_text[_position]}'");
            }

            var number = _text.Substring(start, _position - start);
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                _position = start;
                throw Error("a malformed number");
            }

            return new JsonLiteral(number);
        }

        private void Expect(char expected)
        {
            if (Peek() != expected)
            {
                throw Error($"expected '{expected}'");
            }

            _position++;
        }

        private char Peek()
        {
            if (_position >= _text.Length)
            {
                throw Error("the file ends early (truncated?)");
            }

            return _text[_position];
        }

        private void SkipWhitespace()
        {
            while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\r' or '\n' or '\uFEFF')
            {
                _position++;
            }
        }

        private FormatException Error(string problem)
        {
            var line = 1;
            var column = 1;
            for (var i = 0; i < _position && i < _text.Length; i++)
            {
                if (_text[i] == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }
            }

            return new FormatException($"{problem} at line {line}, column {column}");
        }
    }
}

/// <summary>A JSON object: members in file order, with lookup by name (the last of a repeated name wins, as in most readers).</summary>
internal sealed class JsonObject : JsonValue
{
    private readonly Dictionary<string, JsonValue> _byName = new(StringComparer.Ordinal);

    public List<KeyValuePair<string, JsonValue>> MemberList { get; } = new();

    public void Add(string name, JsonValue value)
    {
        MemberList.Add(new KeyValuePair<string, JsonValue>(name, value));
        _byName[name] = value;
    }

    public bool TryGet(string name, out JsonValue value) => _byName.TryGetValue(name, out value!);
}

internal sealed class JsonArray : JsonValue
{
    public JsonArray(List<JsonValue> values) => Values = values;

    public List<JsonValue> Values { get; }
}

internal sealed class JsonString : JsonValue
{
    public JsonString(string value) => Value = value;

    public string Value { get; }
}

/// <summary>A number, <c>true</c>, <c>false</c> or <c>null</c>, kept as its text.</summary>
internal sealed class JsonLiteral : JsonValue
{
    public JsonLiteral(string text) => Text = text;

    public string Text { get; }
}
