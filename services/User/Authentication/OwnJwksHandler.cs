using System.Net;
using System.Net.Http.Headers;

using KtEvents.ServiceDefaults.Authentication;

namespace KtEvents.User.Authentication;

/// <summary>
/// Answers the bearer scheme's JWKS fetches from this process's own keys. The User service is the
/// issuer: it checks its tokens against the keys it holds rather than calling itself over the network,
/// which would need its own address in configuration and fail while it is still starting.
/// </summary>
internal sealed class OwnJwksHandler(SigningKeyStore keys) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var signing = await keys.GetAsync(cancellationToken);
        var content = new StringContent(signing.Jwks.ToJson());
        content.Headers.ContentType = new MediaTypeHeaderValue(JsonWebKeySet.MediaType);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request, Version = request.Version };
    }
}
