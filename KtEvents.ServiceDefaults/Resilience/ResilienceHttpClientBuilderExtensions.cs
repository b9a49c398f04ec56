using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace KtEvents.ServiceDefaults.Resilience;

/// <summary>
/// <c>AddStandardResilienceHandler()</c> with the name and defaults of Microsoft.Extensions.Http.Resilience,
/// which cannot be restored here, built on Polly.Core's <see cref="Polly.ResiliencePipeline{T}"/>.
/// </summary>
public static class ResilienceHttpClientBuilderExtensions
{
    /// <summary>
    /// Adds total timeout, retry, circuit breaker and attempt timeout to this client (or, inside
    /// <c>ConfigureHttpClientDefaults</c>, to every client). <paramref name="configure"/> adjusts this
    /// client's options after <c>HttpClient:Resilience</c> has been bound. The configured section is
    /// validated when the host starts; a client's own adjustments when its first request builds its pipeline.
    /// </summary>
    public static IHttpClientBuilder AddStandardResilienceHandler(
        this IHttpClientBuilder builder,
        Action<HttpStandardResilienceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HttpResiliencePipelineProvider>();
        services.TryAddEnumerable(ServiceDescriptor
            .Singleton<IConfigureOptions<HttpStandardResilienceOptions>, ConfigureResilienceFromConfiguration>());
        services.TryAddEnumerable(ServiceDescriptor
            .Singleton<IValidateOptions<HttpStandardResilienceOptions>, HttpStandardResilienceOptionsValidator>());
        services.AddOptions<HttpStandardResilienceOptions>().ValidateOnStart();

        if (configure is not null)
        {
            // A null name (the all-clients builder) configures the options of every client.
            services.Configure(builder.Name, configure);
        }

        services.Configure<HttpClientFactoryOptions>(builder.Name, factoryOptions =>
            factoryOptions.HttpMessageHandlerBuilderActions.Add(handlerBuilder =>
            {
                // Added for all clients and again for one client by name, the client still gets one
                // pipeline, built from that client's options.
                if (handlerBuilder.AdditionalHandlers.Any(handler => handler is ResilienceHandler))
                {
                    return;
                }

                var pipeline = handlerBuilder.Services
                    .GetRequiredService<HttpResiliencePipelineProvider>()
                    .GetPipeline(handlerBuilder.Name ?? Options.DefaultName);
                handlerBuilder.AdditionalHandlers.Add(new ResilienceHandler(pipeline));
            }));
        return builder;
    }
}
