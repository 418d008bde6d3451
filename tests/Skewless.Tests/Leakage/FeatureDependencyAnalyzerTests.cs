using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Leakage.Dependencies;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Leakage;

/// <summary>
/// The matrix of shapes, each a theory over the three markers: <c>[Label]</c> (SKW200),
/// <c>[NotAtServing]</c> (SKW201) and <c>[ModelOutput]</c> (SKW202). <c>MEMBER</c> in a source stands
/// for the marked member under test, and <c>GETTER</c> for a property of the input that reads it.
/// </summary>
public sealed class FeatureDependencyAnalyzerTests
{
    private const string Patient = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Skewless;

        [DataSource("clinic.admissions")]
        public sealed class Patient
        {
            public float Age { get; set; }
            public string Ward { get; set; } = "";
            [Label] public float Outcome { get; set; }
            [NotAtServing("recorded at discharge")] public float DischargeScore { get; set; }
            [ModelOutput] public float PredictedRisk { get; set; }
            public float OutcomeInDays => Outcome / 24;
            public float DischargeScoreScaled => DischargeScore / 10;
            public float PredictedRiskPercent => PredictedRisk * 100;
        }

        """;

    public static TheoryData<string> Marked() => new() { "Outcome", "DischargeScore", "PredictedRisk" };

    private static readonly Dictionary<string, string> Getters = new()
    {
        ["Outcome"] = "OutcomeInDays",
        ["DischargeScore"] = "DischargeScoreScaled",
        ["PredictedRisk"] = "PredictedRiskPercent",
    };

    private static Task VerifyAsync(string member, string source, params DiagnosticResult[] expected) =>
        Verify.AnalyzerAsync<FeatureDependencyAnalyzer>(Patient + source.Replace("MEMBER", member).Replace("GETTER", Getters[member]), expected);

    /// <summary>The diagnostic for <paramref name="member"/> on the feature marked <c>{|#N:…|}</c>.</summary>
    private static DiagnosticResult Expected(string member, string feature, string path, int location = 0)
    {
        var result = member switch
        {
            "Outcome" => new DiagnosticResult(Descriptors.LabelDependency).WithArguments(feature, "Patient.Outcome", path),
            "DischargeScore" => new DiagnosticResult(Descriptors.NotAtServingDependency).WithArguments(feature, "Patient.DischargeScore", "recorded at discharge", path),
            _ => new DiagnosticResult(Descriptors.ModelOutputDependency).WithArguments(feature, "Patient.PredictedRisk", path),
        };
        return result.WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);
    }

    // Must fire.

    [Theory]
    [MemberData(nameof(Marked))]
    public Task Fires_on_a_direct_read(string member) => VerifyAsync(member, """
        [FeatureSet(typeof(Patient))]
        public static partial class PatientFeatures
        {
            [Feature] public static float {|#0:Leak|}(Patient p) => p.MEMBER * 2;
        }
        """, Expected(member, "Leak", "directly"));

    [Theory]
    [MemberData(nameof(Marked))]
    public Task Fires_through_a_local_alias(string member) => VerifyAsync(member, """
        [FeatureSet(typeof(Patient))]
        public static partial class PatientFeatures
        {
            [Feature] public static float {|#0:Leak|}(Patient p)
            {
                var x = p.MEMBER;
                var y = x;
                return y + 1;
            }
        }
        """, Expected(member, "Leak", "via local 'y' → local 'x'"));

    [Theory]
    [MemberData(nameof(Marked))]
    public Task Fires_through_deconstruction(string member) => VerifyAsync(member, """
        [FeatureSet(typeof(Patient))]
        public static partial class PatientFeatures
        {
            [Feature] public static float {|#0:Leak|}(Patient p)
            {
                var (age, marked) = (p.Age, p.MEMBER);
                return marked;
            }

            [Feature] public static float OtherElement(Patient p)
            {
                var (age, marked) = (p.Age, p.MEMBER);
                return age;
            }
        }
        """, Expected(member, "Leak", "via local 'marked'"));

    [Theory]
    [MemberData(nameof(Marked))]
    public Task Fires_through_a_static_helper(string member) => VerifyAsync(member, """
        public static class Helper
        {
            public static float Bucket(Patient p)
            {
                var d = p.MEMBER;
                return d > 10 ? 1 : 0;
            }
        }

        [FeatureSet(typeof(Patient))]
        public static partial class PatientFeatures
        {
            [Feature] public static float {|#0:Leak|}(Patient p) => Helper.Bucket(p);
        }
        """, Expected(member, "Leak", "via Helper.Bucket(…) → local 'd'"));

    [Theory]
    [MemberData(nameof(Marked))]
    public Task Fires_through_an_extension_method(string member) => VerifyAsync(member, """
        public static class PatientExtensions
        {
            public static float Scaled(this Patient p) => p.MEMBER / 60f;
        }

        [FeatureSet(typeof(Patient))]
        public static partial class PatientFeatures
        {
            [Feature] public static float {|#0:Leak|}(Patient p) => p.Scaled();
        }
        """, Expected(member, "Leak", "via PatientExtensions.Scaled(…)"));

    [Theory]
    [MemberData(nameof(Marked))]
    public Task Fires_through_a_generic_helper(string member) => VerifyAsync(member, """
        public static class Helper
        {
            public static T Identity<T>(T value) => value;
        }

        [FeatureSet(typeof(Patient))]
        public static partial class PatientFeatures
        {
            [Feature] public static float {|#0:Leak|}(Patient p) => Helper.Identity(p.MEMBER);
        }
        """, Expected(member, "Leak", "via Helper.Identity(…) → parameter 'value'"));

    [Theory]
    [MemberData(nameof(Marked))]
    public Task Fires_through_a_lambda_stored_in_a_local(string member) => VerifyAsync(member, """
        [FeatureSet(typeof(Patient))]
        public static partial class PatientFeatures
        {
            [Feature] public static float {|#0:Leak|}(Patient p)
            {
                Func<Patient, float> read = x => x.MEMBER;
                return read(p);
            }
        }
        """, Expected(member, "Leak", "via local 'read' → lambda"));

    [Theory]
    [MemberData(nameof(Marked))]
    public Task Fires_through_another_feature(string member) => VerifyAsync(member, """
        [FeatureSet(typeof(Patient))]
        public static partial class PatientFeatures
        {
            [Feature] public static float {|#0:Raw|}(Patient p) => p.MEMBER;

            [Feature] public static float {|#1:Derived|}(Patient p) => Raw(p) + 1;
        }
        """, Expected(member, "Raw", "directly"), Expected(member, "Derived", "via PatientFeatures.Raw(…)", location: 1));

    [Theory]
    [MemberData(nameof(Marked))]
    public Task Fires_through_an_if_on_the_member(string member) => VerifyAsync(member, """
        [FeatureSet(typeof(Patient))]
        public static partial class PatientFeatures
        {
            [Feature] public static bool {|#0:Leak|}(Patient p)
            {
                if (p.MEMBER > 10)
                {
                    return true;
                }

                return false;
            }
        }
        """, Expected(member, "Leak", "via a branch"));

    [Theory]
    [MemberData(nameof(Marked))]
    public Task Fires_through_a_switch_on_the_member(string member) => VerifyAsync(member, """
        [FeatureSet(typeof(Patient))]
        public static partial class PatientFeatures
        {
            [Feature] public static int {|#0:Leak|}(Patient p)
            {
                switch (p.MEMBER)
                {
                    case > 10:
                        return 2;
                    case > 5:
                        return 1;
                    default:
                        return 0;
                }
            }
        }
        """, Expected(member, "Leak", "via a branch"));

    [Theory]
    [MemberData(nameof(Marked))]
    public Task Fires_through_a_property_getter_on_the_input(string member) => VerifyAsync(member, """
        [FeatureSet(typeof(Patient))]
        public static partial class PatientFeatures
        {
            [Feature] public static float {|#0:Leak|}(Patient p) => p.GETTER;
        }
        """, Expected(member, "Leak", $"via Patient.{Getters[member]}"));

    [Theory]
    [MemberData(nameof(Marked))]
    public Task Fires_in_a_partial_class_spread_over_two_files(string member) =>
        Verify.AnalyzerAsync<FeatureDependencyAnalyzer>(
            Verify.Setup.Plain,
            [
                Patient + """
                    [FeatureSet(typeof(Patient))]
                    public static partial class PatientFeatures
                    {
                        [Feature] public static float {|#0:Leak|}(Patient p) => Scale(p);
                    }
                    """,
                """
                public static partial class PatientFeatures
                {
                    private static float Scale(Patient p) => p.MEMBER * 2;
                }
                """.Replace("MEMBER", member),
            ],
            Expected(member, "Leak", "via PatientFeatures.Scale(…)"));

    // Must not fire.

    [Theory]
    [MemberData(nameof(Marked))]
    public Task Is_silent_on_a_feature_named_like_the_member_but_computed_from_others(string member) => VerifyAsync(member, """
        [FeatureSet(typeof(Patient))]
        public static partial class PatientFeatures
        {
            [Feature] public static float MEMBERLike(Patient p) => p.Age * 2;

            [Feature] public static int MEMBERLength(Patient p) => p.Ward.Length;

            [Feature] public static int NameOfMEMBER(Patient p) => nameof(p.MEMBER).Length + p.Ward.Length;
        }
        """);

    [Theory]
    [MemberData(nameof(Marked))]
    public Task Is_silent_when_a_helper_reads_the_member_but_its_result_is_discarded(string member) => VerifyAsync(member, """
        public static class Helper
        {
            public static float Read(Patient p) => p.MEMBER;
        }

        [FeatureSet(typeof(Patient))]
        public static partial class PatientFeatures
        {
            [Feature] public static float Age(Patient p)
            {
                Helper.Read(p);
                var unused = p.MEMBER;
                return p.Age;
            }
        }
        """);

    [Theory]
    [MemberData(nameof(Marked))]
    public Task Is_silent_when_a_helper_that_reads_the_member_is_not_reachable_from_a_feature(string member) => VerifyAsync(member, """
        public static class Helper
        {
            public static float Read(Patient p) => p.MEMBER;
        }

        [FeatureSet(typeof(Patient))]
        public static partial class PatientFeatures
        {
            [Feature] public static float Age(Patient p) => p.Age;

            public static float NotAFeature(Patient p) => Helper.Read(p) + p.GETTER;
        }
        """);

    [Theory]
    [MemberData(nameof(Marked))]
    public Task Is_silent_on_a_row_filter_on_the_member_outside_any_feature(string member) => VerifyAsync(member, """
        [FeatureSet(typeof(Patient))]
        public static partial class PatientFeatures
        {
            [Feature] public static float Age(Patient p) => p.Age;
        }

        public static class Training
        {
            public static Patient[] Rows(IEnumerable<Patient> all) => all.Where(p => p.MEMBER > 0).ToArray();
        }
        """);
}
