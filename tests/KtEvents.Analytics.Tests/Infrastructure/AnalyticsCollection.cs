namespace KtEvents.Analytics.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class AnalyticsCollection : ICollectionFixture<AnalyticsServiceFixture>
{
    public const string Name = "Analytics service";
}
