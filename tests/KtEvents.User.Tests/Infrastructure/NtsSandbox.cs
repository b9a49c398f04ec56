extern alias sandbox;

using System.Net;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using NtsApi = sandbox::KtEvents.Sandbox.Apis.NtsApi;

namespace KtEvents.User.Tests.Infrastructure;

/// <summary>
/// The Sandbox's NTS status API (<see cref="NtsApi.MapNtsApi"/>, the real code) on a loopback Kestrel
/// speaking HTTP/1.1 as the real one does, with a switch that makes it fail like an outage (503).
/// </summary>
public sealed class NtsSandbox : IAsyncDisposable
{
    public const string ServiceKey = "user-tests-service-key";

    private readonly WebApplication _app;
    private int _requests;

    private NtsSandbox(WebApplication app)
    {
        _app = app;
        BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
    }

    public Uri BaseUrl { get; }

    /// <summary>While true every request is answered 503 Service Unavailable.</summary>
    public bool Down { get; set; }

    /// <summary>Requests received so far, including failed ones.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static async Task<NtsSandbox> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration["Nts:ServiceKey"] = ServiceKey;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        NtsSandbox? sandbox = null;
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref sandbox!._requests);
            if (sandbox.Down)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            await next(context);
        });
        NtsApi.MapNtsApi(app);
        await app.StartAsync();
        sandbox = new NtsSandbox(app);
        return sandbox;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
