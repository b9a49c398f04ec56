namespace KtEvents.Contracts.Channels;

/// <summary>
/// Redis pub/sub channels for live updates to the browser (ARCHITECTURE.md §2): a service publishes a
/// small JSON message on the event's channel, and every gateway replica with a browser watching that
/// event forwards it over SSE. The message is a hint to refresh, with <c>type</c> naming what changed
/// (<c>distribution</c>, <c>analytics</c>, <c>event</c>); the browser then reads the current state.
/// </summary>
public static class LiveChannels
{
    public static string ForEvent(Guid eventId) => $"kt:live:event:{eventId:N}";
}
