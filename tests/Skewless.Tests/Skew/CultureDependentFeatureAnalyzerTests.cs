using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Skew.Culture;
using Skewless.Analyzers.Skew.Purity;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Skew;

public sealed class CultureDependentFeatureAnalyzerTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        Verify.AnalyzerAsync<CultureDependentFeatureAnalyzer>("using System.Globalization;\n" + TestSources.Flight + source, expected);

    public static TheoryData<string> CultureDependentExpressions() => new()
    {
        "{|SKW303:double.Parse(f.Origin)|}",
        "{|SKW303:int.Parse(f.Origin)|}",
        "{|SKW303:float.TryParse(f.Origin, out var parsed)|}",
        "{|SKW303:decimal.Parse(f.Origin, null)|}",
        "{|SKW303:DateTime.Parse(f.Origin)|}",
        "{|SKW303:DateTimeOffset.TryParse(f.Origin, out var parsed)|}",
        "{|SKW303:TimeSpan.Parse(f.Origin)|}",
        "{|SKW303:Convert.ToDouble(f.Origin)|}",
        "{|SKW303:f.DistanceMiles.ToString()|}",
        "{|SKW303:f.DistanceMiles.ToString(\"F2\")|}",
        "{|SKW303:f.Departure.ToString()|}",
        "{|SKW303:f.Departure.ToShortDateString()|}",
        "{|SKW303:f.Departure.ToLongTimeString()|}",
        "{|SKW303:DateOnly.FromDateTime(f.Departure).ToString(\"yyyy-MM-dd\")|}",
        "{|SKW303:TimeOnly.FromDateTime(f.Departure).ToString(\"t\")|}",
        "{|SKW303:TimeSpan.FromMinutes(f.DistanceMiles).ToString(\"g\")|}",
        "{|SKW303:((uint)f.DistanceMiles).ToString(\"N0\")|}",
        "{|SKW303:((int)f.DistanceMiles).ToString()|}",
        "{|SKW303:$\"{TimeSpan.FromMinutes(f.DistanceMiles):G}\"|}",
        "{|SKW303:f.Origin.ToUpper()|}",
        "{|SKW303:f.Origin.ToLower()|}",
        "{|SKW303:char.ToUpper(f.Origin[0])|}",
        "{|SKW303:string.Compare(f.Origin, \"JFK\")|}",
        "{|SKW303:string.Compare(f.Origin, \"jfk\", true)|}",
        "{|SKW303:f.Origin.StartsWith(\"J\")|}",
        "{|SKW303:f.Origin.EndsWith(\"K\")|}",
        "{|SKW303:f.Origin.IndexOf(\"F\")|}",
        "{|SKW303:string.Format(\"{0:N1}\", f.DistanceMiles)|}",
        "{|SKW303:string.Format(\"{0} {1} {2} {3}\", f.Origin, f.Cabin, f.Origin, f.Departure)|}",
        "{|SKW303:string.Format(\"{0:g}\", TimeSpan.FromMinutes(f.DistanceMiles))|}",
        "{|SKW303:string.Format(\"{0:X8} {1}\", (int)f.DistanceMiles, f.DistanceMiles)|}",
        "{|SKW303:new System.Text.StringBuilder().AppendFormat(\"{1,8:F2}\", f.Origin, f.DistanceMiles)|}",
        "{|SKW303:string.Format(\"{0}: {1:N1}\", new object[] { f.Origin, f.DistanceMiles })|}",
        "{|SKW303:string.Format(\"{1:N1}\", new[] { (object)f.Origin, f.DistanceMiles })|}",
        "{|SKW303:f.Origin.CompareTo(\"M\")|}",
        "{|SKW303:f.Origin.StartsWith(\"J\", StringComparison.CurrentCultureIgnoreCase)|}",
        "{|SKW303:string.Compare(f.Origin, \"JFK\", StringComparison.CurrentCulture)|}",
        "{|SKW303:string.Equals(f.Origin, \"jfk\", StringComparison.CurrentCultureIgnoreCase)|}",
        "{|SKW303:f.Origin.Contains(\"f\", StringComparison.CurrentCulture)|}",
        "{|SKW303:$\"{f.DistanceMiles}\"|}",
        "{|SKW303:$\"{f.Origin}-{f.Departure:yyyy-MM}\"|}",
        "{|SKW303:$\"{(int)f.DistanceMiles,5}\"|}",
        "{|SKW303:\"km \" + f.DistanceMiles|}",
        "{|SKW303:f.Departure + f.Origin|}",
        "{|SKW303:f.Origin + (double?)f.DistanceMiles|}",
        "{|SKW303:new System.Text.StringBuilder().Append(f.DistanceMiles)|}",
        "{|SKW303:new System.Text.StringBuilder(f.Origin).Insert(0, f.DistanceMiles)|}",
        "new System.Text.StringBuilder().Append({|SKW303:$\"{f.DistanceMiles}\"|})",
        "{|SKW303:new System.Text.StringBuilder().AppendFormat(\"{0}\", f.DistanceMiles)|}",
        "{|SKW303:string.Concat(f.Origin, f.DistanceMiles)|}",
        "{|SKW303:string.Join(\",\", new[] { f.DistanceMiles })|}",
        "{|SKW303:string.Join(\",\", f.Origin, f.Departure)|}",
        "{|SKW303:Convert.ToString(f.DistanceMiles)|}",
        "{|SKW303:f.DistanceMiles.ToString(CultureInfo.CurrentCulture)|}",
        "{|SKW303:CultureInfo.CurrentCulture|}.TextInfo.ToTitleCase(f.Origin)",
        "{|SKW303:CultureInfo.CurrentUICulture|}.CompareInfo.IndexOf(f.Origin, \"x\")",
        "{|SKW303:NumberFormatInfo.CurrentInfo|}.NumberDecimalSeparator",
        "{|SKW303:System.Threading.Thread.CurrentThread.CurrentCulture|}.Name",
        "{|SKW303:StringComparer.CurrentCulture|}.Compare(f.Origin, \"M\")",
        "{|SKW303:System.Linq.Enumerable.OrderBy(new[] { f.Origin, \"JFK\" }, s => s)|}",
        "{|SKW303:System.Linq.Enumerable.Max(new[] { f.Origin, \"JFK\" })|}",
        "{|SKW303:new System.Collections.Generic.SortedSet<string> { f.Origin }|}.Min",
        "{|SKW303:new System.Collections.Generic.SortedDictionary<string, int>()|}.Count",
        "{|SKW303:new System.Collections.Generic.List<string> { f.Origin }.BinarySearch(\"JFK\")|}",
        "{|SKW303:System.Collections.Generic.Comparer<string>.Default|}.Compare(f.Origin, \"M\")",
        "{|SKW303:System.Text.RegularExpressions.Regex.IsMatch(f.Origin, \"^i\", System.Text.RegularExpressions.RegexOptions.IgnoreCase)|}",
        "{|SKW303:new System.Text.RegularExpressions.Regex(\"^i\", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Compiled)|}.IsMatch(f.Origin)",
        "{|SKW303:double.Parse(f.Origin, NumberFormatInfo.CurrentInfo)|}",
        "{|SKW303:f.Origin.ToUpper(System.Threading.Thread.CurrentThread.CurrentCulture)|}",
        "{|SKW303:string.Create(CultureInfo.CurrentCulture, $\"{f.DistanceMiles}\")|}",
        "{|SKW303:new System.Collections.Generic.SortedSet<string>(StringComparer.CurrentCulture)|}",
        "{|SKW303:new System.Collections.Generic.Dictionary<string, int>(StringComparer.CurrentCultureIgnoreCase)|}",
        "{|SKW303:System.Linq.Enumerable.OrderBy(new[] { f.Origin }, x => x, StringComparer.CurrentCulture)|}",
    };

    [Theory]
    [MemberData(nameof(CultureDependentExpressions))]
    public Task Each_culture_dependent_call_fires_in_the_feature(string expression) => VerifyAsync(FeatureCode.Using(expression));

    [Theory]
    [MemberData(nameof(CultureDependentExpressions))]
    public Task Each_culture_dependent_call_fires_through_a_helper(string expression) => VerifyAsync(FeatureCode.ThroughHelper(expression));

    [Fact]
    public async Task Skw302_and_skw303_share_one_walk_of_a_compilation_and_each_still_reports_its_own_uses()
    {
        var compilation = TestCompilation.Create(TestSources.Flight + """
            [FeatureSet(typeof(Flight))]
            public static partial class FlightFeatures
            {
                [Feature] public static float Gate(Flight f) => float.Parse(f.Origin);

                [Feature] public static float Noise(Flight f) => (float)new Random().NextDouble();
            }
            """);

        var diagnostics = await compilation.WithAnalyzers([new CultureDependentFeatureAnalyzer(), new NondeterministicFeatureAnalyzer()]).GetAnalyzerDiagnosticsAsync();

        Assert.Equal(["SKW302 Noise", "SKW303 Gate"], diagnostics.Select(diagnostic => $"{diagnostic.Id} {diagnostic.GetMessage(CultureInfo.InvariantCulture).Split('\'')[1]}").Order());
    }

    [Fact]
    public Task The_message_names_the_call_and_the_path() => VerifyAsync("""
        public static class Parsing
        {
            public static float Miles(string text) => {|#0:float.Parse(text)|};
        }

        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static float Gate(Flight f) => Parsing.Miles(f.Origin);

            [Feature] public static bool Jfk(Flight f) => {|#1:f.Origin.StartsWith("JFK")|};
        }
        """,
        new DiagnosticResult(Descriptors.CultureDependentFeature).WithLocation(0).WithArguments("Gate", "float.Parse()", "without a format provider", " via Parsing.Miles()"),
        new DiagnosticResult(Descriptors.CultureDependentFeature).WithLocation(1).WithArguments("Jfk", "string.StartsWith()", "without a StringComparison", ""));

    [Theory]
    [InlineData("double.Parse(f.Origin, CultureInfo.InvariantCulture)")]
    [InlineData("double.TryParse(f.Origin, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)")]
    [InlineData("DateTime.ParseExact(f.Origin, \"yyyy-MM-dd\", CultureInfo.InvariantCulture)")]
    [InlineData("Convert.ToDouble(f.Origin, CultureInfo.InvariantCulture)")]
    [InlineData("Convert.ToDouble(f.DistanceMiles)")]
    [InlineData("f.DistanceMiles.ToString(CultureInfo.InvariantCulture)")]
    [InlineData("f.Departure.ToString(\"O\", CultureInfo.InvariantCulture)")]
    [InlineData("f.Origin.ToString()")]
    [InlineData("f.Cabin.ToString()")]
    [InlineData("f.Origin.ToUpperInvariant()")]
    [InlineData("f.Origin.ToLower(CultureInfo.InvariantCulture)")]
    [InlineData("char.ToUpperInvariant(f.Origin[0])")]
    [InlineData("string.Compare(f.Origin, \"JFK\", StringComparison.Ordinal)")]
    [InlineData("string.CompareOrdinal(f.Origin, \"JFK\")")]
    [InlineData("f.Origin.StartsWith(\"J\", StringComparison.Ordinal)")]
    [InlineData("f.Origin.StartsWith('J')")]
    [InlineData("f.Origin.IndexOf('F')")]
    [InlineData("f.Origin.Contains(\"F\")")]
    [InlineData("f.Origin == \"JFK\"")]
    [InlineData("Convert.ToBoolean(f.Origin)")]
    [InlineData("Convert.ToChar(f.Origin)")]
    [InlineData("Convert.ToString(f.Origin)")]
    [InlineData("bool.Parse(f.Origin)")]
    [InlineData("Guid.Parse(f.Origin)")]
    [InlineData("char.Parse(f.Origin)")]
    [InlineData("Enum.Parse<Cabin>(f.Origin)")]
    [InlineData("f.Departure.ToString(\"O\")")]
    [InlineData("f.Departure.ToString(\"s\")")]
    [InlineData("new DateTimeOffset(f.Departure, TimeSpan.Zero).ToString(\"u\")")]
    [InlineData("TimeSpan.FromMinutes(f.DistanceMiles).ToString(\"c\")")]
    [InlineData("TimeSpan.FromMinutes(f.DistanceMiles).ToString()")]
    [InlineData("$\"{TimeSpan.FromMinutes(f.DistanceMiles)}\"")]
    [InlineData("f.Origin + TimeSpan.FromMinutes(f.DistanceMiles)")]
    [InlineData("CultureInfo.InvariantCulture.TextInfo.ToTitleCase(f.Origin)")]
    [InlineData("System.Linq.Enumerable.OrderBy(new[] { f.Origin }, s => s, StringComparer.Ordinal)")]
    [InlineData("System.Linq.Enumerable.OrderBy(new[] { f.Origin }, s => s.Length)")]
    [InlineData("System.Linq.Enumerable.Max(new[] { f.DistanceMiles })")]
    [InlineData("System.Linq.Enumerable.Max(new[] { f.Origin }, StringComparer.Ordinal)")]
    [InlineData("new System.Collections.Generic.SortedSet<string>(StringComparer.Ordinal)")]
    [InlineData("new System.Collections.Generic.SortedSet<int>()")]
    [InlineData("System.Collections.Generic.Comparer<int>.Default.Compare(1, (int)f.DistanceMiles)")]
    [InlineData("System.Text.RegularExpressions.Regex.IsMatch(f.Origin, \"^i\", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)")]
    [InlineData("System.Text.RegularExpressions.Regex.IsMatch(f.Origin, \"^i\", System.Text.RegularExpressions.RegexOptions.Compiled)")]
    [InlineData("System.Text.RegularExpressions.Regex.IsMatch(f.Origin, \"^[Ii]\")")]
    [InlineData("new System.Collections.Generic.List<string> { f.Origin }.BinarySearch(\"JFK\", StringComparer.Ordinal)")]
    [InlineData("NumberFormatInfo.InvariantInfo.NumberDecimalSeparator")]
    [InlineData("((uint)f.DistanceMiles).ToString()")]
    [InlineData("((ushort)f.DistanceMiles).ToString(\"D5\")")]
    [InlineData("$\"{(ulong)f.DistanceMiles}\"")]
    [InlineData("f.Origin + (byte)f.DistanceMiles")]
    [InlineData("new System.Text.StringBuilder().Append((uint)f.DistanceMiles).Insert(0, (ulong)f.DistanceMiles)")]
    [InlineData("Convert.ToString((ulong)f.DistanceMiles)")]
    [InlineData("string.Concat(f.Origin, TimeSpan.FromMinutes(f.DistanceMiles))")]
    [InlineData("TimeSpan.FromMinutes(f.DistanceMiles).ToString(@\"hh\\:mm\")")]
    [InlineData("((int)f.DistanceMiles).ToString(\"X8\")")]
    [InlineData("string.Format(\"{0}-{1}\", f.Origin, f.Cabin)")]
    [InlineData("string.Format(CultureInfo.InvariantCulture, \"{0:N1}\", f.DistanceMiles)")]
    [InlineData("string.Format(\"{0:X8}\", (int)f.DistanceMiles)")]
    [InlineData("DateOnly.FromDateTime(f.Departure).ToString(\"O\")")]
    [InlineData("$\"{TimeOnly.FromDateTime(f.Departure):o}-{DateOnly.FromDateTime(f.Departure):R}\"")]
    [InlineData("string.Format(\"{0}: {1:x}\", new object[] { f.Origin, (int)f.DistanceMiles })")]
    [InlineData("string.Format(\"{0}\", new[] { f.DistanceMiles })")]
    [InlineData("string.Format(\"{0:o} {1:u}\", f.Departure, new DateTimeOffset(f.Departure, TimeSpan.Zero))")]
    [InlineData("string.Format(\"{0} {1:c}\", TimeSpan.FromMinutes(f.DistanceMiles), TimeSpan.Zero)")]
    [InlineData("string.Format(\"{{0}} {0}, {2,-4:x}\", f.Origin, f.DistanceMiles, (long)f.DistanceMiles)")]
    [InlineData("new System.Text.StringBuilder().AppendFormat(\"{0}/{1:D4}\", f.Origin, (ulong)f.DistanceMiles)")]
    [InlineData("f.Origin.StartsWith(\"J\", StringComparison.OrdinalIgnoreCase)")]
    [InlineData("string.Equals(f.Origin, \"jfk\", StringComparison.InvariantCultureIgnoreCase)")]
    [InlineData("string.CompareOrdinal(f.Origin, \"M\")")]
    [InlineData("FormattableString.Invariant($\"{f.DistanceMiles}\")")]
    [InlineData("string.Create(CultureInfo.InvariantCulture, $\"{f.DistanceMiles}\")")]
    [InlineData("new System.Text.StringBuilder().Append(CultureInfo.InvariantCulture, $\"{f.DistanceMiles}\")")]
    [InlineData("$\"{f.Origin}-{f.Cabin}\"")]
    [InlineData("$\"{f.Departure:O}\"")]
    [InlineData("$\"{(int)f.DistanceMiles:X4}\"")]
    [InlineData("f.Origin + \"-\" + f.Cabin")]
    [InlineData("f.Origin + f.DistanceMiles.ToString(CultureInfo.InvariantCulture)")]
    [InlineData("f.Origin + f.Origin[0]")]
    [InlineData("new System.Text.StringBuilder().Append(f.Origin)")]
    [InlineData("new System.Text.StringBuilder(f.Origin).Insert(1, f.Origin)")]
    [InlineData("new System.Text.StringBuilder(f.Origin).Insert(1, f.DistanceMiles.ToString(CultureInfo.InvariantCulture))")]
    [InlineData("new System.Text.StringBuilder().AppendFormat(CultureInfo.InvariantCulture, \"{0}\", f.DistanceMiles)")]
    [InlineData("string.Join(\",\", new[] { f.Origin })")]
    [InlineData("string.Concat(f.Origin, \"x\")")]
    [InlineData("Convert.ToString(f.DistanceMiles, CultureInfo.InvariantCulture)")]
    [InlineData("new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal)")]
    [InlineData("new System.Collections.Generic.HashSet<string>(StringComparer.InvariantCultureIgnoreCase)")]
    public Task Culture_independent_calls_do_not_fire(string expression) => VerifyAsync(FeatureCode.Using(expression));

    [Theory]
    [InlineData("f.DistanceMiles < 0 ? throw new ArgumentOutOfRangeException(nameof(f), $\"{f.DistanceMiles} miles\") : 0")]
    [InlineData("new InvalidOperationException(\"Bad distance \" + f.DistanceMiles.ToString())")]
    public Task The_text_of_an_exception_does_not_fire(string expression) => VerifyAsync(FeatureCode.Using(expression));

    [Fact]
    public Task Culture_dependent_code_outside_features_does_not_fire() => VerifyAsync("""
        public static class Display
        {
            public static string Label(Flight f) => f.DistanceMiles.ToString() + f.Origin.ToUpper();
        }
        """);

    [Fact]
    public Task Appending_a_number_to_a_string_fires() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static string Route(Flight f)
            {
                var route = f.Origin;
                {|#0:route += f.DistanceMiles|};
                return route;
            }
        }
        """,
        new DiagnosticResult(Descriptors.CultureDependentFeature).WithLocation(0).WithArguments("Route", "float.ToString()", "in a string concatenation without a format provider", ""));

    [Fact]
    public Task The_message_names_what_an_interpolated_string_formats() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static string Cell(Flight f) => {|#0:$"{f.Origin}:{f.Departure:yyyy-MM}"|};
        }
        """,
        new DiagnosticResult(Descriptors.CultureDependentFeature).WithLocation(0).WithArguments("Cell", "DateTime.ToString(\"yyyy-MM\")", "in an interpolated string without a format provider", ""));

    [Fact]
    public Task The_message_names_the_format_a_ToString_call_is_given() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static string Month(Flight f) => {|#0:f.Departure.ToString("MMM yyyy")|};
        }
        """,
        new DiagnosticResult(Descriptors.CultureDependentFeature).WithLocation(0).WithArguments("Month", "DateTime.ToString(\"MMM yyyy\")", "without a format provider", ""));

    [Fact]
    public Task The_message_says_when_the_current_culture_is_passed() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static float Gate(Flight f) => {|#0:float.Parse(f.Origin, CultureInfo.CurrentCulture)|};
        }
        """,
        new DiagnosticResult(Descriptors.CultureDependentFeature).WithLocation(0).WithArguments("Gate", "float.Parse()", "with the current culture", ""));

    [Fact]
    public Task The_message_names_the_current_culture_read_directly() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static string Title(Flight f) => {|#0:CultureInfo.CurrentCulture|}.TextInfo.ToTitleCase(f.Origin);
        }
        """,
        new DiagnosticResult(Descriptors.CultureDependentFeature).WithLocation(0).WithArguments("Title", "CultureInfo.CurrentCulture", "directly", ""));

    [Fact]
    public Task A_current_culture_kept_in_a_local_or_field_is_reported_where_it_is_read() => VerifyAsync("""
        public static class Cultures
        {
            public static readonly CultureInfo Serving = {|#0:CultureInfo.CurrentCulture|};
        }

        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static string Miles(Flight f)
            {
                var culture = {|#1:CultureInfo.CurrentCulture|};
                return f.DistanceMiles.ToString(culture) + f.Origin.ToUpper(Cultures.Serving);
            }
        }
        """,
        new DiagnosticResult(Descriptors.CultureDependentFeature).WithLocation(0).WithArguments("Miles", "CultureInfo.CurrentCulture", "directly", " via Cultures.Serving"),
        new DiagnosticResult(Descriptors.CultureDependentFeature).WithLocation(1).WithArguments("Miles", "CultureInfo.CurrentCulture", "directly", ""));

    [Fact]
    public Task A_current_culture_comparer_kept_in_a_local_is_reported_where_it_is_read_and_once_when_passed() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static bool Known(Flight f)
            {
                var comparer = {|#0:StringComparer.CurrentCultureIgnoreCase|};
                return new System.Collections.Generic.HashSet<string>(comparer).Contains(f.Origin)
                    || {|#1:new System.Collections.Generic.HashSet<string>(StringComparer.CurrentCulture)|}.Contains(f.Origin);
            }
        }
        """,
        new DiagnosticResult(Descriptors.CultureDependentFeature).WithLocation(0).WithArguments("Known", "StringComparer.CurrentCultureIgnoreCase", "directly", ""),
        new DiagnosticResult(Descriptors.CultureDependentFeature).WithLocation(1).WithArguments("Known", "new HashSet<string>()", "with a current-culture StringComparer", ""));

    [Fact]
    public Task Sorting_strings_in_place_without_a_comparer_fires() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static string First(Flight f)
            {
                var airports = new System.Collections.Generic.List<string> { f.Origin, "JFK" };
                {|#0:airports.Sort()|};
                var array = airports.ToArray();
                {|#1:Array.Sort(array)|};
                Array.Sort(array, StringComparer.Ordinal);
                return array[0];
            }
        }
        """,
        new DiagnosticResult(Descriptors.CultureDependentFeature).WithLocation(0).WithArguments("First", "List<string>.Sort()", "without a StringComparer", ""),
        new DiagnosticResult(Descriptors.CultureDependentFeature).WithLocation(1).WithArguments("First", "Array.Sort()", "without a StringComparer", ""));
}
