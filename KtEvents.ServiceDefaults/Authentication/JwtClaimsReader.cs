using System.Globalization;
using System.Security.Claims;
using System.Text.Json;

namespace KtEvents.ServiceDefaults.Authentication;

/// <summary>
/// Turns a verified payload into claims with the token's own names: "sub" stays "sub" (and is also
/// given as <see cref="ClaimTypes.NameIdentifier"/>, which ASP.NET Core features look for), arrays
/// become one claim per element, objects keep their JSON.
/// </summary>
internal static class JwtClaimsReader
{
    public const string JsonValueType = "JSON";

    public static List<Claim> Read(JsonElement payload, string issuer)
    {
        var claims = new List<Claim>();
        foreach (var property in payload.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var element in property.Value.EnumerateArray())
                {
                    Add(claims, property.Name, element, issuer);
                }
            }
            else
            {
                Add(claims, property.Name, property.Value, issuer);
            }

            if (property.Name == "sub" && property.Value.ValueKind == JsonValueKind.String)
            {
                claims.Add(new Claim(ClaimTypes.NameIdentifier, property.Value.GetString()!, ClaimValueTypes.String, issuer));
            }
        }

        return claims;
    }

    private static void Add(List<Claim> claims, string name, JsonElement value, string issuer)
    {
        var (text, type) = value.ValueKind switch
        {
            JsonValueKind.String => (value.GetString(), ClaimValueTypes.String),
            JsonValueKind.Number when value.TryGetInt64(out var integer) =>
                (integer.ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64),
            JsonValueKind.Number => (value.GetRawText(), ClaimValueTypes.Double),
            JsonValueKind.True => ("true", ClaimValueTypes.Boolean),
            JsonValueKind.False => ("false", ClaimValueTypes.Boolean),
            JsonValueKind.Object or JsonValueKind.Array => (value.GetRawText(), JsonValueType),
            _ => (null, null),
        };

        if (text is not null && type is not null)
        {
            claims.Add(new Claim(name, text, type, issuer));
        }
    }
}
