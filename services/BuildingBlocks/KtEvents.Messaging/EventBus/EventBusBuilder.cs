using Microsoft.Extensions.DependencyInjection;

namespace KtEvents.Messaging.EventBus;

internal sealed class EventBusBuilder(IServiceCollection services) : IEventBusBuilder
{
    public IServiceCollection Services { get; } = services;
}
