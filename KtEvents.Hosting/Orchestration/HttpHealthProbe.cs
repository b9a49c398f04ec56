using System.Net;

namespace KtEvents.Hosting.Orchestration;

/// <summary>
/// GET of a health path. gRPC services listen HTTP/2-only in cleartext, which answers only
/// prior-knowledge h2c, so for them the request is sent as HTTP/2 exactly.
/// </summary>
internal static class HttpHealthProbe
{
    private static readonly HttpClient Client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = TimeSpan.FromSeconds(5),
    };

    public static async Task<bool> IsHealthyAsync(Uri address, bool http2, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address)
        {
            Version = http2 ? HttpVersion.Version20 : HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        using var response = await Client.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode;
    }
}
