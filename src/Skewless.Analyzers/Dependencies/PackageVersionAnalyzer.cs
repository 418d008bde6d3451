using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Skewless.Analyzers.Diagnostics;

namespace Skewless.Analyzers.Dependencies;

/// <summary>
/// SKW400 (floating versions) and SKW401 (ranges that are not a plain minimum), at the
/// <c>PackageReference</c> or <c>PackageVersion</c> that states the version. A version given through
/// an MSBuild property is judged by the value restore evaluated, from the assets file.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PackageVersionAnalyzer : DependencyAnalyzer
{
    /// <summary>Diagnostic property: the one version restore resolved the package to, which the code fix pins.</summary>
    public const string ResolvedProperty = "Resolved";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supports(Descriptors.FloatingVersion, Descriptors.VersionRange);

    private protected override void Analyze(DependencyInputs inputs, List<Diagnostic> diagnostics)
    {
        var reported = new HashSet<(string, int, string)>();
        foreach (var request in VersionRequests.Of(inputs))
        {
            foreach (var version in request.Versions)
            {
                var kind = VersionRequest.Classify(version);
                var descriptor = kind switch
                {
                    VersionRequestKind.Floating when request.IsCentral && !inputs.Properties.CentralPackageFloatingVersionsEnabled => null, // NuGet's NU1011 already fails restore.
                    VersionRequestKind.Floating => Descriptors.FloatingVersion,
                    VersionRequestKind.Range => Descriptors.VersionRange,
                    _ => null,
                };
                var lineSpan = request.Location.GetLineSpan();
                if (descriptor is null || !reported.Add((lineSpan.Path, request.Location.SourceSpan.Start, version)))
                {
                    continue;
                }

                var resolved = inputs.Resolved is { } all ? Resolution.Single(all, request.Id) : null;
                var fixable = resolved is not null && request.Literal is not null && request.Literal.Text == version;
                var properties = fixable ? ImmutableDictionary<string, string?>.Empty.Add(ResolvedProperty, resolved) : ImmutableDictionary<string, string?>.Empty;
                var additional = fixable ? new[] { request.File!.LocationOf(request.Literal!.Span) } : Array.Empty<Location>();
                var advice = resolved is null ? ""
                    : kind == VersionRequestKind.Floating ? $" to the version restore resolves today, {resolved}"
                    : $", such as the version restore resolves today, {resolved}";
                diagnostics.Add(Diagnostic.Create(descriptor, request.Location, additional, properties, request.Description, request.Id, VersionRequest.AsWritten(version), advice));
            }
        }
    }
}
