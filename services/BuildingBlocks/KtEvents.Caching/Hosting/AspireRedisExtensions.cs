using KtEvents.Caching;
using KtEvents.Caching.Hosting;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// Aspire declares AddRedisClient in this namespace; keeping it means no using changes after a swap.
namespace Microsoft.Extensions.Hosting;

/// <summary>Aspire's <c>AddRedisClient</c>, backed by this project's RESP client.</summary>
public static class AspireRedisExtensions
{
    /// <summary>The tag of the Redis health check, which ServiceDefaults' readiness probe includes.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Registers a singleton <see cref="IConnectionMultiplexer"/> for <c>ConnectionStrings:&lt;connectionName&gt;</c>,
    /// a health check named <paramref name="connectionName"/> (PING, tagged "ready"), and per-command
    /// spans on the "KtEvents.Caching" ActivitySource, which ServiceDefaults' "KtEvents.*" tracing picks
    /// up. A missing or unusable connection string stops the host at start with a message saying why.
    /// </summary>
    public static void AddRedisClient(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<RedisClientSettings>? configureSettings = null,
        Action<ConfigurationOptions>? configureOptions = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);

        var settings = builder.Services.AddOptions<RedisClientSettings>(connectionName)
            .BindConfiguration(RedisClientSettings.SectionName)
            .Configure<IConfiguration>((current, configuration) =>
            {
                if (configuration.GetConnectionString(connectionName) is { Length: > 0 } connectionString)
                {
                    current.ConnectionString = connectionString;
                }
            })
            .ValidateOnStart();
        if (configureSettings is not null)
        {
            settings.Configure(configureSettings);
        }
        builder.Services.AddSingleton<IValidateOptions<RedisClientSettings>>(new RedisClientSettingsValidator(connectionName));

        builder.Services.AddSingleton<IConnectionMultiplexer>(services => CreateMultiplexer(services, connectionName, configureOptions));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            connectionName,
            services => new RedisHealthCheck(services.GetRequiredService<IConnectionMultiplexer>()),
            HealthStatus.Unhealthy,
            [ReadyTag]));
    }

    private static ConnectionMultiplexer CreateMultiplexer(IServiceProvider services, string connectionName, Action<ConfigurationOptions>? configureOptions)
    {
        var settings = services.GetRequiredService<IOptionsMonitor<RedisClientSettings>>().Get(connectionName);
        var options = ConfigurationOptions.Parse(settings.ConnectionString!);
        // A service must be able to start, and report unhealthy, while Redis is still starting, so the
        // multiplexer keeps connecting in the background instead of failing the first resolution.
        options.AbortOnConnectFail = false;
        options.LoggerFactory ??= services.GetService<ILoggerFactory>();
        options.TracingEnabled = !settings.DisableTracing;
        configureOptions?.Invoke(options);
        return ConnectionMultiplexer.Connect(options);
    }
}
