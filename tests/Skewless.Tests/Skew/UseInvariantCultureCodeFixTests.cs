using Skewless.Analyzers.Skew.Culture;
using Skewless.CodeFixes.Skew;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Skew;

public sealed class UseInvariantCultureCodeFixTests
{
    private const string FlightWithGlobalization = "using System;\nusing System.Globalization;\nusing Skewless;\n";

    private static Task VerifyAsync(string body, string fixedBody, bool addsUsing = false) =>
        Verify.CodeFixAsync<CultureDependentFeatureAnalyzer, UseInvariantCultureCodeFix>(Features(body), addsUsing ? WithGlobalization(Features(fixedBody)) : Features(fixedBody));

    // A string feature whose expression the fix rewrites with a culture from System.Globalization.
    private static Task VerifyLabelAsync(string expression, string fixedExpression) => VerifyAsync(
        $"    [Feature] public static string Label(Flight f) => {expression};",
        $"    [Feature] public static string Label(Flight f) => {fixedExpression};",
        addsUsing: true);

    private static string Features(string body) => TestSources.Flight + $$"""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
        {{body}}
        }
        """;

    // Where the code fix adds the using: among the others, System first.
    private static string WithGlobalization(string source) => source.Replace("using System;\nusing Skewless;\n", FlightWithGlobalization, StringComparison.Ordinal);

    [Theory]
    [InlineData("{|SKW303:double.Parse(f.Origin)|}", "double.Parse(f.Origin, CultureInfo.InvariantCulture)")]
    [InlineData("(double){|SKW303:decimal.Parse(f.Origin, null)|}", "(double)decimal.Parse(f.Origin, CultureInfo.InvariantCulture)")]
    [InlineData("{|SKW303:double.TryParse(f.Origin, out var parsed)|} ? 1 : 0", "double.TryParse(f.Origin, CultureInfo.InvariantCulture, out var parsed) ? 1 : 0")]
    [InlineData("{|SKW303:Convert.ToDouble(f.Origin)|}", "Convert.ToDouble(f.Origin, CultureInfo.InvariantCulture)")]
    [InlineData("{|SKW303:f.DistanceMiles.ToString(\"F1\")|}.Length", "f.DistanceMiles.ToString(\"F1\", CultureInfo.InvariantCulture).Length")]
    [InlineData("{|SKW303:DateTime.Parse(f.Origin)|}.Hour", "DateTime.Parse(f.Origin, CultureInfo.InvariantCulture).Hour")]
    [InlineData("{|SKW303:string.Format(\"{0:N1}\", f.DistanceMiles)|}.Length", "string.Format(CultureInfo.InvariantCulture, \"{0:N1}\", f.DistanceMiles).Length")]
    [InlineData("{|SKW303:new System.Text.StringBuilder().AppendFormat(\"{0:N1}\", f.DistanceMiles)|}.Length", "new System.Text.StringBuilder().AppendFormat(CultureInfo.InvariantCulture, \"{0:N1}\", f.DistanceMiles).Length")]
    [InlineData("{|SKW303:Convert.ToString(f.DistanceMiles)|}.Length", "Convert.ToString(f.DistanceMiles, CultureInfo.InvariantCulture).Length")]
    [InlineData("{|SKW303:f.DistanceMiles.ToString(System.Globalization.CultureInfo.CurrentCulture)|}.Length", "f.DistanceMiles.ToString(CultureInfo.InvariantCulture).Length")]
    [InlineData("{|SKW303:double.Parse(f.Origin, System.Globalization.NumberFormatInfo.CurrentInfo)|}", "double.Parse(f.Origin, CultureInfo.InvariantCulture)")]
    [InlineData("{|SKW303:f.Origin.ToUpper(System.Globalization.CultureInfo.CurrentCulture)|}.Length", "f.Origin.ToUpper(CultureInfo.InvariantCulture).Length")]
    public Task Passes_the_invariant_culture_and_adds_the_using(string expression, string fixedExpression) => VerifyAsync(
        $"    [Feature] public static double Parsed(Flight f) => {expression};",
        $"    [Feature] public static double Parsed(Flight f) => {fixedExpression};",
        addsUsing: true);

    [Theory]
    [InlineData("{|SKW303:$\"{f.Origin}-{f.DistanceMiles:F1}\"|}", "FormattableString.Invariant($\"{f.Origin}-{f.DistanceMiles:F1}\")")]
    [InlineData("{|SKW303:$@\"{f.DistanceMiles}\"|}.Trim()", "FormattableString.Invariant($@\"{f.DistanceMiles}\").Trim()")]
    public Task Wraps_an_interpolated_string_in_FormattableString_Invariant(string expression, string fixedExpression) => VerifyAsync(
        $"    [Feature] public static string Label(Flight f) => {expression};",
        $"    [Feature] public static string Label(Flight f) => {fixedExpression};");

    [Theory]
    [InlineData("{|SKW303:f.Departure.ToShortDateString()|}", "f.Departure.ToString(\"d\", CultureInfo.InvariantCulture)")]
    [InlineData("{|SKW303:f.Departure.ToLongTimeString()|}.Trim()", "f.Departure.ToString(\"T\", CultureInfo.InvariantCulture).Trim()")]
    [InlineData("{|SKW303:DateOnly.FromDateTime(f.Departure).ToLongDateString()|}", "DateOnly.FromDateTime(f.Departure).ToString(\"D\", CultureInfo.InvariantCulture)")]
    public Task Writes_a_culture_pattern_with_its_standard_format_and_the_invariant_culture(string expression, string fixedExpression) => VerifyLabelAsync(expression, fixedExpression);

    [Theory]
    [InlineData("{|SKW303:System.Linq.Enumerable.OrderBy(new[] { f.Origin, \"JFK\" }, s => s)|}", "System.Linq.Enumerable.OrderBy(new[] { f.Origin, \"JFK\" }, s => s, StringComparer.Ordinal)")]
    [InlineData("{|SKW303:System.Linq.Enumerable.Min(new[] { f.Origin, \"JFK\" })|}", "System.Linq.Enumerable.Min(new[] { f.Origin, \"JFK\" }, StringComparer.Ordinal)")]
    [InlineData("{|SKW303:new System.Collections.Generic.SortedSet<string> { f.Origin }|}", "new System.Collections.Generic.SortedSet<string>(StringComparer.Ordinal) { f.Origin }")]
    [InlineData("{|SKW303:new System.Collections.Generic.List<string> { f.Origin }.BinarySearch(\"JFK\")|}.ToString(System.Globalization.CultureInfo.InvariantCulture)", "new System.Collections.Generic.List<string> { f.Origin }.BinarySearch(\"JFK\", StringComparer.Ordinal).ToString(System.Globalization.CultureInfo.InvariantCulture)")]
    public Task Sorts_strings_with_the_ordinal_comparer(string expression, string fixedExpression) => VerifyAsync(
        $"    [Feature] public static string Label(Flight f) => string.Concat({expression});",
        $"    [Feature] public static string Label(Flight f) => string.Concat({fixedExpression});");

    [Theory]
    [InlineData("{|SKW303:Regex.IsMatch(f.Origin, \"^i\", RegexOptions.IgnoreCase)|}", "Regex.IsMatch(f.Origin, \"^i\", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)")]
    [InlineData("{|SKW303:new Regex(\"^i\", RegexOptions.IgnoreCase | RegexOptions.Compiled)|}.IsMatch(f.Origin)", "new Regex(\"^i\", RegexOptions.IgnoreCase | RegexOptions.Compiled | RegexOptions.CultureInvariant).IsMatch(f.Origin)")]
    public Task Adds_CultureInvariant_to_a_regex_that_ignores_case(string expression, string fixedExpression) =>
        Verify.CodeFixAsync<CultureDependentFeatureAnalyzer, UseInvariantCultureCodeFix>(
            WithRegularExpressions(Features($"    [Feature] public static bool Matches(Flight f) => {expression};")),
            WithRegularExpressions(Features($"    [Feature] public static bool Matches(Flight f) => {fixedExpression};")));

    private static string WithRegularExpressions(string source) =>
        source.Replace("using System;\n", "using System;\nusing System.Text.RegularExpressions;\n", StringComparison.Ordinal);

    [Theory]
    [InlineData("System.Collections.Generic.Comparer<string>.Default", "StringComparer.Ordinal")]
    [InlineData("StringComparer.CurrentCulture", "StringComparer.Ordinal")]
    [InlineData("StringComparer.CurrentCultureIgnoreCase", "StringComparer.OrdinalIgnoreCase")]
    public Task Uses_an_ordinal_comparer_in_place_of_a_culture_one_read_directly(string comparer, string ordinal) => VerifyAsync(
        $"    [Feature] public static float Order(Flight f) => {{|SKW303:{comparer}|}}.Compare(f.Origin, \"m\");",
        $"    [Feature] public static float Order(Flight f) => {ordinal}.Compare(f.Origin, \"m\");");

    [Theory]
    [InlineData("{|SKW303:System.Globalization.CultureInfo.CurrentCulture|}.TextInfo.ToTitleCase(f.Origin)", "CultureInfo.InvariantCulture.TextInfo.ToTitleCase(f.Origin)")]
    [InlineData("{|SKW303:System.Globalization.NumberFormatInfo.CurrentInfo|}.NumberDecimalSeparator", "NumberFormatInfo.InvariantInfo.NumberDecimalSeparator")]
    [InlineData("{|SKW303:System.Threading.Thread.CurrentThread.CurrentCulture|}.Name", "CultureInfo.InvariantCulture.Name")]
    public Task Reads_the_invariant_culture_in_place_of_the_current_one(string expression, string fixedExpression) => VerifyLabelAsync(expression, fixedExpression);

    [Theory]
    [InlineData("{|SKW303:f.Origin + f.DistanceMiles|}", "f.Origin + f.DistanceMiles.ToString(CultureInfo.InvariantCulture)")]
    [InlineData("{|SKW303:f.DistanceMiles * 2 + \" mi\"|}", "(f.DistanceMiles * 2).ToString(CultureInfo.InvariantCulture) + \" mi\"")]
    [InlineData("{|SKW303:new System.Text.StringBuilder().Append(f.DistanceMiles)|}.ToString()", "new System.Text.StringBuilder().Append(f.DistanceMiles.ToString(CultureInfo.InvariantCulture)).ToString()")]
    [InlineData("{|SKW303:new System.Text.StringBuilder(f.Origin).Insert(0, f.DistanceMiles)|}.ToString()", "new System.Text.StringBuilder(f.Origin).Insert(0, f.DistanceMiles.ToString(CultureInfo.InvariantCulture)).ToString()")]
    public Task Formats_a_concatenated_or_appended_number_first(string expression, string fixedExpression) => VerifyLabelAsync(expression, fixedExpression);

    [Fact]
    public Task Formats_the_number_appended_with_plus_equals() => VerifyAsync(
        "    [Feature] public static string Label(Flight f) { var label = f.Origin; {|SKW303:label += f.DistanceMiles|}; return label; }",
        "    [Feature] public static string Label(Flight f) { var label = f.Origin; label += f.DistanceMiles.ToString(CultureInfo.InvariantCulture); return label; }",
        addsUsing: true);

    [Theory]
    [InlineData("{|SKW303:f.Origin + (float?)f.DistanceMiles|}")]
    [InlineData("new System.Text.StringBuilder().Append({|SKW303:$\"{f.DistanceMiles}\"|}).ToString()")]
    public Task Offers_nothing_where_no_provider_can_be_passed(string expression)
    {
        var source = Features($"    [Feature] public static string Label(Flight f) => {expression};");
        return Verify.CodeFixAsync<CultureDependentFeatureAnalyzer, UseInvariantCultureCodeFix>(source, source, iterations: 0);
    }

    [Fact]
    public Task Keeps_an_existing_using() => Verify.CodeFixAsync<CultureDependentFeatureAnalyzer, UseInvariantCultureCodeFix>(
        WithGlobalization(Features("    [Feature] public static double Parsed(Flight f) => {|SKW303:float.Parse(f.Origin)|};")),
        WithGlobalization(Features("    [Feature] public static double Parsed(Flight f) => float.Parse(f.Origin, CultureInfo.InvariantCulture);")));

    [Theory]
    [InlineData("{|SKW303:f.Origin.ToUpper()|} == \"JFK\"", "f.Origin.ToUpperInvariant() == \"JFK\"")]
    [InlineData("{|SKW303:f.Origin.ToLower()|} == \"jfk\"", "f.Origin.ToLowerInvariant() == \"jfk\"")]
    [InlineData("{|SKW303:char.ToUpper(f.Origin[0])|} == 'J'", "char.ToUpperInvariant(f.Origin[0]) == 'J'")]
    [InlineData("{|SKW303:f.Origin.StartsWith(\"J\")|}", "f.Origin.StartsWith(\"J\", StringComparison.Ordinal)")]
    [InlineData("{|SKW303:f.Origin.IndexOf(\"F\", 1)|} > 0", "f.Origin.IndexOf(\"F\", 1, StringComparison.Ordinal) > 0")]
    [InlineData("{|SKW303:string.Compare(f.Origin, \"JFK\")|} == 0", "string.Compare(f.Origin, \"JFK\", StringComparison.Ordinal) == 0")]
    [InlineData("{|SKW303:string.Compare(f.Origin, \"jfk\", true)|} == 0", "string.Compare(f.Origin, \"jfk\", StringComparison.OrdinalIgnoreCase) == 0")]
    [InlineData("{|SKW303:f.Origin.StartsWith(\"j\", StringComparison.CurrentCultureIgnoreCase)|}", "f.Origin.StartsWith(\"j\", StringComparison.OrdinalIgnoreCase)")]
    [InlineData("{|SKW303:string.Equals(f.Origin, \"JFK\", StringComparison.CurrentCulture)|}", "string.Equals(f.Origin, \"JFK\", StringComparison.Ordinal)")]
    [InlineData("{|SKW303:new System.Collections.Generic.HashSet<string>(StringComparer.CurrentCulture)|}.Contains(f.Origin)", "new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal).Contains(f.Origin)")]
    [InlineData("{|SKW303:new System.Collections.Generic.HashSet<string>((System.Collections.Generic.IEqualityComparer<string>)StringComparer.CurrentCultureIgnoreCase)|}.Contains(f.Origin)", "new System.Collections.Generic.HashSet<string>(StringComparer.OrdinalIgnoreCase).Contains(f.Origin)")]
    public Task Uses_invariant_case_and_ordinal_comparison(string expression, string fixedExpression) => VerifyAsync(
        $"    [Feature] public static bool Jfk(Flight f) => {expression};",
        $"    [Feature] public static bool Jfk(Flight f) => {fixedExpression};");

    [Fact]
    public Task Fix_all_fixes_every_kind_in_features_and_helpers() => Verify.CodeFixAsync<CultureDependentFeatureAnalyzer, UseInvariantCultureCodeFix>(
        TestSources.Flight + """
        public static class Parsing
        {
            public static float Miles(string text) => {|SKW303:float.Parse(text)|};
        }

        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static float Gate(Flight f) => Parsing.Miles(f.Origin);
            [Feature] public static bool Jfk(Flight f) => {|SKW303:{|SKW303:f.Origin.ToUpper()|}.EndsWith("FK")|};
        }
        """,
        WithGlobalization(TestSources.Flight) + """
        public static class Parsing
        {
            public static float Miles(string text) => float.Parse(text, CultureInfo.InvariantCulture);
        }

        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static float Gate(Flight f) => Parsing.Miles(f.Origin);
            [Feature] public static bool Jfk(Flight f) => f.Origin.ToUpperInvariant().EndsWith("FK", StringComparison.Ordinal);
        }
        """);

    // One fix inside another: Fix All fixes both in one pass, even where both insert at the same place (a wrap's closing
    // parenthesis and the culture argument after it).
    [Theory]
    [InlineData("{|SKW303:double.Parse({|SKW303:f.DistanceMiles.ToString()|})|}", "double.Parse(f.DistanceMiles.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)")]
    [InlineData("{|SKW303:double.Parse({|SKW303:$\"{f.DistanceMiles}\"|})|}", "double.Parse(FormattableString.Invariant($\"{f.DistanceMiles}\"), CultureInfo.InvariantCulture)")]
    [InlineData("{|SKW303:string.Format(\"{0:N1}\", {|SKW303:double.Parse(f.Origin)|})|}.Length", "string.Format(CultureInfo.InvariantCulture, \"{0:N1}\", double.Parse(f.Origin, CultureInfo.InvariantCulture)).Length")]
    public Task Fix_all_fixes_a_call_and_the_calls_inside_it_in_one_pass(string expression, string fixedExpression) => VerifyAsync(
        $"    [Feature] public static double Nested(Flight f) => {expression};",
        $"    [Feature] public static double Nested(Flight f) => {fixedExpression};",
        addsUsing: true);
}
