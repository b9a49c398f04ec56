namespace KtEvents.Gateway.Model;

public sealed record PublicEventResponse(string EventId, string StoreName, string Title, string Prize, string ParticipationMethod, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, DateTimeOffset? AnnounceAt, bool Open, string? ImageId, string ConsentText, string ConsentVersion);
