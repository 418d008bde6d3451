using System.Text.Json;
using System.Text.Json.Nodes;
using Skewless.Artifacts;

namespace Skewless.Tests.Infrastructure;

/// <summary>
/// An edited artifact with its content hash recomputed, as a tool that rewrites artifacts consistently would leave it,
/// so that a test reaches the check behind the hash. Without it every edit is refused as a changed file first.
/// </summary>
internal static class Resealed
{
    public static string Json(JsonNode root)
    {
        using var document = JsonDocument.Parse(root.ToJsonString());
        if (root is JsonObject artifact && artifact.ContainsKey("contentHash"))
        {
            artifact["contentHash"] = ArtifactContentHash.Of(document.RootElement);
        }

        return root.ToJsonString();
    }
}
