using System.Globalization;
using System.Runtime.CompilerServices;

namespace KtEvents.Dashboard.Rendering;

/// <summary>
/// Builds <c>Html.Of($"...")</c>: the literal parts are the page's own markup, every hole is
/// HTML-encoded unless it already is <see cref="Markup"/>. Numbers format with the invariant culture.
/// </summary>
[InterpolatedStringHandler]
internal ref struct HtmlHandler
{
    private DefaultInterpolatedStringHandler inner;

    public HtmlHandler(int literalLength, int formattedCount)
    {
        inner = new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture);
    }

    public void AppendLiteral(string value) => inner.AppendLiteral(value);

    public void AppendFormatted(Markup value) => inner.AppendLiteral(value.Value);

    public void AppendFormatted<T>(T value, string? format = null)
    {
        var text = value is IFormattable formattable
            ? formattable.ToString(format, CultureInfo.InvariantCulture)
            : value?.ToString();
        if (!string.IsNullOrEmpty(text))
        {
            inner.AppendLiteral(Html.Encoder.Encode(text));
        }
    }

    public string ToStringAndClear() => inner.ToStringAndClear();
}
