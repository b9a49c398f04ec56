namespace KtEvents.Ai.Tests.Infrastructure;

/// <summary>
/// The Claude engine's tests: one Claude double and one database, an Ai service per test (each with
/// its own API key, so scenarios and call counts never mix). Serial within the collection, so the
/// spans a test watches are its own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClaudeEngineCollection : ICollectionFixture<ClaudeEngineFixture>
{
    public const string Name = "Claude engine";
}
