using KtEvents.Caching;
using KtEvents.Data;
using KtEvents.Data.Migrations;
using KtEvents.Messaging;
using KtEvents.ServiceDefaults.Authentication;
using KtEvents.ServiceDefaults.Resilience;
using KtEvents.User.Authentication;
using KtEvents.User.Infrastructure;
using KtEvents.User.Infrastructure.Nts;
using KtEvents.User.Model;

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KtEvents.User.Extensions;

public static class Extensions
{
    /// <summary>
    /// userdb with its migrations, the outbox (kt-user; nothing is consumed), Redis for the login throttle
    /// and the token denylist, the NTS client, and the bearer scheme that checks this service's own tokens.
    /// </summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddGrpc();

        builder.AddNpgsqlDataSource("userdb");
        services.AddMigrations(MigrationSet.FromAssembly(typeof(Program).Assembly, "user"));
        builder.AddRabbitMQClient("messaging");
        builder.AddEventBus("kt-user");
        builder.AddRedisClient("cache");

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IPasswordHasher<Owner>, PasswordHasher<Owner>>();
        services.AddSingleton<OwnerPasswords>();
        services.AddSingleton<SigningKeyStore>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<AccessTokenDenylist>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<OwnerRepository>();
        services.AddSingleton<RefreshTokenRepository>();

        services.AddOptions<NtsOptions>()
            .BindConfiguration(NtsOptions.SectionName)
            .Validate(options => options.IsValid(), "Nts:BaseUrl must be an absolute http(s) URL and Nts:ServiceKey must be set.")
            .ValidateOnStart();
        services.AddHttpClient<NtsClient>((provider, client) =>
                client.BaseAddress = new Uri(provider.GetRequiredService<IOptions<NtsOptions>>().Value.BaseUrl))
            // The owner is waiting on the sign-up form: two quick retries, then "try again later" within 10 s
            // rather than the defaults' 30.
            .AddStandardResilienceHandler(options =>
            {
                options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(10);
                options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(4);
                options.Retry.MaxRetryAttempts = 2;
                options.Retry.Delay = TimeSpan.FromMilliseconds(250);
            });

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
            options.Events.OnTokenValidated = RejectRevokedTokensAsync);
        services.AddAuthorization();
        // This service is the issuer: its bearer scheme reads the keys in-process (see OwnJwksHandler),
        // so no discovery or retries stand between it and them.
        services.AddHttpClient(JwksKeyProvider.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => new OwnJwksHandler(provider.GetRequiredService<SigningKeyStore>()))
            .ConfigureAdditionalHttpMessageHandlers(static (handlers, _) => handlers.Clear());
        return builder;
    }

    /// <summary>Logout puts the access token's jti on the denylist; such a token is refused here as at the gateway.</summary>
    private static async Task RejectRevokedTokensAsync(TokenValidatedContext context)
    {
        var jti = context.Principal?.FindFirst("jti")?.Value;
        if (jti is null)
        {
            context.Fail("The token has no jti.");
            return;
        }

        var services = context.HttpContext.RequestServices;
        try
        {
            if (await services.GetRequiredService<AccessTokenDenylist>().IsRevokedAsync(jti))
            {
                context.Fail("The token was revoked.");
            }
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // Fail closed: a revoked token must not work just because Redis is away.
            AuthLog.DenylistUnavailable(services.GetRequiredService<ILogger<AccessTokenDenylist>>(), exception);
            context.Fail("The token's revocation could not be checked.");
        }
    }
}
