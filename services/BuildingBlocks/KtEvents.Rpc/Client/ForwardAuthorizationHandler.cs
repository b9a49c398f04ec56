using Microsoft.AspNetCore.Http;

namespace KtEvents.Rpc.Client;

/// <summary>
/// Copies the Authorization header of the request being served onto an outgoing call that has none,
/// so a service calling another on behalf of a store owner carries that owner's JWT and the callee
/// checks the same identity. Metadata set on the call itself wins.
/// </summary>
internal sealed class ForwardAuthorizationHandler(IHttpContextAccessor httpContextAccessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Headers.Contains("authorization")
            && httpContextAccessor.HttpContext?.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization)
        {
            request.Headers.TryAddWithoutValidation("authorization", authorization);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
