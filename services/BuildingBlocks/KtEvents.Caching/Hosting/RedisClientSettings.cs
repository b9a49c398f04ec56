namespace KtEvents.Caching.Hosting;

/// <summary>
/// Settings of <c>AddRedisClient</c>, bound from the "Aspire:StackExchange:Redis" section (Aspire's own,
/// so the same appsettings keep working after a swap). The connection string normally comes from
/// <c>ConnectionStrings:&lt;name&gt;</c>, which the AppHost sets as <c>ConnectionStrings__cache</c>.
/// </summary>
public sealed class RedisClientSettings
{
    public const string SectionName = "Aspire:StackExchange:Redis";

    public string? ConnectionString { get; set; }

    /// <summary>Turns off the per-command spans.</summary>
    public bool DisableTracing { get; set; }
}
