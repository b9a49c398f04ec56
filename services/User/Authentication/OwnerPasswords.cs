using System.Security.Cryptography;

using KtEvents.User.Model;

using Microsoft.AspNetCore.Identity;

namespace KtEvents.User.Authentication;

/// <summary>
/// Owners' passwords through ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2).
/// Checking a phone nobody signed up with still runs one verification against a decoy hash, so the
/// answer takes as long as for a wrong password and does not tell which phones have accounts.
/// </summary>
public sealed class OwnerPasswords(IPasswordHasher<Owner> hasher)
{
    private static readonly Owner Nobody = new(Guid.Empty, "", "", "", "", new OwnerStore(Guid.Empty, "", "", "", "", ""));

    private readonly Lazy<string> _decoyHash = new(() => hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))));

    public string Hash(string password) => hasher.HashPassword(Nobody, password);

    public bool Verify(Owner? owner, string password)
    {
        if (owner is null)
        {
            hasher.VerifyHashedPassword(Nobody, _decoyHash.Value, password);
            return false;
        }

        return hasher.VerifyHashedPassword(owner, owner.PasswordHash, password) is not PasswordVerificationResult.Failed;
    }
}
