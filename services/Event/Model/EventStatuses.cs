using KtEvents.Contracts.Event.V1;

namespace KtEvents.Event.Model;

/// <summary>The stored status of an event, and the status an owner sees (an event past its end is ended).</summary>
public static class EventStatuses
{
    public const string Draft = "draft";
    public const string Scheduled = "scheduled";
    public const string Active = "active";
    public const string Ended = "ended";

    public static EventStatus ToContract(string stored, DateTimeOffset? endsAt, DateTimeOffset now) =>
        stored switch
        {
            Draft => EventStatus.Draft,
            Ended => EventStatus.Ended,
            _ when endsAt is { } end && end <= now => EventStatus.Ended,
            Scheduled => EventStatus.Scheduled,
            Active => EventStatus.Active,
            _ => throw new InvalidOperationException($"Unknown stored status '{stored}'."),
        };
}
