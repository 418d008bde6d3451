using System.Text.Json;
using Skewless.Artifacts;

namespace Skewless;

/// <summary>Tells apart fits of one feature set version by their fitted constants: a z-score's mean, a vocabulary's terms, quantile edges.</summary>
public static class FittedConstants
{
    /// <summary>
    /// The first 16 hex digits of the SHA-256 of a fitted feature set's constants, as its transforms write them to an
    /// artifact. An artifact hashes as the fit it was saved from; a fit on other rows almost surely does not. Record it
    /// beside what was built with a fit, such as a model, to check later that it is served with that very fit.
    /// </summary>
    /// <typeparam name="TRow">The feature set's input type.</typeparam>
    /// <param name="featureSet">The fitted feature set.</param>
    public static string Hash<TRow>(IFittedFeatureSet<TRow> featureSet)
    {
        Guard.NotNull(featureSet, nameof(featureSet));
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var transform in featureSet.Transforms)
            {
                if (transform is null)
                {
                    json.WriteNullValue();
                }
                else
                {
                    transform.WriteTo(json);
                }
            }

            json.WriteEndArray();
        }

        return ArtifactContentHash.Sha256(buffer).Substring(0, 16);
    }
}
