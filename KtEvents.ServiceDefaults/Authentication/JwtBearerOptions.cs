using Microsoft.AspNetCore.Authentication;

namespace KtEvents.ServiceDefaults.Authentication;

/// <summary>
/// Settings of the ES256 bearer scheme, bound from the <c>Jwt</c> section (<c>Jwt__Issuer</c>,
/// <c>Jwt__Audience</c>, <c>Jwt__JwksUrl</c>, ...) and validated at start. Unlike Microsoft's options
/// there is no algorithm or key setting: the algorithm is fixed to ES256 and keys come only from the
/// JWKS URL, so configuration cannot weaken validation.
/// </summary>
public sealed class JwtBearerOptions : AuthenticationSchemeOptions
{
    /// <summary>Configuration section bound for every JWT bearer scheme.</summary>
    public const string SectionName = "Jwt";

    public JwtBearerOptions() => Events = new JwtBearerEvents();

    /// <summary>Required value of the <c>iss</c> claim.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>Value that the <c>aud</c> claim (a string or an array) must contain.</summary>
    public string Audience { get; set; } = "";

    /// <summary>Where the issuer publishes its public keys, e.g. <c>http://user/.well-known/jwks.json</c> (service discovery applies).</summary>
    public string JwksUrl { get; set; } = "";

    /// <summary>
    /// Fetch the JWKS over HTTP/2 with prior knowledge (h2c): the User service is a gRPC service whose
    /// one port speaks only HTTP/2 (see KtEvents.Rpc's AddGrpc).
    /// </summary>
    public bool JwksOverHttp2 { get; set; }

    /// <summary>Tolerance for clocks that disagree, applied to <c>exp</c>, <c>nbf</c> and <c>iat</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long fetched keys are used before the JWKS is fetched again.</summary>
    public TimeSpan JwksCacheLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Least time between two fetches. A token with an unknown <c>kid</c> triggers a fetch, and anyone
    /// can send such tokens; this bounds the fetches they can cause to one per interval.
    /// </summary>
    public TimeSpan JwksRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Hooks into validation, e.g. to reject a revoked token's <c>jti</c>.</summary>
    public new JwtBearerEvents Events
    {
        get => (JwtBearerEvents)base.Events!;
        set => base.Events = value;
    }
}
