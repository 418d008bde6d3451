namespace Skewless.Analyzers.Model;

/// <summary>Everything the registry of one compilation is emitted from.</summary>
/// <param name="Namespace">The registry's namespace, made from the assembly name; empty for the global namespace.</param>
/// <param name="FeatureSets">Every feature set, by logical name, version and class.</param>
/// <param name="DataSources">The input type of every feature set, by type name.</param>
internal sealed record FeatureSetRegistryModel(string Namespace, EquatableArray<FeatureSetModel> FeatureSets, EquatableArray<DataSourceModel> DataSources);
