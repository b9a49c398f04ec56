using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KtEvents.ServiceDefaults.Authentication;

/// <summary>
/// <c>AddJwtBearer()</c> with the names of Microsoft.AspNetCore.Authentication.JwtBearer, which cannot be
/// restored here: <c>services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer()</c>.
/// </summary>
public static class JwtBearerExtensions
{
    /// <summary>Adds the "Bearer" scheme configured from the <c>Jwt</c> section.</summary>
    public static AuthenticationBuilder AddJwtBearer(this AuthenticationBuilder builder) =>
        builder.AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, static _ => { });

    /// <summary>Adds the "Bearer" scheme; <paramref name="configureOptions"/> runs after the <c>Jwt</c> section is bound.</summary>
    public static AuthenticationBuilder AddJwtBearer(this AuthenticationBuilder builder, Action<JwtBearerOptions> configureOptions) =>
        builder.AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, configureOptions);

    /// <summary>Adds an ES256 bearer scheme under <paramref name="authenticationScheme"/>.</summary>
    public static AuthenticationBuilder AddJwtBearer(
        this AuthenticationBuilder builder,
        string authenticationScheme,
        Action<JwtBearerOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(authenticationScheme);
        ArgumentNullException.ThrowIfNull(configureOptions);

        var services = builder.Services;
        services.AddOptions<JwtBearerOptions>(authenticationScheme)
            .BindConfiguration(JwtBearerOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JwtBearerOptions>, JwtBearerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(JwksKeyProvider.HttpClientName, client =>
        {
            // A JWKS is a few hundred bytes; a huge or slow answer is a fault, not a document.
            client.Timeout = TimeSpan.FromSeconds(10);
            client.MaxResponseContentBufferSize = 64 * 1024;
        });

        // One key cache and validator per scheme, for the life of the process: the cache is the point.
        services.AddKeyedSingleton(authenticationScheme, static (provider, key) =>
        {
            var options = provider.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get((string)key!);
            return new JwksKeyProvider(
                provider.GetRequiredService<IHttpClientFactory>(),
                new JwksKeyProviderOptions(new Uri(options.JwksUrl), options.JwksCacheLifetime, options.JwksRefreshInterval, options.JwksOverHttp2),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<JwksKeyProvider>>());
        });
        services.AddKeyedSingleton(authenticationScheme, static (provider, key) =>
        {
            var options = provider.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get((string)key!);
            return new Es256JwtValidator(
                new JwtValidationParameters(options.Issuer, options.Audience, options.ClockSkew),
                provider.GetRequiredKeyedService<JwksKeyProvider>(key),
                provider.GetRequiredService<TimeProvider>());
        });

        return builder.AddScheme<JwtBearerOptions, JwtBearerHandler>(authenticationScheme, configureOptions);
    }
}
