using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KtEvents.Caching;

public static class JsonCacheServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IJsonCache"/> over the <see cref="IConnectionMultiplexer"/> that AddRedisClient registers.</summary>
    public static IServiceCollection AddJsonCache(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IJsonCache, JsonCache>();
        return services;
    }
}
