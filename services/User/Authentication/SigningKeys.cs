using System.Security.Cryptography;

using KtEvents.ServiceDefaults.Authentication;

namespace KtEvents.User.Authentication;

/// <summary>The loaded signing keys, oldest first: the newest signs, all of them are published.</summary>
public sealed class SigningKeys(IReadOnlyList<(string KeyId, ECDsa Key)> keys, TimeProvider timeProvider) : IDisposable
{
    public Es256JwtWriter Writer { get; } = new(keys[^1].Key, keys[^1].KeyId, timeProvider);

    public string CurrentKeyId { get; } = keys[^1].KeyId;

    public JsonWebKeySet Jwks { get; } = new([.. keys.Select(key => JsonWebKey.FromECDsa(key.Key, key.KeyId))]);

    public void Dispose()
    {
        foreach (var (_, key) in keys)
        {
            key.Dispose();
        }
    }
}
