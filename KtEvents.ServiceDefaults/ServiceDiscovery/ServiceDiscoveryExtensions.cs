using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KtEvents.ServiceDefaults.ServiceDiscovery;

/// <summary>
/// <c>AddServiceDiscovery()</c> with the names of Microsoft.Extensions.ServiceDiscovery, which cannot be
/// restored here; this stand-in implements only its configuration provider.
/// </summary>
public static class ServiceDiscoveryExtensions
{
    /// <summary>Registers <see cref="ServiceEndpointResolver"/> for code that connects without HttpClient.</summary>
    public static IServiceCollection AddServiceDiscovery(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ServiceEndpointResolver>();
        return services;
    }

    /// <summary>Resolves service names in this client's request URIs (and base address) through configuration.</summary>
    public static IHttpClientBuilder AddServiceDiscovery(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddServiceDiscovery();
        builder.ConfigureAdditionalHttpMessageHandlers(static (handlers, services) =>
        {
            // Registered both for all clients and for one client by name, it must still resolve once.
            if (!handlers.Any(handler => handler is ServiceDiscoveryHandler))
            {
                handlers.Add(new ServiceDiscoveryHandler(services.GetRequiredService<ServiceEndpointResolver>()));
            }
        });
        return builder;
    }
}
