using KtEvents.Ai.Claude;
using KtEvents.Ai.Feedback;
using KtEvents.Ai.Infrastructure;
using KtEvents.Ai.Infrastructure.Seeding;
using KtEvents.Ai.IntegrationEvents.Handlers;
using KtEvents.Ai.Recommendations;
using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Data;
using KtEvents.Data.Migrations;
using KtEvents.Messaging;
using KtEvents.Messaging.EventBus;
using KtEvents.Rpc;
using KtEvents.ServiceDefaults.Authentication;
using KtEvents.ServiceDefaults.Resilience;

using Microsoft.Extensions.Options;

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

        // Real outcomes arrive as EventEnded, and their ROI with the owner's sales report; the bus adds
        // the inbox tables to this database.
        builder.AddRabbitMQClient("messaging");
        builder.AddEventBus("kt-ai")
            .AddSubscription<EventEndedIntegrationEvent, EventEndedIntegrationEventHandler>()
            .AddSubscription<EventSalesReportedIntegrationEvent, EventSalesReportedIntegrationEventHandler>();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SuccessCaseRepository>();
        builder.Services.AddSingleton<RecommendationLogRepository>();
        builder.Services.AddSingleton<OutcomeRepository>();
        builder.Services.AddSingleton<ProtoCache>();
        builder.Services.AddSingleton<ReplicaRuns>();
        builder.Services.AddSingleton<DataVersions>();
        builder.Services.AddSingleton<SimilarCaseFinder>();
        builder.Services.AddSingleton<TrendWriter>();
        builder.Services.AddSingleton<TrendAnalyzer>();
        builder.Services.AddSingleton<PlanComposer>();
        builder.Services.AddSingleton<DataRecommendationEngine>();
        builder.AddRecommendationEngine();
        builder.Services.AddSingleton<RecommendationService>();
        builder.Services.AddSingleton<RecommendationFeedbackRepository>();
        builder.Services.AddSingleton<FeedbackService>();
    }

    /// <summary>
    /// The Claude engine (with the data engine filling its gaps) when <c>Claude:ApiKey</c> is set,
    /// the data engine alone otherwise.
    /// </summary>
    private static void AddRecommendationEngine(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<ClaudeOptions>, ClaudeOptionsValidator>();
        builder.Services.AddOptions<ClaudeOptions>().BindConfiguration(ClaudeOptions.SectionName).ValidateOnStart();
        var claude = builder.Configuration.GetSection(ClaudeOptions.SectionName).Get<ClaudeOptions>() ?? new ClaudeOptions();
        if (!claude.Enabled)
        {
            builder.Services.AddSingleton<IRecommendationEngine>(services => services.GetRequiredService<DataRecommendationEngine>());
            return;
        }

        builder.Services.AddTransient<ClaudeHttpStatus.Handler>();
        builder.Services.AddHttpClient(ClaudeChatClientFactory.HttpClientName)
            .AddHttpMessageHandler<ClaudeHttpStatus.Handler>()
            .AddStandardResilienceHandler(resilience =>
            {
                // Retries and time are the engine's: no retry (the data engine answers instead), and
                // timeouts no shorter than the budget so that the engine's own limits name the outcome.
                resilience.Retry.MaxRetryAttempts = 0;
                resilience.TotalRequestTimeout.Timeout = claude.Budget + TimeSpan.FromSeconds(1);
                resilience.AttemptTimeout.Timeout = claude.Budget + TimeSpan.FromSeconds(1);
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(
                    resilience.CircuitBreaker.SamplingDuration.Ticks, 2 * resilience.AttemptTimeout.Timeout.Ticks));
            });
        builder.Services.AddSingleton<ClaudeChatClientFactory>();
        builder.Services.AddSingleton<ClaudeLimiter>();
        builder.Services.AddSingleton<IRecommendationEngine, ClaudeRecommendationEngine>();
    }
}
