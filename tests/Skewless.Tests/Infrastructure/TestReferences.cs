using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Skewless.Tests.Infrastructure;

/// <summary>
/// References for test compilations: the running .NET runtime's own assemblies plus Skewless. Taken
/// from disk rather than downloaded, so tests need no network.
/// </summary>
internal static class TestReferences
{
    public static MetadataReference Skewless { get; } = MetadataReference.CreateFromFile(typeof(FeatureSetAttribute).Assembly.Location);

    public static ImmutableArray<MetadataReference> Runtime { get; } = Directory
        .EnumerateFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll")
        .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll"))
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToImmutableArray();

    public static ImmutableArray<MetadataReference> All { get; } = Runtime.Add(Skewless);

    /// <summary><see cref="All"/> plus ML.NET, Skewless.ML and the fake clock the Flights sample monitors with, as copied into the test output.</summary>
    public static ImmutableArray<MetadataReference> WithMachineLearning { get; } = All.AddRange(Directory
        .EnumerateFiles(AppContext.BaseDirectory, "*.dll")
        .Where(path => Path.GetFileName(path) is var name
            && (name.StartsWith("Microsoft.ML", StringComparison.Ordinal) || name is "Skewless.ML.dll" or "Microsoft.Extensions.TimeProvider.Testing.dll"))
        .Select(path => MetadataReference.CreateFromFile(path)));

    /// <summary>For Microsoft.CodeAnalysis.Testing: a target framework with no package to resolve; the references come from <see cref="All"/>.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");
}
