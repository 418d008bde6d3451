using System.Runtime.InteropServices;
using Skewless.Artifacts;

namespace Skewless;

/// <summary>
/// The feature sets compiled into one assembly, by logical name and version. It loads an artifact of
/// any version the code still has and serves it through that version's own generated code, so
/// rolling a model back to an older version of its features is one step. Generated as
/// <c>FeatureSets.Registry</c> in the namespace named after the assembly.
/// </summary>
public sealed class FeatureSetRegistry
{
    private readonly Dictionary<(string Name, int Version), RegisteredFeatureSet> _byVersion = new();
    private readonly IReadOnlyList<string> _unreachable;

    /// <summary>Registers feature sets. Called by generated code.</summary>
    /// <param name="featureSets">The feature sets; no two may share a logical name and version.</param>
    /// <param name="unreachable">
    /// The assembly's feature sets the registry cannot name, such as one nested in a private class, each as
    /// "<c>Name vN in Namespace.Class</c>", so that an artifact of one is refused with the reason.
    /// </param>
    /// <exception cref="ArgumentException">Two feature sets share a logical name and version.</exception>
    public FeatureSetRegistry(IReadOnlyList<RegisteredFeatureSet> featureSets, IReadOnlyList<string>? unreachable = null)
    {
        Guard.NotNull(featureSets, nameof(featureSets));
        _unreachable = unreachable ?? Array.Empty<string>();
        foreach (var featureSet in featureSets)
        {
            var schema = featureSet.Schema;
            if (_byVersion.TryGetValue((schema.Name, schema.Version), out var other))
            {
                throw new ArgumentException($"{schema.FeatureSet} and {other.Schema.FeatureSet} are both {schema.Name} v{schema.Version}.", nameof(featureSets));
            }

            _byVersion.Add((schema.Name, schema.Version), featureSet);
        }

        FeatureSets = featureSets
            .Select(featureSet => featureSet.Schema)
            .OrderBy(schema => schema.Name, StringComparer.Ordinal)
            .ThenBy(schema => schema.Version)
            .ToArray();
    }

    /// <summary>The schema of every registered feature set, by logical name, then version.</summary>
    public IReadOnlyList<FeatureSchema> FeatureSets { get; }

    /// <summary>The versions registered under a logical name, ascending.</summary>
    /// <param name="name">The logical name.</param>
    /// <returns>The versions; empty when none has that name.</returns>
    public IReadOnlyList<int> VersionsOf(string name) =>
        FeatureSets.Where(schema => string.Equals(schema.Name, name, StringComparison.Ordinal)).Select(schema => schema.Version).ToArray();

    /// <summary>
    /// Loads an artifact of any registered version: reads which feature set and version it was fitted
    /// with, then loads it with that version's <c>Fitted.Load</c>, which checks it in full.
    /// </summary>
    /// <typeparam name="TRow">The row type the caller serves.</typeparam>
    /// <param name="source">The stream to read, to its end.</param>
    /// <param name="options">How to read it; <see langword="null"/> for the defaults.</param>
    /// <returns>The fitted feature set of the artifact's version; cast it to that version's <c>Fitted</c> for its typed vector.</returns>
    /// <exception cref="FeatureSetVersionNotFoundException">No registered feature set has the artifact's logical name and version.</exception>
    /// <exception cref="FeatureSetMismatchException">The artifact's version takes rows of another type than <typeparamref name="TRow"/>.</exception>
    /// <exception cref="ArtifactException">The artifact is corrupt, too large, or does not match its version's definition; the type and message say which.</exception>
    public IFittedFeatureSet<TRow> Load<TRow>(Stream source, ArtifactLoadOptions? options = null)
    {
        Guard.NotNull(source, nameof(source));
        options ??= new ArtifactLoadOptions();
        var json = ArtifactReader.ReadBounded(source, ArtifactHeader.AnyFeatureSet, options.MaxBytes);
        var header = ArtifactHeader.Read(json);
        if (!_byVersion.TryGetValue((header.Name, header.Version), out var featureSet))
        {
            throw new FeatureSetVersionNotFoundException(header, VersionsOf(header.Name), FeatureSets, _unreachable);
        }

        if (featureSet.InputType != typeof(TRow))
        {
            throw new FeatureSetMismatchException($"a feature set of {typeof(TRow).FullName} rows", $"{header.FeatureSet}, which takes {featureSet.InputType.FullName} rows");
        }

        // ReadBounded keeps the bytes in an array, so the version's own Load reads them again without a copy.
        MemoryMarshal.TryGetArray(json, out var bytes);
        using var artifact = new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false);
        return (IFittedFeatureSet<TRow>)featureSet.Load(artifact, options);
    }
}
