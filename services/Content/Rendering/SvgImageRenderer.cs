using System.Globalization;
using System.Text;

using KtEvents.Content.Model;

using static KtEvents.Content.Rendering.SvgWriter;

namespace KtEvents.Content.Rendering;

/// <summary>
/// Draws an event's SNS image in the three styles of UFR-CONT-010 at Instagram's 1080×1080:
/// 심플 (white, text-centred, easy to read), 화려한 (a bold gradient, shapes, strong colours) and
/// 트렌디 (dark with neon stickers and hashtags, the look of an MZ feed). Deterministic: the same
/// input draws the same SVG. Every text is escaped and wrapped to fit; fonts are Noto Sans CJK KR.
/// </summary>
public static class SvgImageRenderer
{
    public const int Size = 1080;

    private const double Margin = 110;

    public static string Render(string style, ImageInput input) => style switch
    {
        ImageStyles.Simple => Simple(input),
        ImageStyles.Fancy => Fancy(input),
        ImageStyles.Trendy => Trendy(input),
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, "Unknown style."),
    };

    /// <summary>
    /// The largest title size at which the whole title fits: two lines at the large sizes, three or
    /// four at the smaller ones, so a 50-character Korean title is never cut.
    /// </summary>
    private static (double Size, IReadOnlyList<string> Lines) Title(string title, double width)
    {
        foreach (var (size, maxLines) in new[] { (96.0, 2), (84.0, 2), (72.0, 3), (62.0, 3), (54.0, 4) })
        {
            var lines = TextWrap.Lines(title, width / size, maxLines: int.MaxValue);
            if (lines.Count <= maxLines)
            {
                return (size, lines);
            }
        }

        return (54, TextWrap.Lines(title, width / 54, maxLines: 4));
    }

    private static StringBuilder Open(string title)
    {
        var svg = new StringBuilder(4096);
        svg.Append(CultureInfo.InvariantCulture,
            $"""<svg xmlns="http://www.w3.org/2000/svg" width="{Size}" height="{Size}" viewBox="0 0 {Size} {Size}" role="img" aria-label="{Escape(title)}">""");
        return svg;
    }

    private static string Simple(ImageInput input)
    {
        var svg = Open(input.Title);
        svg.Append("""<rect width="1080" height="1080" fill="#FFFFFF"/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect width="1080" height="18" fill="{input.BrandColor}"/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="490" y="150" width="100" height="6" rx="3" fill="{input.BrandColor}"/>""");
        Text(svg, input.StoreName, 540, 120, 40, "#555555", 500);

        var (size, lines) = Title(input.Title, Size - (2 * Margin));
        var top = 360 - ((lines.Count - 1) * size * 0.6);
        CenteredLines(svg, lines, 540, top, size, "#1A1A1A", 700);

        var prize = TextWrap.Lines(input.Prize, 760 / 48.0, maxLines: 2);
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{N(Margin)}" y="620" width="{N(Size - (2 * Margin))}" height="200" rx="28" fill="{input.BrandColor}" fill-opacity="0.08" stroke="{input.BrandColor}" stroke-width="3"/>""");
        Text(svg, "경품", 540, 685, 34, input.BrandColor, 700);
        CenteredLines(svg, prize, 540, prize.Count == 1 ? 760 : 745, 48, "#1A1A1A", 700, 1.15);

        Text(svg, input.Period, 540, 920, 40, "#333333", 500);
        Text(svg, "지금 참여하세요", 540, 990, 32, "#888888", 400);
        return svg.Append("</svg>").ToString();
    }

    private static string Fancy(ImageInput input)
    {
        var svg = Open(input.Title);
        svg.Append(CultureInfo.InvariantCulture,
            $"""<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="{input.BrandColor}"/><stop offset="0.55" stop-color="#FF3D7F"/><stop offset="1" stop-color="#FF9F1C"/></linearGradient></defs>""");
        svg.Append("""<rect width="1080" height="1080" fill="url(#bg)"/>""");
        svg.Append("""<circle cx="960" cy="140" r="220" fill="#FFFFFF" fill-opacity="0.14"/>""");
        svg.Append("""<circle cx="90" cy="980" r="260" fill="#FFE066" fill-opacity="0.22"/>""");
        svg.Append("""<circle cx="130" cy="170" r="46" fill="#FFE066"/>""");
        svg.Append("""<polygon points="930,800 952,858 1014,860 965,898 983,958 930,923 877,958 895,898 846,860 908,858" fill="#FFFFFF" fill-opacity="0.85"/>""");
        svg.Append("""<polygon points="200,360 212,392 246,393 219,414 229,447 200,428 171,447 181,414 154,393 188,392" fill="#FFE066"/>""");

        svg.Append("""<rect x="340" y="96" width="400" height="72" rx="36" fill="#FFFFFF"/>""");
        Text(svg, "EVENT", 540, 146, 40, "#FF3D7F", 900);
        Text(svg, input.StoreName, 540, 250, 44, "#FFFFFF", 700);

        var (size, lines) = Title(input.Title, Size - (2 * Margin));
        var top = 420 - ((lines.Count - 1) * size * 0.6);
        CenteredLines(svg, lines, 543, top + 4, size, "#000000", 900);
        CenteredLines(svg, lines, 540, top, size, "#FFFFFF", 900);

        var prize = TextWrap.Lines(input.Prize, 700 / 50.0, maxLines: 2);
        svg.Append("""<rect x="130" y="650" width="820" height="190" rx="24" fill="#FFE066" transform="rotate(-2 540 745)"/>""");
        // Text only: fonts for emoji are missing on many renderers (rsvg-convert, Chromium on Debian).
        Text(svg, "★ 경품 ★", 540, 712, 36, "#C2185B", 900);
        CenteredLines(svg, prize, 540, prize.Count == 1 ? 790 : 772, 50, "#1A1A1A", 900, 1.1);

        Text(svg, input.Period, 540, 950, 42, "#FFFFFF", 700);
        return svg.Append("</svg>").ToString();
    }

    private static string Trendy(ImageInput input)
    {
        var svg = Open(input.Title);
        svg.Append("""<rect width="1080" height="1080" fill="#121212"/>""");
        svg.Append("""<g stroke="#FFFFFF" stroke-opacity="0.06" stroke-width="2">""");
        for (var line = 90; line < Size; line += 90)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{line}" y1="0" x2="{line}" y2="1080"/><line x1="0" y1="{line}" x2="1080" y2="{line}"/>""");
        }

        svg.Append("</g>");
        svg.Append("""<rect x="70" y="80" width="300" height="80" rx="40" fill="#C6FF00" transform="rotate(-6 220 120)"/>""");
        Text(svg, "#이벤트", 220, 136, 40, "#121212", 900);
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="760" y="90" width="250" height="70" rx="35" fill="none" stroke="{input.BrandColor}" stroke-width="4"/>""");
        Text(svg, "NEW DROP", 885, 138, 32, "#FFFFFF", 700);
        Text(svg, $"@{input.StoreName}", 540, 280, 40, "#00E5FF", 700);

        var (size, lines) = Title(input.Title, Size - (2 * Margin));
        var top = 430 - ((lines.Count - 1) * size * 0.6);
        CenteredLines(svg, lines, 540, top, size, "#FFFFFF", 900);

        var prize = TextWrap.Lines(input.Prize, 640 / 46.0, maxLines: 2);
        svg.Append("""<rect x="190" y="660" width="700" height="170" rx="85" fill="#FF2E93" transform="rotate(3 540 745)"/>""");
        CenteredLines(svg, prize, 540, prize.Count == 1 ? 762 : 738, 46, "#FFFFFF", 900, 1.15);

        Text(svg, input.Period, 540, 930, 38, "#C6FF00", 700);
        Text(svg, "#오늘의이벤트 #경품이벤트 #참여각", 540, 1000, 30, "#FFFFFF", 400);
        return svg.Append("</svg>").ToString();
    }
}
