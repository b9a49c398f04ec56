using System.Security.Claims;

namespace KtEvents.ServiceDefaults.Authentication;

/// <summary>
/// The claims of an owner's access token, issued by the User service and read by every service:
/// <c>sub</c> is the owner's user id, <c>store_id</c> their store. Every owner query is scoped by
/// <see cref="GetOwnerId"/> (ARCHITECTURE.md §9).
/// </summary>
public static class OwnerClaims
{
    public const string Subject = "sub";
    public const string StoreId = "store_id";

    /// <summary>The signed-in owner's id; throws when the principal is not an owner (a bug: the endpoint lacks RequireAuthorization).</summary>
    public static Guid GetOwnerId(this ClaimsPrincipal principal) =>
        principal.TryGetOwnerId(out var ownerId)
            ? ownerId
            : throw new InvalidOperationException("The caller is not a signed-in owner.");

    public static bool TryGetOwnerId(this ClaimsPrincipal principal, out Guid ownerId)
    {
        ownerId = default;
        return principal.Identity?.IsAuthenticated == true
            && Guid.TryParse(principal.FindFirst(Subject)?.Value, out ownerId);
    }
}
