using KtEvents.Content.Infrastructure;
using KtEvents.Data;
using KtEvents.Data.Migrations;
using KtEvents.Messaging;
using KtEvents.ServiceDefaults.Authentication;

namespace KtEvents.Content.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddGrpc();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddAuthorization();

        builder.AddNpgsqlDataSource("contentdb");
        services.AddMigrations(MigrationSet.FromAssembly(typeof(Program).Assembly, "content"));
        builder.AddRabbitMQClient("messaging");
        // Content publishes (ContentFinalized) and consumes nothing: the bus is its outbox and relay.
        builder.AddEventBus("kt-content");

        services.AddSingleton<ImageRepository>();
        return builder;
    }
}
