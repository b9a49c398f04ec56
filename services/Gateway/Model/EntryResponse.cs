namespace KtEvents.Gateway.Model;

public sealed record EntryResponse(string EntryNumber, DateTimeOffset? AnnounceAt);
