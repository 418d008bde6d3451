using System.Text.Json;

namespace Skewless.Transforms;

/// <summary>A transform whose constants were fitted on training rows and are saved in the artifact.</summary>
public interface IFittedTransform
{
    /// <summary>The transform's name as the artifact records it, such as <c>ZScore</c>.</summary>
    FeatureTransform Kind { get; }

    /// <summary>Writes the fitted constants as one JSON object.</summary>
    /// <param name="writer">The writer, positioned where the object's value goes.</param>
    void WriteTo(Utf8JsonWriter writer);
}
