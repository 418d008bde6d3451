namespace Skewless;

/// <summary>
/// Marks a method of a <see cref="FeatureSetAttribute"/> class as one feature. The method must be
/// <c>static</c>, take one row of the feature set's input type and return a number, a
/// <see cref="bool"/>, an <see cref="Enum"/>, or a <see cref="string"/> encoded by a vocabulary or
/// hash transform.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class FeatureAttribute : Attribute
{
    /// <summary>Declares a feature named after its method.</summary>
    public FeatureAttribute()
    {
    }

    /// <summary>Declares a feature with an explicit name.</summary>
    /// <param name="name">The name recorded in the schema and the saved artifact.</param>
    public FeatureAttribute(string name) => Name = name;

    /// <summary>The name recorded in the schema and the saved artifact, or <see langword="null"/> for the method's name.</summary>
    public string? Name { get; }
}
