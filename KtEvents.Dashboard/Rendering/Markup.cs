namespace KtEvents.Dashboard.Rendering;

/// <summary>
/// HTML that is safe to write out as it is: made only by <see cref="Html.Of"/>, from literals in
/// the code and encoded values, so a span or resource name can never become markup.
/// </summary>
internal readonly record struct Markup(string Value)
{
    public static readonly Markup Empty = new(string.Empty);

    public override string ToString() => Value;
}
