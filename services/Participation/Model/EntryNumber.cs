namespace KtEvents.Participation.Model;

/// <summary>The number an entrant is given: the event's sequence number, shown as <c>A-000123</c>.</summary>
public static class EntryNumber
{
    public static string Format(long sequence) => $"A-{sequence:D6}";
}
