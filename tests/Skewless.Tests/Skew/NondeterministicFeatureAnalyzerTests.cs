using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Skew.Purity;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.Skew;

public sealed class NondeterministicFeatureAnalyzerTests
{
    private const string Usings = """
        using System.Diagnostics;
        using System.IO;
        using System.Net;
        using System.Net.Http;
        using System.Security.Cryptography;

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        Verify.AnalyzerAsync<NondeterministicFeatureAnalyzer>(Usings + TestSources.Flight + source, expected);

    /// <summary>A feature that evaluates <paramref name="expression"/> and returns a value of its row.</summary>
    private static DiagnosticResult Expected(int location, string feature, string use, string via = "") =>
        new DiagnosticResult(Descriptors.NondeterministicFeature).WithLocation(location).WithArguments(feature, use, via);

    public static TheoryData<string> NondeterministicExpressions() => new()
    {
        "{|SKW302:DateTime.Now|}",
        "{|SKW302:DateTime.UtcNow|}.Hour",
        "{|SKW302:DateTime.Today|}",
        "{|SKW302:DateTimeOffset.Now|}",
        "{|SKW302:DateTimeOffset.UtcNow|}",
        "{|SKW302:Stopwatch.GetTimestamp()|}",
        "{|SKW302:Stopwatch.StartNew()|}.Elapsed",
        "{|SKW302:new Random()|}.Next()",
        "{|SKW302:Random.Shared|}.NextDouble()",
        "{|SKW302:RandomNumberGenerator.GetInt32(10)|}",
        "{|SKW302:Guid.NewGuid()|}",
        "{|SKW302:Environment.TickCount|}",
        "{|SKW302:Environment.TickCount64|}",
        "{|SKW302:Environment.GetEnvironmentVariable(\"REGION\")|}",
        "{|SKW302:Environment.MachineName|}",
        "{|SKW302:TimeProvider.System|}.GetUtcNow()",
        "{|SKW302:TimeZoneInfo.Local|}",
        "{|SKW302:File.ReadAllText(f.Origin)|}",
        "{|SKW302:Directory.Exists(f.Origin)|}",
        "{|SKW302:new FileStream(f.Origin, FileMode.Open)|}",
        "{|SKW302:Path.GetTempFileName()|}",
        "{|SKW302:Console.ReadLine()|}",
        "{|SKW302:new HttpClient()|}.GetStringAsync(f.Origin)",
        "{|SKW302:Dns.GetHostName()|}",
        "{|SKW302:WebRequest.Create(f.Origin)|}",
        "{|SKW302:new SocketsHttpHandler()|}",
        "{|SKW302:new System.Net.Sockets.TcpClient()|}.Connected",
        "{|SKW302:System.Net.NetworkInformation.NetworkInterface.GetIsNetworkAvailable()|}",
        "{|SKW302:new System.Net.Mail.SmtpClient()|}",
        "{|SKW302:f.Origin.GetHashCode()|}",
        "{|SKW302:string.GetHashCode(f.Origin.AsSpan())|}",
        "{|SKW302:StringComparer.Ordinal.GetHashCode(f.Origin)|}",
        "{|SKW302:HashCode.Combine(f.Origin, f.DistanceMiles)|}",
        "{|SKW302:((object)f.Origin).GetHashCode()|}",
        "{|SKW302:System.Collections.Generic.EqualityComparer<string>.Default.GetHashCode(f.Origin)|}",
        "{|SKW302:(f.Origin, f.DistanceMiles).GetHashCode()|}",
        "{|SKW302:(f.DistanceMiles, 1).GetHashCode()|}",
        "{|SKW302:new { f.Origin }.GetHashCode()|}",
        "{|SKW302:f.GetHashCode()|}",
        "{|SKW302:System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(f.DistanceMiles)|}",
        "{|SKW302:f.Departure.ToLocalTime()|}",
        "{|SKW302:new DateTimeOffset(f.Departure, TimeSpan.Zero).ToLocalTime()|}",
        "{|SKW302:DateTimeOffset.UnixEpoch.LocalDateTime|}",
        "{|SKW302:f.Departure.ToUniversalTime()|}",
        "{|SKW302:TimeZoneInfo.ConvertTimeToUtc(f.Departure)|}",
        "{|SKW302:TimeZoneInfo.ConvertTime(f.Departure, TimeZoneInfo.Utc)|}",
        "{|SKW302:TimeZoneInfo.ConvertTimeBySystemTimeZoneId(f.Departure, \"Europe/Paris\")|}",
        "{|SKW302:new DateTimeOffset(f.Departure)|}.ToUnixTimeSeconds()",
        "({|SKW302:(DateTimeOffset)f.Departure|}).ToUnixTimeSeconds()",
        "DateTimeOffset.Compare({|SKW302:f.Departure|}, DateTimeOffset.UnixEpoch)",
        "{|SKW302:f.Departure.ToFileTime()|}",
        "{|SKW302:DateTime.FromFileTime(1)|}",
        "{|SKW302:DateTimeOffset.FromFileTime(1)|}",
        "{|SKW302:Process.GetCurrentProcess()|}.Id",
    };

    [Theory]
    [MemberData(nameof(NondeterministicExpressions))]
    public Task Each_nondeterministic_API_fires_in_the_feature(string expression) => VerifyAsync(FeatureCode.Using(expression));

    [Theory]
    [MemberData(nameof(NondeterministicExpressions))]
    public Task Each_nondeterministic_API_fires_through_a_helper(string expression) => VerifyAsync(FeatureCode.ThroughHelper(expression));

    [Fact]
    public Task The_message_names_the_call_and_the_path() => VerifyAsync("""
        public static class Clock
        {
            public static DateTime Today() => {|#0:DateTime.Today|};
        }

        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static float Age(Flight f) => (float)(Clock.Today() - f.Departure).TotalDays;

            [Feature] public static float AgeInWeeks(Flight f) => Age(f) / 7;

            [Feature] public static float Now(Flight f) => {|#1:DateTime.Now|}.Hour;
        }
        """,
        Expected(0, "Age", "calls DateTime.Today", " via Clock.Today(), as does feature 'AgeInWeeks'"),
        Expected(1, "Now", "calls DateTime.Now"));

    // Round 13: a year helper behind several features named only the first, and fixing that one left the others broken.
    [Fact]
    public Task The_message_names_every_feature_that_reaches_a_shared_helper() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static int Year(Flight f) => SafeYear(f);
            [Feature] public static int Age(Flight f) => 2024 - SafeYear(f);
            [Feature] public static int Decade(Flight f) => SafeYear(f) / 10;
            [Feature] public static int Century(Flight f) => SafeYear(f) / 100;
            [Feature] public static int Leap(Flight f) => SafeYear(f) % 4;

            private static int SafeYear(Flight f) => f.Departure.Year <= {|#0:DateTime.UtcNow|}.Year ? f.Departure.Year : 2000;
        }
        """,
        Expected(0, "Year", "calls DateTime.UtcNow", " via FlightFeatures.SafeYear(), as do features 'Age', 'Decade', 'Century' and 1 more"));

    [Fact]
    public Task The_message_names_a_conversion_to_the_machine_offset() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static long Stamp(Flight f) => Seconds({|#0:f.Departure|});

            [Feature] public static long Made(Flight f) => {|#2:new DateTimeOffset(f.Departure)|}.ToUnixTimeSeconds();

            [Feature] public static int UtcHour(Flight f) => {|#1:f.Departure.ToUniversalTime()|}.Hour;

            private static long Seconds(DateTimeOffset time) => time.ToUnixTimeSeconds();
        }
        """,
        Expected(0, "Stamp", "makes a DateTimeOffset of a DateTime with the machine's offset"),
        Expected(1, "UtcHour", "calls DateTime.ToUniversalTime()"),
        Expected(2, "Made", "makes a DateTimeOffset of a DateTime with the machine's offset"));

    [Fact]
    public Task The_path_goes_through_other_features_and_properties() => VerifyAsync("""
        public static class Clock
        {
            public static DateTime Start => {|#0:DateTime.UtcNow|};
        }

        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static float Weeks(Flight f) => Days(f) / 7;

            private static float Days(Flight f) => (float)(Clock.Start - f.Departure).TotalDays;
        }
        """,
        Expected(0, "Weeks", "calls DateTime.UtcNow", " via FlightFeatures.Days() -> Clock.Start"));

    [Fact]
    public Task A_string_hash_names_the_string_and_the_time_zone_names_the_call() => VerifyAsync("""
        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static int Bucket(Flight f) => ({|#0:f.Origin.GetHashCode()|} & 0x7fffffff) % 16;

            [Feature] public static int Hour(Flight f) => {|#1:f.Departure.ToLocalTime()|}.Hour;
        }
        """,
        Expected(0, "Bucket", "calls string.GetHashCode()"),
        Expected(1, "Hour", "calls DateTime.ToLocalTime()"));

    [Fact]
    public Task Mutable_static_state_fires() => VerifyAsync("""
        public static class Counters
        {
            public static int Seen;
            public static float Scale { get; set; } = 1;
        }

        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static float Count(Flight f)
            {
                {|#0:Counters.Seen|}++;
                return f.DistanceMiles;
            }

            [Feature] public static float Scaled(Flight f) => f.DistanceMiles * {|#1:Counters.Scale|} + {|#2:Counters.Seen|};

            [Feature] public static float Rescale(Flight f) => {|#3:Counters.Scale|} = f.DistanceMiles;
        }
        """,
        Expected(0, "Count", "writes static field 'Counters.Seen'"),
        Expected(1, "Scaled", "reads mutable static property 'Counters.Scale'"),
        Expected(2, "Scaled", "reads mutable static field 'Counters.Seen'"),
        Expected(3, "Rescale", "writes static property 'Counters.Scale'"));

    [Fact]
    public Task Deterministic_code_does_not_fire() => VerifyAsync("""
        public sealed class Visit
        {
            public DateTimeOffset Seen { get; set; }
            public TimeProvider Clock { get; set; } = TimeProvider.System;
            public string Page { get; set; } = "";
        }

        public static class Tables
        {
            public const float Max = 4;
            public static readonly float Limit = 3;
            public static float Ratio { get; } = 2;
            public static readonly string[] Pages = { "home", "cart" };
        }

        [FeatureSet(typeof(Visit))]
        public static partial class VisitFeatures
        {
            private static readonly Random Unused = new(1);

            [Feature] public static float Age(Visit v) => (float)(v.Clock.GetUtcNow() - v.Seen).TotalDays;

            [Feature] public static float Known(Visit v) => Array.IndexOf(Tables.Pages, v.Page) + Tables.Max + Tables.Limit + Tables.Ratio;

            [Feature] public static float Pure(Visit v) =>
                (float)Math.Log(1 + v.Page.Length) + new DateTime(2001, 1, 1).Day + Path.Combine("a", v.Page).Length
                + new MemoryStream().Length + WebUtility.HtmlEncode(v.Page).Length + (int)FileMode.Open;
        }

        public static class NotAFeature
        {
            public static DateTime Stamp() => DateTime.Now;
        }
        """);

    // System.IO.Hashing's XxHash64 and Crc32 hash bytes: the stable hash this rule asks for, though their namespace is System.IO's.
    [Fact]
    public Task Stable_hashes_of_system_io_hashing_do_not_fire() => VerifyAsync(FeatureCode.Using("(int)(System.IO.Hashing.XxHash64.HashToUInt64(System.Text.Encoding.UTF8.GetBytes(f.Origin)) % 64)") + """

        namespace System.IO.Hashing
        {
            public static class XxHash64 { public static ulong HashToUInt64(ReadOnlySpan<byte> source) => (ulong)source.Length; }
        }
        """);

    // Parsing and formatting network values does no I/O: only the types that reach the network are reported.
    [Theory]
    [InlineData("System.Net.Mail.MailAddress.TryCreate(f.Origin, out var address) && address.Host.Length > 0")]
    [InlineData("System.Net.IPNetwork.Parse(\"10.0.0.0/8\").Contains(IPAddress.Parse(f.Origin))")]
    [InlineData("IPAddress.TryParse(f.Origin, out var address) && IPAddress.IsLoopback(address)")]
    [InlineData("new IPEndPoint(IPAddress.Loopback, 80).Port")]
    [InlineData("System.Net.Http.Headers.MediaTypeHeaderValue.Parse(f.Origin).MediaType")]
    [InlineData("HttpMethod.Parse(f.Origin) == HttpMethod.Get")]
    [InlineData("new Cookie(\"id\", f.Origin).Value")]
    [InlineData("HttpStatusCode.NotFound")]
    [InlineData("new Uri(f.Origin).Host")]
    [InlineData("WebUtility.UrlDecode(f.Origin)")]
    public Task Parsing_network_values_does_not_fire(string expression) => VerifyAsync(FeatureCode.Using(expression));

    // A date given its offset or zone, or read as UTC, is the same instant on every machine.
    [Theory]
    [InlineData("new DateTimeOffset(f.Departure, TimeSpan.Zero).ToUnixTimeSeconds()")]
    [InlineData("new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero).Hour")]
    [InlineData("TimeZoneInfo.ConvertTimeToUtc(f.Departure, TimeZoneInfo.Utc)")]
    [InlineData("TimeZoneInfo.ConvertTimeFromUtc(f.Departure, TimeZoneInfo.Utc)")]
    [InlineData("TimeZoneInfo.ConvertTime(f.Departure, TimeZoneInfo.Utc, TimeZoneInfo.Utc)")]
    [InlineData("TimeZoneInfo.ConvertTimeBySystemTimeZoneId(f.Departure, \"UTC\", \"Europe/Paris\")")]
    [InlineData("TimeZoneInfo.ConvertTime(new DateTimeOffset(f.Departure.Ticks, TimeSpan.Zero), TimeZoneInfo.Utc)")]
    [InlineData("DateTime.SpecifyKind(f.Departure, DateTimeKind.Utc)")]
    [InlineData("f.Departure.ToFileTimeUtc()")]
    [InlineData("DateTime.FromFileTimeUtc(1)")]
    [InlineData("(f.Departure - DateTime.UnixEpoch).TotalSeconds")]
    public Task Dates_given_their_offset_or_read_as_UTC_do_not_fire(string expression) => VerifyAsync(FeatureCode.Using(expression));

    // Numbers, dates and enums hash the same in every process; strings do not.
    [Theory]
    [InlineData("f.DistanceMiles.GetHashCode()")]
    [InlineData("f.Departure.GetHashCode()")]
    [InlineData("f.Cabin.GetHashCode()")]
    [InlineData("((object)f.DistanceMiles).GetHashCode()")]
    [InlineData("((float?)f.DistanceMiles).GetHashCode()")]
    [InlineData("System.Collections.Generic.EqualityComparer<int>.Default.GetHashCode((int)f.DistanceMiles)")]
    [InlineData("Guid.Empty.GetHashCode()")]
    [InlineData("new { Miles = f.DistanceMiles, f.Cabin }.GetHashCode()")]
    public Task Hashes_of_values_that_hash_alike_everywhere_do_not_fire(string expression) => VerifyAsync(FeatureCode.Using(expression));

    [Fact]
    public Task A_struct_hashes_alike_when_its_fields_do() => VerifyAsync("""
        public record struct Leg(float Miles, Cabin Cabin);

        public struct Cell
        {
            public int Row;
            public Leg Leg;
        }

        public struct Tagged
        {
            public string Tag;
            public int Count;
        }

        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static int LegBucket(Flight f) => new Leg(f.DistanceMiles, f.Cabin).GetHashCode() & 15;

            [Feature] public static int CellBucket(Flight f) => new Cell { Row = 1, Leg = new Leg(f.DistanceMiles, f.Cabin) }.GetHashCode() & 15;

            [Feature] public static int TagBucket(Flight f) => {|#0:new Tagged { Tag = f.Origin }.GetHashCode()|} & 15;

            [Feature] public static int PairBucket(Flight f) => {|#1:(1, f.Cabin).GetHashCode()|} & 15;
        }
        """,
        Expected(0, "TagBucket", "calls ValueType.GetHashCode()"),
        Expected(1, "PairBucket", "calls (int, Cabin Cabin).GetHashCode()"));

    [Fact]
    public Task A_record_hash_fires_and_a_hash_written_in_the_project_is_followed_instead() => VerifyAsync("""
        public sealed record Route(float Miles);

        public sealed class Airport
        {
            public Airport(string code) => Code = code;

            public string Code { get; }

            public override int GetHashCode() => Code.Length;
        }

        [FeatureSet(typeof(Flight))]
        public static partial class FlightFeatures
        {
            [Feature] public static int RouteBucket(Flight f) => {|#0:new Route(f.DistanceMiles).GetHashCode()|} & 15;

            [Feature] public static int AirportBucket(Flight f) => new Airport(f.Origin).GetHashCode() & 15;
        }
        """,
        Expected(0, "RouteBucket", "calls Route.GetHashCode()"));

    [Fact]
    public Task A_project_without_Skewless_pays_nothing() =>
        Verify.AnalyzerAsync<NondeterministicFeatureAnalyzer>("public static class Clock { public static System.DateTime Now() => System.DateTime.Now; }");
}
