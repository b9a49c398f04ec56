namespace KtEvents.Gateway.Model;

/// <summary>
/// A dashboard card (UFR-EVENT-010). <see cref="Participants"/> and <see cref="Exposures"/> come from
/// Analytics once the event is approved; they are null for drafts and when Analytics cannot answer.
/// </summary>
public sealed record EventSummaryResponse(
    string Id,
    string Status,
    string Title,
    string Purpose,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    DateTimeOffset CreatedAt,
    string? ImageId,
    long? Participants = null,
    long? Exposures = null);
