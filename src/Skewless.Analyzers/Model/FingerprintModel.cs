namespace Skewless.Analyzers.Model;

/// <summary>One fingerprint of a feature: what copies of it are searched for (SKW300, SKW301).</summary>
/// <param name="Method">The feature method's name.</param>
/// <param name="SearchKey">The syntactic search key, as 16 hex digits.</param>
/// <param name="Exact">The hash of the computation, numbers included.</param>
/// <param name="Shape">The hash of the computation with numbers left out.</param>
/// <param name="Literals">The numbers left out of <paramref name="Shape"/>, in order.</param>
/// <param name="Untyped">For a feature that divides floats, its computation with the types of numbers left out (<c>UntypedShape.Format</c>), which finds a copy that divides integers instead.</param>
internal sealed record FingerprintModel(string Method, string SearchKey, string Exact, string Shape, EquatableArray<string> Literals, string? Untyped);

/// <summary>The fingerprints of one feature set, as the generator records them in the assembly.</summary>
/// <param name="FullName">The class's name qualified by namespace and containing types, without <c>global::</c>.</param>
/// <param name="MetadataName">The class's metadata name, by which another compilation finds it.</param>
/// <param name="InputType">The row type's metadata name.</param>
/// <param name="Fingerprints">The fingerprints, in the order of the features.</param>
internal sealed record FeatureSetFingerprintsModel(string FullName, string MetadataName, string InputType, EquatableArray<FingerprintModel> Fingerprints);
