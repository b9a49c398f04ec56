using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;

namespace KtEvents.ServiceDefaults.Authentication;

/// <summary>
/// base64url as JWS requires it (RFC 7515 §2): URL alphabet, no padding, no whitespace. The framework's
/// decoder is lenient about padding and whitespace; a token is not, so each segment has one spelling.
/// </summary>
internal static class Base64UrlStrict
{
    public static bool TryDecode(ReadOnlySpan<char> text, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (text.Length % 4 == 1)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return false;
            }
        }

        bytes = Base64Url.DecodeFromChars(text);
        return true;
    }

    public static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);
}
