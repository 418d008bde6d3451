namespace Skewless;

/// <summary>
/// Marks a type whose rows come from an upstream data dependency: a table, a log or a feed that
/// someone owns and that can change under you.
/// </summary>
/// <remarks>
/// A <see cref="FeatureSetAttribute"/> reads rows of a type marked with this attribute. Recording
/// who owns the data and which version of it you built against makes the dependency explicit, so
/// that a change upstream is a conversation rather than a silent drop in quality.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, Inherited = false)]
public sealed class DataSourceAttribute : Attribute
{
    /// <summary>Marks the type as rows of the data source called <paramref name="name"/>.</summary>
    /// <param name="name">The upstream name of the data, for example a table such as <c>bts.on_time</c>.</param>
    public DataSourceAttribute(string name) => Name = name;

    /// <summary>The upstream name of the data.</summary>
    public string Name { get; }

    /// <summary>The team or person who produces the data and whom to ask before it changes.</summary>
    public string? Owner { get; set; }

    /// <summary>The version, snapshot or schema revision of the data these rows were written against.</summary>
    public string? Version { get; set; }
}
