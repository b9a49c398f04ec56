namespace KtEvents.Sandbox.Nts;

/// <summary>
/// The published check digit of a 사업자등록번호: the first nine digits weighted 1,3,7,1,3,7,1,3,5,
/// plus the tens of the ninth digit × 5, and the tenth digit makes the sum a multiple of ten.
/// The sandbox carries its own copy because it stands in for the 국세청, not for our code.
/// </summary>
public static class BusinessNumberCheckDigit
{
    private static readonly int[] Weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];

    /// <summary>True for exactly ten ASCII digits whose last one is the right check digit.</summary>
    public static bool IsValid(string number)
    {
        if (number.Length != 10 || !number.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += (number[i] - '0') * Weights[i];
        }

        sum += (number[8] - '0') * 5 / 10;
        return (10 - sum % 10) % 10 == number[9] - '0';
    }
}
