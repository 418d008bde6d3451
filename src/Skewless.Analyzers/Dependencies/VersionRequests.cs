using Microsoft.CodeAnalysis;

namespace Skewless.Analyzers.Dependencies;

/// <summary>One place that states the version of a package: what it says, where, and the evaluated values to judge.</summary>
/// <param name="Id">The package ID.</param>
/// <param name="Description">What states it, for the message: "PackageReference", "PackageVersion", "The VersionOverride of".</param>
/// <param name="Location">Where to report: the item's start tag, or the project's root element.</param>
/// <param name="File">The file that holds <paramref name="Literal"/>.</param>
/// <param name="Literal">The version as written, when it is written in the item itself; the code fix replaces it.</param>
/// <param name="Versions">The values to judge: the literal, or the values restore evaluated from MSBuild properties.</param>
/// <param name="IsCentral">Whether it is a central version (PackageVersion), which NuGet only lets float when CentralPackageFloatingVersionsEnabled is true.</param>
internal sealed record VersionRequestSite(string Id, string Description, Location Location, DependencyFile<MsBuildFile>? File, MsBuildValue? Literal, IReadOnlyList<string> Versions, bool IsCentral);

/// <summary>Finds every place that states a version of a package the project uses, with and without central package management.</summary>
internal static class VersionRequests
{
    public static IEnumerable<VersionRequestSite> Of(DependencyInputs inputs)
    {
        var root = inputs.ProjectRoot;
        if (root is null)
        {
            yield break;
        }

        var assets = inputs.Assets?.Value;
        var project = inputs.Project!;
        // An item under a condition no target framework meets is never seen by restore, so it states nothing.
        var references = project.Value!.Items.Where(item => item.ItemType == MsBuildFile.PackageReference && item.Id.Length > 0 && inputs.IsActive(item)).ToList();
        var direct = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        direct.UnionWith(references.Where(item => !item.IsUpdate).Select(item => item.Id));
        if (assets is not null)
        {
            direct.UnionWith(assets.Frameworks.SelectMany(framework => framework.Dependencies.Values).Where(dependency => !dependency.AutoReferenced).Select(dependency => dependency.Id));
        }

        if (!inputs.Properties.ManagePackageVersionsCentrally)
        {
            foreach (var site in WithoutCentralManagement(inputs, project, references, direct, root))
            {
                yield return site;
            }

            yield break;
        }

        foreach (var site in WithCentralManagement(inputs, project, references, direct, root))
        {
            yield return site;
        }
    }

    private static IEnumerable<VersionRequestSite> WithoutCentralManagement(DependencyInputs inputs, DependencyFile<MsBuildFile> project, List<MsBuildItem> references, HashSet<string> direct, Location root)
    {
        var assets = inputs.Assets?.Value;
        var stated = new HashSet<string>(references.Where(item => item.Version is not null).Select(item => item.Id), StringComparer.OrdinalIgnoreCase);
        foreach (var item in references)
        {
            var evaluated = assets?.RequestedVersions(item.Id) ?? Array.Empty<string>();
            if (item.Version is { } version)
            {
                yield return Site(item.Id, MsBuildFile.PackageReference, project, item, version, evaluated, isCentral: false);
            }
            else if (!item.IsUpdate && evaluated.Count > 0 && stated.Add(item.Id))
            {
                // The version comes from elsewhere (a Directory.Build.props Update, say): judge what restore saw, here.
                yield return new VersionRequestSite(item.Id, MsBuildFile.PackageReference, project.LocationOf(item.Span), null, null, evaluated, false);
            }
        }

        // Packages the project file does not mention at all (added by an imported file): reported on the project.
        foreach (var id in direct.Where(id => !stated.Contains(id)).OrderBy(id => id, StringComparer.OrdinalIgnoreCase))
        {
            if (assets?.RequestedVersions(id) is { Count: > 0 } evaluated)
            {
                yield return new VersionRequestSite(id, MsBuildFile.PackageReference, root, null, null, evaluated, false);
            }
        }
    }

    private static IEnumerable<VersionRequestSite> WithCentralManagement(DependencyInputs inputs, DependencyFile<MsBuildFile> project, List<MsBuildItem> references, HashSet<string> direct, Location root)
    {
        var assets = inputs.Assets?.Value;
        var overridden = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in references.Where(item => item.VersionOverride is not null))
        {
            overridden.Add(item.Id);
            yield return Site(item.Id, "The VersionOverride of", project, item, item.VersionOverride!, assets?.RequestedVersions(item.Id, overrideOnly: true) ?? Array.Empty<string>(), isCentral: false);
        }

        var globals = inputs.PackageFiles()
            .SelectMany(file => file.Value!.Items.Where(item => item.ItemType == MsBuildFile.GlobalPackageReference && item.Id.Length > 0 && inputs.IsActive(item)).Select(item => (File: file, Item: item)))
            .ToList();

        // Central versions apply to the direct references, and with transitive pinning to every package in the graph.
        // A GlobalPackageReference states its own version (judged below), though restore lists it as a direct reference.
        var governed = new HashSet<string>(direct, StringComparer.OrdinalIgnoreCase);
        if (inputs.Properties.CentralPackageTransitivePinningEnabled && inputs.Resolved is { } resolved)
        {
            governed.UnionWith(resolved.Keys);
        }

        governed.ExceptWith(globals.Select(global => global.Item.Id));
        foreach (var id in governed.Where(id => !overridden.Contains(id)).OrderBy(id => id, StringComparer.OrdinalIgnoreCase))
        {
            var central = assets?.CentralVersions(id) ?? Array.Empty<string>();
            if (inputs.FindItem(MsBuildFile.PackageVersion, id) is { } found && found.Item.Version is { } version)
            {
                yield return Site(id, MsBuildFile.PackageVersion, found.File, found.Item, version, central, isCentral: true);
            }
            else if (direct.Contains(id) && central.Count > 0)
            {
                var reference = references.FirstOrDefault(item => string.Equals(item.Id, id, StringComparison.OrdinalIgnoreCase));
                yield return new VersionRequestSite(id, MsBuildFile.PackageVersion, reference is null ? root : project.LocationOf(reference.Span), null, null, central, true);
            }
        }

        foreach (var (file, item) in globals.Where(global => global.Item.Version is not null))
        {
            yield return Site(item.Id, MsBuildFile.GlobalPackageReference, file, item, item.Version!, assets?.CentralVersions(item.Id) ?? Array.Empty<string>(), isCentral: true);
        }
    }

    // A literal version is judged as written; one that names MSBuild properties by what restore evaluated.
    private static VersionRequestSite Site(string id, string description, DependencyFile<MsBuildFile> file, MsBuildItem item, MsBuildValue value, IReadOnlyList<string> evaluated, bool isCentral)
    {
        var usesProperties = value.Text.Contains("$(");
        return new VersionRequestSite(id, description, file.LocationOf(item.Span), file, usesProperties ? null : value, usesProperties ? evaluated : new[] { value.Text }, isCentral);
    }
}
