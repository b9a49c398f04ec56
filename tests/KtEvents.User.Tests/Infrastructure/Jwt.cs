using System.Buffers.Text;
using System.Text.Json;

namespace KtEvents.User.Tests.Infrastructure;

internal static class Jwt
{
    /// <summary>A string claim from the token's payload, unverified (the tests verify signatures elsewhere).</summary>
    public static string ReadClaim(string token, string name)
    {
        var payload = Base64Url.DecodeFromChars(token.Split('.')[1]);
        using var document = JsonDocument.Parse(payload);
        return document.RootElement.GetProperty(name).GetString()!;
    }
}
