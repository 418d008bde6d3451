using Microsoft.CodeAnalysis.Testing;
using Skewless.Analyzers.DataSources;
using Skewless.Analyzers.Diagnostics;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.DataSources;

public sealed class UnsplittableEventTimeAnalyzerTests
{
    private static Task VerifyAsync(string member, params DiagnosticResult[] expected) => Verify.AnalyzerAsync<UnsplittableEventTimeAnalyzer>($$"""
        using System;
        using Skewless;

        [DataSource("web.clicks")]
        public sealed class Click
        {
            {{member}}
            public string Page { get; init; } = "";
        }
        """, expected);

    [Theory]
    [InlineData("[EventTime] public DateTime At { get; init; }")]
    [InlineData("[EventTime] public DateTimeOffset At { get; init; }")]
    [InlineData("[EventTime] public DateOnly Day;")]
    [InlineData("public long UnixSeconds { get; init; } [EventTime] public DateTimeOffset At => DateTimeOffset.FromUnixTimeSeconds(UnixSeconds);")]
    [InlineData("public long UnixSeconds { get; init; }")]
    public Task SKW112_is_silent_on_a_date_and_time_or_no_event_time(string member) => VerifyAsync(member);

    [Theory]
    [InlineData("[{|#0:EventTime|}] public long UnixSeconds { get; init; }", "Click.UnixSeconds", "long", "Mark a property that converts it instead, such as DateTimeOffset.FromUnixTimeSeconds for Unix seconds.")]
    [InlineData("[{|#0:EventTime|}] public DateTime? At { get; init; }", "Click.At", "DateTime?", "Give every row a time, or leave out the rows without one before splitting.")]
    [InlineData("[{|#0:EventTime|}] public string Day = \"\";", "Click.Day", "string", "Mark a property of one of those types instead.")]
    public Task SKW112_fires_on_an_event_time_of_another_type(string member, string name, string type, string advice) =>
        VerifyAsync(member, new DiagnosticResult(Descriptors.UnsplittableEventTime).WithLocation(0).WithArguments(name, type, "Click", advice));

    [Fact]
    public Task SKW112_is_silent_on_a_member_whose_type_does_not_bind_yet() => VerifyAsync(
        "[EventTime] public {|CS0246:Instant|} At { get; init; }");
}
