namespace KtEvents.EndToEnd.Tests.Infrastructure;

/// <summary>사업자등록번호 for tests: the published check-digit rule, on random prefixes so runs never collide.</summary>
public static class BusinessNumbers
{
    private static readonly int[] Weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];

    /// <summary>A number whose check digit is right (the Sandbox's NTS treats it as 계속사업자).</summary>
    public static string NewValid()
    {
        while (true)
        {
            var prefix = Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var number = prefix + CheckDigit(prefix);
            if (number != Closed && number != Suspended && number != Unregistered)
            {
                return number;
            }
        }
    }

    /// <summary>The same number with its check digit changed.</summary>
    public static string WithWrongCheckDigit(string valid) => valid[..9] + (char)('0' + ((valid[9] - '0' + 1) % 10));

    public static char CheckDigit(string first9)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (first9[i] - '0') * Weights[i];
        }

        sum += (first9[8] - '0') * 5 / 10;
        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    // The Sandbox's NTS registry (services/Sandbox/Apis/NtsApi.cs).
    public const string Closed = "3000000007";
    public const string Suspended = "2000000008";
    public const string Unregistered = "4000000006";
}
