namespace KtEvents.User.Model;

/// <summary>
/// A Korean mobile number in its stored form, <c>01012345678</c>. People type it as 010-1234-5678,
/// 010 1234 5678, 010.1234.5678 or +82 10-1234-5678; all of them normalise to the same value, so the
/// same owner cannot sign up twice by typing it differently.
/// </summary>
public static class PhoneNumber
{
    public static bool TryNormalize(string? input, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(input) || input.Length > 32)
        {
            return false;
        }

        Span<char> digits = stackalloc char[32];
        var count = 0;
        var text = input.Trim();
        if (text.StartsWith('+'))
        {
            if (!text.StartsWith("+82", StringComparison.Ordinal))
            {
                return false;
            }

            digits[count++] = '0';
            text = text[3..];
        }

        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits[count++] = c;
            }
            else if (c is not ('-' or ' ' or '.' or '(' or ')'))
            {
                return false;
            }
        }

        // "+82 010-…" also occurs: the trunk zero typed twice.
        var value = new string(digits[..count]);
        if (value.StartsWith("0010", StringComparison.Ordinal))
        {
            value = value[1..];
        }

        if (value.Length != 11 || !value.StartsWith("010", StringComparison.Ordinal))
        {
            return false;
        }

        normalized = value;
        return true;
    }
}
