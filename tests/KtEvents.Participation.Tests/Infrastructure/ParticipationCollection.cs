namespace KtEvents.Participation.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class ParticipationCollection : ICollectionFixture<ParticipationServiceFixture>
{
    public const string Name = "Participation service";
}
