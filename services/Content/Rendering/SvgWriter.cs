using System.Globalization;
using System.Security;
using System.Text;

namespace KtEvents.Content.Rendering;

/// <summary>
/// Small helpers that keep every SVG well-formed: all text goes through <see cref="Escape"/>, and
/// numbers are written invariantly.
/// </summary>
public static class SvgWriter
{
    public const string FontFamily = "'Noto Sans CJK KR', sans-serif";

    /// <summary>XML-escapes text (&amp; &lt; &gt; " '), so a title like <c>&lt;script&gt;</c> stays text.</summary>
    public static string Escape(string text) => SecurityElement.Escape(text);

    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Lines of text centred on <paramref name="x"/>, the first baseline at <paramref name="y"/>.</summary>
    public static void CenteredLines(
        StringBuilder svg, IReadOnlyList<string> lines, double x, double y, double fontSize, string fill, int weight, double lineHeight = 1.25)
    {
        svg.Append(CultureInfo.InvariantCulture,
            $"""<text x="{N(x)}" y="{N(y)}" text-anchor="middle" font-family="{FontFamily}" font-size="{N(fontSize)}" font-weight="{weight}" fill="{fill}">""");
        for (var i = 0; i < lines.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<tspan x="{N(x)}" dy="{(i == 0 ? "0" : N(fontSize * lineHeight))}">{Escape(lines[i])}</tspan>""");
        }

        svg.Append("</text>");
    }

    public static void Text(StringBuilder svg, string text, double x, double y, double fontSize, string fill, int weight, string anchor = "middle") =>
        svg.Append(CultureInfo.InvariantCulture,
            $"""<text x="{N(x)}" y="{N(y)}" text-anchor="{anchor}" font-family="{FontFamily}" font-size="{N(fontSize)}" font-weight="{weight}" fill="{fill}">{Escape(text)}</text>""");
}
