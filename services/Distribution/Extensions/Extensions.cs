using KtEvents.Contracts.Channels;
using KtEvents.Contracts.Clients;
using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Data;
using KtEvents.Data.Migrations;
using KtEvents.Distribution.Channels;
using KtEvents.Distribution.Infrastructure;
using KtEvents.Distribution.IntegrationEvents.Handlers;
using KtEvents.Distribution.Worker;
using KtEvents.Messaging;
using KtEvents.Messaging.EventBus;
using KtEvents.ServiceDefaults.Authentication;
using KtEvents.ServiceDefaults.Resilience;

using Microsoft.Extensions.Options;

namespace KtEvents.Distribution.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddGrpc();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddAuthorization();

        builder.AddNpgsqlDataSource("distributiondb");
        services.AddMigrations(MigrationSet.FromAssembly(typeof(Program).Assembly, "distribution"));
        builder.AddRedisClient("cache");
        builder.AddRabbitMQClient("messaging");
        builder.AddEventBus("kt-distribution")
            .AddSubscription<EventApprovedIntegrationEvent, EventApprovedIntegrationEventHandler>();

        services.AddOptions<DistributionOptions>().BindConfiguration(DistributionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ChannelsOptions>().BindConfiguration(ChannelsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DistributionRepository>();
        services.AddSingleton<LiveUpdates>();
        services.AddSingleton<SvgRasterizer>();
        services.AddSingleton<EventImageLoader>();
        services.AddHostedService<DistributionWorker>();

        // Anonymous on purpose: images of approved events are public, and the worker serves no caller.
        services.AddGrpcClient<ContentClient>(options => options.Address = new Uri("http://content"));

        AddChannel<UridongneTvAdapter>(services);
        AddChannel<RingoBizAdapter>(services);
        AddChannel<GenieTvAdapter>(services);
        AddChannel<InstagramAdapter>(services);
        AddChannel<NaverBlogAdapter>(services);
        AddChannel<KakaoChannelAdapter>(services);
        return builder;
    }

    private static void AddChannel<TAdapter>(IServiceCollection services)
        where TAdapter : class, IChannelAdapter
    {
        services.AddHttpClient<TAdapter>((provider, http) =>
            {
                var baseUrl = provider.GetRequiredService<IOptions<ChannelsOptions>>().Value.BaseUrl.ToString();
                http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
            })
            // The worker owns retries: its attempts are counted, persisted and survive a restart, so
            // the client's own retry is off (it would multiply attempts and hide them).
            .AddStandardResilienceHandler(resilience => resilience.Retry.MaxRetryAttempts = 0);
        services.AddTransient<IChannelAdapter>(provider => provider.GetRequiredService<TAdapter>());
    }
}
