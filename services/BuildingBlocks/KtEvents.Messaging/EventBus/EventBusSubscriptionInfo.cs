using System.Text.Json;

namespace KtEvents.Messaging.EventBus;

/// <summary>Which event type each subscribed routing key carries, and how bodies are (de)serialised.</summary>
public sealed class EventBusSubscriptionInfo
{
    public Dictionary<string, Type> EventTypes { get; } = [];

    /// <summary>Web defaults (camelCase) on both sides, so every service reads what another wrote.</summary>
    public JsonSerializerOptions JsonSerializerOptions { get; } = new(JsonSerializerDefaults.Web);
}
