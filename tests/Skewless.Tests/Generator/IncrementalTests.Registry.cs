using Microsoft.CodeAnalysis;
using Skewless.Analyzers.Generation;
using Xunit;

namespace Skewless.Tests.Generator;

/// <summary>The registry's steps: an unrelated edit emits nothing again; an edit to what the registry or the map holds does.</summary>
public sealed partial class IncrementalTests
{
    private static readonly string[] RegistrySteps = { TrackingNames.RegistryInputs, TrackingNames.Registry };

    [Fact]
    public void An_unrelated_edit_leaves_the_registry_steps_cached_or_unchanged()
    {
        var result = RunTwice(3, Unrelated.Replace("0.2m", "0.25m", StringComparison.Ordinal));

        Assert.All(RegistrySteps.Select(step => (Step: step, Reasons: Reasons(result, step))), run => Assert.True(
            run.Reasons.Length > 0 && run.Reasons.All(reason => reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged),
            $"Step {run.Step} ran for {string.Join(", ", run.Reasons)}."));
    }

    [Fact]
    public void A_comment_in_the_feature_file_leaves_the_registry_unchanged()
    {
        var result = RunTwice(1, Features.Replace("[Feature] public static float Hour", "// departure hour, local time\n    [Feature] public static float Hour", StringComparison.Ordinal));

        Assert.All(Reasons(result, TrackingNames.Registry), reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"The registry was {reason}."));
    }

    [Fact]
    public void A_new_member_of_the_data_source_regenerates_the_registry_for_the_map()
    {
        var result = RunTwice(0, Flight.Replace("public float DistanceMiles", "public float TaxiMinutes { get; set; }\n    public float DistanceMiles", StringComparison.Ordinal));

        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Reasons(result, TrackingNames.RegistryInputs)));
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Reasons(result, TrackingNames.Registry)));
        Assert.All(Reasons(result, TrackingNames.FeatureSets), reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"The feature set model was {reason}."));
    }

    [Fact]
    public void A_changed_feature_regenerates_the_registry_for_its_fingerprint()
    {
        var result = RunTwice(1, Features.Replace("f.Departure.Hour;", "f.Departure.Hour + 1;", StringComparison.Ordinal));

        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Reasons(result, TrackingNames.Registry)));
    }
}
