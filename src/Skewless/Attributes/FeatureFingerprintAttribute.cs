using System.ComponentModel;

namespace Skewless;

/// <summary>
/// The normalised shape of one feature's computation, written into the assembly by the Skewless
/// generator. Analyzers in projects that reference this assembly read it to find code that
/// re-implements the feature (SKW300, SKW304) or copies it with other constants (SKW301). Not for use by hand.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FeatureFingerprintAttribute : Attribute
{
    /// <summary>Records one fingerprint of a feature.</summary>
    /// <param name="featureSet">The feature set class, by metadata name.</param>
    /// <param name="method">The feature method's name.</param>
    /// <param name="inputType">The row type, by metadata name.</param>
    /// <param name="searchKey">The hash of the computation's syntax with names and numbers left out, which serving code is searched for.</param>
    /// <param name="exact">The hash of the computation's meaning, numbers included.</param>
    /// <param name="shape">The hash of the computation's meaning with numbers left out.</param>
    /// <param name="literals">The numbers left out of <paramref name="shape"/>, in order.</param>
    public FeatureFingerprintAttribute(string featureSet, string method, string inputType, string searchKey, string exact, string shape, params string[] literals)
    {
        FeatureSet = featureSet;
        Method = method;
        InputType = inputType;
        SearchKey = searchKey;
        Exact = exact;
        Shape = shape;
        Literals = literals;
    }

    /// <summary>The feature set class, by metadata name.</summary>
    public string FeatureSet { get; }

    /// <summary>The feature method's name.</summary>
    public string Method { get; }

    /// <summary>The row type, by metadata name.</summary>
    public string InputType { get; }

    /// <summary>The hash of the computation's syntax with names and numbers left out.</summary>
    public string SearchKey { get; }

    /// <summary>The hash of the computation's meaning, numbers included.</summary>
    public string Exact { get; }

    /// <summary>The hash of the computation's meaning with numbers left out.</summary>
    public string Shape { get; }

    /// <summary>The numbers left out of <see cref="Shape"/>, in order.</summary>
    public IReadOnlyList<string> Literals { get; }

    /// <summary>
    /// For a feature that divides floats, its computation with the types of numbers left out: the hash, each division
    /// (<c>i</c> for integers, <c>f</c> for floats), then the numbers with their types, separated by spaces. It finds a copy
    /// that divides integers instead (<c>m / 60</c> for <c>m / 60f</c>).
    /// </summary>
    public string? Untyped { get; set; }
}
