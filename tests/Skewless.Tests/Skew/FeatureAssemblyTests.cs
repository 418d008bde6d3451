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
            [Feature] public static float Hour(Flight f) => f.Departure.Hour + f.Departure.Minute / 60f;
        }
        """;

    [Fact]
    public async Task A_copy_in_a_project_referencing_the_features_assembly_fires() => Assert.Equal(
        [
            "Serving.cs(5,47): SKW300 This re-implements feature 'FlightFeatures.LogDistance': call the feature instead, so that training and serving compute it the same way",
            "Serving.cs(6,46): SKW301 This copies feature 'FlightFeatures.Distance' with other constants: 100 in FlightFeatures.Distance against 1000 here",
        ],
        await CopiesInService("""
            using System;

            public static class Serving
            {
                public static float Log(Flight flight) => MathF.Log(1 + flight.DistanceMiles);
                public static float Km(Flight flight) => flight.DistanceMiles / 1000;
                public static float Called(Flight flight) => FlightFeatures.Distance(flight);
            }
            """));

    // The assembly records the date parts a feature reads with its numbers, so the serving project can name both parts.
    [Fact]
    public async Task Another_date_part_in_a_project_referencing_the_features_assembly_fires() => Assert.Equal(
        ["Serving.cs(3,48): SKW301 This copies feature 'FlightFeatures.Hour' with another date part: Minute in FlightFeatures.Hour against Second here"],
        await CopiesInService("""
            public static class Serving
            {
                public static float Hour(Flight flight) => flight.Departure.Hour + flight.Departure.Second / 60f;
            }
            """));

    [Fact]
    public async Task A_copy_over_a_request_type_in_a_project_referencing_the_features_assembly_fires() => Assert.Equal(
        ["Serving.cs(7,55): SKW304 This re-implements feature 'FlightFeatures.LogDistance' over FlightRequest, whose members mirror the row type Flight: build a Flight from it and serve it with the feature set, so that training and serving compute it the same way"],
        await CopiesInService("""
            using System;

            public sealed record FlightRequest(float DistanceMiles, DateTime Departure);

            public static class Serving
            {
                public static float Log(FlightRequest request) => MathF.Log(1 + request.DistanceMiles);
                public static float Km(FlightRequest request) => request.DistanceMiles / 1000;
            }
            """));

    // The assembly records the untyped shape of features that divide floats, so the serving project sees the fraction dropped.
    [Fact]
    public async Task Integer_division_in_a_project_referencing_the_features_assembly_fires() => Assert.Equal(
        [
            "Serving.cs(7,48): SKW301 This copies feature 'FlightFeatures.Hour' with other constants: 60f in FlightFeatures.Hour against 60 here: integer division here against float division in the feature",
            "Serving.cs(8,63): SKW304 This re-implements feature 'FlightFeatures.Hour' over FlightRequest, whose members mirror the row type Flight (60f in FlightFeatures.Hour against 60 here: integer division here against float division in the feature): build a Flight from it and serve it with the feature set, so that training and serving compute it the same way",
        ],
        await CopiesInService("""
            using System;

            public sealed record FlightRequest(float DistanceMiles, DateTime Departure);

            public static class Serving
            {
                public static float Hour(Flight flight) => flight.Departure.Hour + flight.Departure.Minute / 60;
                public static float RequestHour(FlightRequest request) => request.Departure.Hour + request.Departure.Minute / 60;
                public static float Hundredths(FlightRequest request) => request.Departure.Hour + request.Departure.Minute / 100;
            }
            """));

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

    // The copies a service project finds of the features, through the assembly it references.
    private static async Task<IEnumerable<string>> CopiesInService(string serving)
    {
        var service = TestCompilation.ReferencingFeatures(Features, "Service", serving, "Serving.cs", TestReferences.All);
        return (await TestCompilation.AnalyzeAsync(service, [new ReimplementedFeatureAnalyzer()])).Select(Describe);
    }

    private static string Describe(Diagnostic diagnostic)
    {
        var position = diagnostic.Location.GetLineSpan();
        return $"{position.Path}({position.StartLinePosition.Line + 1},{position.StartLinePosition.Character + 1}): {diagnostic.Id} {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
    }
}
