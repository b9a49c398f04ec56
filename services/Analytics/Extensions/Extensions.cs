using KtEvents.Analytics.Infrastructure;
using KtEvents.Analytics.IntegrationEvents.Handlers;
using KtEvents.Contracts.Channels;
using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Data;
using KtEvents.Data.Migrations;
using KtEvents.Messaging;
using KtEvents.Messaging.EventBus;
using KtEvents.ServiceDefaults.Authentication;

namespace KtEvents.Analytics.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpc();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddAuthorization();

        builder.AddNpgsqlDataSource("analyticsdb");
        builder.Services.AddMigrations(MigrationSet.FromAssembly(typeof(Program).Assembly, "analytics"));
        builder.AddRedisClient("cache");

        // Everything Analytics knows arrives as integration events; it calls no other service.
        builder.AddRabbitMQClient("messaging");
        builder.AddEventBus("kt-analytics")
            .AddSubscription<EventApprovedIntegrationEvent, EventApprovedIntegrationEventHandler>()
            .AddSubscription<ParticipantRegisteredIntegrationEvent, ParticipantRegisteredIntegrationEventHandler>()
            .AddSubscription<ExposureReportedIntegrationEvent, ExposureReportedIntegrationEventHandler>()
            .AddSubscription<DistributionCompletedIntegrationEvent, DistributionCompletedIntegrationEventHandler>();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AnalyticsRepository>();
        builder.Services.AddSingleton<LiveUpdates>();
    }
}
