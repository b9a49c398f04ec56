using KtEvents.ServiceDefaults.Authentication;
using KtEvents.User.Authentication;

namespace KtEvents.User.Apis;

/// <summary>
/// <c>GET /.well-known/jwks.json</c>: the public keys every service checks owners' access tokens with.
/// It shares the gRPC port, which speaks HTTP/2 only, so readers fetch it over h2c (Jwt:JwksOverHttp2).
/// </summary>
public static class JwksApi
{
    public const string Path = "/.well-known/jwks.json";

    public static IEndpointRouteBuilder MapJwks(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, async (SigningKeyStore keys, HttpResponse response, CancellationToken cancellationToken) =>
        {
            var signing = await keys.GetAsync(cancellationToken);
            // Readers cache keys themselves (Jwt:JwksCacheLifetime); a short shared cache is enough here.
            response.Headers.CacheControl = "public, max-age=300";
            return TypedResults.Text(signing.Jwks.ToJson(), JsonWebKeySet.MediaType);
        }).AllowAnonymous();
        return app;
    }
}
