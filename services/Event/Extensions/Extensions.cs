using KtEvents.Caching;
using KtEvents.Contracts.Channels;
using KtEvents.Contracts.Clients;
using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Data;
using KtEvents.Data.Migrations;
using KtEvents.Event.Ending;
using KtEvents.Event.Infrastructure;
using KtEvents.Event.IntegrationEvents.Handlers;
using KtEvents.Messaging;
using KtEvents.Messaging.EventBus;
using KtEvents.ServiceDefaults.Authentication;

namespace KtEvents.Event.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpc();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddAuthorization();

        builder.AddNpgsqlDataSource("eventdb");
        builder.Services.AddMigrations(MigrationSet.FromAssembly(typeof(Program).Assembly, "event"));
        builder.AddRedisClient("cache");
        builder.AddRabbitMQClient("messaging");
        builder.AddEventBus("kt-event")
            .AddSubscription<DistributionCompletedIntegrationEvent, DistributionCompletedIntegrationEventHandler>()
            .AddSubscription<ParticipantRegisteredIntegrationEvent, ParticipantRegisteredIntegrationEventHandler>();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<EventRepository>();
        builder.Services.AddSingleton<LiveUpdates>();

        // Events end on their own (seed 003): a sweep marks them and publishes EventEnded.
        builder.Services.AddOptions<EventEndingOptions>().BindConfiguration(EventEndingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<EventEndSweeper>();
        builder.Services.AddHostedService<EventEndingService>();

        // The owner's token travels on, so Ai and Content check the same caller.
        builder.Services.AddGrpcClient<AiClient>(o => o.Address = new Uri("http://ai")).ForwardAuthorization();
        builder.Services.AddGrpcClient<ContentClient>(o => o.Address = new Uri("http://content")).ForwardAuthorization();
        return builder;
    }
}
