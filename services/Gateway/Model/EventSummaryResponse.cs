namespace KtEvents.Gateway.Model;

public sealed record EventSummaryResponse(string Id, string Status, string Title, string Purpose, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, DateTimeOffset CreatedAt, string? ImageId);
