using System.Net;

using KtEvents.Rpc.Tests.Clients;
using KtEvents.Rpc.Tests.Services;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KtEvents.Rpc.Tests.Infrastructure;

/// <summary>
/// A real Kestrel on 127.0.0.1 (free port) serving the test services through AddGrpc/MapGrpcService,
/// with ASP.NET Core authentication, plus typed clients built the way services build them.
/// </summary>
public sealed class RpcTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<ServiceProvider> _clientProviders = [];

    private RpcTestServer(WebApplication app)
    {
        _app = app;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
    }

    public Uri Address { get; }

    public CallProbe Probe => _app.Services.GetRequiredService<CallProbe>();

    /// <summary>Starts a server; <paramref name="map"/> replaces the default mapping of Echo, Relay and Feed.</summary>
    public static async Task<RpcTestServer> StartAsync(
        Action<WebApplicationBuilder>? configure = null, Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<CallProbe>();
        builder.Services.AddAuthentication(TestAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TestAuthenticationHandler>(
                TestAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        // The relay calls this same server, so its address is known only once Kestrel has started.
        builder.Services.AddGrpcClient<EchoClient>((provider, options) => options.Address = new Uri(
                provider.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single()))
            .ForwardAuthorization();
        configure?.Invoke(builder);

        var app = builder.Build();
        try
        {
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapGet("/health", () => "ok");
            if (map is null)
            {
                app.MapGrpcService<EchoGrpcService>();
                app.MapGrpcService<RelayGrpcService>();
                app.MapGrpcService<FeedGrpcService>();
            }
            else
            {
                map(app);
            }

            await app.StartAsync();
            return new RpcTestServer(app);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>A typed client registered with AddGrpcClient, as a service would register it.</summary>
    public TClient CreateClient<TClient>(Action<GrpcClientFactoryOptions>? configure = null)
        where TClient : ClientBase
    {
        var services = new ServiceCollection();
        services.AddGrpcClient<TClient>(options =>
        {
            options.Address = Address;
            configure?.Invoke(options);
        });
        var provider = services.BuildServiceProvider();
        _clientProviders.Add(provider);
        return provider.GetRequiredService<TClient>();
    }

    /// <summary>A plain HttpClient speaking HTTP/2 with prior knowledge, for hand-made gRPC requests.</summary>
    public HttpClient CreateRawClient() => new(new SocketsHttpHandler())
    {
        BaseAddress = Address,
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _clientProviders)
        {
            await provider.DisposeAsync();
        }

        await _app.DisposeAsync();
    }
}
