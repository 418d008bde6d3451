namespace Skewless.Analyzers.Generation;

/// <summary>Names of the generator's pipeline steps, so that tests can check each step is cached after an unrelated edit.</summary>
internal static class TrackingNames
{
    public const string FeatureSets = nameof(FeatureSets);
    public const string NullableEnabled = nameof(NullableEnabled);
    public const string Output = nameof(Output);
    public const string FeatureLibraries = nameof(FeatureLibraries);
    public const string RegistryInputs = nameof(RegistryInputs);
    public const string Registry = nameof(Registry);
    public const string Fingerprints = nameof(Fingerprints);
    public const string ClashingNames = nameof(ClashingNames);
}
