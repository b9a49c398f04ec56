using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Data;
using KtEvents.Data.Migrations;
using KtEvents.Messaging;
using KtEvents.Messaging.EventBus;
using KtEvents.Participation.Infrastructure;
using KtEvents.Participation.IntegrationEvents.Handlers;
using KtEvents.ServiceDefaults.Authentication;

namespace KtEvents.Participation.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpc();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddAuthorization();

        builder.AddNpgsqlDataSource("participationdb");
        builder.Services.AddMigrations(MigrationSet.FromAssembly(typeof(Program).Assembly, "participation"));

        // The event's public facts arrive with its approval, so entries never wait on the Event service.
        builder.AddRabbitMQClient("messaging");
        builder.AddEventBus("kt-participation")
            .AddSubscription<EventApprovedIntegrationEvent, EventApprovedIntegrationEventHandler>();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ParticipationEventRepository>();
        builder.Services.AddSingleton<EntryRepository>();
    }
}
