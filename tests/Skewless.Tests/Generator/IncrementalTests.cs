using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Skewless.Analyzers.Generation;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Generator;

/// <summary>
/// The generator must do no work that an edit does not call for: after an edit elsewhere, every
/// tracked step is Cached or Unchanged, so nothing is emitted again.
/// </summary>
public sealed partial class IncrementalTests
{
    private const string Flight = TestSources.Flight;

    private const string Features = """
        using System;
        using Skewless;

        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static float Hour(Flight f) => f.Departure.Hour;
            [Feature, ZScore] public static float Distance(Flight f) => Units.Km(f.DistanceMiles);
            [Feature, Vocabulary(MaxSize = 20, OovBuckets = 2)] public static string Origin(Flight f) => f.Origin;
            [Feature, Vocabulary(MaxSize = 2)] public static Cabin Cabin(Flight f) => f.Cabin;
            [Feature, HashBuckets(8)] public static string Route(Flight f) => f.Origin + f.Cabin;
            [Feature, QuantileBuckets(4)] public static float Month(Flight f) => f.Departure.Month;
        }
        """;

    private const string Units = "public static class Units { public static float Km(float miles) => miles * 1.609f; }";

    private const string Unrelated = "public static class Billing { public static decimal Tax(decimal amount) => amount * 0.2m; }";

    private static readonly string[] TrackedSteps = { TrackingNames.FeatureSets, TrackingNames.NullableEnabled, TrackingNames.Output, TrackingNames.Fingerprints, TrackingNames.ClashingNames };

    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        var result = RunTwice(3, Unrelated.Replace("0.2m", "0.25m", StringComparison.Ordinal));

        foreach (var step in TrackedSteps)
        {
            var reasons = Reasons(result, step);
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Step {step} ran for reason {reason}."));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void A_comment_in_the_feature_file_changes_no_model()
    {
        var result = RunTwice(1, Features.Replace("[Feature] public static float Hour", "// departure hour, local time\n    [Feature] public static float Hour", StringComparison.Ordinal));

        Assert.All(Reasons(result, TrackingNames.FeatureSets), reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"The model was {reason}."));
        Assert.All(Reasons(result, TrackingNames.Output), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void Changing_a_transform_setting_regenerates_the_feature_set()
    {
        var result = RunTwice(1, Features.Replace("MaxSize = 20", "MaxSize = 30", StringComparison.Ordinal));

        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Reasons(result, TrackingNames.FeatureSets)));
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Reasons(result, TrackingNames.Output)));
    }

    [Fact]
    public void Changing_a_transform_setting_leaves_the_fingerprints_unchanged()
    {
        var result = RunTwice(1, Features.Replace("MaxSize = 20", "MaxSize = 30", StringComparison.Ordinal));

        var reason = Assert.Single(Reasons(result, TrackingNames.Fingerprints));
        Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"The fingerprints were {reason}.");
    }

    [Fact]
    public void Changing_a_constant_in_a_feature_regenerates_the_fingerprints()
    {
        var result = RunTwice(1, Features.Replace("f.Origin + f.Cabin", "f.Origin + \"/\" + f.Cabin", StringComparison.Ordinal));

        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Reasons(result, TrackingNames.Fingerprints)));
    }

    [Fact]
    public void A_change_to_a_helper_in_another_file_regenerates_the_feature_set()
    {
        var result = RunTwice(2, Units.Replace("1.609f", "1.61f", StringComparison.Ordinal));

        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Reasons(result, TrackingNames.FeatureSets)));
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Reasons(result, TrackingNames.Output)));
    }

    [Fact]
    public void A_new_feature_set_leaves_the_others_output_cached()
    {
        // Each file's name depends on the other feature sets' names only when two would clash.
        var result = RunTwice(3, "using Skewless; [FeatureSet(typeof(Flight))] public static partial class RouteFeatures { [Feature] public static string Origin(Flight f) => f.Origin; }");

        Assert.Equal(IncrementalStepRunReason.Unchanged, Assert.Single(Reasons(result, TrackingNames.ClashingNames)));
        var outputs = Reasons(result, TrackingNames.Output);
        Assert.Equal(2, outputs.Length);
        Assert.Contains(IncrementalStepRunReason.Cached, outputs);
        Assert.Contains(IncrementalStepRunReason.New, outputs);
    }

    private static GeneratorRunResult RunTwice(int editedTree, string editedSource)
    {
        var compilation = TestCompilation.Create(Flight, Features, Units, Unrelated);
        var driver = TestCompilation.Driver(trackSteps: true).RunGenerators(compilation);

        var tree = compilation.SyntaxTrees.ElementAt(editedTree);
        var edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(editedSource, TestCompilation.ParseOptions, tree.FilePath));
        return driver.RunGenerators(edited).GetRunResult().Results.Single();
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(run => run.Outputs).Select(output => output.Reason).ToArray();
}
