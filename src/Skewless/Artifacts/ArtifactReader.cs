using System.Text.Json;
using Skewless.Monitoring;

namespace Skewless.Artifacts;

/// <summary>
/// Reads and validates an artifact against the feature set compiled into this program. Called by
/// generated <c>Load</c> methods. It never loads a type by name: the artifact is data, checked
/// field by field against the schema.
/// </summary>
public static class ArtifactReader
{
    /// <summary>Reads an artifact and checks that it belongs to <paramref name="schema"/>.</summary>
    /// <param name="source">The stream to read from, to its end.</param>
    /// <param name="schema">The schema of the feature set compiled into this program.</param>
    /// <param name="options">How to read it; <see langword="null"/> for the defaults.</param>
    /// <returns>The validated contents.</returns>
    /// <exception cref="ArtifactTooLargeException">The stream holds more than <see cref="ArtifactLoadOptions.MaxBytes"/>.</exception>
    /// <exception cref="CorruptArtifactException">The file is truncated, not JSON, or lacks a field.</exception>
    /// <exception cref="UnsupportedArtifactFormatException">The file has a format version this runtime does not read.</exception>
    /// <exception cref="TamperedArtifactException">The file was changed after it was saved, or a fitted constant is impossible.</exception>
    /// <exception cref="FeatureSetMismatchException">The file belongs to another feature set, or another version of this one.</exception>
    /// <exception cref="FingerprintMismatchException">The file was fitted with a different definition.</exception>
    /// <exception cref="LibraryVersionMismatchException">The file was fitted with other versions of the libraries the feature code calls.</exception>
    public static ArtifactContents Read(Stream source, FeatureSchema schema, ArtifactLoadOptions? options = null)
    {
        Guard.NotNull(source, nameof(source));
        Guard.NotNull(schema, nameof(schema));
        options ??= new ArtifactLoadOptions();

        using var document = Parse(ReadBounded(source, schema.FeatureSet, options.MaxBytes), schema.FeatureSet);
        var root = Root(document, schema.FeatureSet);

        // The logical name and version, with the fingerprint below, identify what was fitted. The class that declared it
        // is for people: a version kept under a new class (FlightFeaturesV1 once v2 takes the old name) must still load
        // what its old class saved, for that is how a model is rolled back.
        var featureSet = root.String(ArtifactFormat.FeatureSetProperty);
        var name = root.String(ArtifactFormat.NameProperty);
        var version = root.Int32(ArtifactFormat.VersionProperty);
        if (name != schema.Name || version != schema.Version)
        {
            var hint = name == schema.Name ? " Load it with FeatureSets.Load, which serves each version with the class that declares it, when this build still has one (its FeatureSets.Shipped.txt lists the versions to keep)." : "";
            throw new FeatureSetMismatchException(schema.FeatureSet, $"{name} v{version} (declared by {featureSet}), and this class is {schema.Name} v{schema.Version}.{hint}", $"{name} v{version}");
        }

        var fingerprint = root.String(ArtifactFormat.FingerprintProperty);
        if (fingerprint != schema.Fingerprint)
        {
            throw new FingerprintMismatchException(schema.FeatureSet, schema.Fingerprint, fingerprint, DefinitionDifference(root, schema));
        }

        var trainingRows = root.Int64(ArtifactFormat.TrainingRowsProperty);
        if (trainingRows < 0)
        {
            throw new CorruptArtifactException(schema.FeatureSet, $"its \"{ArtifactFormat.TrainingRowsProperty}\" is negative ({trainingRows}).");
        }

        CheckLibraries(root, schema, options.OnLibraryMismatch);
        var states = ReadFeatures(root, schema);
        var (features, label) = StatisticsJson.Read(root, schema.FeatureSet, trainingRows, schema.Features.Select(feature => (feature.Name, feature.Kind, feature.Transform)).ToList());

        // A [DriftThreshold] is not part of the definition, so one added or changed after the fit applies to the artifact as it is.
        var thresholds = features.Select((feature, i) => feature.WithDriftThreshold(schema.Features[i].DriftThreshold)).ToArray();
        return new ArtifactContents(schema, trainingRows, states, TrainingStatistics.Create(schema, trainingRows, thresholds, label));
    }

    /// <summary>
    /// The artifact's top-level object, once it is known to be a Skewless artifact of a format this runtime reads and,
    /// unless <paramref name="verifyContent"/> is false, its content hashes to what it records.
    /// </summary>
    internal static JsonFields Root(JsonDocument document, string featureSet, bool verifyContent = true)
    {
        var root = new JsonFields(document.RootElement, featureSet, "the artifact");
        if (root.String(ArtifactFormat.FormatProperty) != ArtifactFormat.Name)
        {
            throw new CorruptArtifactException(featureSet, $"it is JSON, but not a Skewless artifact (its \"{ArtifactFormat.FormatProperty}\" is not \"{ArtifactFormat.Name}\").");
        }

        var formatVersion = root.Int32(ArtifactFormat.FormatVersionProperty);
        if (formatVersion is < 1 or > ArtifactFormat.Version)
        {
            throw new UnsupportedArtifactFormatException(featureSet, formatVersion, ArtifactFormat.Version);
        }

        if (verifyContent && formatVersion >= ArtifactFormat.FirstHashedVersion)
        {
            ArtifactContentHash.Verify(root, document.RootElement, featureSet);
        }

        return root;
    }

    // What the artifact's feature list says changed, so the person paged sees more than two hashes: features added,
    // removed or reshaped, a transform's settings, or a feature's code. Artifacts written before settings and code were
    // recorded can name only the first three.
    private static string DefinitionDifference(JsonFields root, FeatureSchema schema)
    {
        var fitted = root.Array(ArtifactFormat.FeaturesProperty)
            .Select(feature => new RecordedFeature(
                feature.String(ArtifactFormat.NameProperty),
                $"{feature.String(ArtifactFormat.KindProperty)}, {feature.String(ArtifactFormat.TransformProperty)}",
                feature.Int32(ArtifactFormat.WidthProperty),
                feature.Has(ArtifactFormat.SettingsProperty) ? feature.String(ArtifactFormat.SettingsProperty) : null,
                feature.Has(ArtifactFormat.CodeProperty) ? feature.String(ArtifactFormat.CodeProperty) : null))
            .ToList();
        var recorded = fitted.GroupBy(feature => feature.Name, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        var currentNames = new HashSet<string>(schema.Features.Select(feature => feature.Name), StringComparer.Ordinal);

        var changes = new List<string>();
        changes.AddRange(schema.Features.Where(feature => !recorded.ContainsKey(feature.Name)).Select(feature => $"'{feature.Name}' added"));
        changes.AddRange(fitted.Where(feature => !currentNames.Contains(feature.Name)).Select(feature => $"'{feature.Name}' removed"));
        var recoded = new List<string>();
        foreach (var feature in schema.Features)
        {
            if (!recorded.TryGetValue(feature.Name, out var was))
            {
                continue;
            }

            // Settings are compared only with an artifact that records them (it records code even where there are none).
            var now = new RecordedFeature(feature.Name, $"{feature.Kind}, {feature.Transform}", feature.Width, was.Code is null ? was.Settings : feature.Settings, feature.Code);
            if (now.Shape != was.Shape)
            {
                changes.Add($"'{feature.Name}' was ({was.Shape}) and is now ({now.Shape})");
            }
            else if (was.Code is not null && now.Code is not null && was.Code != now.Code)
            {
                recoded.Add($"'{feature.Name}'");
            }
        }

        if (recoded.Count > 0)
        {
            changes.Add(recoded.Count == 1
                ? $"the code of {recoded[0]} (or of a helper it calls) changed"
                : $"the code of {string.Join(", ", recoded.Take(recoded.Count - 1))} and {recoded[recoded.Count - 1]} (or of helpers they call) changed");
        }

        if (changes.Count == 0 && !fitted.Select(feature => feature.Name).SequenceEqual(schema.Features.Select(feature => feature.Name), StringComparer.Ordinal))
        {
            changes.Add("the features are in another order");
        }

        return changes.Count > 0 ? string.Join("; ", changes)
            : fitted.All(feature => feature.Code is not null) && schema.Features.All(feature => feature.Code is not null)
                ? "every feature has the same name, kind, transform, settings, width and code, in the same order, so only the name of the row type differs"
                : "the features have the same names, kinds, transforms and widths, so a transform's settings (such as a [QuantileBuckets] count) or the code of a feature or of a helper it calls changed; at build time, SKW502 names which when FeatureSets.Shipped.txt records this version";
    }

    private sealed class RecordedFeature(string name, string kindAndTransform, int width, string? settings, string? code)
    {
        public string Name { get; } = name;

        public string Shape { get; } = $"{kindAndTransform}{(settings is null ? "" : $"({settings})")}, width {width}";

        public string? Settings { get; } = settings;

        public string? Code { get; } = code;
    }

    internal static ReadOnlyMemory<byte> ReadBounded(Stream source, string featureSet, long maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = source.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new ArtifactTooLargeException(featureSet, maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => new byte[] { 0xEF, 0xBB, 0xBF };

    internal static JsonDocument Parse(ReadOnlyMemory<byte> json, string featureSet)
    {
        try
        {
            // A UTF-8 byte-order mark, which some editors and Windows PowerShell's Set-Content add, is not content.
            var content = json.Span.StartsWith(Utf8ByteOrderMark) ? json.Slice(Utf8ByteOrderMark.Length) : json;
            return JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException exception)
        {
            var where = exception.BytePositionInLine is { } position ? $" at line {exception.LineNumber + 1}, byte {position + 1}" : "";
            throw new CorruptArtifactException(featureSet, $"it is truncated or is not JSON{where}.", exception);
        }
    }

    // An assembly-version difference throws unless the caller takes mismatches (lenient mode); an
    // informational-version difference alone only goes to the caller, when there is one.
    private static void CheckLibraries(JsonFields root, FeatureSchema schema, Action<LibraryVersionMismatch>? onMismatch)
    {
        var recorded = new Dictionary<string, (string Version, string InformationalVersion)>(StringComparer.Ordinal);
        foreach (var library in root.Array(ArtifactFormat.LibrariesProperty))
        {
            recorded[library.String(ArtifactFormat.NameProperty)] = (library.String(ArtifactFormat.VersionProperty), library.String(ArtifactFormat.InformationalVersionProperty));
        }

        var mismatches = new List<LibraryVersionMismatch>();
        foreach (var current in schema.Libraries)
        {
            var artifact = recorded.TryGetValue(current.Name, out var versions) ? versions : (Version: LibraryVersionMismatch.Missing, InformationalVersion: "");
            if (artifact.Version != current.Version || artifact.InformationalVersion != current.InformationalVersion)
            {
                mismatches.Add(new LibraryVersionMismatch(schema.FeatureSet, current.Name, artifact.Version, artifact.InformationalVersion, current.Version, current.InformationalVersion));
            }

            recorded.Remove(current.Name);
        }

        foreach (var extra in recorded.OrderBy(extra => extra.Key, StringComparer.Ordinal))
        {
            mismatches.Add(new LibraryVersionMismatch(schema.FeatureSet, extra.Key, extra.Value.Version, extra.Value.InformationalVersion, LibraryVersionMismatch.NotLoaded, ""));
        }

        foreach (var mismatch in mismatches)
        {
            if (onMismatch is not null)
            {
                onMismatch(mismatch);
            }
            else if (mismatch.AssemblyVersionDiffers)
            {
                throw mismatch.ToException();
            }
        }
    }

    private static JsonElement?[] ReadFeatures(JsonFields root, FeatureSchema schema)
    {
        var width = root.Int32(ArtifactFormat.WidthProperty);
        var features = root.Array(ArtifactFormat.FeaturesProperty);
        if (features.Count != schema.Features.Count || width != schema.Width)
        {
            throw new CorruptArtifactException(schema.FeatureSet, $"it lists {features.Count} features of width {width}, but the definition it was fitted with has {schema.Features.Count} of width {schema.Width}.");
        }

        var states = new JsonElement?[features.Count];
        for (var i = 0; i < features.Count; i++)
        {
            var feature = features[i];
            var expected = schema.Features[i];
            var name = feature.String(ArtifactFormat.NameProperty);
            var kind = feature.String(ArtifactFormat.KindProperty);
            var transform = feature.String(ArtifactFormat.TransformProperty);
            var featureWidth = feature.Int32(ArtifactFormat.WidthProperty);
            if (name != expected.Name || kind != expected.Kind.ToString() || transform != expected.Transform.ToString() || featureWidth != expected.Width)
            {
                throw new CorruptArtifactException(schema.FeatureSet, $"its feature {i} is '{name}' ({kind}, {transform}, width {featureWidth}), but the definition it was fitted with has '{expected.Name}' ({expected.Kind}, {expected.Transform}, width {expected.Width}).");
            }

            if (expected.Transform != FeatureTransform.None)
            {
                // Cloned, so the states outlive the document, which is returned to the pool now.
                states[i] = feature.Object(ArtifactFormat.StateProperty).Clone();
            }
        }

        return states;
    }
}
