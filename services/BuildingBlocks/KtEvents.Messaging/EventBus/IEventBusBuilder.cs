using Microsoft.Extensions.DependencyInjection;

namespace KtEvents.Messaging.EventBus;

/// <summary>Returned by <c>AddEventBus</c>; <c>AddSubscription</c> and <c>ConfigureJsonOptions</c> hang off it.</summary>
public interface IEventBusBuilder
{
    IServiceCollection Services { get; }
}
