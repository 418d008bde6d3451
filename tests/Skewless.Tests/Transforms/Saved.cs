using System.Text;
using System.Text.Json;
using Skewless.Transforms;

namespace Skewless.Tests.Transforms;

internal static class Saved
{
    /// <summary>The JSON a fitted transform writes into an artifact.</summary>
    public static string Json(IFittedTransform transform)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            transform.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
