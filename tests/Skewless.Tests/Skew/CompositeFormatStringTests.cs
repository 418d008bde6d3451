using Skewless.Analyzers.Skew.Culture;
using Xunit;

namespace Skewless.Tests.Skew;

public sealed class CompositeFormatStringTests
{
    [Theory]
    [InlineData("plain", "")]
    [InlineData("{0}", "0:")]
    [InlineData("{0:N1} and {1}", "0:N1 1:")]
    [InlineData("{{0}} {2,-5:x4} }}", "2:x4")]
    [InlineData("{1 ,3}{0:}", "1: 0:")]
    [InlineData("{0:yyyy-MM-dd HH:mm}", "0:yyyy-MM-dd HH:mm")]
    public void Holes_give_each_index_and_format(string text, string expected) =>
        Assert.Equal(expected, string.Join(" ", CompositeFormatString.Holes(text)!.Select(hole => $"{hole.Index}:{hole.Format}")));

    [Theory]
    [InlineData("{0")]
    [InlineData("0}")]
    [InlineData("{x}")]
    [InlineData("{ 0}")]
    [InlineData("{-1}")]
    public void Invalid_formats_have_no_holes(string text) => Assert.Null(CompositeFormatString.Holes(text));
}
