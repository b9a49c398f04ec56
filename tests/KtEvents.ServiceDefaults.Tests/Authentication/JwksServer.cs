using KtEvents.ServiceDefaults.Authentication;
using KtEvents.ServiceDefaults.Tests.Infrastructure;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KtEvents.ServiceDefaults.Tests.Authentication;

/// <summary>Publishes a JWKS over real HTTP, as the User service will, and counts how often it is fetched.</summary>
public sealed class JwksServer : IAsyncDisposable
{
    public const string Path = "/.well-known/jwks.json";

    private readonly RunningApp _app;
    private volatile string _json;
    private volatile bool _failing;
    private int _fetches;

    private JwksServer(RunningApp app, JsonWebKeySet keySet)
    {
        _app = app;
        _json = keySet.ToJson();
    }

    public Uri JwksUrl => new(_app.BaseAddress, Path);

    public Uri BaseAddress => _app.BaseAddress;

    public int Fetches => Volatile.Read(ref _fetches);

    public static async Task<JwksServer> StartAsync(params JsonWebKey[] keys)
    {
        JwksServer? server = null;
        var app = await RunningApp.StartAsync(app => app.MapGet(Path, () =>
        {
            Interlocked.Increment(ref server!._fetches);
            return server._failing
                ? Results.StatusCode(StatusCodes.Status500InternalServerError)
                : Results.Text(server._json, JsonWebKeySet.MediaType);
        }));
        server = new JwksServer(app, new JsonWebKeySet(keys));
        return server;
    }

    public void Publish(params JsonWebKey[] keys) => _json = new JsonWebKeySet(keys).ToJson();

    public void PublishRaw(string json) => _json = json;

    /// <summary>While set, the endpoint answers 500.</summary>
    public void Fail(bool failing) => _failing = failing;

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
