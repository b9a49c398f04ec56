using System.Net;

using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace KtEvents.Gateway.Infrastructure;

/// <summary>
/// Behind the Container Apps ingress every request comes from the ingress's address, so a per-address
/// rate limit would throttle all customers together. <c>UseForwardedHeaders</c> puts the client's address
/// from <c>X-Forwarded-For</c> into <c>Connection.RemoteIpAddress</c>, but only when the hop that sent it
/// is a trusted proxy (<see cref="TrustedProxyOptions"/>), so a client cannot pick its own address.
/// </summary>
public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<TrustedProxyOptions>()
            .BindConfiguration(TrustedProxyOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<TrustedProxyOptions>>((forwarded, trusted) =>
            {
                forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                forwarded.ForwardLimit = trusted.Value.ForwardLimit;
                if (trusted.Value.Networks.Count + trusted.Value.Addresses.Count == 0)
                {
                    return;
                }
                // Configured proxies replace the loopback defaults.
                forwarded.KnownIPNetworks.Clear();
                forwarded.KnownProxies.Clear();
                foreach (var network in trusted.Value.Networks)
                {
                    forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                }
                foreach (var address in trusted.Value.Addresses)
                {
                    forwarded.KnownProxies.Add(IPAddress.Parse(address));
                }
            });
        return services;
    }
}
