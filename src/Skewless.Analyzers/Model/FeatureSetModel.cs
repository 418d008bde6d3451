namespace Skewless.Analyzers.Model;

/// <summary>
/// Everything the emitter needs to complete one <c>[FeatureSet]</c> class: strings, numbers and
/// equatable arrays only, so that an unchanged definition compares equal and is not emitted again.
/// </summary>
/// <param name="Namespace">The class's namespace, or empty for the global namespace.</param>
/// <param name="ContainingTypes">Declarations of the partial types the class is nested in, outermost first, such as <c>partial class Outer</c>.</param>
/// <param name="ClassName">The class's name.</param>
/// <param name="FullName">The class's name qualified by namespace and containing types, without <c>global::</c>.</param>
/// <param name="Name">The logical name of the feature set.</param>
/// <param name="Version">The declared version.</param>
/// <param name="Fingerprint">The stable hash of the normalised definition.</param>
/// <param name="InputType">The row type, fully qualified with <c>global::</c>.</param>
/// <param name="InputTypeName">The row type's name as recorded in the schema, without <c>global::</c>.</param>
/// <param name="InputIsClass">Whether a row can be null, which the generated code then checks before any feature reads it.</param>
/// <param name="Features">The valid features, in declaration order.</param>
/// <param name="Libraries">The assemblies outside the compilation that the features call, each with a public type in it; ordered by assembly name.</param>
/// <param name="EventTime">The input's <c>[EventTime]</c> member, when it is a date and time the generated <c>SplitByTime</c> can compare.</param>
/// <param name="GroupKey">The name of the input's <c>[GroupKey]</c> member, which the generated <c>SplitByGroup</c> hashes.</param>
/// <param name="Label">The input's <c>[Label]</c> member, read for training statistics only.</param>
internal sealed record FeatureSetModel(
    string Namespace,
    EquatableArray<string> ContainingTypes,
    string ClassName,
    string FullName,
    string Name,
    int Version,
    string Fingerprint,
    string InputType,
    string InputTypeName,
    bool InputIsClass,
    EquatableArray<FeatureModel> Features,
    EquatableArray<CalledLibrary> Libraries,
    EventTimeMember? EventTime,
    string? GroupKey,
    LabelModel? Label)
{
    public int Width => Features.Sum(feature => feature.Width);
}
