namespace KtEvents.Participation.Model;

public sealed record EntryPage(IReadOnlyList<EntryListItem> Entries, long Total);
