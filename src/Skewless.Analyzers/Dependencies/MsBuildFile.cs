using System.Xml;
using Microsoft.CodeAnalysis.Text;

namespace Skewless.Analyzers.Dependencies;

/// <summary>A span of a file, both as characters (for edits) and as lines (for diagnostics).</summary>
internal readonly record struct FileSpan(TextSpan Span, LinePositionSpan Lines);

/// <summary>The text of an attribute value or element content, and where it stands in the file.</summary>
internal sealed record MsBuildValue(string Text, FileSpan Span);

/// <summary>
/// One <c>PackageReference</c>, <c>PackageVersion</c>, <c>GlobalPackageReference</c> or
/// <c>SkewlessPeerLockFile</c> item of a project or props file, as written (MSBuild properties are
/// left as <c>$(Name)</c>). <paramref name="Conditions"/> holds the <c>Condition</c> of the item and of
/// each enclosing element, outermost first, as written; <see cref="MsBuildCondition"/> reads them.
/// </summary>
internal sealed record MsBuildItem(string ItemType, string Id, bool IsUpdate, MsBuildValue? Version, MsBuildValue? VersionOverride, FileSpan Span, IReadOnlyList<string> Conditions);

/// <summary>An <c>Import</c> element: its <c>Project</c> as written, and the conditions on it and its enclosing elements.</summary>
internal sealed record MsBuildImport(string Project, IReadOnlyList<string> Conditions);

/// <summary>
/// What the dependency rules need from a project file or <c>Directory.Packages.props</c>: its items
/// that concern packages, and where some properties are set, each with its place in the file.
/// </summary>
internal sealed class MsBuildFile
{
    public const string PackageReference = nameof(PackageReference);
    public const string PackageVersion = nameof(PackageVersion);
    public const string GlobalPackageReference = nameof(GlobalPackageReference);
    public const string PeerLockFile = "SkewlessPeerLockFile";

    private static readonly HashSet<string> ItemTypes = new(StringComparer.Ordinal) { PackageReference, PackageVersion, GlobalPackageReference, PeerLockFile };

    /// <summary>Properties whose element is a useful place to report a rule about them.</summary>
    private static readonly HashSet<string> LocatedProperties = new(StringComparer.Ordinal) { "OutputType", "IsPackable", "RestorePackagesWithLockFile", "RestoreLockedMode" };

    private MsBuildFile(FileSpan root, IReadOnlyList<MsBuildItem> items, IReadOnlyList<MsBuildImport> imports, IReadOnlyDictionary<string, FileSpan> properties)
    {
        Root = root;
        Items = items;
        Imports = imports;
        Properties = properties;
    }

    /// <summary>The root element's start tag, where a rule about the whole project is reported.</summary>
    public FileSpan Root { get; }

    public IReadOnlyList<MsBuildItem> Items { get; }

    public IReadOnlyList<MsBuildImport> Imports { get; }

    /// <summary>For some properties, the start tag of the first element that sets it.</summary>
    public IReadOnlyDictionary<string, FileSpan> Properties { get; }

    public IEnumerable<MsBuildItem> ItemsOf(string itemType, string id) =>
        Items.Where(item => item.ItemType == itemType && string.Equals(item.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads the file.</summary>
    /// <exception cref="FormatException">The file is empty or is not well-formed XML; the message says where.</exception>
    public static MsBuildFile Parse(SourceText text)
    {
        var content = text.ToString();
        if (content.Trim().Length == 0)
        {
            throw new FormatException("the file is empty");
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };

        try
        {
            using var reader = XmlReader.Create(new StringReader(content), settings);
            return Read(reader, text, content);
        }
        catch (XmlException exception)
        {
            throw new FormatException(exception.Message, exception);
        }
    }

    private static MsBuildFile Read(XmlReader reader, SourceText text, string content)
    {
        var lineInfo = (IXmlLineInfo)reader;
        FileSpan? root = null;
        var items = new List<MsBuildItem>();
        var imports = new List<MsBuildImport>();
        var properties = new Dictionary<string, FileSpan>(StringComparer.Ordinal);
        var parents = new Stack<string>();

        // The Condition of each open element (null without one), innermost on top.
        var conditions = new Stack<string?>();
        PendingItem? open = null;
        string? openChild = null;

        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                {
                    var name = reader.LocalName;
                    var start = ElementStart(text, lineInfo);
                    var span = StartTag(text, content, start);
                    var parent = parents.Count > 0 ? parents.Peek() : null;
                    var condition = reader.GetAttribute("Condition");
                    root ??= span;

                    if (open is not null && parents.Count == open.Depth + 1)
                    {
                        openChild = name;
                    }
                    else if (ItemTypes.Contains(name) && parent == "ItemGroup")
                    {
                        open = ReadItem(reader, text, content, name, span, parents.Count);
                        open.Conditions = ConditionsOf(conditions, condition);
                    }
                    else if (name == "Import" && reader.GetAttribute("Project") is { } imported)
                    {
                        imports.Add(new MsBuildImport(imported.Trim(), ConditionsOf(conditions, condition)));
                    }
                    else if (parent == "PropertyGroup" && LocatedProperties.Contains(name) && !properties.ContainsKey(name))
                    {
                        properties.Add(name, span);
                    }

                    if (reader.IsEmptyElement)
                    {
                        if (open is not null && parents.Count == open.Depth)
                        {
                            items.Add(open.ToItem());
                            open = null;
                        }

                        openChild = null;
                    }
                    else
                    {
                        parents.Push(name);
                        conditions.Push(condition);
                    }

                    break;
                }

                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                    if (open is not null && openChild is not null && parents.Count == open.Depth + 2)
                    {
                        var value = new MsBuildValue(reader.Value.Trim(), TextSpanOf(text, content, Offset(text, lineInfo), reader.NodeType == XmlNodeType.CDATA));
                        if (openChild == "Version")
                        {
                            open.Version = value;
                        }
                        else if (openChild == "VersionOverride")
                        {
                            open.VersionOverride = value;
                        }
                    }

                    break;

                case XmlNodeType.EndElement:
                    parents.Pop();
                    conditions.Pop();
                    if (open is not null && parents.Count == open.Depth)
                    {
                        items.Add(open.ToItem());
                        open = null;
                    }

                    openChild = null;
                    break;
            }
        }

        if (root is null)
        {
            throw new FormatException("the file has no root element");
        }

        return new MsBuildFile(root.Value, items, imports, properties);
    }

    // The conditions of the enclosing elements, outermost first, then the element's own.
    private static List<string> ConditionsOf(Stack<string?> enclosing, string? own)
    {
        var all = enclosing.Where(condition => !string.IsNullOrWhiteSpace(condition)).Reverse().Select(condition => condition!).ToList();
        if (!string.IsNullOrWhiteSpace(own))
        {
            all.Add(own!);
        }

        return all;
    }

    private static PendingItem ReadItem(XmlReader reader, SourceText text, string content, string itemType, FileSpan span, int depth)
    {
        var lineInfo = (IXmlLineInfo)reader;
        var item = new PendingItem(itemType, span, depth);
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                switch (reader.LocalName)
                {
                    case "Include":
                        item.Id ??= reader.Value.Trim();
                        break;
                    case "Update":
                        if (item.Id is null)
                        {
                            item.Id = reader.Value.Trim();
                            item.IsUpdate = true;
                        }

                        break;
                    case "Version":
                        item.Version = new MsBuildValue(reader.Value.Trim(), AttributeValue(text, content, Offset(text, lineInfo)));
                        break;
                    case "VersionOverride":
                        item.VersionOverride = new MsBuildValue(reader.Value.Trim(), AttributeValue(text, content, Offset(text, lineInfo)));
                        break;
                }
            }
            while (reader.MoveToNextAttribute());

            reader.MoveToElement();
        }

        return item;
    }

    // XmlReader reports an element at its name, one character after '<'.
    private static int ElementStart(SourceText text, IXmlLineInfo lineInfo) => Math.Max(0, Offset(text, lineInfo) - 1);

    private static int Offset(SourceText text, IXmlLineInfo lineInfo)
    {
        var line = Math.Min(Math.Max(lineInfo.LineNumber - 1, 0), text.Lines.Count - 1);
        var start = text.Lines[line].Start;
        return Math.Min(start + Math.Max(lineInfo.LinePosition - 1, 0), text.Length);
    }

    // From '<' to the '>' that closes the start tag, skipping quoted attribute values.
    private static FileSpan StartTag(SourceText text, string content, int start)
    {
        var end = start;
        char? quote = null;
        while (end < content.Length)
        {
            var c = content[end++];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                break;
            }
        }

        return Of(text, TextSpan.FromBounds(start, end));
    }

    // From an attribute's name to its value between the quotes.
    private static FileSpan AttributeValue(SourceText text, string content, int nameStart)
    {
        var position = content.IndexOf('=', nameStart);
        while (position >= 0 && position < content.Length && content[position] is not ('"' or '\''))
        {
            position++;
        }

        if (position < 0 || position >= content.Length)
        {
            return Of(text, new TextSpan(nameStart, 0));
        }

        var quote = content[position];
        var end = content.IndexOf(quote, position + 1);
        return Of(text, TextSpan.FromBounds(position + 1, end < 0 ? content.Length : end));
    }

    // Element content: the raw text up to the next '<' (or the end of a CDATA section), without surrounding white space.
    private static FileSpan TextSpanOf(SourceText text, string content, int start, bool cdata)
    {
        var end = cdata ? content.IndexOf("]]>", start, StringComparison.Ordinal) : content.IndexOf('<', start);
        end = end < 0 ? content.Length : end;
        while (start < end && char.IsWhiteSpace(content[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(content[end - 1]))
        {
            end--;
        }

        return Of(text, TextSpan.FromBounds(start, end));
    }

    private static FileSpan Of(SourceText text, TextSpan span) => new(span, text.Lines.GetLinePositionSpan(span));

    private sealed class PendingItem
    {
        public PendingItem(string itemType, FileSpan span, int depth)
        {
            ItemType = itemType;
            Span = span;
            Depth = depth;
        }

        public string ItemType { get; }

        public FileSpan Span { get; }

        /// <summary>The number of open elements around the item element.</summary>
        public int Depth { get; }

        public string? Id { get; set; }

        public bool IsUpdate { get; set; }

        public MsBuildValue? Version { get; set; }

        public MsBuildValue? VersionOverride { get; set; }

        public IReadOnlyList<string> Conditions { get; set; } = Array.Empty<string>();

        public MsBuildItem ToItem() => new(ItemType, Id ?? "", IsUpdate, Version, VersionOverride, Span, Conditions);
    }
}
