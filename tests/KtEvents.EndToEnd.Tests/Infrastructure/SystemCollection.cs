namespace KtEvents.EndToEnd.Tests.Infrastructure;

/// <summary>Every end-to-end test shares one running system (starting it takes a minute).</summary>
[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "system";
}
