using System.Globalization;
using Skewless.Analyzers.Model;

namespace Skewless.Analyzers.Contracts;

/// <summary>
/// The feature contract, <c>FeatureSets.Shipped.txt</c>: one entry per feature set version that
/// models may have been trained with. An entry is a header line, <c>Name vVersion Fingerprint Class</c>,
/// then one indented line per feature, <c>Name Kind Transform Width Code</c>; a name may contain spaces,
/// since the fixed fields are read from the end of the line. Lines starting with <c>#</c> are comments.
/// </summary>
/// <remarks>
/// Read leniently, as text a person edits: a header it cannot read is skipped with its feature lines,
/// so that version counts as unrecorded (SKW503) rather than failing the build; a feature line it
/// cannot read is skipped, since only the fingerprint decides whether a version changed. Of two
/// entries for one name and version, the first counts. Edits keep every other line as it is.
/// </remarks>
internal sealed class FeatureContract
{
    public const string FileName = "FeatureSets.Shipped.txt";

    /// <summary>The text of a new contract file, before its first entry.</summary>
    public const string NewFileHeader =
        "# Skewless feature contract: every feature set version that models may have been trained with.\n" +
        "# Per version, a line 'Name vVersion Fingerprint Class', then an indented line 'Name Kind Transform Width Code'\n" +
        "# per feature. Keep a version's entry while a model trained with it may be served (rolled back to).\n" +
        "# See https://github.com/skewless/skewless/blob/main/docs/rules/SKW502.md\n";

    private static readonly char[] LineBreaks = { '\r', '\n' };
    private static readonly string[] LineEnds = { "\r\n", "\r", "\n" };

    private readonly List<string> _lines;
    private readonly string _newLine;
    private readonly List<ContractEntry> _entries = new();

    private FeatureContract(List<string> lines, string newLine)
    {
        _lines = lines;
        _newLine = newLine;
        ContractEntry? current = null;
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            if (line.Length > 0 && char.IsWhiteSpace(line[0]) && line.Trim().Length > 0)
            {
                // A feature line belongs to the entry above it, if that header could be read.
                if (current is not null && current.Line + current.LineCount == index)
                {
                    current.LineCount++;
                    if (ParseFeature(line.Trim()) is { } feature)
                    {
                        current.Features.Add(feature);
                    }
                }

                continue;
            }

            current = line.StartsWith("#", StringComparison.Ordinal) ? null : ParseHeader(line, index);
            if (current is not null)
            {
                _entries.Add(current);
            }
        }
    }

    /// <summary>Reads a contract file; never throws.</summary>
    public static FeatureContract Parse(string text)
    {
        // A lone '\r' ends a line too, as it does in editors and in Roslyn's SourceText.
        var lines = text.Split(LineEnds, StringSplitOptions.None).ToList();
        if (lines.Count > 0 && lines[lines.Count - 1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return new FeatureContract(lines, text.Contains("\r\n") ? "\r\n" : "\n");
    }

    /// <summary>Every entry, in the file's order.</summary>
    public IReadOnlyList<ContractEntry> Entries => _entries;

    /// <summary>The first entry for <paramref name="name"/> at <paramref name="version"/>, or <see langword="null"/>.</summary>
    public ContractEntry? Find(string name, int version) =>
        _entries.FirstOrDefault(entry => entry.Name == name && entry.Version == version);

    /// <summary>The highest version recorded for <paramref name="name"/>, or <see cref="int.MinValue"/> when none is.</summary>
    public int HighestVersion(string name) =>
        _entries.Where(entry => entry.Name == name).Select(entry => entry.Version).DefaultIfEmpty(int.MinValue).Max();

    /// <summary>
    /// The file's text with <paramref name="entry"/> recorded: in place of the entry for the same name
    /// and version, or else before the first entry that sorts after it (by name, then version).
    /// </summary>
    /// <param name="entry">An entry as <see cref="Entry"/> writes it; one whose identity cannot be read back leaves the text as it is.</param>
    public string With(string entry)
    {
        var lines = new List<string>(_lines);
        if (IdentityOf(entry) is not { } identity)
        {
            return string.Join(_newLine, lines) + _newLine;
        }

        var (name, version) = identity;
        var existing = Find(name, version);
        int at;
        if (existing is not null)
        {
            at = existing.Line;
            lines.RemoveRange(existing.Line, existing.LineCount);
        }
        else
        {
            at = _entries
                .Where(other => string.CompareOrdinal(other.Name, name) > 0 || (other.Name == name && other.Version > version))
                .Select(other => other.Line)
                .DefaultIfEmpty(lines.Count)
                .First();
        }

        lines.InsertRange(at, entry.Split('\n'));
        return string.Join(_newLine, lines) + _newLine;
    }

    /// <summary>The entry recording <paramref name="model"/> at its version, with its lines separated by <c>\n</c>.</summary>
    public static string Entry(FeatureSetModel model) =>
        string.Join("\n", model.Features
            .Select(feature => $"    {AsRecorded(feature.Name)} {Shape(feature)} {feature.Code}")
            .Prepend(Header(model.Name, model.Version, model.Fingerprint, model.FullName)));

    /// <summary>
    /// The logical name and version an entry written by <see cref="Entry"/> records, read as the file is
    /// read, or <see langword="null"/> when its first line is no header (a name <see cref="NameProblem"/>
    /// rejects). Never throws: the code fixes call it on whatever entry a diagnostic carries.
    /// </summary>
    public static (string Name, int Version)? IdentityOf(string entry) =>
        Parse(entry)._entries.FirstOrDefault() is { Line: 0 } header ? (header.Name, header.Version) : null;

    /// <summary>
    /// Why a header line for the logical name <paramref name="name"/> would not read back as that name,
    /// or <see langword="null"/> when it would. The file is line-based text a person edits, so rather
    /// than escape such names, SKW504 asks for another one.
    /// </summary>
    public static string? NameProblem(string name) =>
        name.IndexOfAny(LineBreaks) >= 0 ? "contains a line break"
        : name.StartsWith("#", StringComparison.Ordinal) ? "starts with '#', which the file reads as a comment"
        : name.Length > 0 && char.IsWhiteSpace(name[0]) ? "starts with white space, which the file reads as a feature line"
        : name.Length > 0 && char.IsWhiteSpace(name[name.Length - 1]) ? "ends with white space, which the file does not keep"
        : null;

    /// <summary>An entry written by <see cref="Entry"/>, recording the same definition at another version.</summary>
    public static string WithVersion(string entry, int version)
    {
        var lines = entry.Split('\n');
        var fields = FromEnd(lines[0], 3)!;
        lines[0] = Header(fields[0], version, fields[2], fields[3]);
        return string.Join("\n", lines);
    }

    /// <summary>Whether <paramref name="path"/> names a contract file.</summary>
    public static bool IsContract(string? path) =>
        path is not null && string.Equals(Path.GetFileName(path), FileName, StringComparison.OrdinalIgnoreCase);

    /// <summary>What differs between a recorded entry and the current definition, for a message.</summary>
    public static string Differences(ContractEntry recorded, FeatureSetModel current)
    {
        var now = current.Features.GroupBy(feature => AsRecorded(feature.Name), StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        var then = recorded.Features.GroupBy(feature => feature.Name, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        var changes = new List<string>();
        changes.AddRange(now.Keys.Where(name => !then.ContainsKey(name)).Select(name => $"'{name}' added"));
        changes.AddRange(then.Keys.Where(name => !now.ContainsKey(name)).Select(name => $"'{name}' removed"));

        // Same shape but other code; entries written before features' code was recorded cannot say which.
        var recoded = new List<string>();
        foreach (var (name, feature) in now.Select(pair => (pair.Key, pair.Value)))
        {
            if (!then.TryGetValue(name, out var was))
            {
                continue;
            }

            var shape = Shape(feature);
            if (!SameShape(was.Shape, shape))
            {
                changes.Add($"'{name}' was {was.Shape}, is {shape}");
            }
            else if (was.Code is not null && was.Code != feature.Code)
            {
                recoded.Add($"'{name}'");
            }
        }

        if (recoded.Count == 1)
        {
            changes.Add($"the code of {recoded[0]} (or of a helper it calls) changed");
        }
        else if (recoded.Count > 1)
        {
            changes.Add($"the code of {string.Join(", ", recoded.Take(recoded.Count - 1))} and {recoded[recoded.Count - 1]} (or of helpers they call) changed");
        }

        var summary = changes.Count > 0 ? string.Join("; ", changes)
            : then.Count > 0 && then.Values.All(feature => feature.Code is not null) ? "the features' order or the input type's name changed"
            : "the code of a feature or of a helper it calls changed";
        return $"definition {recorded.Fingerprint} recorded, {current.Fingerprint} now: {summary}";
    }

    // "Kind Transform Width", the transform with its settings, so that a change of them names its feature: "Single
    // QuantileBuckets(10) 1", "String Vocabulary(MaxSize=50,MinCount=1,OovBuckets=2,OneHot) 52", "String HashBuckets(64,Index) 1".
    private static string Shape(FeatureModel feature) =>
        $"{feature.Kind} {feature.Transform.Kind}{(feature.Transform.Settings is { } settings ? $"({settings})" : "")} {Invariant(feature.Width)}";

    // Entries written before transforms had their settings recorded compare by the transform's name alone.
    private static bool SameShape(string recorded, string now)
    {
        if (recorded.IndexOf('(') >= 0)
        {
            return recorded == now;
        }

        var open = now.IndexOf('(');
        return recorded == (open < 0 ? now : now.Substring(0, open) + now.Substring(now.IndexOf(')', open) + 1));
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    // A feature name as its line holds it: the line is trimmed when read, so names are compared trimmed. A name with a
    // line break never gets here, as SKW104 leaves its feature out of the model.
    private static string AsRecorded(string featureName) => featureName.Trim();

    private static string Header(string name, int version, string fingerprint, string type) =>
        $"{name} v{version.ToString(CultureInfo.InvariantCulture)} {fingerprint} {type}";

    // "Name vVersion Fingerprint Class", read from the end so that the name may contain spaces.
    private static ContractEntry? ParseHeader(string line, int index) =>
        FromEnd(line, 3) is { } fields
        && fields[1].StartsWith("v", StringComparison.Ordinal)
        && int.TryParse(fields[1].Substring(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var version)
            ? new ContractEntry(fields[0], version, fields[2], index)
            : null;

    // "Name Kind Transform Width Code", or "Name Kind Transform Width" as entries were written before the code was.
    private static ContractFeature? ParseFeature(string line) =>
        FromEnd(line, 4) is { } fields && IsWidth(fields[3]) && IsCode(fields[4])
            ? new ContractFeature(fields[0], $"{fields[1]} {fields[2]} {fields[3]}", fields[4])
            : FromEnd(line, 3) is { } older && IsWidth(older[3])
                ? new ContractFeature(older[0], $"{older[1]} {older[2]} {older[3]}", null)
                : null;

    private static bool IsWidth(string field) => int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static bool IsCode(string field) => field.Length == 8 && field.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    // The last `count` space-separated fields of the line, preceded by everything before them.
    private static string[]? FromEnd(string line, int count)
    {
        var fields = new string[count + 1];
        var rest = line.Trim();
        for (var field = count; field > 0; field--)
        {
            var space = rest.LastIndexOf(' ');
            if (space < 0)
            {
                return null;
            }

            fields[field] = rest.Substring(space + 1);
            rest = rest.Substring(0, space).TrimEnd();
        }

        fields[0] = rest;
        return rest.Length > 0 ? fields : null;
    }
}

/// <summary>One recorded feature set version. The class named in its header is for people reading the file: a renamed class keeps its entry.</summary>
internal sealed class ContractEntry
{
    public ContractEntry(string name, int version, string fingerprint, int line)
    {
        Name = name;
        Version = version;
        Fingerprint = fingerprint;
        Line = line;
    }

    public string Name { get; }

    public int Version { get; }

    public string Fingerprint { get; }

    /// <summary>The zero-based index of the header line.</summary>
    public int Line { get; }

    /// <summary>The header line and the indented lines under it.</summary>
    public int LineCount { get; set; } = 1;

    public List<ContractFeature> Features { get; } = new();
}

/// <summary>One recorded feature: its name, its kind, transform and width as one string, and the hash of its code (null in entries written before it was recorded).</summary>
internal sealed record ContractFeature(string Name, string Shape, string? Code);
