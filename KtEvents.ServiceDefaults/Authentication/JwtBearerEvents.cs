namespace KtEvents.ServiceDefaults.Authentication;

/// <summary>Hooks of the JWT bearer handler, named as in Microsoft's JwtBearerEvents.</summary>
public class JwtBearerEvents
{
    /// <summary>
    /// Called after the token passed every check, before the request is authenticated. Call
    /// <c>context.Fail(...)</c> to reject it anyway (logout revokes tokens through a denylist).
    /// </summary>
    public Func<TokenValidatedContext, Task> OnTokenValidated { get; set; } = _ => Task.CompletedTask;

    /// <summary>Invokes <see cref="OnTokenValidated"/>.</summary>
    public virtual Task TokenValidated(TokenValidatedContext context) => OnTokenValidated(context);
}
