using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace KtEvents.Dashboard.Auth;

/// <summary>
/// The browser's proof that it logged in with the token. The cookie holds an HMAC of a fixed label
/// keyed by the token, not the token: it never has to be stored, a new token (a new AppHost run
/// with another one) signs every browser out, and the cookie cannot be turned back into the token.
/// </summary>
internal sealed class BrowserSession(IOptions<DashboardOptions> options)
{
    public const string CookieName = "ktevents_dashboard";

    private readonly Lazy<string> expectedCookie = new(() => Base64Url.EncodeToString(
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.BrowserToken), "KtEvents.Dashboard browser session"u8)));

    /// <summary>Constant time over hashes of equal length, so neither the token's bytes nor its length leak through timing.</summary>
    public bool IsValidToken(string? token) =>
        !string.IsNullOrEmpty(token)
        && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(token)),
            SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.BrowserToken)));

    public bool IsSignedIn(HttpRequest request) =>
        request.Cookies.TryGetValue(CookieName, out var value)
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(value ?? ""), Encoding.ASCII.GetBytes(expectedCookie.Value));

    public void SignIn(HttpResponse response) =>
        response.Cookies.Append(CookieName, expectedCookie.Value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = response.HttpContext.Request.IsHttps,
            Path = "/",
            IsEssential = true,
        });
}
