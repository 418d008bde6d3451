using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Leakage.Dependencies;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Leakage;

/// <summary>
/// A marked property computed from one other member makes that member the marked value in other units: the label in
/// grams when the label is in pounds. A property computed from several members marks none of them.
/// </summary>
public sealed class ComputedMarkerTests
{
    private const string Birth = """
        using System;
        using Skewless;

        [DataSource("natality")]
        public sealed class Birth
        {
            public float WeightGrams { get; set; }
            public DateTime? ReadmittedOn { get; set; }
            public float GestationWeeks { get; set; }
            public float PlannedWeeks { get; set; }
            public float DischargeDays { get; set; }
            [Label] public float WeightPounds => WeightGrams / 453.592f;
            [Label] public bool Readmitted => ReadmittedOn is not null;
            [NotAtServing("known at discharge")] public float DischargeWeeks => DischargeDays / 7;
            [NotAtServing("known at birth")] public float Overdue => GestationWeeks - PlannedWeeks;
        }

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        Verify.AnalyzerAsync<FeatureDependencyAnalyzer>(Birth + source, expected);

    private static DiagnosticResult Label(string feature, string label, string path) =>
        new DiagnosticResult(Descriptors.LabelDependency).WithLocation(0).WithArguments(feature, label, path).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public Task Fires_on_the_member_a_label_is_computed_from() => VerifyAsync("""
        [FeatureSet(typeof(Birth))]
        public static partial class BirthFeatures
        {
            [Feature] public static bool {|#0:LowBirthWeight|}(Birth b) => b.WeightGrams < 2500;
        }
        """, Label("LowBirthWeight", "Birth.WeightPounds", "directly through 'Birth.WeightGrams', from which alone it is computed"));

    [Fact]
    public Task Fires_on_the_member_a_boolean_label_tests() => VerifyAsync("""
        [FeatureSet(typeof(Birth))]
        public static partial class BirthFeatures
        {
            [Feature] public static bool {|#0:WasReadmitted|}(Birth b) => b.ReadmittedOn.HasValue;
        }
        """, Label("WasReadmitted", "Birth.Readmitted", "directly through 'Birth.ReadmittedOn', from which alone it is computed"));

    [Fact]
    public Task Fires_once_on_a_feature_that_reads_the_label_and_its_source() => VerifyAsync("""
        [FeatureSet(typeof(Birth))]
        public static partial class BirthFeatures
        {
            [Feature] public static float {|#0:Both|}(Birth b) => b.WeightPounds + b.WeightGrams;
        }
        """, Label("Both", "Birth.WeightPounds", "directly"));

    [Fact]
    public Task Fires_on_the_member_a_not_at_serving_property_is_computed_from() => VerifyAsync("""
        [FeatureSet(typeof(Birth))]
        public static partial class BirthFeatures
        {
            [Feature] public static float {|#0:Stay|}(Birth b) => b.DischargeDays;
        }
        """, new DiagnosticResult(Descriptors.NotAtServingDependency).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("Stay", "Birth.DischargeWeeks", "known at discharge", "directly through 'Birth.DischargeDays', from which alone it is computed"));

    [Fact]
    public Task Is_silent_on_members_of_a_marked_property_computed_from_several() => VerifyAsync("""
        [FeatureSet(typeof(Birth))]
        public static partial class BirthFeatures
        {
            [Feature] public static float Gestation(Birth b) => b.GestationWeeks;
            [Feature] public static float Planned(Birth b) => b.PlannedWeeks;
        }
        """);
}
