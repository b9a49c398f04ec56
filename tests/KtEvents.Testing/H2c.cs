using System.Net;

using KtEvents.Rpc;

namespace KtEvents.Testing;

/// <summary>Clients for a service's one HTTP/2-only (h2c) port, as the services call each other.</summary>
public static class H2c
{
    public static HttpClient CreateHttpClient(Uri? baseAddress = null) => new()
    {
        BaseAddress = baseAddress,
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    /// <summary>What a typed client (<c>new ContentClient(invoker)</c>) calls through.</summary>
    public static CallInvoker CreateCallInvoker(HttpClient http, Uri address) =>
        new(http, new GrpcClientFactoryOptions { Address = address });
}
