namespace KtEvents.Event.Tests.Infrastructure;

/// <summary>
/// One running service for all the tests that call it: each service consumes the queue
/// <see cref="EventServiceFixture.Queue"/>, so a second one would take half of the other's messages.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EventServiceCollection : ICollectionFixture<EventServiceFixture>
{
    public const string Name = "Event service";
}
