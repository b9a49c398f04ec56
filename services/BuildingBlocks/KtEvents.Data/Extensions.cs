// KtEvents.Data — PostgreSQL for a service, the way Aspire.Npgsql wires it, plus schema migrations.
//
//   builder.AddNpgsqlDataSource("eventdb");                  // ConnectionStrings:eventdb → NpgsqlDataSource
//   builder.Services.AddMigrations(MigrationSet.FromAssembly(typeof(Program).Assembly, "event"));
//
// AddNpgsqlDataSource registers one NpgsqlDataSource (pooling, logging through ILoggerFactory,
// tracing through Npgsql's own "Npgsql" ActivitySource, which ServiceDefaults listens to, for
// commands inside a trace) and a readiness health check named after the connection. AddMigrations applies versioned .sql files
// embedded in the service before the host starts serving (see MigrationRunner for the guarantees).
using System.Diagnostics;

using KtEvents.Data.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace KtEvents.Data;

public static class Extensions
{
    public static IHostApplicationBuilder AddNpgsqlDataSource(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<NpgsqlDataSourceBuilder>? configureDataSourceBuilder = null)
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"The PostgreSQL connection string is missing. Set 'ConnectionStrings:{connectionName}' (env ConnectionStrings__{connectionName}).");
        }
        // Parse now: a malformed string fails at startup, not on the first query.
        var dataSourceBuilder = new NpgsqlDataSourceBuilder(connectionString);
        builder.Services.AddSingleton(services =>
        {
            dataSourceBuilder.UseLoggerFactory(services.GetService<ILoggerFactory>());
            // A command outside any trace is housekeeping: a worker polling every 500 ms, the health
            // check. As one-span traces of their own they would bury the owners' requests in the
            // dashboard's trace list; inside a request, a message or a worker's own span they stay.
            dataSourceBuilder.ConfigureTracing(tracing => tracing
                .ConfigureCommandFilter(_ => Activity.Current is not null)
                .ConfigureBatchFilter(_ => Activity.Current is not null));
            configureDataSourceBuilder?.Invoke(dataSourceBuilder);
            return dataSourceBuilder.Build();
        });
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            connectionName,
            services => new NpgsqlHealthCheck(services.GetRequiredService<NpgsqlDataSource>()),
            failureStatus: HealthStatus.Unhealthy,
            tags: ["ready"],
            timeout: TimeSpan.FromSeconds(5)));
        return builder;
    }

    /// <summary>Applies <paramref name="set"/> at startup. Sets apply in the order they are added.</summary>
    public static IServiceCollection AddMigrations(this IServiceCollection services, MigrationSet set)
    {
        services.AddSingleton(set);
        services.TryAddSingleton<MigrationRunner>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MigrationHostedService>());
        return services;
    }
}
