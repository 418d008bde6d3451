namespace Skewless;

/// <summary>
/// Marks a <c>static partial</c> class whose <see cref="FeatureAttribute"/> methods are the one
/// definition of the features of <see cref="InputType"/>. The Skewless generator completes the
/// class with the training (batch) and serving (single-row) code, both calling these methods.
/// </summary>
/// <example>
/// <code>
/// [FeatureSet(typeof(Flight), Version = 1)]
/// public static partial class FlightFeatures
/// {
///     [Feature] public static float Hour(Flight f) => f.Departure.Hour;
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FeatureSetAttribute : Attribute
{
    /// <summary>Declares a feature set over rows of <paramref name="inputType"/>.</summary>
    /// <param name="inputType">The row type every feature method takes, marked with <see cref="DataSourceAttribute"/>.</param>
    public FeatureSetAttribute(Type inputType) => InputType = inputType;

    /// <summary>The row type every feature method takes.</summary>
    public Type InputType { get; }

    /// <summary>
    /// The version of this definition. Raise it whenever a feature changes meaning, so that models
    /// trained on the old definition are never served with the new one.
    /// </summary>
    public int Version { get; set; } = 1;

    /// <summary>
    /// The logical name of the feature set, shared by classes that hold different versions of it.
    /// Defaults to the class name.
    /// </summary>
    public string? Name { get; set; }
}
