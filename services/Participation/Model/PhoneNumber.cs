namespace KtEvents.Participation.Model;

/// <summary>Korean mobile numbers, stored as digits only (<c>01012345678</c>, ARCHITECTURE.md §4).</summary>
public static class PhoneNumber
{
    /// <summary>
    /// Accepts the forms people type (<c>010-1234-5678</c>, <c>010 1234 5678</c>, <c>+82 10-1234-5678</c>)
    /// and returns the digits, or null when it is not a mobile number (01X followed by 7 or 8 digits).
    /// </summary>
    public static string? NormalizeMobile(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }
        Span<char> digits = stackalloc char[16];
        var length = 0;
        foreach (var c in input.Trim())
        {
            if (char.IsAsciiDigit(c))
            {
                if (length == digits.Length)
                {
                    return null;
                }
                digits[length++] = c;
            }
            else if (c is not ('-' or ' ' or '.' or '(' or ')' or '+'))
            {
                return null;
            }
        }
        var number = digits[..length].ToString();
        if (number.StartsWith("82", StringComparison.Ordinal) && input.TrimStart().StartsWith('+'))
        {
            var national = number[2..];
            number = national.StartsWith('0') ? national : "0" + national;
        }
        var isMobile = number.Length is 10 or 11
            && number.StartsWith("01", StringComparison.Ordinal)
            && number[2] is '0' or '1' or '6' or '7' or '8' or '9'
            // 010 numbers always have 11 digits since 2004.
            && (number[2] != '0' || number.Length == 11);
        return isMobile ? number : null;
    }

    /// <summary><c>01012345678</c> → <c>010-****-5678</c>: enough for the customer to recognise, not to call.</summary>
    public static string Mask(string normalized) =>
        normalized.Length >= 10
            ? $"{normalized[..3]}-{new string('*', normalized.Length - 7)}-{normalized[^4..]}"
            : new string('*', normalized.Length);
}
