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

        // Text with leftover bits set (e.g. "jwt") is not canonical base64url: refuse it, don't throw.
        var buffer = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        // The OperationStatus overload: TryDecodeFromChars still throws FormatException on such text.
        if (Base64Url.DecodeFromChars(text, buffer, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        bytes = buffer.AsSpan(0, written).ToArray();
        return true;
    }

    public static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);
}
