using KtEvents.Ai.Infrastructure;
using KtEvents.Ai.Infrastructure.Seeding;
using KtEvents.Ai.Recommendations;
using KtEvents.Data;
using KtEvents.Data.Migrations;
using KtEvents.Rpc;
using KtEvents.ServiceDefaults.Authentication;

namespace KtEvents.Ai.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddAuthorization();
        builder.Services.AddGrpc();

        builder.AddNpgsqlDataSource("aidb");
        builder.Services.AddMigrations(MigrationSet.FromAssembly(typeof(Program).Assembly, "ai"));
        // After AddMigrations: hosted services start in registration order, so the tables exist.
        builder.Services.AddHostedService<SyntheticDatasetSeeder>();
        builder.AddRedisClient("cache");

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SuccessCaseRepository>();
        builder.Services.AddSingleton<RecommendationLogRepository>();
        builder.Services.AddSingleton<ProtoCache>();
        builder.Services.AddSingleton<TrendWriter>();
        builder.Services.AddSingleton<TrendAnalyzer>();
        builder.Services.AddSingleton<PlanComposer>();
        // The one engine until the Claude engine arrives; it will wrap this one as its fallback.
        builder.Services.AddSingleton<DataRecommendationEngine>();
        builder.Services.AddSingleton<IRecommendationEngine>(services => services.GetRequiredService<DataRecommendationEngine>());
        builder.Services.AddSingleton<RecommendationService>();
    }
}
