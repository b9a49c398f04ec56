using System.Text.Json;

using KtEvents.Contracts.IntegrationEvents;

using Microsoft.Extensions.DependencyInjection;

namespace KtEvents.Messaging.EventBus;

public static class EventBusBuilderExtensions
{
    /// <summary>
    /// Binds the service's queue to <typeparamref name="T"/>'s routing key and handles its messages
    /// with <typeparamref name="TH"/> (several handlers of one event run in one transaction).
    /// </summary>
    public static IEventBusBuilder AddSubscription<T, TH>(this IEventBusBuilder eventBusBuilder)
        where T : IntegrationEvent
        where TH : class, IIntegrationEventHandler<T>
    {
        // Read now: a missing or malformed [RoutingKey] fails at registration, not on the first message.
        var routingKey = RoutingKeys.For(typeof(T));
        eventBusBuilder.Services.AddKeyedScoped<IIntegrationEventHandler, TH>(typeof(T));
        eventBusBuilder.Services.Configure<EventBusSubscriptionInfo>(info =>
        {
            if (info.EventTypes.TryGetValue(routingKey, out var existing) && existing != typeof(T))
            {
                throw new InvalidOperationException(
                    $"{typeof(T).Name} and {existing.Name} both use routing key '{routingKey}'.");
            }
            info.EventTypes[routingKey] = typeof(T);
        });
        return eventBusBuilder;
    }

    public static IEventBusBuilder ConfigureJsonOptions(this IEventBusBuilder eventBusBuilder, Action<JsonSerializerOptions> configure)
    {
        eventBusBuilder.Services.Configure<EventBusSubscriptionInfo>(info => configure(info.JsonSerializerOptions));
        return eventBusBuilder;
    }
}
