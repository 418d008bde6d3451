namespace Skewless;

/// <summary>How a generated <c>Load</c> reads an artifact.</summary>
public sealed class ArtifactLoadOptions
{
    /// <summary>The largest artifact read unless the caller allows more: 256 MiB.</summary>
    public const long DefaultMaxBytes = 256L * 1024 * 1024;

    /// <summary>The largest artifact to accept, which protects a serving process from an unbounded read. Raise it for a genuinely large vocabulary.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;
}
