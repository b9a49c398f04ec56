using KtEvents.User.Model;

namespace KtEvents.User.Tests;

/// <summary>The value rules of UFR-USER-010 on their own.</summary>
public sealed class ModelTests
{
    [Theory]
    [InlineData("1248100998")] // 삼성전자 124-81-00998
    [InlineData("1234567891")]
    [InlineData("2000000008")]
    [InlineData("3000000007")]
    [InlineData("4000000006")]
    public void UFR_USER_010_Real_and_sandbox_business_numbers_pass_the_check_digit(string number) =>
        Assert.True(BusinessNumber.HasValidCheckDigit(number));

    [Theory]
    [InlineData("1248100997")] // last digit off by one
    [InlineData("1428100998")] // two digits swapped
    [InlineData("1234567890")]
    public void UFR_USER_010_Typos_fail_the_check_digit(string number) =>
        Assert.False(BusinessNumber.HasValidCheckDigit(number));

    [Theory]
    [InlineData("124-81-00998", "1248100998")]
    [InlineData(" 124 81 00998 ", "1248100998")]
    public void UFR_USER_010_Business_numbers_normalise_to_ten_digits(string input, string expected)
    {
        Assert.True(BusinessNumber.TryNormalize(input, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("")]
    [InlineData("124-81-0099")]
    [InlineData("124-81-009988")]
    [InlineData("12481OO998")]
    [InlineData("１２４８１００９９８")] // full-width digits
    public void UFR_USER_010_Other_business_number_input_is_not_a_number(string input) =>
        Assert.False(BusinessNumber.TryNormalize(input, out _));

    [Theory]
    [InlineData("01012345678")]
    [InlineData("010-1234-5678")]
    [InlineData("010 1234 5678")]
    [InlineData("010.1234.5678")]
    [InlineData("(010) 1234-5678")]
    [InlineData("+82 10-1234-5678")]
    [InlineData("+82 010-1234-5678")]
    [InlineData("+821012345678")]
    public void UFR_USER_010_Phone_forms_normalise(string input)
    {
        Assert.True(PhoneNumber.TryNormalize(input, out var normalized));
        Assert.Equal("01012345678", normalized);
    }

    [Theory]
    [InlineData("")]
    [InlineData("010-1234-567")]
    [InlineData("010-1234-56789")]
    [InlineData("011-123-4567")]
    [InlineData("02-1234-5678")]
    [InlineData("+1 010-1234-5678")]
    [InlineData("010-1234-5678 ext 1")]
    public void UFR_USER_010_Other_phone_input_is_refused(string input) =>
        Assert.False(PhoneNumber.TryNormalize(input, out _));

    [Theory]
    [InlineData("s3cret!pass", true)]
    [InlineData("Abcdef1@", true)]
    [InlineData("Abcdef1", false)]
    [InlineData("abcdefgh1", false)]
    [InlineData("abcdefgh!", false)]
    [InlineData("12345678!", false)]
    [InlineData("비밀번호123!", false)]
    public void UFR_USER_010_Passwords_need_eight_characters_with_letters_digits_and_a_special_character(string password, bool strong) =>
        Assert.Equal(strong, RegistrationValidator.IsStrongPassword(password));
}
