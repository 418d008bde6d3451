using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Skewless.Artifacts;

/// <summary>
/// The SHA-256 of an artifact's content, which <c>Save</c> records and <c>Load</c> checks, so that a constant changed by
/// hand or by damage after saving is refused rather than served. It covers every top-level property but the hash itself,
/// written compactly, so re-indenting the file keeps it valid and changing any value, name or order does not.
/// </summary>
internal static class ArtifactContentHash
{
    private const string Prefix = "sha256:";

    public static string Of(JsonElement root)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name != ArtifactFormat.ContentHashProperty)
                {
                    property.WriteTo(json);
                }
            }

            json.WriteEndObject();
        }

        return Prefix + Sha256(buffer);
    }

    /// <summary>The SHA-256 of a buffer's content, as 64 lowercase hex digits.</summary>
    public static string Sha256(MemoryStream buffer)
    {
#if NET
        var hash = SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
#else
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(buffer.GetBuffer(), 0, (int)buffer.Length);
#endif
        var text = new StringBuilder(2 * hash.Length);
        foreach (var b in hash)
        {
            text.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>Throws when the content no longer hashes to the hash the artifact records.</summary>
    public static void Verify(JsonFields root, JsonElement element, string featureSet)
    {
        var recorded = root.String(ArtifactFormat.ContentHashProperty);
        var actual = Of(element);
        if (recorded != actual)
        {
            throw new TamperedArtifactException(featureSet, $"it was changed after it was saved: its content hashes to {actual}, not to the {recorded} it records. Restore the file as it was saved, or fit and save it again.");
        }
    }
}
