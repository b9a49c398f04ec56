using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KtEvents.Caching.Tests.Support;

/// <summary>A bare host with the given configuration, as a service's Program.cs would build it.</summary>
internal static class TestHosts
{
    public static HostApplicationBuilder Builder(params (string Key, string? Value)[] configuration)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(configuration.Select(entry => KeyValuePair.Create(entry.Key, entry.Value)));
        builder.Services.AddLogging();
        return builder;
    }
}
