namespace Skewless.Analyzers.Model;

/// <summary>A library as compiled against: assembly name, assembly version and informational version (empty when it has none).</summary>
internal sealed record LibraryModel(string Name, string Version, string InformationalVersion);

/// <summary>An assembly outside the compilation that features call, and a public type in it, for <c>typeof</c>.</summary>
internal sealed record CalledLibrary(string Assembly, string Type);

/// <summary>The libraries whose code the features of one feature set call, ordered by name.</summary>
/// <param name="FeatureSet">The feature set's name qualified by namespace and containing types, as its schema records it.</param>
/// <param name="Libraries">The libraries, outside the target framework, at the versions this compilation references.</param>
internal sealed record FeatureLibrariesModel(string FeatureSet, EquatableArray<LibraryModel> Libraries);
