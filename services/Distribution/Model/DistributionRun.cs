namespace KtEvents.Distribution.Model;

/// <summary>What every channel of an approved event is told about it.</summary>
public sealed record DistributionRun(
    Guid EventId,
    Guid OwnerId,
    string StoreName,
    string StorePhone,
    string Title,
    string Prize,
    string ParticipationMethod,
    Guid ImageId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt);
