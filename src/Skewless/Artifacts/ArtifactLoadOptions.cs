namespace Skewless;

/// <summary>How a generated <c>Load</c> reads an artifact.</summary>
public sealed class ArtifactLoadOptions
{
    /// <summary>The largest artifact read unless the caller allows more: 256 MiB.</summary>
    public const long DefaultMaxBytes = 256L * 1024 * 1024;

    /// <summary>The largest artifact to accept, which protects a serving process from an unbounded read. Raise it for a genuinely large vocabulary.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>
    /// Receives every library whose version here differs from the one the artifact was fitted with.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Without it, <c>Load</c> throws <see cref="LibraryVersionMismatchException"/> when an assembly
    /// version differs, and ignores a difference of informational version alone (the same assembly
    /// version, rebuilt or patched).
    /// </para>
    /// <para>
    /// Setting it is the lenient mode: every mismatch, of assembly or informational version, goes
    /// here and the load goes on. To stay strict while logging patch differences, throw
    /// <see cref="LibraryVersionMismatch.ToException"/> from the callback when
    /// <see cref="LibraryVersionMismatch.AssemblyVersionDiffers"/> is true.
    /// </para>
    /// </remarks>
    public Action<LibraryVersionMismatch>? OnLibraryMismatch { get; set; }
}
