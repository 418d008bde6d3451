using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Skewless.Analyzers.Dependencies;

/// <summary>The role of an additional file that the package's build targets pass to the dependency rules.</summary>
internal static class DependencyFileKind
{
    /// <summary>The item metadata, made visible with <c>CompilerVisibleItemMetadata</c>, that says what a file is.</summary>
    public const string MetadataKey = "build_metadata.AdditionalFiles.SkewlessKind";

    public const string ProjectFile = nameof(ProjectFile);
    public const string Assets = nameof(Assets);
    public const string LockFile = nameof(LockFile);
    public const string PackagesProps = nameof(PackagesProps);

    /// <summary>
    /// A <c>Directory.Packages.props</c> in a directory above the nearest one. MSBuild keeps no list of
    /// imported files, so the build passes the files above and the rules follow the <c>Import</c>
    /// elements from the nearest file to decide which of them the build reads.
    /// </summary>
    public const string ParentPackagesProps = nameof(ParentPackagesProps);
    public const string PeerLockFile = nameof(PeerLockFile);
}

/// <summary>One input file: where it is, its text, and what reading it gave.</summary>
internal sealed class DependencyFile<T>
    where T : class
{
    public DependencyFile(string kind, AdditionalText file, SourceText text, ParseResult<T> parsed)
    {
        Kind = kind;
        Path = file.Path;
        Text = text;
        Parsed = parsed;
    }

    public string Kind { get; }

    public string Path { get; }

    public SourceText Text { get; }

    public ParseResult<T> Parsed { get; }

    public T? Value => Parsed.Value;

    public Location LocationOf(FileSpan span) => Location.Create(Path, span.Span, span.Lines);

    /// <summary>The start of the file, for a problem with the file as a whole.</summary>
    public Location Start => Location.Create(Path, new TextSpan(0, 0), new LinePositionSpan(LinePosition.Zero, LinePosition.Zero));
}

/// <summary>The MSBuild properties the dependency rules read, made visible with <c>CompilerVisibleProperty</c>.</summary>
internal sealed class DependencyProperties
{
    private readonly AnalyzerConfigOptions _options;

    public DependencyProperties(AnalyzerConfigOptions options) => _options = options;

    public bool RestorePackagesWithLockFile => IsTrue(nameof(RestorePackagesWithLockFile));

    public bool RestoreLockedMode => IsTrue(nameof(RestoreLockedMode));

    public bool ManagePackageVersionsCentrally => IsTrue(nameof(ManagePackageVersionsCentrally));

    public bool CentralPackageFloatingVersionsEnabled => IsTrue(nameof(CentralPackageFloatingVersionsEnabled));

    public bool CentralPackageTransitivePinningEnabled => IsTrue(nameof(CentralPackageTransitivePinningEnabled));

    public bool ContinuousIntegrationBuild => IsTrue(nameof(ContinuousIntegrationBuild));

    public string OutputType => Get(nameof(OutputType));

    /// <summary>The framework of this compilation (the SDK makes it visible to analyzers itself).</summary>
    public string TargetFramework => Get(nameof(TargetFramework));

    /// <summary>
    /// Every framework of a multi-targeting project, separated by spaces: the package's targets pass
    /// <c>TargetFrameworks</c> so, because the analyzer config ends a value at a ';'.
    /// </summary>
    public string TargetFrameworks => Get("_SkewlessTargetFrameworks");

    /// <summary>False only when set to false: a project is packable unless it says otherwise.</summary>
    public bool IsPackable => !string.Equals(Get(nameof(IsPackable)), "false", StringComparison.OrdinalIgnoreCase);

    public bool IsExe => OutputType.Equals("Exe", StringComparison.OrdinalIgnoreCase) || OutputType.Equals("WinExe", StringComparison.OrdinalIgnoreCase);

    private string Get(string name) => _options.TryGetValue("build_property." + name, out var value) ? value.Trim() : "";

    private bool IsTrue(string name) => string.Equals(Get(name), "true", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Everything the dependency rules read for one compilation: the project and props files, the assets
/// and lock files, peer lock files, and the properties. A file the build did not pass (it does not
/// exist yet, as in a design-time build before restore) is simply absent. Each file is parsed once
/// per content, whichever compilation or rule asks.
/// </summary>
internal sealed class DependencyInputs
{
    private static readonly ParsedFileCache<MsBuildFile> MsBuildFiles = new(MsBuildFile.Parse);
    private static readonly ParsedFileCache<AssetsFile> AssetsFiles = new(text => AssetsFile.Parse(text.ToString()));
    private static readonly ParsedFileCache<LockFile> LockFiles = new(text => LockFile.Parse(text.ToString()));

    private static readonly char[] FrameworkSeparators = { ' ', ';', ',' };

    private readonly List<(AdditionalText File, SourceText Text)> _parentPackagesProps = new();
    private IReadOnlyList<string>? _targetFrameworks;

    private DependencyInputs(DependencyProperties properties) => Properties = properties;

    public DependencyProperties Properties { get; }

    public DependencyFile<MsBuildFile>? Project { get; private set; }

    /// <summary>The nearest <c>Directory.Packages.props</c>, the one NuGet names <c>DirectoryPackagesPropsPath</c>.</summary>
    public DependencyFile<MsBuildFile>? PackagesProps { get; private set; }

    /// <summary>The nearest props file, then each props file above it that the one before imports, nearest first.</summary>
    public IReadOnlyList<DependencyFile<MsBuildFile>> PackagesPropsChain { get; private set; } = Array.Empty<DependencyFile<MsBuildFile>>();

    /// <summary>
    /// The target frameworks restore saw: the assets file's, else the build's properties; empty when
    /// neither says (an item's conditions are then not read).
    /// </summary>
    public IReadOnlyList<string> TargetFrameworks => _targetFrameworks ??= FindTargetFrameworks();

    public DependencyFile<AssetsFile>? Assets { get; private set; }

    public DependencyFile<LockFile>? Lock { get; private set; }

    public List<DependencyFile<LockFile>> Peers { get; } = new();

    /// <summary>Every input file that could not be read, with the reason.</summary>
    public List<(string Path, string Kind, Location Location, string Error)> Unreadable { get; } = new();

    /// <summary>How many parses each cache has done, for tests and benchmarks of the caching.</summary>
    public static (int MsBuild, int Assets, int Lock) ParseCounts => (MsBuildFiles.ParseCount, AssetsFiles.ParseCount, LockFiles.ParseCount);

    /// <summary>Reads the inputs of a compilation, or returns <see langword="null"/> when it does not reference Skewless.</summary>
    public static DependencyInputs? TryCreate(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        if (!ReferencesSkewless(compilation))
        {
            return null;
        }

        var inputs = new DependencyInputs(new DependencyProperties(options.AnalyzerConfigOptionsProvider.GlobalOptions));
        foreach (var file in options.AdditionalFiles)
        {
            if (!options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(DependencyFileKind.MetadataKey, out var kind)
                || file.GetText(cancellationToken) is not { } text)
            {
                continue;
            }

            switch (kind.Trim())
            {
                case DependencyFileKind.ProjectFile:
                    inputs.Project ??= inputs.Read(DependencyFileKind.ProjectFile, file, text, MsBuildFiles);
                    break;
                case DependencyFileKind.PackagesProps:
                    inputs.PackagesProps ??= inputs.Read(DependencyFileKind.PackagesProps, file, text, MsBuildFiles);
                    break;
                case DependencyFileKind.ParentPackagesProps:
                    // Read only when imported (ChainOfPackagesProps), so that a file the build ignores is neither judged nor reported unreadable.
                    inputs._parentPackagesProps.Add((file, text));
                    break;
                case DependencyFileKind.Assets:
                    inputs.Assets ??= inputs.Read(DependencyFileKind.Assets, file, text, AssetsFiles);
                    break;
                case DependencyFileKind.LockFile:
                    inputs.Lock ??= inputs.Read(DependencyFileKind.LockFile, file, text, LockFiles);
                    break;
                case DependencyFileKind.PeerLockFile:
                    inputs.Peers.Add(inputs.Read(DependencyFileKind.PeerLockFile, file, text, LockFiles));
                    break;
            }
        }

        inputs.PackagesPropsChain = inputs.ChainOfPackagesProps();
        return inputs;
    }

    /// <summary>Dependency rules are about projects that use Skewless; others pay nothing for them.</summary>
    public static bool ReferencesSkewless(Compilation compilation) =>
        compilation.GetTypeByMetadataName(Parsing.KnownSymbols.FeatureSetAttributeName) is not null;

    /// <summary>The versions restore resolved, from the lock file when there is one, else from the assets file.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? Resolved =>
        Lock?.Value?.Resolved ?? Assets?.Value?.Resolved;

    /// <summary>
    /// Where to report a rule about package <paramref name="id"/>: a <c>PackageReference</c> with a
    /// <c>VersionOverride</c>, else its <c>PackageVersion</c> in the props file under central management,
    /// else its <c>PackageReference</c> in the project file, else <paramref name="fallback"/>.
    /// </summary>
    public Location? LocationOfPackage(string id, Location? fallback)
    {
        // A VersionOverride in the project sets the version there, not the central PackageVersion.
        if (FindItem(MsBuildFile.PackageReference, id) is { Item.VersionOverride: not null } overridden)
        {
            return overridden.File.LocationOf(overridden.Item.Span);
        }

        if (Properties.ManagePackageVersionsCentrally && FindItem(MsBuildFile.PackageVersion, id) is { } central)
        {
            return central.File.LocationOf(central.Item.Span);
        }

        if (FindItem(MsBuildFile.PackageReference, id) is { } reference)
        {
            return reference.File.LocationOf(reference.Item.Span);
        }

        return fallback;
    }

    /// <summary>
    /// The first active item of a type and package ID in the project file, then in each props file of
    /// the chain: an item under a condition that is false for every target framework is passed over,
    /// since restore never sees it.
    /// </summary>
    public (DependencyFile<MsBuildFile> File, MsBuildItem Item)? FindItem(string itemType, string id)
    {
        foreach (var file in PackageFiles())
        {
            if (file.Value!.ItemsOf(itemType, id).FirstOrDefault(IsActive) is { } item)
            {
                return (file, item);
            }
        }

        return null;
    }

    /// <summary>The readable project file, then the readable props files of the chain.</summary>
    public IEnumerable<DependencyFile<MsBuildFile>> PackageFiles() =>
        new[] { Project }.Concat(PackagesPropsChain).Where(file => file?.Value is not null).Select(file => file!);

    /// <summary>
    /// Whether restore can see <paramref name="item"/>: false only when one of its conditions reads as
    /// false for every target framework of the project.
    /// </summary>
    /// <remarks>
    /// The conditions are read rather than the item matched against the assets file's requests,
    /// because the assets file says which packages each framework asked for, not which item asked:
    /// two items for one package (net6.0's <c>12.*</c>, net8.0's <c>13.0.3</c>) cannot be told apart by
    /// it. The forms real projects use to switch items by framework (<c>'$(TargetFramework)' ==
    /// 'net6.0'</c>, with <c>!=</c>, <c>and</c>, <c>or</c>) are exact; a condition on anything else is
    /// unknown, and the item is judged as before.
    /// </remarks>
    public bool IsActive(MsBuildItem item) => !MsBuildCondition.IsInactive(item.Conditions, TargetFrameworks);

    /// <summary>The project's root element, where rules about the project as a whole are reported; <see langword="null"/> without a readable project file.</summary>
    public Location? ProjectRoot => Project?.Value is { } project ? Project.LocationOf(project.Root) : null;

    /// <summary>Where a property is set in the project file, else the project's root element.</summary>
    public Location? ProjectProperty(string name) =>
        Project?.Value is { } project && project.Properties.TryGetValue(name, out var span) ? Project.LocationOf(span) : ProjectRoot;

    private List<string> FindTargetFrameworks()
    {
        if (Assets?.Value is { Frameworks.Count: > 0 } assets)
        {
            // The aliases, which is what $(TargetFramework) holds in each inner build.
            return assets.Frameworks.Select(framework => framework.Name).ToList();
        }

        var written = Properties.TargetFrameworks.Length > 0 ? Properties.TargetFrameworks : Properties.TargetFramework;
        return written.Split(FrameworkSeparators, StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    private List<DependencyFile<MsBuildFile>> ChainOfPackagesProps()
    {
        var chain = new List<DependencyFile<MsBuildFile>>();
        if (PackagesProps is null)
        {
            return chain;
        }

        chain.Add(PackagesProps);
        var candidates = _parentPackagesProps.ToList();
        while (chain[chain.Count - 1].Value is { } current && candidates.Count > 0)
        {
            var directory = PropsImports.DirectoryOf(chain[chain.Count - 1].Path);
            var next = candidates.FindIndex(candidate => current.Imports.Any(import => PropsImports.Imports(import, directory, candidate.File.Path, candidates.Select(other => other.File.Path))));
            if (next < 0)
            {
                break;
            }

            chain.Add(Read(DependencyFileKind.PackagesProps, candidates[next].File, candidates[next].Text, MsBuildFiles));
            candidates.RemoveAt(next);
        }

        return chain;
    }

    private DependencyFile<T> Read<T>(string kind, AdditionalText file, SourceText text, ParsedFileCache<T> cache)
        where T : class
    {
        var result = new DependencyFile<T>(kind, file, text, cache.Get(text));
        if (result.Parsed.Error is { } error)
        {
            Unreadable.Add((file.Path, kind, result.Start, error));
        }

        return result;
    }
}
