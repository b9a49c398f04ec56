namespace KtEvents.Participation.Model;

/// <summary>One row of the owner's entrant list, still unmasked: masking happens at the edge.</summary>
public sealed record EntryListItem(long Sequence, string Name, string Phone, string? Channel, DateTimeOffset EnteredAt, bool Winner);
