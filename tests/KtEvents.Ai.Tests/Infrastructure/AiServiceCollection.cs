namespace KtEvents.Ai.Tests.Infrastructure;

/// <summary>One running service for all the tests that call it: starting it seeds a database.</summary>
[CollectionDefinition(Name)]
public sealed class AiServiceCollection : ICollectionFixture<AiServiceFixture>
{
    public const string Name = "Ai service";
}
