using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace KtEvents.Dashboard.Rendering;

/// <summary>The few helpers every page uses to write encoded HTML.</summary>
internal static class Html
{
    /// <summary>Encodes markup characters and quotes but leaves Korean as it is, so page sources stay readable.</summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static Markup Of(ref HtmlHandler html) => new(html.ToStringAndClear());

    public static Markup Join<T>(IEnumerable<T> items, Func<T, Markup> render) =>
        new(string.Concat(items.Select(i => render(i).Value)));

    /// <summary>A path segment for a link (<c>/console/{name}</c>); the caller's hole encodes it again for the attribute.</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);

    /// <summary>The <c>selected</c> attribute when the two strings are equal.</summary>
    public static Markup SelectedIf(bool selected) => selected ? new(" selected") : Markup.Empty;

    public static string Time(DateTimeOffset time) => time.ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan duration) => duration.TotalMilliseconds switch
    {
        < 1 => $"{duration.TotalMicroseconds.ToString("0", CultureInfo.InvariantCulture)} µs",
        < 1_000 => $"{duration.TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture)} ms",
        < 60_000 => $"{duration.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture)} s",
        _ => Uptime(duration),
    };

    public static string Uptime(TimeSpan uptime) => uptime switch
    {
        { TotalDays: >= 1 } => $"{(int)uptime.TotalDays}d {uptime.Hours}h",
        { TotalHours: >= 1 } => $"{(int)uptime.TotalHours}h {uptime.Minutes:00}m",
        { TotalMinutes: >= 1 } => $"{(int)uptime.TotalMinutes}m {uptime.Seconds:00}s",
        _ => $"{Math.Max(0, (int)uptime.TotalSeconds)}s",
    };

    /// <summary>A CSS percentage with a dot, whatever the machine's culture.</summary>
    public static string Percent(double value) => Math.Clamp(value, 0, 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";
}
