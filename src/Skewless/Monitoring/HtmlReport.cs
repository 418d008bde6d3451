using System.Globalization;
using System.Text;

namespace Skewless.Monitoring;

/// <summary>
/// Writes a <see cref="DriftReport"/> as one self-contained page: no scripts, no network, a
/// stylesheet inline, and for each feature (by distance, largest first) an SVG histogram of the
/// baseline against the current shares. The markup is well-formed XML, so it also reads as XHTML.
/// </summary>
internal static class HtmlReport
{
    private const int ChartWidth = 760;
    private const int ChartHeight = 260;
    private const int Left = 48;
    private const int Top = 16;
    private const int PlotHeight = 150;
    private const string BaselineColour = "#4c78a8";
    private const string CurrentColour = "#f58518";

    public static void Write(DriftReport report, TextWriter writer)
    {
        var title = $"Skewless {report.Kind.ToString().ToLowerInvariant()} report: {report.Baseline.Name}";
        writer.WriteLine("<!DOCTYPE html>");
        writer.WriteLine("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">");
        writer.WriteLine("<head>");
        writer.WriteLine("<meta charset=\"utf-8\" />");
        writer.WriteLine($"<title>{Escape(title)}</title>");
        writer.WriteLine("<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}td,th{padding:.25em .75em;border-bottom:1px solid #ddd;text-align:right}td:first-child,th:first-child{text-align:left}.crossed{color:#b00;font-weight:bold}section{margin-top:2em}svg text{font-size:11px}</style>");
        writer.WriteLine("</head>");
        writer.WriteLine("<body>");
        writer.WriteLine($"<h1>{Escape(title)}</h1>");
        writer.WriteLine($"<p>Current: {Escape(DriftReport.Describe(report.Current))}.<br />Baseline: {Escape(DriftReport.Describe(report.Baseline))}.</p>");
        writer.WriteLine($"<p class=\"{(report.AnyCrossed ? "crossed" : "ok")}\">{Escape(report.Summary())} Categorical features are measured by L-infinity distance, numeric ones by Jensen–Shannon divergence in nats (0 to ln 2 ≈ 0.693); missing values count as a bin of their own.</p>");
        writer.WriteLine("<table>");
        writer.WriteLine("<tr><th>feature</th><th>metric</th><th>distance</th><th>PSI</th><th>threshold</th><th>status</th></tr>");
        for (var i = 0; i < report.Features.Count; i++)
        {
            var feature = report.Features[i];
            writer.WriteLine($"<tr><td><a href=\"#feature-{i}\">{Escape(feature.Name)}</a></td><td>{DriftReport.MetricName(feature.Metric)}</td><td>{DriftReport.Format(feature.Distance)}</td><td>{DriftReport.Format(feature.PopulationStabilityIndex)}</td><td>{Number(feature.Threshold, "0.000")}</td><td{(feature.Crossed ? " class=\"crossed\"" : "")}>{feature.Status}</td></tr>");
        }

        writer.WriteLine("</table>");
        for (var i = 0; i < report.Features.Count; i++)
        {
            var feature = report.Features[i];
            writer.WriteLine($"<section id=\"feature-{i}\">");
            writer.WriteLine($"<h2>{Escape(feature.Name)} <small>({feature.Baseline.Kind}, {feature.Baseline.Transform})</small></h2>");
            writer.WriteLine($"<p>{DriftReport.MetricName(feature.Metric)} {DriftReport.Format(feature.Distance)}, threshold {Number(feature.Threshold, "0.000")}: <span{(feature.Crossed ? " class=\"crossed\"" : "")}>{feature.Status}</span>. PSI {DriftReport.Format(feature.PopulationStabilityIndex)}. {Summary("Baseline", feature.Baseline)} {Summary("Current", feature.Current)}</p>");
            Chart(writer, feature);
            writer.WriteLine("</section>");
        }

        writer.WriteLine("</body>");
        writer.WriteLine("</html>");
    }

    private static void Chart(TextWriter writer, FeatureDrift feature)
    {
        var bins = feature.Bins.Count;
        var largest = Math.Max(feature.BaselineShares.DefaultIfEmpty(0).Max(), feature.CurrentShares.DefaultIfEmpty(0).Max());
        var scale = largest > 0 ? PlotHeight / largest : 0;
        var group = (ChartWidth - Left - 8) / (double)bins;
        var bar = group * 0.38;
        var baseline = Top + PlotHeight;
        var svg = new StringBuilder();
        svg.Append(FormattableString.Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{ChartWidth}\" height=\"{ChartHeight}\" viewBox=\"0 0 {ChartWidth} {ChartHeight}\" role=\"img\" aria-label=\"{Escape(feature.Name)}: baseline against current\">"));
        svg.Append(FormattableString.Invariant($"<line x1=\"{Left}\" y1=\"{baseline}\" x2=\"{ChartWidth - 8}\" y2=\"{baseline}\" stroke=\"#888\" />"));
        svg.Append(FormattableString.Invariant($"<text x=\"{Left - 4}\" y=\"{Top + 8}\" text-anchor=\"end\">{Number(largest * 100, "0.#")}%</text>"));
        svg.Append(FormattableString.Invariant($"<text x=\"{Left - 4}\" y=\"{baseline}\" text-anchor=\"end\">0</text>"));
        for (var i = 0; i < bins; i++)
        {
            var x = Left + (i * group) + (group * 0.12);
            Bar(svg, x, bar, feature.BaselineShares[i] * scale, baseline, BaselineColour, $"{feature.Bins[i]}, baseline: {Number(feature.BaselineShares[i] * 100, "0.00")}%");
            Bar(svg, x + bar, bar, feature.CurrentShares[i] * scale, baseline, CurrentColour, $"{feature.Bins[i]}, current: {Number(feature.CurrentShares[i] * 100, "0.00")}%");
            var labelX = Number(x + bar, "0.#");
            svg.Append(FormattableString.Invariant($"<text x=\"{labelX}\" y=\"{baseline + 12}\" text-anchor=\"end\" transform=\"rotate(-35 {labelX} {baseline + 12})\">{Escape(Shorten(feature.Bins[i]))}</text>"));
        }

        svg.Append(FormattableString.Invariant($"<rect x=\"{ChartWidth - 190}\" y=\"{Top}\" width=\"10\" height=\"10\" fill=\"{BaselineColour}\" /><text x=\"{ChartWidth - 175}\" y=\"{Top + 9}\">baseline</text>"));
        svg.Append(FormattableString.Invariant($"<rect x=\"{ChartWidth - 110}\" y=\"{Top}\" width=\"10\" height=\"10\" fill=\"{CurrentColour}\" /><text x=\"{ChartWidth - 95}\" y=\"{Top + 9}\">current</text>"));
        svg.Append("</svg>");
        writer.WriteLine(svg.ToString());
    }

    private static void Bar(StringBuilder svg, double x, double width, double height, double baseline, string colour, string title) =>
        svg.Append(FormattableString.Invariant($"<rect x=\"{Number(x, "0.##")}\" y=\"{Number(baseline - height, "0.##")}\" width=\"{Number(width, "0.##")}\" height=\"{Number(height, "0.##")}\" fill=\"{colour}\"><title>{Escape(title)}</title></rect>"));

    private static string Summary(string side, FeatureStatistics statistics) => statistics switch
    {
        NumericStatistics numeric when numeric.Count > 0 => FormattableString.Invariant($"{side}: {numeric.Count:N0} values, {numeric.Missing:N0} missing, mean {Slots.Number(numeric.Mean)}, standard deviation {Slots.Number(numeric.StandardDeviation)}, range {Slots.Number(numeric.Minimum)} to {Slots.Number(numeric.Maximum)}."),
        _ => FormattableString.Invariant($"{side}: {statistics.Count:N0} values, {statistics.Missing:N0} missing."),
    };

    private static string Shorten(string label) => label.Length <= 18 ? label : label.Remove(17) + "…";

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Escape(string text) => text
        .Replace("&", "&amp;")
        .Replace("<", "&lt;")
        .Replace(">", "&gt;")
        .Replace("\"", "&quot;");
}
