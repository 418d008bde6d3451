namespace Skewless.Analyzers.Model;

/// <summary>Everything the registry of one compilation is emitted from.</summary>
/// <param name="Namespace">The registry's namespace, made from the assembly name; empty for the global namespace.</param>
/// <param name="FeatureSets">Every feature set, by logical name, version and class.</param>
/// <param name="DataSources">The input type of every feature set, by type name.</param>
/// <param name="Unreachable">The full names of feature sets the registry cannot name: they, a type they are nested in, or their input type is private or protected.</param>
internal sealed record FeatureSetRegistryModel(
    string Namespace,
    EquatableArray<FeatureSetModel> FeatureSets,
    EquatableArray<DataSourceModel> DataSources,
    EquatableArray<string> Unreachable);

/// <summary>What the registry needs to know about one <c>[FeatureSet]</c> class besides its <see cref="FeatureSetModel"/>.</summary>
/// <param name="FeatureSet">The class's full name, as <see cref="FeatureSetModel.FullName"/> has it.</param>
/// <param name="Reachable">Whether code anywhere in the assembly can name the class and its input type.</param>
/// <param name="DataSource">The class's input type.</param>
internal sealed record RegistryInputModel(string FeatureSet, bool Reachable, DataSourceModel DataSource);
