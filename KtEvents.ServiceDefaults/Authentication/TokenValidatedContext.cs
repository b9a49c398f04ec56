using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace KtEvents.ServiceDefaults.Authentication;

/// <summary>The principal built from a valid token; <see cref="ResultContext{TOptions}.Fail(string)"/> rejects it.</summary>
public sealed class TokenValidatedContext(HttpContext context, AuthenticationScheme scheme, JwtBearerOptions options)
    : ResultContext<JwtBearerOptions>(context, scheme, options);
