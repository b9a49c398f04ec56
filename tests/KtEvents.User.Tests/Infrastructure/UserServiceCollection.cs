namespace KtEvents.User.Tests.Infrastructure;

/// <summary>
/// One User service for all test classes, which therefore run one after another: the NTS outage
/// switch and the service's RabbitMQ publisher are shared.
/// </summary>
[CollectionDefinition(Name)]
public sealed class UserServiceCollection : ICollectionFixture<UserServiceFixture>
{
    public const string Name = "User service";
}
