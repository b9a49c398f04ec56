namespace KtEvents.User.Model;

/// <summary>A 사업자등록번호: ten digits, typed with or without dashes (123-45-67891).</summary>
public static class BusinessNumber
{
    private static readonly int[] Weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];

    public static bool TryNormalize(string? input, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var digits = new string([.. input.Where(c => c is not ('-' or ' '))]);
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        normalized = digits;
        return true;
    }

    /// <summary>
    /// The published check-digit rule: the first nine digits weighted 1,3,7,1,3,7,1,3,5, plus the tens
    /// of (ninth digit × 5); the tenth digit is what makes the sum a multiple of ten. Catches most typos
    /// before we ask the 국세청.
    /// </summary>
    public static bool HasValidCheckDigit(string normalized)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += (normalized[i] - '0') * Weights[i];
        }

        sum += (normalized[8] - '0') * 5 / 10;
        return (10 - sum % 10) % 10 == normalized[9] - '0';
    }
}
