using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Skewless.Analyzers.Diagnostics;

namespace Skewless.Analyzers.Dependencies;

/// <summary>
/// SKW404: a package that this project and a peer (named by a <c>SkewlessPeerLockFile</c> item) both
/// resolve, to different versions. This side is read from its lock file, or from the assets file
/// when it has none; the peer from its lock file. Targets both sides have (<c>net10.0</c>,
/// <c>net10.0/linux-x64</c>) are compared one by one; sides with no target in common compare the
/// versions they resolve at all.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PeerLockFileAnalyzer : DependencyAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supports(Descriptors.PeerVersionMismatch);

    private protected override void Analyze(DependencyInputs inputs, List<Diagnostic> diagnostics)
    {
        if (inputs.Resolved is not { } ours || inputs.ProjectRoot is null)
        {
            return;
        }

        foreach (var peer in inputs.Peers)
        {
            if (peer.Value is null)
            {
                continue;
            }

            var peerItem = PeerItem(inputs, peer.Path);
            foreach (var package in ours.OrderBy(package => package.Key, StringComparer.OrdinalIgnoreCase))
            {
                if (peer.Value.Resolved.TryGetValue(package.Key, out var theirs) && Differ(package.Value, theirs) is { } difference)
                {
                    var location = inputs.LocationOfPackage(package.Key, peerItem ?? inputs.ProjectRoot);
                    diagnostics.Add(Diagnostic.Create(Descriptors.PeerVersionMismatch, location, package.Key, difference.Ours, difference.Theirs, peerItem is null ? peer.Path : PeerInclude(inputs, peer.Path) ?? peer.Path));
                }
            }
        }
    }

    /// <summary>The versions that differ, or <see langword="null"/> when the two sides agree.</summary>
    internal static (string Ours, string Theirs)? Differ(IReadOnlyDictionary<string, string> ours, IReadOnlyDictionary<string, string> theirs)
    {
        var shared = ours.Keys.Where(theirs.ContainsKey).OrderBy(target => target, StringComparer.Ordinal).ToList();
        if (shared.Count > 0)
        {
            var target = shared.FirstOrDefault(target => !VersionRequest.SameVersion(ours[target], theirs[target]));
            return target is null ? null : (ours[target], theirs[target]);
        }

        var ourVersions = Distinct(ours.Values);
        var theirVersions = Distinct(theirs.Values);
        return ourVersions.SequenceEqual(theirVersions, StringComparer.OrdinalIgnoreCase) ? null : (string.Join(", ", ourVersions), string.Join(", ", theirVersions));
    }

    private static List<string> Distinct(IEnumerable<string> versions) =>
        versions.Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(version => version, StringComparer.OrdinalIgnoreCase).ToList();

    private static Location? PeerItem(DependencyInputs inputs, string peerPath) =>
        FindPeerItem(inputs, peerPath) is { } item ? inputs.Project!.LocationOf(item.Span) : null;

    private static string? PeerInclude(DependencyInputs inputs, string peerPath) => FindPeerItem(inputs, peerPath)?.Id;

    // The item whose Include names this file: the one whose path, without leading ./ and ../, ends the file's full path.
    private static MsBuildItem? FindPeerItem(DependencyInputs inputs, string peerPath)
    {
        var items = inputs.Project?.Value?.Items.Where(item => item.ItemType == MsBuildFile.PeerLockFile).ToList();
        if (items is null || items.Count == 0)
        {
            return null;
        }

        var full = Normalize(peerPath);
        return items.FirstOrDefault(item => full.EndsWith("/" + Normalize(item.Id).TrimStart('.', '/'), StringComparison.OrdinalIgnoreCase))
            ?? (items.Count == 1 ? items[0] : null);
    }

    private static string Normalize(string path) => path.Replace('\\', '/');
}
