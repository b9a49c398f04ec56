using KtEvents.Contracts.IntegrationEvents;

namespace KtEvents.Messaging.Tests.Events;

[RoutingKey("test.parcel-shipped")]
public sealed record ParcelShippedIntegrationEvent(Guid ParcelId) : IntegrationEvent;
