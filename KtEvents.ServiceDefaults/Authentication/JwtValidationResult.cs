using System.Security.Claims;

namespace KtEvents.ServiceDefaults.Authentication;

/// <summary>Outcome of <see cref="Es256JwtValidator.ValidateAsync"/>: the token's claims, or why it was rejected.</summary>
public sealed record JwtValidationResult(JwtValidationError? Error, IReadOnlyList<Claim> Claims)
{
    /// <summary>True when every check passed.</summary>
    public bool IsValid => Error is null;

    public static JwtValidationResult Success(IReadOnlyList<Claim> claims) => new(null, claims);

    public static JwtValidationResult Failure(JwtValidationError error) => new(error, []);
}
