using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Skew.Clones;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Skew;

/// <summary>SKW300 and SKW301 where a dogfooding run found false positives: business arithmetic, feature helpers, test oracles.</summary>
public sealed class ReimplementedFeaturePrecisionTests
{
    private const string Features = """
        using System;
        using Skewless;

        [DataSource("shop.widget_days")]
        public sealed class WidgetDay
        {
            public float Price { get; set; }
            public float StockOnHand { get; set; }
            public int PromoDays { get; set; }
            public string Region { get; set; } = "";
        }

        [FeatureSet(typeof(WidgetDay))]
        public static partial class SimpleFeatures
        {
            [Feature] public static float PriceCents(WidgetDay d) => d.Price * 100f;
            [Feature] public static float StockWeeks(WidgetDay d) => d.StockOnHand / 7f;
            [Feature] public static float PromoWeeks(WidgetDay d) => d.PromoDays / 7f;
        }

        [FeatureSet(typeof(WidgetDay))]
        public static partial class DemandFeatures
        {
            [Feature, ZScore] public static float LogPrice(WidgetDay d) => MathF.Log(1 + d.Price * 100f);
            [Feature] public static float LogStock(WidgetDay d) => MathF.Log(1 + d.StockOnHand);
        }

        public static class PriceMath
        {
            public static float LogScaled(WidgetDay d) => MathF.Log(1 + d.Price * 100f);

            public static float Scaled(WidgetDay d) => Inner(d);

            private static float Inner(WidgetDay d) => MathF.Log(1 + d.StockOnHand);
        }

        [FeatureSet(typeof(WidgetDay))]
        public static partial class DemandFeaturesV0
        {
            [Feature] public static float LogPricePlus(WidgetDay d) => PriceMath.LogScaled(d) + 1;
            [Feature] public static float Stock(WidgetDay d) => PriceMath.Scaled(d) * 2;
        }

        """;

    private const string TestFrameworks = """
        namespace Xunit
        {
            public class FactAttribute : System.Attribute { }
            public sealed class TheoryAttribute : FactAttribute { }
        }

        namespace NUnit.Framework
        {
            public sealed class TestCaseAttribute : System.Attribute { public TestCaseAttribute(params object[] arguments) { } }
        }

        namespace Microsoft.VisualStudio.TestTools.UnitTesting
        {
            public class TestMethodAttribute : System.Attribute { }
            public sealed class DataTestMethodAttribute : TestMethodAttribute { }
        }

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        Verify.AnalyzerAsync<ReimplementedFeatureAnalyzer>(Features + source, expected);

    private static DiagnosticResult NearCopy(int location, string feature, string differences) =>
        new DiagnosticResult(Descriptors.NearCopyOfFeature).WithLocation(location).WithArguments(feature, "other constants: " + differences).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static DiagnosticResult Copy(int location, string feature, string advice) =>
        new DiagnosticResult(Descriptors.ReimplementedFeature).WithLocation(location).WithArguments(feature, advice).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public Task Ordinary_arithmetic_over_the_row_is_not_a_near_copy() => VerifyAsync("""
        public static class Pricing
        {
            public static float WithTax(WidgetDay d) => d.Price * 1.2f;
            public static float StockMonths(WidgetDay d) => d.StockOnHand / 30f;
            public static float Discounted(WidgetDay d) => d.Price * 0.85f;
            public static float HalfStock(WidgetDay d) => d.StockOnHand / 2f;
        }
        """);

    [Fact]
    public Task A_small_near_copy_whose_constant_is_a_slip_fires() => VerifyAsync("""
        public static class Serving
        {
            public static float PromoWeeks(WidgetDay row) => {|#0:row.PromoDays / 5f|};
            public static float Cents(WidgetDay row) => {|#1:row.Price * 10f|};
        }
        """,
        NearCopy(0, "SimpleFeatures.PromoWeeks", "7 in SimpleFeatures.PromoWeeks against 5 here"),
        NearCopy(1, "SimpleFeatures.PriceCents", "100 in SimpleFeatures.PriceCents against 10 here"));

    [Fact]
    public Task A_larger_near_copy_fires_whatever_its_constants() => VerifyAsync("""
        public static class Serving
        {
            public static float LogPrice(WidgetDay row) => {|#0:MathF.Log(1 + row.Price * 1.2f)|};
        }
        """,
        NearCopy(0, "DemandFeatures.LogPrice", "100 in DemandFeatures.LogPrice against 1.2 here"));

    [Fact]
    public Task A_helper_that_a_feature_calls_is_feature_code() => VerifyAsync("""
        public static class Serving
        {
            public static float Score(WidgetDay row) => 2 * {|SKW300:MathF.Log(1 + row.StockOnHand)|};
        }
        """);

    [Fact]
    public Task A_copy_in_a_test_method_is_an_oracle_not_a_copy() => VerifyAsync(TestFrameworks + """
        public sealed class PriceTests
        {
            [Xunit.Fact]
            public void LogPrice()
            {
                var row = new WidgetDay { Price = 2 };
                var expected = MathF.Log(1 + row.Price * 100f);
                System.Diagnostics.Debug.Assert(expected == DemandFeatures.LogPrice(row));
            }

            [Xunit.Theory]
            public void LogStock(float stock) => System.Diagnostics.Debug.Assert(MathF.Log(1 + new WidgetDay { StockOnHand = stock }.StockOnHand) > 0);

            [NUnit.Framework.TestCase(1f)]
            public void Near(float price) => System.Diagnostics.Debug.Assert(MathF.Log(1 + new WidgetDay { Price = price }.Price * 10f) > 0);

            [Microsoft.VisualStudio.TestTools.UnitTesting.DataTestMethod]
            public void InALambda() => System.Diagnostics.Debug.Assert(new Func<WidgetDay, float>(d => MathF.Log(1 + d.Price * 100f))(new WidgetDay()) > 0);

            [Obsolete]
            public float NotATest(WidgetDay row) => {|SKW300:MathF.Log(1 + row.Price * 100f)|};
        }
        """);

    [Fact]
    public Task A_copy_of_a_feature_with_a_fitted_transform_names_Transform() => VerifyAsync("""
        public static class Serving
        {
            public static float LogPrice(WidgetDay row) => {|#0:MathF.Log(1 + row.Price * 100f)|};
            public static float LogStock(WidgetDay row) => {|#1:MathF.Log(1 + row.StockOnHand)|};
        }
        """,
        Copy(0, "DemandFeatures.LogPrice", "serve it with fitted.Transform(row) instead, which applies the feature's fitted [ZScore]"),
        Copy(1, "DemandFeatures.LogStock", "call the feature instead"));

    [Fact]
    public Task Integer_division_where_the_feature_divides_floats_fires() => VerifyAsync("""
        public static class Serving
        {
            public static int Weeks(WidgetDay row)
            {
                var weeks = {|#0:row.PromoDays / 7|};
                return weeks;
            }

            public static long InLongs(WidgetDay row) => {|#1:row.PromoDays / 7L|};
        }
        """,
        NearCopy(0, "SimpleFeatures.PromoWeeks", "7f in SimpleFeatures.PromoWeeks against 7 here: integer division here against float division in the feature"),
        NearCopy(1, "SimpleFeatures.PromoWeeks", "7f in SimpleFeatures.PromoWeeks against 7L here: integer division here against float division in the feature"));

    [Fact]
    public Task Float_division_is_an_exact_copy_and_unrelated_integer_division_does_not_fire() => VerifyAsync("""
        public static class Serving
        {
            public static float Weeks(WidgetDay row) => {|#0:(float)row.PromoDays / 7|};
            public static int Months(WidgetDay row) => row.PromoDays / 30;
            public static int Halves(WidgetDay row) => (int)row.StockOnHand / 2;
        }
        """,
        Copy(0, "SimpleFeatures.PromoWeeks", "call the feature instead"));

    [Theory]
    [InlineData("7", "5", true)]
    [InlineData("100", "1000", true)]
    [InlineData("365", "356", true)]
    [InlineData("1", "0.001", true)]
    [InlineData("100", "1.2", false)]
    [InlineData("7", "30", false)]
    [InlineData("7", "2", false)]
    [InlineData("7", "8", true)]
    [InlineData("0.5", "0.2", true)]
    [InlineData("1.5", "1.05", true)]
    [InlineData("1", "-1", true)]
    [InlineData("2", "-20", false)]
    public void A_slip_is_one_key_or_a_power_of_ten(string feature, string copy, bool slip) =>
        Assert.Equal(slip, NearCopyEvidence.IsSlip(feature, copy));
}
