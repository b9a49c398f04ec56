using KtEvents.Dashboard.Otlp;
using KtEvents.Dashboard.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KtEvents.Dashboard.Tests.Infrastructure;

/// <summary>The OTLP receiver and its store on a real Kestrel, on a free loopback port.</summary>
public sealed class DashboardTestServer(WebApplication app, Uri address) : IAsyncDisposable
{
    public Uri Address { get; } = address;

    public TelemetryStore Store => app.Services.GetRequiredService<TelemetryStore>();

    public Uri Endpoint(string path) => new(Address, path);

    public static async Task<DashboardTestServer> StartAsync(Action<TelemetryOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddTelemetryStore(configure);
        var app = builder.Build();
        app.MapOtlpHttpReceiver();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new DashboardTestServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
