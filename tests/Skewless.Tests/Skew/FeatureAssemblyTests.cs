using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Skewless.Analyzers.Skew.Clones;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Skew;

/// <summary>SKW300 and SKW301 with the generator's output: the fingerprints compiled into a features assembly, and the generated code itself.</summary>
public sealed class FeatureAssemblyTests
{
    private const string Features = TestSources.Flight + """
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static float Distance(Flight f) => f.DistanceMiles / 100;
            [Feature] public static float LogDistance(Flight f) => MathF.Log(1 + f.DistanceMiles);
        }
        """;

    [Fact]
    public async Task A_copy_in_a_project_referencing_the_features_assembly_fires()
    {
        var service = TestCompilation.ReferencingFeatures(Features, "Service", """
            using System;

            public static class Serving
            {
                public static float Log(Flight flight) => MathF.Log(1 + flight.DistanceMiles);
                public static float Km(Flight flight) => flight.DistanceMiles / 1000;
                public static float Called(Flight flight) => FlightFeatures.Distance(flight);
            }
            """, "Serving.cs", TestReferences.All);

        var diagnostics = await TestCompilation.AnalyzeAsync(service, [new ReimplementedFeatureAnalyzer()]);

        Assert.Equal(
            [
                "Serving.cs(5,47): SKW300 This re-implements feature 'FlightFeatures.LogDistance': call the feature instead, so that training and serving compute it the same way",
                "Serving.cs(6,46): SKW301 This copies feature 'FlightFeatures.Distance' with other constants: 100 in FlightFeatures.Distance against 1000 here",
            ],
            diagnostics.Select(Describe));
    }

    [Fact]
    public async Task A_copy_over_a_request_type_in_a_project_referencing_the_features_assembly_fires()
    {
        var service = TestCompilation.ReferencingFeatures(Features, "Service", """
            using System;

            public sealed record FlightRequest(float DistanceMiles, DateTime Departure);

            public static class Serving
            {
                public static float Log(FlightRequest request) => MathF.Log(1 + request.DistanceMiles);
                public static float Km(FlightRequest request) => request.DistanceMiles / 1000;
            }
            """, "Serving.cs", TestReferences.All);

        var diagnostics = await TestCompilation.AnalyzeAsync(service, [new ReimplementedFeatureAnalyzer()]);

        Assert.Equal(
            ["Serving.cs(7,55): SKW304 This re-implements feature 'FlightFeatures.LogDistance' over FlightRequest, whose members mirror the row type Flight: build a Flight from it and serve it with the feature set, so that training and serving compute it the same way"],
            diagnostics.Select(Describe));
    }

    [Fact]
    public async Task Calling_the_generated_code_does_not_fire()
    {
        var (output, _, _) = TestCompilation.Generate(TestCompilation.Create(Features, """
            using System.Collections.Generic;

            public static class Serving
            {
                public static float[] Serve(IReadOnlyList<Flight> training, Flight row)
                {
                    var fitted = FlightFeatures.Fit(training);
                    var buffer = new float[FlightFeatures.Vector.Width];
                    fitted.Transform(row).CopyTo(buffer);
                    return buffer;
                }
            }
            """));
        Assert.Empty(output.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));

        Assert.Empty(await TestCompilation.AnalyzeAsync(output, [new ReimplementedFeatureAnalyzer()]));
    }

    private static string Describe(Diagnostic diagnostic)
    {
        var position = diagnostic.Location.GetLineSpan();
        return $"{position.Path}({position.StartLinePosition.Line + 1},{position.StartLinePosition.Character + 1}): {diagnostic.Id} {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
    }
}
