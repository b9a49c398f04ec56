using KtEvents.Caching;
using KtEvents.Contracts.Clients;
using KtEvents.Gateway.Infrastructure;
using KtEvents.ServiceDefaults.Authentication;

namespace KtEvents.Gateway.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options => options.Events.OnTokenValidated = RevokedTokens.RejectRevokedAsync);
        builder.Services.AddAuthorization();
        builder.Services.AddTrustedProxies();
        builder.Services.AddGatewayRateLimits();
        builder.Services.AddOpenApi();
        builder.AddRedisClient("cache");

        // The browser's token travels on to every service, which checks it again (ARCHITECTURE.md §2).
        builder.Services.AddGrpcClient<UserClient>(o => o.Address = new Uri("http://user")).ForwardAuthorization();
        builder.Services.AddGrpcClient<EventClient>(o => o.Address = new Uri("http://event")).ForwardAuthorization();
        builder.Services.AddGrpcClient<ContentClient>(o => o.Address = new Uri("http://content")).ForwardAuthorization();
        builder.Services.AddGrpcClient<DistributionClient>(o => o.Address = new Uri("http://distribution")).ForwardAuthorization();
        builder.Services.AddGrpcClient<ParticipationClient>(o => o.Address = new Uri("http://participation")).ForwardAuthorization();
        builder.Services.AddGrpcClient<AnalyticsClient>(o => o.Address = new Uri("http://analytics")).ForwardAuthorization();
        return builder;
    }
}
