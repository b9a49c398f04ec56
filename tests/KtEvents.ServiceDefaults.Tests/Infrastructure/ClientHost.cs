using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KtEvents.ServiceDefaults.Tests.Infrastructure;

/// <summary>A started generic host holding the HttpClient configuration under test.</summary>
public static class ClientHost
{
    public static async Task<IHost> StartAsync(
        IDictionary<string, string?> configuration,
        Action<HostApplicationBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = Environments.Production,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        configure(builder);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
